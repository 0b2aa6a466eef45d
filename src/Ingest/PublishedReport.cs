using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest;

/// <summary>What happened to one published-results file.</summary>
/// <param name="File">The file.</param>
/// <param name="Rows">Rows read.</param>
/// <param name="Added">Rows newly stored.</param>
/// <param name="Unchanged">Rows already stored with the same values.</param>
/// <param name="Problems">Errors (the file was not stored) and warnings.</param>
public sealed record PublishedReport(string File, int Rows, int Added, int Unchanged, IReadOnlyList<Problem> Problems)
{
    public bool Accepted => Problems.All(p => p.Severity != Severity.Error);
}
