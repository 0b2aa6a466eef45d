using CchcAnalytics.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>Sign-in and sign-out: HTML form posts with antiforgery tokens, answered by redirects.</summary>
public static partial class AccountEndpoints
{
    public const string SignInPath = "/dang-nhap";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/tai-khoan/dang-nhap", async (HttpContext http, AccountStore accounts, LoginThrottle throttle, SignInSessions sessions, ILoggerFactory loggers,
            [FromForm(Name = "ten")] string? userName, [FromForm(Name = "mat-khau")] string? password, [FromForm(Name = "quay-lai")] string? returnUrl) =>
        {
            var logger = loggers.CreateLogger("CchcAnalytics.Dashboard.SignIn");
            var name = (userName ?? "").Trim();
            // The client's address: behind a configured reverse proxy, the one it forwarded (Program.cs).
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "?";
            var back = SafeReturnUrl(returnUrl);
            if (throttle.IsLocked(name, address))
            {
                LogLocked(logger, name, address);
                return Results.Redirect($"{SignInPath}?loi=tam-khoa&quay-lai={Uri.EscapeDataString(back)}");
            }

            var account = name.Length is > 0 and <= 64 ? accounts.Verify(name, password ?? "") : null;
            if (account is null)
            {
                // A real account's counter is kept apart from made-up names, so a flood of those cannot reset it.
                throttle.Fail(name, address, accountExists: name.Length is > 0 and <= 64 && accounts.Find(name) is not null);
                LogFailed(logger, name, address);
                return Results.Redirect($"{SignInPath}?loi=sai&quay-lai={Uri.EscapeDataString(back)}");
            }

            throttle.Succeed(name);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CchcClaims.For(account, sessions.Start(account.UserName))).ConfigureAwait(false);
            var role = account.Role.ToCode();
            LogSignedIn(logger, account.UserName, role, address);
            return Results.Redirect(back);
        }).RequireFormToken();

        app.MapPost("/tai-khoan/dang-xuat", async (HttpContext http, SignInSessions sessions) =>
        {
            // Ends the session on the server too: a copy of this cookie is refused from now on.
            sessions.End(http.User.FindFirst(CchcClaims.Session)?.Value);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect("/");
        }).RequireFormToken();
        return app;
    }

    /// <summary>Only a path on this site (no scheme, no host, no "//" or "/\") may follow sign-in.</summary>
    public static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 and < 500 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\n', StringComparison.Ordinal) && !url.Contains('\r', StringComparison.Ordinal)
            ? url
            : "/";

    [LoggerMessage(Level = LogLevel.Information, Message = "Đăng nhập: {User} ({Role}) từ {Address}")]
    private static partial void LogSignedIn(ILogger logger, string user, string role, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Đăng nhập sai: '{User}' từ {Address}")]
    private static partial void LogFailed(ILogger logger, string user, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Đăng nhập bị tạm khóa sau nhiều lần sai: '{User}' từ {Address}")]
    private static partial void LogLocked(ILogger logger, string user, string address);
}
