using CchcAnalytics.Analytics;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Charts.Tests;

/// <summary>The repository's whole data folder (real report, published results, labelled sample) ingested into a real
/// in-memory DuckDB once, and its analytics snapshot: what the dashboard will chart.</summary>
public sealed class ChartsFixture : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");

    public ChartsFixture()
    {
        var plan = DataFolder.Plan([Path.Combine(TestFiles.RepositoryRoot, "data")]);
        var store = new ScoreStore(connections);
        var loaded = new IngestRunner(store, plan.Reference).RunPlan(plan, new IngestOptions());
        loaded.Accepted.ShouldBeTrue(loaded.Rejections);

        // The database-backed snapshot the dashboard reads. The chart tests were written on the district level (2017–2024):
        // charts asked without a level are drawn there, as the dashboard's tests open on it (Cchc:DefaultLevel).
        var snapshot = IndexData.Load(connections);
        Data = snapshot.WithPlaces(snapshot.Places.WithDefault("district"));
    }

    public IndexData Data { get; }

    /// <summary>Where the recipe tests save what they render, for a person to look at (git-ignored).</summary>
    public static string ArtifactFolder { get; } = CreateArtifactFolder();

    public void Dispose() => connections.Dispose();

    private static string CreateArtifactFolder()
    {
        var folder = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "charts");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>The chart test classes share one loaded data folder (loading it takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class ChartsData : ICollectionFixture<ChartsFixture>
{
    public const string Name = "charts data";
}
