using CchcAnalytics.Core;
using CchcAnalytics.Analytics;
using CchcAnalytics.Ingest;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Exports.Tests;

/// <summary>The repository's whole data folder (real report, published results, labelled sample) ingested into a real
/// in-memory DuckDB once for every test class of the collection, with its export rows and analytics snapshot.</summary>
public sealed class ExportsFixture : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly Lazy<byte[]> scoresWorkbook;

    public ExportsFixture()
    {
        var plan = DataFolder.Plan([Path.Combine(TestFiles.RepositoryRoot, "data")]);
        var store = new ScoreStore(connections);
        var loaded = new IngestRunner(store, plan.Reference).RunPlan(plan, new IngestOptions());
        loaded.Accepted.ShouldBeTrue(loaded.Rejections);

        Store = store;
        Rows = store.Submissions.GetCurrentRows();
        Data = IndexData.Load(connections); // the database-backed snapshot the dashboard reads
        scoresWorkbook = new Lazy<byte[]>(() =>
        {
            using var output = new MemoryStream();
            ScoresWorkbook.Write(output, Rows);
            return output.ToArray();
        });
    }

    /// <summary>The .xlsx of every current row (written once; ~50,000 rows).</summary>
    public byte[] ScoresWorkbookBytes => scoresWorkbook.Value;

    public ScoreStore Store { get; }

    public IReadOnlyList<ExportRow> Rows { get; }

    public IndexData Data { get; }

    public void Dispose() => connections.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DataFolderDefinition : ICollectionFixture<ExportsFixture>
{
    public const string Name = "data folder";
}
