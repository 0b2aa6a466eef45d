using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Analytics.Tests;

/// <summary>The repository's whole data folder (real report, published results, labelled sample) ingested into a real
/// in-memory DuckDB once, read both ways: the database-backed snapshot the product uses (<see cref="Data"/>) and the
/// in-memory reference path (<see cref="Reference"/>) the equivalence test compares it with.</summary>
public sealed class AnalyticsFixture : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");

    public AnalyticsFixture()
    {
        var plan = DataFolder.Plan([Path.Combine(TestFiles.RepositoryRoot, "data")]);
        var store = new ScoreStore(connections);
        var loaded = new IngestRunner(store, plan.Reference).RunPlan(plan, new IngestOptions());
        loaded.Accepted.ShouldBeTrue(loaded.Rejections);

        Store = store;
        Data = IndexData.Load(connections);
        Reference = IndexData.Load(store);
    }

    public ScoreStore Store { get; }

    public DuckDbConnectionFactory Connections => connections;

    /// <summary>The database-backed snapshot (light rows, measures in SQL).</summary>
    public IndexData Data { get; }

    /// <summary>Every row in memory, every measure in C#.</summary>
    public IndexData Reference { get; }

    public void Dispose() => connections.Dispose();
}
