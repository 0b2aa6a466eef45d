using System.Globalization;
using CchcAnalytics.Accounts;
using CchcAnalytics.Dashboard.Components;
using CchcAnalytics.Dashboard.Services;
using CchcAnalytics.Dashboard.Services.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;

// Vietnamese everywhere: numbers as "92,5", dates as dd/MM/yyyy.
var vietnamese = CchcAnalytics.Core.VietnameseText.Culture;
CultureInfo.DefaultThreadCurrentCulture = vietnamese;
CultureInfo.DefaultThreadCurrentUICulture = vietnamese;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDashboardOptions(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IndexDataProvider>();
// The outlines maps are drawn on (data/boundaries/*.geojson), read once; a bad file stops the start, naming it.
builder.Services.AddSingleton(services => CchcAnalytics.Charts.Maps.MapBoundaries.LoadFolder(Path.Combine(services.GetRequiredService<DataLocation>().DataFolder, "boundaries")));
builder.Services.AddSingleton(services => new AccountStore(services.GetRequiredService<IndexDataProvider>().Database));
builder.Services.AddSingleton<UploadService>();
builder.Services.AddSingleton<UploadStaging>();
builder.Services.AddSingleton<LoginThrottle>();
builder.Services.AddSingleton<SignInSessions>();
builder.Services.AddRazorComponents();

// Uploads: the request may carry one file of at most UploadService.MaxBytes (plus the form around it).
var maxRequest = UploadService.MaxBytes + (1024 * 1024);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxRequest);
builder.Services.Configure<FormOptions>(form =>
{
    form.MultipartBodyLengthLimit = maxRequest;
    form.ValueCountLimit = 1024; // the appraisal form has one field per sub-criterion (about 80–120)
});

// Accounts: a sign-in cookie (HttpOnly, SameSite=Strict) checked against the account on every request, so a changed
// password, role or a disabled account ends older sign-ins at once, and against the server's open sessions, so a
// signed-out cookie (or a copy of it) is refused.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
{
    cookie.LoginPath = AccountEndpoints.SignInPath;
    cookie.ReturnUrlParameter = "quay-lai";
    cookie.Cookie.Name = "cchc.auth";
    cookie.Cookie.HttpOnly = true;
    cookie.Cookie.SameSite = SameSiteMode.Strict;
    cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
    cookie.SlidingExpiration = true;
    cookie.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
    cookie.Events.OnValidatePrincipal = context =>
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        var account = context.Principal?.Identity?.Name is { } name ? accounts.Find(name) : null;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        if (account is null || account.Disabled || account.SecurityStamp != context.Principal!.FindFirst(CchcClaims.Stamp)?.Value
            || !sessions.Touch(context.Principal.FindFirst(CchcClaims.Session)?.Value, account.UserName))
        {
            context.RejectPrincipal();
        }

        return Task.CompletedTask;
    };
});
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(CchcClaims.ReadPolicy, policy => policy.AddRequirements(new ReadRequirement()))
    .AddPolicy(CchcClaims.UploadPolicy, policy => policy.RequireRole(Role.District.ToCode(), Role.Province.ToCode()))
    .AddPolicy(CchcClaims.ProvincePolicy, policy => policy.RequireRole(Role.Province.ToCode()));
builder.Services.AddCascadingAuthenticationState();

builder.Services.AddSingleton<IAuthorizationHandler, ReadRequirementHandler>();

var app = builder.Build();

// The settings are bound and validated here, before anything reads them (ValidateOnStart alone would wait until the
// host starts, after the database is built): a bad setting stops the start with every problem named.
var options = app.Services.GetRequiredService<DashboardOptions>();

// Behind a reverse proxy (README, threat model): the client's address and scheme come from X-Forwarded-For and
// X-Forwarded-Proto, believed only from the configured proxies; without any, the headers are ignored.
if (options.KnownProxies.Count > 0)
{
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
    forwarded.KnownProxies.Clear();
    forwarded.KnownIPNetworks.Clear();
    foreach (var proxy in options.KnownProxies)
    {
        forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
            ? address
            : throw new InvalidOperationException($"Cchc:KnownProxies: '{proxy}' không phải là địa chỉ IP (ví dụ 10.0.0.5 hoặc ::1)."));
    }

    app.UseForwardedHeaders(forwarded);
}

// Build the embedded database from the data folder before the first request (first start takes ~15 s) and read its
// snapshot; what the opening page shows is computed in the background.
var indexData = app.Services.GetRequiredService<IndexDataProvider>();
indexData.EnsureBuilt();
indexData.WarmInBackground();
_ = app.Services.GetRequiredService<CchcAnalytics.Charts.Maps.MapBoundaries>();

// Users never see a stack trace or SQL, not even in Development (the README's main command runs Development so
// that static files are served without publishing); details go to the log.
// A bad request (a form without its antiforgery token, a malformed body) keeps its 4xx status.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/loi",
    CreateScopeForErrors = true,
    // A body over Kestrel's limit surfaces inside other exceptions (the antiforgery check reads the form first).
    StatusCodeSelector = exception => WritePostChecks.IsBodyTooLarge(exception) ? StatusCodes.Status413PayloadTooLarge
        : exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseSecurityHeaders();
// HEAD is routed as GET, so it must come before routing (called here, not implicitly first).
app.UseHeadAsGet();
app.UseRouting();

app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(vietnamese),
    SupportedCultures = [vietnamese],
    SupportedUICultures = [vietnamese],
});
app.UseStatusCodePagesWithReExecute("/trang-loi/{0}", createScopeForStatusCodePages: true);
app.UseStatusPagesAsGet();
app.UseAuthentication();
app.UseAuthorization();
app.UseWritePostChecks(maxRequest);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapUploadEndpoints();
app.MapFrameworkEndpoints();
app.MapExports().RequireAuthorization(CchcClaims.ReadPolicy);
app.MapRazorComponents<App>().RequireAuthorization(CchcClaims.ReadPolicy);

app.Run();

/// <summary>The dashboard's entry point (public for WebApplicationFactory-style tests).</summary>
public partial class Program;
