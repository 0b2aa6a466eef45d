using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest;

/// <summary>The outcome of validating one file: what would be stored, and every problem found.</summary>
public sealed record ValidationResult(
    string File,
    string Format,
    IReadOnlyList<IncomingSubmission> Submissions,
    IReadOnlyList<Framework> NewFrameworks,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>True when no problem is an error: the file may be stored as a whole.</summary>
    public bool Accepted => Problems.All(p => p.Severity != Severity.Error);

    public static ValidationResult Rejected(string file, string format, IReadOnlyList<Problem> problems) =>
        new(file, format, [], [], problems);
}
