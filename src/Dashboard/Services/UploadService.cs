using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Reference;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>What storing one incoming submission would do.</summary>
/// <param name="Submission">The incoming submission.</param>
/// <param name="Effect">Vietnamese: "thêm mới", "không đổi (…)", "phiên bản mới, thay phiên bản 1 (…)", "thay dữ liệu mẫu bằng số liệu thật (…)", "bỏ qua: … đã có số liệu thật".</param>
public sealed record PreviewLine(IncomingSubmission Submission, string Effect);

/// <summary>An uploaded file validated but not stored: what it holds, every problem, and what confirming would do.</summary>
/// <param name="Name">File name as uploaded.</param>
/// <param name="Bytes">The file's bytes, kept until the user confirms or cancels.</param>
/// <param name="Validation">Every check of ingest.</param>
/// <param name="Lines">One line per submission.</param>
public sealed record UploadPreview(string Name, byte[] Bytes, ValidationResult Validation, IReadOnlyList<PreviewLine> Lines);

/// <summary>Upload in two steps: validate and preview (nothing is written), then store on confirmation, through the same
/// <see cref="IngestRunner"/> the command line uses, all or nothing.</summary>
public sealed class UploadService(IndexDataProvider provider)
{
    /// <summary>The largest file accepted, as for the command line.</summary>
    public const long MaxBytes = IngestRunner.MaxFileBytes;

    public UploadPreview Preview(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var store = provider.Store;
        var reference = ReferenceOf(store);
        var report = new IngestRunner(reference).Run(name, bytes, new IngestOptions(Actor: "dashboard:upload"));
        var lines = new List<PreviewLine>();
        foreach (var incoming in report.Submissions)
        {
            var current = store.GetSubmissions(currentOnly: true, incoming.Sheet.UnitId, incoming.Sheet.Year);
            var same = current.FirstOrDefault(c => c.Stage == incoming.Sheet.Stage);
            // Real data retires every sample stage of its unit-year, even when its numbers equal the sample's: checked
            // before the content hash, which does not tell real from sample.
            var effect = incoming.Synthetic && current.Any(c => !c.Synthetic) ? "bỏ qua: đơn vị – năm này đã có số liệu thật"
                : !incoming.Synthetic && current.Any(c => c.Synthetic) ? "thay dữ liệu mẫu bằng số liệu thật (mọi bảng mẫu của đơn vị – năm này được bỏ)"
                : same is null ? "thêm mới"
                : same.ContentHash == incoming.Sheet.ComputeContentHash() ? "không đổi (đã có đúng nội dung này)"
                : $"phiên bản mới, thay phiên bản {same.Version} (bản cũ được giữ trong lịch sử)";
            lines.Add(new PreviewLine(incoming, effect));
        }

        return new UploadPreview(name, bytes, report.Validation, lines);
    }

    /// <summary>Stores a previewed file for <paramref name="user"/>. Inside the write lock the file is validated again (the
    /// database may have changed since the preview) and the user's right to store every submission in it is checked on
    /// that fresh result; a denial stores nothing and returns its reason.</summary>
    public (FileReport? Report, string? Denial) Confirm(UploadPreview preview, System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(user);
        return provider.Write(store =>
        {
            var reference = ReferenceOf(store);
            var check = new IngestRunner(reference).Run(preview.Name, preview.Bytes, new IngestOptions());
            if (Security.WriteRules.Denial(user, check.Submissions) is { } denial)
            {
                return ((FileReport?)null, (string?)denial);
            }

            var options = new IngestOptions(Actor: Security.CchcClaims.Actor(user));
            return (new IngestRunner(store, null).Run(preview.Name, preview.Bytes, options), null);
        });
    }

    /// <summary>The database's own reference data, which uploads are checked against (never the data folder's).</summary>
    private static ReferenceData ReferenceOf(CchcAnalytics.Storage.ScoreStore store) =>
        new(store.LoadUnits(), store.LoadFrameworks(), store.LoadLineage(), store.LoadCrosswalk());
}
