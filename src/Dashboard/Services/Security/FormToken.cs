using Microsoft.AspNetCore.Antiforgery;

namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>The antiforgery check for every write post, whatever the endpoint binds. ASP.NET Core enforces the token
/// only where a minimal-API handler reads form data; confirming an upload, cancelling it or signing out read none,
/// so without this filter a page on another site could post them with the user's cookie.</summary>
public static class FormToken
{
    /// <summary>The Vietnamese reason the status page shows for a post without a valid token.</summary>
    public const string Reason = "Biểu mẫu không hợp lệ hoặc đã hết hạn (thiếu mã chống giả mạo). Tải lại trang rồi thử lại; không có gì được ghi.";

    public static TBuilder RequireFormToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(FormTokenRequired.Instance);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            bool valid;
            try
            {
                valid = await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException ex)
            {
                // The form itself could not be read: a body over the limit, or a malformed one.
                var tooLarge = WritePostChecks.IsBodyTooLarge(ex);
                http.Items[UploadEndpoints.DenialKey] = tooLarge ? WritePostChecks.TooLargeReason : Reason;
                return Results.StatusCode(tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
            }

            if (!valid)
            {
                http.Items[UploadEndpoints.DenialKey] = Reason;
                return Results.StatusCode(StatusCodes.Status400BadRequest);
            }

            return await next(context).ConfigureAwait(false);
        });
        return builder;
    }
}
