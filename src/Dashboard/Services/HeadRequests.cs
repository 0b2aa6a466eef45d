namespace CchcAnalytics.Dashboard.Services;

/// <summary>Answers <c>HEAD</c> like <c>GET</c> for pages and downloads: the same status and headers (type, length, file
/// name), without the body. Endpoints are mapped for GET only, so without this a HEAD (link checkers, download managers,
/// <c>curl -I</c>) got 405.</summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (http, next) =>
        {
            if (!HttpMethods.IsHead(http.Request.Method))
            {
                await next(http).ConfigureAwait(false);
                return;
            }

            // Routed as a GET; the server still knows the request was a HEAD and sends no body (Kestrel discards
            // what is written), so the headers, Content-Length included, are exactly the GET's.
            http.Request.Method = HttpMethods.Get;
            try
            {
                await next(http).ConfigureAwait(false);
            }
            finally
            {
                http.Request.Method = HttpMethods.Head;
            }
        });
    }
}
