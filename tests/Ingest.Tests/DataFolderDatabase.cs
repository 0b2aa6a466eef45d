using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>A DuckDB file holding the whole data folder (reference data, published results, the real Hoằng Hóa 2017
/// report and the sample), loaded once the way <c>cchc ingest data</c> loads it. Each test gets its own copy of the
/// file, so what one file writes never changes what the next one sees.</summary>
public sealed class DataFolderDatabase : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private int copies;

    public DataFolderDatabase()
    {
        BasePath = folder.File("base.duckdb");
        using var connections = new DuckDbConnectionFactory(BasePath);
        var plan = DataFolder.Plan([Path.Combine(TestFiles.RepositoryRoot, "data")]);
        var report = new IngestRunner(new ScoreStore(connections), plan.Reference).RunPlan(plan, new IngestOptions(Actor: "test:data-folder"));
        if (!report.Accepted)
        {
            throw new InvalidOperationException("The data folder does not load: " + report.Rejections);
        }

        SubmissionCount = new ScoreStore(connections).Submissions.GetSubmissions(currentOnly: false).Count;
    }

    /// <summary>The database file as loaded; never opened after the constructor.</summary>
    public string BasePath { get; }

    /// <summary>Submissions (every version) in the loaded database.</summary>
    public int SubmissionCount { get; }

    /// <summary>A fresh copy of the loaded database; dispose it to delete it.</summary>
    public Copy NewCopy()
    {
        var path = folder.File($"copy-{Interlocked.Increment(ref copies)}.duckdb");
        File.Copy(BasePath, path);
        if (File.Exists(BasePath + ".wal"))
        {
            File.Copy(BasePath + ".wal", path + ".wal");
        }

        return new Copy(path);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>A copy of the loaded database with its store.</summary>
    public sealed class Copy : IDisposable
    {
        public Copy(string path)
        {
            Path = path;
            Connections = new DuckDbConnectionFactory(path);
            Store = new ScoreStore(Connections);
        }

        public string Path { get; }

        public DuckDbConnectionFactory Connections { get; }

        public ScoreStore Store { get; }

        public void Dispose()
        {
            Connections.Dispose();
            File.Delete(Path);
            File.Delete(Path + ".wal");
        }
    }
}
