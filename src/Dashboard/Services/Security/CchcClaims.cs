using System.Security.Claims;
using CchcAnalytics.Accounts;

namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>What the sign-in cookie says about an account, and reading it back.</summary>
public static class CchcClaims
{
    public const string Unit = "cchc:unit";
    public const string Stamp = "cchc:stamp";
    public const string DisplayName = "cchc:display-name";

    /// <summary>The server-side session this cookie belongs to (<see cref="SignInSessions"/>).</summary>
    public const string Session = "cchc:session";

    /// <summary>Policy: any page or download (open to everyone when <see cref="DashboardOptions.OpenReading"/>).</summary>
    public const string ReadPolicy = "read";

    /// <summary>Policy: uploading (district and province accounts).</summary>
    public const string UploadPolicy = "upload";

    /// <summary>Policy: province-only pages (accounts).</summary>
    public const string ProvincePolicy = "province";

    /// <summary>The principal of a sign-in of <paramref name="account"/> in server-side session <paramref name="session"/>.</summary>
    public static ClaimsPrincipal For(UserAccount account, string session)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(session);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.UserName),
            new(DisplayName, account.DisplayName),
            new(ClaimTypes.Role, account.Role.ToCode()),
            new(Stamp, account.SecurityStamp),
            new(Session, session),
        };
        if (account.UnitId is { } unit)
        {
            claims.Add(new Claim(Unit, unit));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "cchc-cookie", ClaimTypes.Name, ClaimTypes.Role));
    }

    public static bool IsSignedIn(this ClaimsPrincipal user) => user?.Identity?.IsAuthenticated == true;

    public static Role? CchcRole(this ClaimsPrincipal user) =>
        user.IsSignedIn() && RoleText.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static string? UnitId(this ClaimsPrincipal user) => user.FindFirstValue(Unit);

    /// <summary>The audit trail's name for a signed-in user: <c>user:name</c>.</summary>
    public static string Actor(this ClaimsPrincipal user) => $"user:{user.Identity?.Name}";
}
