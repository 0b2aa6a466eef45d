namespace CchcAnalytics.Ingest;

/// <summary>What running a whole <see cref="IngestPlan"/> did, file by file.</summary>
/// <param name="Published">One report per published-results file.</param>
/// <param name="Documents">One report per document.</param>
public sealed record PlanReport(IReadOnlyList<PublishedReport> Published, IReadOnlyList<FileReport> Documents)
{
    /// <summary>True when every file was accepted.</summary>
    public bool Accepted => Published.All(p => p.Accepted) && Documents.All(d => d.Accepted);

    /// <summary>The files that were rejected, with their problems, for a clear test or log message.</summary>
    public string Rejections => string.Join(Environment.NewLine,
        Published.Where(p => !p.Accepted).SelectMany(p => p.Problems).Concat(Documents.Where(d => !d.Accepted).SelectMany(d => d.Problems)));
}
