using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>Which reference data a runner writes: a data folder's replaces the database's; a single file changes none.</summary>
public sealed class ReferenceSeedingTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");

    public void Dispose() => connections.Dispose();

    [Fact]
    public void Runner_WithoutReference_KeepsTheDatabasesOwnReferenceData()
    {
        var store = new ScoreStore(connections);
        var embedded = ReferenceData.Embedded;
        var extra = new LineageEvent("extra", 2026, null, LineageEventKind.Reclassified, "thanh-hoa", "district", "sam-son", "sam-son", null, null, "test", "url", null);
        _ = new IngestRunner(store, new ReferenceData(embedded.Units, embedded.Frameworks, [.. embedded.Lineage, extra], embedded.Crosswalk));
        store.Reference.LoadLineage().Count.ShouldBe(5);

        var runner = new IngestRunner(store, null);
        runner.Run(TestFiles.RealReport, new IngestOptions()).Accepted.ShouldBeTrue();

        store.Reference.LoadLineage().Count.ShouldBe(5);
    }

    [Fact]
    public void Runner_WithoutReferenceOnAnEmptyDatabase_SeedsTheEmbeddedCopy()
    {
        var store = new ScoreStore(connections);

        var runner = new IngestRunner(store, null);

        runner.Run(TestFiles.RealReport, new IngestOptions()).Accepted.ShouldBeTrue();
        store.Reference.LoadUnits().Count.ShouldBe(ReferenceData.Embedded.Units.Count);
        store.Reference.LoadLineage().Count.ShouldBe(4);
    }

    [Fact]
    public void Plan_SameFolderTwice_ReadOnce()
    {
        var data = Path.Combine(TestFiles.RepositoryRoot, "data");

        var plan = DataFolder.Plan([data, data + Path.DirectorySeparatorChar]);

        plan.FromDataFolder.ShouldBeTrue();
        plan.DocumentFiles.Count.ShouldBe(plan.DocumentFiles.Distinct().Count());
        plan.PublishedFiles.Count.ShouldBe(2);
        DataFolder.Plan([Path.Combine(data, "raw")]).FromDataFolder.ShouldBeFalse();
    }
}
