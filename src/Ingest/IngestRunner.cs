using System.Security.Cryptography;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Office;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Ingest.Text;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Ingest;

/// <summary>Validates input files and, when it has a store, writes each accepted file in one transaction.
/// The one entry point the CLI and the dashboard's upload use.</summary>
public sealed class IngestRunner
{
    /// <summary>Files larger than this are refused before reading (a Bảng tổng hợp is well under 1 MB).</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    private static readonly string[] SupportedExtensions = [".txt", ".csv", ".xlsx", ".docx"];

    private readonly ScoreStore? store;
    private readonly DocumentValidator validator;
    private readonly UnitRegistry units;

    /// <summary>A runner that validates only (no database), against the embedded reference data.</summary>
    public IngestRunner(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        units = new UnitRegistry(reference.Units);
        validator = new DocumentValidator(units, reference.Frameworks);
    }

    /// <summary>A runner that stores accepted files. The store is seeded with <paramref name="reference"/> first.</summary>
    public IngestRunner(ScoreStore store, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reference);
        this.store = store;
        store.UpsertUnits(reference.Units);
        store.ReplaceLineage(reference.Lineage);
        foreach (var framework in reference.Frameworks)
        {
            store.UpsertFramework(framework);
        }

        store.ReplaceCrosswalk(reference.Crosswalk);

        units = new UnitRegistry(store.LoadUnits());
        validator = new DocumentValidator(units, store.LoadFrameworks());
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
            return new PublishedReport(path, 0, 0, 0, [Problem.Error(ProblemCodes.Unreadable, path, null, $"The file cannot be read: {ex.Message}")]);
        }

        var results = Reference.PublishedCsv.Read(bytes, path, units, problems);
        if (problems.Any(p => p.Severity == Severity.Error) || store is null)
        {
            return new PublishedReport(path, results.Count, 0, 0, problems);
        }

        var saved = store.SavePublished(results, path, HashOf(bytes), actor);
        problems.AddRange(saved.Conflicts.Select(c => Problem.Error(ProblemCodes.PublishedConflict, path, null,
            c + " Published results are never overwritten; nothing from this file was written.")));
        return new PublishedReport(path, results.Count, saved.Added, saved.Unchanged, problems);
    }

    /// <summary>Writes an accepted file in one transaction; a rejected file (or a validate-only runner) writes nothing.</summary>
    private FileReport Store(ValidationResult validation, IngestOptions options)
    {
        if (!validation.Accepted || store is null)
        {
            return new FileReport(validation, []);
        }

        // Real data is never altered by generated data: a synthetic file may not replace a real submission.
        var overReal = validation.Submissions
            .Where(s => s.Synthetic)
            .Where(s => store.GetSubmissions(currentOnly: true, s.Sheet.UnitId, s.Sheet.Year).Any(c => c.Stage == s.Sheet.Stage && !c.Synthetic))
            .Select(s => Problem.Error(ProblemCodes.SyntheticOverReal, validation.File, null,
                $"{s.Sheet.UnitId} {s.Sheet.Year} ({s.Sheet.Stage.ToCode()}) already holds real data; synthetic sample data never replaces it."))
            .ToList();
        if (overReal.Count > 0)
        {
            return new FileReport(ValidationResult.Rejected(validation.File, validation.Format, [.. validation.Problems, .. overReal]), []);
        }

        var outcomes = store.Save(validation.Submissions, validation.NewFrameworks, options.Actor);
        validator.Remember(validation.NewFrameworks);
        return new FileReport(validation, outcomes);
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
                return ValidationResult.Rejected(path, format, [Problem.Error(ProblemCodes.Unreadable, path, null, "The file does not exist.")]);
            }

            if (info.Length > MaxFileBytes)
            {
                return ValidationResult.Rejected(path, format, [Problem.Error(ProblemCodes.TooLarge, path, null,
                    $"The file is {info.Length / (1024 * 1024)} MB; the limit is {MaxFileBytes / (1024 * 1024)} MB.")]);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ValidationResult.Rejected(path, format, [Problem.Error(ProblemCodes.Unreadable, path, null, $"The file cannot be read: {ex.Message}")]);
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
                $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB.")]);
        }

        switch (format)
        {
            case "text" or "xlsx" or "docx":
                var report = format switch
                {
                    "xlsx" => XlsxReportReader.Read(bytes, name, problems),
                    "docx" => DocxReportReader.Read(bytes, name, problems),
                    _ => TextReportReader.Read(bytes, name, problems),
                };
                var documents = report is null || problems.Any(p => p.Severity == Severity.Error) ? [] : new[] { DocumentInput.FromReport(report) };
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
                    $"Unsupported file type '{Path.GetExtension(name)}'. Supported: .txt (text of a report), .xlsx and .docx (a report in Excel or Word) and .csv (canonical CSV).")]);
        }
    }

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
        var other => other.TrimStart('.'),
    };
}
