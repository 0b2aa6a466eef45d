using System.Security.Cryptography;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Office;
using CchcAnalytics.Ingest.Pdf;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Ingest.Text;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Ingest;

/// <summary>Validates input files and, when it has a store, writes each accepted file in one transaction.
/// The one entry point the CLI and the dashboard's upload use.</summary>
public sealed class IngestRunner
{
    /// <summary>Files larger than this are refused before reading (a Bảng tổng hợp is well under 1 MB); see
    /// <see cref="IngestLimits"/> for every limit.</summary>
    public const long MaxFileBytes = IngestLimits.MaxFileBytes;

    private static readonly string[] SupportedExtensions = [".txt", ".csv", ".xlsx", ".docx", ".pdf"];

    private readonly ScoreStore? store;
    private readonly DocumentValidator validator;
    private readonly UnitRegistry units;
    private readonly IReadOnlyList<Framework> frameworks;

    /// <summary>A runner that validates only (no database), against the embedded reference data.</summary>
    public IngestRunner(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        units = new UnitRegistry(reference.Units);
        frameworks = reference.Frameworks;
        validator = new DocumentValidator(units, frameworks, reference.Places);
    }

    /// <summary>A runner that stores accepted files. With <paramref name="reference"/> (a data folder's, or the embedded
    /// copy) the store's reference data is replaced by it first; with null, the store's own reference data is used as it
    /// is (seeded from the embedded copy only when the store has none), so ingesting one file never rewrites units,
    /// lineage, frameworks or the crosswalk.</summary>
    /// <param name="store">The database.</param>
    /// <param name="reference">Reference data that replaces the store's first (a data folder's), or null.</param>
    /// <param name="seed">What an empty store is seeded with when <paramref name="reference"/> is null, asked only then:
    /// e.g. the data folder of the current directory (<see cref="DataFolder.DefaultReferenceFolder"/>); the embedded
    /// copy when it is null or gives null.</param>
    public IngestRunner(ScoreStore store, ReferenceData? reference, Func<ReferenceData?>? seed = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        if (reference is null && store.Reference.LoadUnits().Count == 0)
        {
            reference = seed?.Invoke() ?? ReferenceData.Embedded;
        }

        if (reference is not null)
        {
            store.Reference.UpsertUnits(reference.Units);
            store.Reference.ReplaceLineage(reference.Lineage);
            foreach (var framework in reference.Frameworks)
            {
                store.Reference.UpsertFramework(framework);
            }

            store.Reference.ReplaceCrosswalk(reference.Crosswalk);
            if (reference.Places.Levels.Count > 0)
            {
                store.Reference.ReplacePlaces(reference.Places);
            }

            if (reference.Origins.Count > 0)
            {
                store.Reference.ReplaceOrigins(reference.Origins);
            }
        }

        units = new UnitRegistry(store.Reference.LoadUnits());
        frameworks = store.Reference.LoadFrameworks();
        validator = new DocumentValidator(units, frameworks, store.Reference.LoadPlaces());
    }

    /// <summary>Expands files and folders (recursively, in a stable order) into the files ingest can read.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => SupportedExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()) && !IsOfficeLockFile(f))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    /// <summary>Validates a file and, when this runner has a store and the file is accepted, stores it.</summary>
    public FileReport Run(string path, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Store(Validate(path, options), options);
    }

    /// <summary>Validates bytes already in memory (an upload), under the name the user gave the file.</summary>
    public FileReport Run(string name, byte[] bytes, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Store(Validate(name, bytes, options), options);
    }

    /// <summary>Runs a whole plan in its order: published results first, then documents (real before sample).
    /// <paramref name="onFile"/> hears about each file as it is done (for progress lines).</summary>
    public PlanReport RunPlan(IngestPlan plan, IngestOptions options, Action<string, bool>? onFile = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var published = new List<PublishedReport>();
        foreach (var file in plan.PublishedFiles)
        {
            var report = RunPublished(file, options.Actor);
            published.Add(report);
            onFile?.Invoke(file, report.Accepted);
        }

        // Files are validated one ahead (issue 15): the next file is read and checked on another core while this one is
        // written, and files are written one after the other in the plan's order, each in its own transaction, exactly
        // as file-by-file. Validation reads only the validator, never the database. A file that defines a draft
        // framework changes what the next ones are checked against, so the validator learns it only once the look-ahead
        // has finished, and the next file is then checked again.
        var documents = new List<FileReport>();
        var files = plan.DocumentFiles;
        Task<ValidationResult>? ahead = null;
        for (var i = 0; i < files.Count; i++)
        {
            var validation = ahead is null ? Validate(files[i], options) : ahead.GetAwaiter().GetResult();
            var next = i + 1 < files.Count ? files[i + 1] : null;
            ahead = next is null ? null : Task.Run(() => Validate(next, options));
            var report = Store(validation, options, remember: false);
            if (store is not null && report.Accepted && validation.NewFrameworks.Count > 0)
            {
                ahead?.GetAwaiter().GetResult();
                validator.Remember(validation.NewFrameworks);
                ahead = next is null ? null : Task.FromResult(Validate(next, options));
            }

            documents.Add(report);
            onFile?.Invoke(files[i], report.Accepted);
        }

        return new PlanReport(published, documents);
    }

    /// <summary>Validates a published-results file (<c>data/published/*.csv</c>) and, with a store, stores it all or
    /// nothing. Stored published results are never overwritten: a row that differs is a conflict.</summary>
    public PublishedReport RunPublished(string path, string actor)
    {
        var problems = new List<Problem>();
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new PublishedReport(path, 0, 0, 0, [Unreadable(path, ex)]);
        }

        var results = Reference.PublishedCsv.Read(bytes, path, units, frameworks, problems);
        if (problems.Any(p => p.Severity == Severity.Error) || store is null)
        {
            return new PublishedReport(path, results.Count, 0, 0, problems);
        }

        var saved = store.Published.SavePublished(results, path, HashOf(bytes), actor);
        problems.AddRange(saved.Conflicts.Select(c => Problem.Error(ProblemCodes.PublishedConflict, path, null,
            c + " Kết quả công bố không bao giờ bị ghi đè; không có dữ liệu nào của tệp này được ghi.")));
        return new PublishedReport(path, results.Count, saved.Added, saved.Unchanged, problems);
    }

    /// <summary>Writes an accepted file in one transaction; a rejected file (or a validate-only runner) writes nothing.</summary>
    private FileReport Store(ValidationResult validation, IngestOptions options, bool remember = true)
    {
        if (!validation.Accepted || store is null)
        {
            return new FileReport(validation, []);
        }

        // Real data always wins over generated data, in both directions, and never by accident:
        // a sample unit-year that real data already covers is skipped (the rest of the sample file is stored), and
        // real data for a unit-year the sample covers retires every synthetic stage of it in the same transaction.
        var notes = new List<Problem>();
        var noted = new HashSet<(string UnitId, int Year, string Code)>();
        // One query for every unit-year of the file (issue 15), not one per unit-year.
        var current = store.Submissions.GetCurrentSubmissions(validation.Submissions.Select(s => (s.Sheet.UnitId, s.Sheet.Year)));
        var kept = new List<IncomingSubmission>();
        foreach (var incoming in validation.Submissions)
        {
            var key = (incoming.Sheet.UnitId, incoming.Sheet.Year);
            if (incoming.Synthetic && current[key].Any(c => !c.Synthetic))
            {
                if (noted.Add((key.UnitId, key.Year, ProblemCodes.RealDataKept)))
                {
                    notes.Add(Problem.Warning(ProblemCodes.RealDataKept, validation.File, null,
                        $"{key.UnitId} {key.Year}: đơn vị-năm này đã có số liệu thật, nên bỏ qua số liệu của dữ liệu mẫu."));
                }

                continue;
            }

            if (!incoming.Synthetic && current[key].Any(c => c.Synthetic)
                && noted.Add((key.UnitId, key.Year, ProblemCodes.SampleRetired)))
            {
                notes.Add(Problem.Warning(ProblemCodes.SampleRetired, validation.File, null,
                    $"{key.UnitId} {key.Year}: số liệu thật thay thế dữ liệu mẫu của đơn vị-năm này; toàn bộ dữ liệu mẫu (tự chấm, thẩm định) của đơn vị-năm này thôi được sử dụng."));
            }

            kept.Add(incoming);
        }

        var outcomes = store.Submissions.Save(kept, validation.NewFrameworks, options.Actor);
        if (remember)
        {
            validator.Remember(validation.NewFrameworks);
        }

        // Replacing real data is said loudly (issue 12 §2): which version, and what changed in the total.
        foreach (var (outcome, incoming) in outcomes.Zip(kept))
        {
            if (outcome is { Action: SaveAction.Replaced, Previous: { Synthetic: false } previous })
            {
                notes.Add(Problem.Warning(ProblemCodes.RealDataReplaced, validation.File, null, ReplacementText.Describe(
                    outcome.UnitId, outcome.Year, outcome.Stage, previous.Version, previous.PointsTotal, previous.MaxTotal,
                    outcome.Version, incoming.Sheet.PointsTotal, incoming.Sheet.MaxTotal)));
            }
        }

        return new FileReport(validation with { Problems = [.. validation.Problems, .. notes] }, outcomes);
    }

    private ValidationResult Validate(string path, IngestOptions options)
    {
        var format = FormatOf(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return ValidationResult.Rejected(path, format, [Problem.Error(ProblemCodes.Unreadable, path, null, "Tệp không tồn tại.")]);
            }

            if (info.Length > MaxFileBytes)
            {
                return ValidationResult.Rejected(path, format, [Problem.Error(ProblemCodes.TooLarge, path, null,
                    $"Tệp có dung lượng {info.Length / (1024 * 1024)} MB; giới hạn là {MaxFileBytes / (1024 * 1024)} MB.")]);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ValidationResult.Rejected(path, format, [Unreadable(path, ex)]);
        }

        return Validate(path, bytes, options);
    }

    private ValidationResult Validate(string name, byte[] bytes, IngestOptions options)
    {
        var format = FormatOf(name);
        var problems = new List<Problem>();
        if (bytes.LongLength > MaxFileBytes)
        {
            return ValidationResult.Rejected(name, format, [Problem.Error(ProblemCodes.TooLarge, name, null,
                $"Tệp lớn hơn {MaxFileBytes / (1024 * 1024)} MB.")]);
        }

        try
        {
            return RepeatedErrors.Collapse(ValidateFormat(name, bytes, format, options, problems));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The last resort (issue 12, §5): a reader must turn any input into problems, and every exception it threw
            // so far was a bug fixed at its root. Should one still escape, this file is rejected, plainly, and a batch
            // goes on with the next file instead of dying with a stack trace.
            return ValidationResult.Rejected(name, format, [Problem.Error(ProblemCodes.InternalError, name, null,
                $"Lỗi nội bộ khi đọc tệp {Path.GetFileName(name)}: tệp chưa được đọc hết và không có gì được ghi. Đây là lỗi của chương trình, không phải của tệp; hãy gửi tệp này cho người quản trị.")
                    with { Detail = ex.ToString() }]);
        }
    }

    private ValidationResult ValidateFormat(string name, byte[] bytes, string format, IngestOptions options, List<Problem> problems)
    {
        switch (format)
        {
            case "pdf":
                var pdf = PdfReportReader.Read(bytes, name, problems);
                return validator.Validate(name, format, pdf is null || problems.Any(p => p.Severity == Severity.Error) ? [] : [DocumentInput.FromReport(pdf)], options, problems);
            case "text" or "xlsx" or "docx":
                // A file may hold several reports (two reports in one text, two data sheets, two Word tables): each is
                // its own document, and the validator takes or refuses them together (issue 12, §3).
                var reports = format switch
                {
                    "xlsx" => XlsxReportReader.ReadAll(bytes, name, problems),
                    "docx" => DocxReportReader.ReadAll(bytes, name, problems),
                    _ => TextReportReader.ReadAll(bytes, name, problems),
                };
                var documents = problems.Any(p => p.Severity == Severity.Error) ? [] : reports.Select(DocumentInput.FromReport).ToList();
                return validator.Validate(name, format, documents, options, problems);
            case "csv":
                var csvDocuments = CanonicalCsv.Read(bytes, name, problems);
                if (problems.Any(p => p.Severity == Severity.Error))
                {
                    return ValidationResult.Rejected(name, format, problems);
                }

                return validator.Validate(name, format, csvDocuments, options, problems);
            default:
                return ValidationResult.Rejected(name, format, [Problem.Error(ProblemCodes.Unreadable, name, null,
                    $"Không hỗ trợ loại tệp '{Path.GetExtension(name)}'. Các loại tệp được hỗ trợ: .txt (văn bản của báo cáo), .xlsx và .docx (báo cáo dạng Excel hoặc Word), .pdf (báo cáo PDF có lớp chữ) và .csv (CSV chuẩn).")]);
        }
    }

    /// <summary>A file the operating system would not read: the reason in Vietnamese, the exception's text for the log.</summary>
    private static Problem Unreadable(string path, Exception exception) =>
        Problem.Error(ProblemCodes.Unreadable, path, null, $"Không đọc được tệp: {ReadErrorText.OfFile(exception)}. Không có gì được ghi.") with
        {
            Detail = $"{exception.GetType().Name}: {exception.Message}",
        };

    /// <summary>Excel and Word leave "~$name.xlsx" owner files beside a document while it is open; they are not reports.</summary>
    private static bool IsOfficeLockFile(string path) => Path.GetFileName(path).StartsWith("~$", StringComparison.Ordinal);

    /// <summary>SHA-256 of a file's bytes, lower-case hex.</summary>
    public static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" => "text",
        ".csv" => "csv",
        ".xlsx" => "xlsx",
        ".docx" => "docx",
        ".pdf" => "pdf",
        var other => other.TrimStart('.'),
    };
}
