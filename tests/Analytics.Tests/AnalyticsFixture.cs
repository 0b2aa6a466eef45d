using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Analytics.Tests;

/// <summary>The repository's whole data folder (real report, published results, labelled sample) ingested into a real
/// in-memory DuckDB once, and its analytics snapshot.</summary>
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
        Data = IndexData.Load(store);
    }

    public ScoreStore Store { get; }

    public IndexData Data { get; }

    public void Dispose() => connections.Dispose();
}
