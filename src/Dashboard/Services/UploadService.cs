using System.Security.Claims;
using CchcAnalytics.Core;
using CchcAnalytics.Dashboard.Services.Security;
using CchcAnalytics.Ingest;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>What storing one incoming submission would do.</summary>
/// <param name="Submission">The incoming submission.</param>
/// <param name="Effect">Vietnamese: "thêm mới", "không đổi (…)", "phiên bản mới, thay phiên bản 1 (…)", "THAY SỐ LIỆU THẬT: …", "thay dữ liệu mẫu bằng số liệu thật (…)", "bỏ qua: … đã có số liệu thật", or "không được lưu (…)" when the account may not store the file.</param>
/// <param name="ReplacesReal">When storing replaces real data already stored: the sentence that says so, with the versions
/// and the change of the total (shown loudly above the table); otherwise null.</param>
public sealed record PreviewLine(IncomingSubmission Submission, string Effect, string? ReplacesReal = null);

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
    // Every read and write of stored data goes through the provider's desk (an Ingest-side service), never the store.
    private readonly UploadDesk desk = provider.Desk;

    /// <summary>The largest file accepted, as for the command line.</summary>
    public const long MaxBytes = IngestRunner.MaxFileBytes;

    /// <summary>The effect shown for every line of a file the account may not store.</summary>
    public const string NotStorable = "không được lưu (xem lý do bên dưới)";

    /// <summary>Validates a file as <paramref name="user"/> would store it (a district's table never becomes a draft
    /// framework) and says what storing it would do; nothing is written.</summary>
    public UploadPreview Preview(string name, byte[] bytes, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(user);
        var report = desk.Validate(name, bytes, OptionsFor(user));
        // A file the account may not store is refused as such, without a look at what is stored: with HideUnpublished a
        // district must not learn whether another unit's unpublished data exist, how many versions, or whether its file
        // matches them (issue 12 §7). The file's own content and problems are the uploader's own.
        if (WriteRules.Denial(user, report.Submissions) is not null)
        {
            return new UploadPreview(name, bytes, report.Validation, report.Submissions.Select(s => new PreviewLine(s, NotStorable)).ToList());
        }

        var lines = new List<PreviewLine>();
        foreach (var incoming in report.Submissions)
        {
            var sheet = incoming.Sheet;
            var versions = desk.Versions(sheet.UnitId, sheet.Year);
            var current = versions.Where(v => v.IsCurrent).ToList();
            var same = current.FirstOrDefault(c => c.Stage == sheet.Stage);
            var next = versions.Where(v => v.Stage == sheet.Stage).Select(v => v.Version).DefaultIfEmpty(0).Max() + 1;
            var changed = same is not null && same.ContentHash != sheet.ComputeContentHash();
            // Replacing real data already stored is said loudly (issue 12 §2): which version, what changes in the total.
            var replacesReal = !incoming.Synthetic && changed && same is { Synthetic: false }
                ? ReplacementText.Describe(sheet.UnitId, sheet.Year, sheet.Stage, same.Version, same.PointsTotal, same.MaxTotal, next, sheet.PointsTotal, sheet.MaxTotal)
                : null;
            // Real data retires every sample stage of its unit-year, even when its numbers equal the sample's: checked
            // before the content hash, which does not tell real from sample.
            var effect = incoming.Synthetic && current.Any(c => !c.Synthetic) ? "bỏ qua: đơn vị – năm này đã có số liệu thật"
                : !incoming.Synthetic && current.Any(c => c.Synthetic) ? "thay dữ liệu mẫu bằng số liệu thật (mọi bảng mẫu của đơn vị – năm này được bỏ)"
                : same is null ? "thêm mới"
                : !changed ? "không đổi (đã có đúng nội dung này)"
                : replacesReal is not null ? $"THAY SỐ LIỆU THẬT: phiên bản {same.Version} → phiên bản {next}, tổng điểm {ReplacementText.Change(same.PointsTotal, sheet.PointsTotal)} (bản cũ được giữ trong lịch sử)"
                : $"phiên bản mới, thay phiên bản {same.Version} (bản cũ được giữ trong lịch sử)";
            lines.Add(new PreviewLine(incoming, effect, replacesReal));
        }

        return new UploadPreview(name, bytes, report.Validation, lines);
    }

    /// <summary>Stores a previewed file for <paramref name="user"/>. Inside the write lock the file is validated again (the
    /// database may have changed since the preview) and the user's right to store every submission in it is checked on
    /// that fresh result; a denial stores nothing and returns its reason.</summary>
    public (FileReport? Report, string? Denial) Confirm(UploadPreview preview, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(user);
        return provider.Write(() =>
        {
            var options = OptionsFor(user);
            var check = desk.Validate(preview.Name, preview.Bytes, options);
            if (WriteRules.Denial(user, check.Submissions) is { } denial)
            {
                return ((FileReport?)null, (string?)denial);
            }

            return (desk.Store(preview.Name, preview.Bytes, options), null);
        });
    }

    /// <summary>Ingest options for <paramref name="user"/>: the audit trail's name, and whether the file may define a
    /// year's draft framework (province accounts only).</summary>
    private static IngestOptions OptionsFor(ClaimsPrincipal user) =>
        new(Actor: user.Actor(), MayDefineFramework: WriteRules.MayDefineFramework(user));

    /// <summary>The stored data the upload, appraisal and Dữ liệu pages read, and the draft removal (writes through
    /// <see cref="IndexDataProvider.Write{T}"/>).</summary>
    public UploadDesk Desk => desk;
}
