namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>Response headers that keep the dashboard out of frames, stop content sniffing, keep addresses (with their
/// filters) out of other sites' logs and allow scripts, styles and images only from the dashboard itself.</summary>
public static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy. Inline styles are allowed for the charts' sizing attributes and Blazor's
    /// own; no inline script except Blazor's import map (hash-free because it is data, not code: type=importmap).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["X-Content-Type-Options"] = "nosniff";
                headers["X-Frame-Options"] = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Content-Security-Policy"] = ContentSecurityPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (context.User.IsSignedIn())
                {
                    headers.CacheControl = "no-store"; // pages seen by an account are not kept in shared caches
                }

                return Task.CompletedTask;
            });
            return next();
        });
    }
}
