using CchcAnalytics.Dashboard.Services.Security;
using Microsoft.AspNetCore.Mvc;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Upload as plain form posts (antiforgery-checked by <see cref="FormToken"/> whatever they bind, signed-in district or province accounts): the file is
/// validated and held for preview (<c>/du-lieu/tai-len/{id}</c>); only confirming writes, and only what the account may
/// write — anything else is a 403 that stores nothing.</summary>
public static partial class UploadEndpoints
{
    /// <summary>Request key under which the reason of a 4xx (a refused upload, a unit that does not exist) reaches the
    /// status page.</summary>
    public const string DenialKey = "cchc.denial";

    /// <summary>Request key of the status page's way on, a <c>(string Href, string Text)</c> link (e.g. "Chọn đơn vị").</summary>
    public const string NextStepKey = "cchc.next-step";

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/du-lieu/tai-len").RequireAuthorization(CchcClaims.UploadPolicy).RequireFormToken();

        group.MapPost("/", async (HttpContext http, UploadService uploads, UploadStaging staging, ILoggerFactory loggers, IFormFile? tep) =>
        {
            if (tep is null || tep.Length == 0)
            {
                return Denied(http, 400, "Chưa chọn tệp, hoặc tệp trống. Chọn một tệp .txt, .csv, .xlsx, .docx hoặc .pdf rồi bấm “Kiểm tra”.");
            }

            if (tep.Length > UploadService.MaxBytes)
            {
                return Denied(http, 413, $"Tệp {tep.FileName} lớn hơn {UploadService.MaxBytes / (1024 * 1024)} MB; không có gì được ghi.");
            }

            var bytes = new byte[tep.Length];
            await using (var stream = tep.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes).ConfigureAwait(false);
            }

            var name = Path.GetFileName(tep.FileName);
            var preview = uploads.Preview(name, bytes, http.User);
            // Users read the Vietnamese message; the technical detail behind it (an exception's text) goes to the log.
            var logger = loggers.CreateLogger("CchcAnalytics.Dashboard.Upload");
            foreach (var problem in preview.Validation.Problems.Where(p => p.Detail is not null))
            {
                LogProblemDetail(logger, name, problem.Code, problem.Detail!);
            }

            var staged = staging.Add(http.User.Actor(), preview);
            return Results.Redirect($"/du-lieu/tai-len/{staged.Id}", permanent: false, preserveMethod: false);
        }).DisableRequestTimeout();

        group.MapPost("/{id}/xac-nhan", (HttpContext http, string id, UploadService uploads, UploadStaging staging) =>
        {
            var staged = staging.Find(id, http.User.Actor());
            if (staged is null)
            {
                return Denied(http, 404, "Không còn bản xem trước này (đã lưu, đã hủy, quá 30 phút hoặc của tài khoản khác). Tải tệp lên lại.");
            }

            if (staged.Stored is not null)
            {
                return Results.Redirect($"/du-lieu/tai-len/{id}");
            }

            if (!staged.Preview.Validation.Accepted)
            {
                return Denied(http, 400, "Tệp này bị từ chối khi kiểm tra nên không lưu được. Sửa các lỗi rồi tải lên lại. Không có gì được ghi.");
            }

            var (report, denial) = uploads.Confirm(staged.Preview, http.User);
            if (denial is not null)
            {
                return Denied(http, 403, denial + " Không có gì được ghi.");
            }

            staging.Update(staged with { Stored = report });
            return Results.Redirect($"/du-lieu/tai-len/{id}");
        });

        // The province types an appraisal: it becomes a staged upload like any file, previewed before anything is written.
        // Binding IFormCollection makes the antiforgery token required, as for every form post here.
        app.MapPost("/don-vi/{unitId}/tham-dinh", (HttpContext http, string unitId, IFormCollection form, UploadService uploads, UploadStaging staging, IndexDataProvider provider) =>
        {
            var year = Query.Year(form["nam"]);
            var unit = provider.Data.Units.FirstOrDefault(u => u.Id == unitId);
            if (unit is null || year is null || AppraisalForm.Load(uploads.Desk, unitId, year.Value) is not { } current)
            {
                return Denied(http, 404, $"Không có bảng tự chấm hiện hành của đơn vị “{unitId}” năm {form["nam"]} để thẩm định.");
            }

            var points = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            var notes = new Dictionary<string, string>(StringComparer.Ordinal);
            var bad = new List<string>();
            foreach (var code in AppraisalForm.Leaves(current.SelfScores))
            {
                if (AppraisalForm.TryReadPoints(form[AppraisalForm.Field(code)], out var value))
                {
                    points[code] = value;
                }
                else
                {
                    bad.Add($"{code} (“{form[AppraisalForm.Field(code)]}”)");
                }

                var note = form[AppraisalForm.NoteField(code)].ToString().Trim();
                if (note.Length > AppraisalForm.MaxNoteCharacters)
                {
                    return Denied(http, 400, $"Ghi chú thẩm định của {code} dài {Fmt.N(note.Length)} ký tự, quá {Fmt.N(AppraisalForm.MaxNoteCharacters)} ký tự. Không có gì được ghi.");
                }

                notes[code] = note;
            }

            if (bad.Count > 0)
            {
                return Denied(http, 400, $"Không đọc được điểm thẩm định của {string.Join(", ", bad)}: nhập số như 1 hoặc 0,5; để trống nếu chưa có điểm. Không có gì được ghi.");
            }

            var csv = AppraisalForm.ToCsv(unit, year.Value, current.SelfScores, points, notes);
            var staged = staging.Add(http.User.Actor(), uploads.Preview(AppraisalForm.FileName(unitId, year.Value), AppraisalForm.Bytes(csv), http.User));
            return Results.Redirect($"/du-lieu/tai-len/{staged.Id}");
        }).RequireAuthorization(CchcClaims.ProvincePolicy).RequireFormToken();

        group.MapPost("/{id}/huy", (HttpContext http, string id, UploadStaging staging) =>
        {
            if (staging.Find(id, http.User.Actor()) is not null)
            {
                staging.Remove(id);
            }

            return Results.Redirect("/du-lieu");
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tải lên {File}: {Code}: {Detail}")]
    private static partial void LogProblemDetail(ILogger logger, string file, string code, string detail);

    /// <summary>An error status whose Vietnamese reason the status page shows (re-executed with the same request).</summary>
    private static IResult Denied(HttpContext http, int status, string reason)
    {
        http.Items[DenialKey] = reason;
        return Results.StatusCode(status);
    }
}
