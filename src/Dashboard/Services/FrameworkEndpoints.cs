using CchcAnalytics.Core;
using CchcAnalytics.Dashboard.Services.Security;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>The province reviews and removes draft frameworks (issue 12: the province decides the framework). A plain
/// form post from Dữ liệu, antiforgery-checked (<see cref="FormToken"/>), province accounts only.</summary>
public static class FrameworkEndpoints
{
    /// <summary>The form field that asks to withdraw the current submissions checked against the draft as well.</summary>
    public const string WithdrawField = "rut-bang-diem";

    public static IEndpointRouteBuilder MapFrameworkEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Binding IFormCollection also makes ASP.NET Core require the token; FormToken checks it whatever is bound.
        app.MapPost("/du-lieu/bo-tieu-chi/{id}/xoa", (HttpContext http, string id, IFormCollection form, IndexDataProvider provider, UploadService uploads) =>
        {
            var withdraw = form[WithdrawField] == "1";
            var removal = provider.Write(() => uploads.Desk.RemoveDraft(id, withdraw, http.User.Actor()));
            return removal.Status switch
            {
                DraftRemovalStatus.Removed => Results.Redirect("/du-lieu#bo-tieu-chi"),
                DraftRemovalStatus.NotFound => Denied(http, 404, $"Không có bộ tiêu chí “{id}” (có thể đã bị xóa). Không có gì được ghi."),
                DraftRemovalStatus.NotDraft => Denied(http, 400,
                    $"Bộ tiêu chí {id} không phải bản nháp mà là dữ liệu tham chiếu (data/frameworks); chỉ bản nháp mới xóa được ở đây. Không có gì được ghi."),
                _ => Denied(http, 409,
                    $"Bộ tiêu chí tạm {id} đang được {removal.Submissions.Count} bảng điểm hiện hành dùng ({Describe(removal.Submissions)}). " +
                    $"Muốn xóa thì đánh dấu “Rút cả {removal.Submissions.Count} bảng điểm này” (chúng thôi là số liệu hiện hành, vẫn giữ trong lịch sử). Không có gì được ghi."),
            };
        }).RequireAuthorization(CchcClaims.ProvincePolicy).RequireFormToken();
        return app;
    }

    /// <summary>"hoang-hoa 2021 tự chấm v1, …" (the province, the only one who gets here, may see every unit-year).</summary>
    public static string Describe(IReadOnlyList<Submission> submissions)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        return string.Join(", ", submissions.Select(s => $"{s.UnitId} {s.Year} {s.Stage.ToVietnamese()} v{s.Version}"));
    }

    /// <summary>An error status whose Vietnamese reason the status page shows.</summary>
    private static IResult Denied(HttpContext http, int status, string reason)
    {
        http.Items[UploadEndpoints.DenialKey] = reason;
        return Results.StatusCode(status);
    }
}
