using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>Clear answers to write posts the endpoints cannot bind: a body larger than an upload may be is a 413 that
/// says so (before anything reads it, so it is not mistaken for an expired form), and a post without a form body (no
/// body at all, another content type, a multipart type without its boundary) is a 400, not a 500 or a bare 415. Both
/// reach the Vietnamese status page with their reason.</summary>
public static class WritePostChecks
{
    /// <summary>The reason for a request body over the upload limit.</summary>
    public static readonly string TooLargeReason =
        $"Tệp quá lớn (tối đa {UploadService.MaxBytes / (1024 * 1024)} MB). Không có gì được ghi; hãy chọn tệp nhỏ hơn.";

    /// <summary>The reason for a write post without a form body.</summary>
    public const string NoFormReason =
        "Yêu cầu không có nội dung biểu mẫu. Hãy gửi từ biểu mẫu trên trang của bảng điều khiển (tải lại trang rồi thử lại); không có gì được ghi.";

    /// <summary>The reason for a form posted to a page (pages only show; their forms post elsewhere).</summary>
    public const string PagePostReason = "Trang này chỉ để xem, không nhận biểu mẫu gửi lên. Hãy gửi từ biểu mẫu trên trang của bảng điều khiển; không có gì được ghi.";

    /// <summary>Checks write posts (endpoints marked with <see cref="FormToken.RequireFormToken"/>) before their body is
    /// read; <paramref name="maxRequestBytes"/> is the request size Kestrel allows.</summary>
    public static IApplicationBuilder UseWritePostChecks(this IApplicationBuilder app, long maxRequestBytes)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (http, next) =>
        {
            var endpoint = http.GetEndpoint();
            var writePost = endpoint?.Metadata.GetMetadata<FormTokenRequired>() is not null;
            // Pages never take posts (their forms post to the write endpoints or use GET); Blazor would answer one
            // with an English 400, and a body-less post to /don-vi/{id}/tham-dinh is routed to its page.
            var page = endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            if (HttpMethods.IsPost(http.Request.Method) && (writePost || page || endpoint?.DisplayName == UnsupportedMediaTypeEndpoint))
            {
                var request = http.Request;
                var (status, reason) = request switch
                {
                    { ContentLength: > 0 and var length } when length > maxRequestBytes => (StatusCodes.Status413PayloadTooLarge, TooLargeReason),
                    _ when page && request.HasFormContentType => (StatusCodes.Status400BadRequest, PagePostReason),
                    _ when !writePost => (StatusCodes.Status400BadRequest, NoFormReason),
                    { HasFormContentType: false } => (StatusCodes.Status400BadRequest, NoFormReason),
                    // An empty form is a form without its antiforgery token: the token check's own reason.
                    _ when http.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false } => (StatusCodes.Status400BadRequest, FormToken.Reason),
                    _ when request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                           && !request.ContentType.Contains("boundary=", StringComparison.OrdinalIgnoreCase) => (StatusCodes.Status400BadRequest, NoFormReason),
                    _ => (0, null),
                };
                if (reason is not null)
                {
                    http.Items[UploadEndpoints.DenialKey] = reason;
                    http.Response.StatusCode = status;
                    return;
                }
            }

            await next(http).ConfigureAwait(false);
        });
    }

    /// <summary>Re-executed status and error pages (<c>/trang-loi/{code}</c>, <c>/loi</c>) render as a GET: re-executing
    /// a post would make the page try to read a form that may not be there (a post without a body ended in a 500).</summary>
    public static IApplicationBuilder UseStatusPagesAsGet(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (http, next) =>
        {
            var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;
            if (!reExecuted || HttpMethods.IsGet(http.Request.Method))
            {
                await next(http).ConfigureAwait(false);
                return;
            }

            var method = http.Request.Method;
            http.Request.Method = HttpMethods.Get;
            try
            {
                await next(http).ConfigureAwait(false);
            }
            finally
            {
                http.Request.Method = method;
            }
        });
    }

    /// <summary>Whether an exception (or one inside it) is Kestrel's "request body too large".</summary>
    public static bool IsBodyTooLarge(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The endpoint routing picks when no endpoint of the path accepts the request's content type (e.g. an
    /// upload posted without a file part): its answer would be a bare 415.</summary>
    private const string UnsupportedMediaTypeEndpoint = "415 HTTP Unsupported Media Type";
}

/// <summary>Marks a write endpoint (set by <see cref="FormToken.RequireFormToken"/>).</summary>
public sealed class FormTokenRequired
{
    public static FormTokenRequired Instance { get; } = new();
}
