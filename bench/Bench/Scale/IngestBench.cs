using System.Diagnostics;
using System.Globalization;
using CchcAnalytics.Ingest;
using CchcAnalytics.Storage;
using DuckDB.NET.Data;

namespace CchcAnalytics.Bench.Scale;

/// <summary>Ingest of the canonical CSV against DuckDB's own <c>read_csv</c> of the same files, in the same run.</summary>
/// <param name="Rows">Canonical CSV data rows (the sample files).</param>
/// <param name="ProductSeconds">Median seconds of the product ingest of those files.</param>
/// <param name="DuckDbSeconds">Median seconds of <c>read_csv</c> into a table.</param>
/// <param name="SetupSeconds">Seconds of what the product ingests first (reference data, published results, the real
/// report): not timed into <paramref name="ProductSeconds"/>.</param>
/// <param name="ProductRuns">Product runs behind the median.</param>
/// <param name="DuckDbRuns">read_csv runs behind the median.</param>
/// <param name="ProductPeakBytes">Peak working set of this process during the product ingest (managed + DuckDB).</param>
/// <param name="ProductCpuSeconds">CPU seconds (all threads) of the product ingest, median.</param>
/// <param name="DuckDbCpuSeconds">CPU seconds (all threads) of read_csv, median.</param>
internal sealed record IngestFigures(long Rows, double ProductSeconds, double DuckDbSeconds, double SetupSeconds, int ProductRuns, int DuckDbRuns, long ProductPeakBytes, double ProductCpuSeconds, double DuckDbCpuSeconds)
{
    public double ProductRowsPerSecond => Rows / ProductSeconds;

    public double DuckDbRowsPerSecond => Rows / DuckDbSeconds;

    /// <summary>Product throughput ÷ DuckDB throughput (1 = as fast as DuckDB's own loader).</summary>
    public double Ratio => DuckDbSeconds / ProductSeconds;
}

/// <summary>Measures <see cref="IngestFigures"/>. The product side is what the dashboard does on its first start
/// (<c>IndexDataProvider.EnsureBuilt</c>: one factory holding the file open, <c>IngestRunner.RunPlan</c> over the data
/// folder), split so that only the canonical CSV files are timed; the factory's close (DuckDB's checkpoint) is timed
/// too, as the baseline's <c>CHECKPOINT</c> is.</summary>
internal static class IngestBench
{
    public static IngestFigures Measure(ScaleDataInfo data, string work, int productRuns, int duckDbRuns, out string database)
    {
        var duck = new List<double>();
        var duckCpu = new List<double>();
        for (var i = 0; i < duckDbRuns; i++)
        {
            var cpu = Cpu.Of();
            duck.Add(ReadCsv(data, Path.Combine(work, $"read-csv-{i + 1}.duckdb")));
            duckCpu.Add((Cpu.Of() - cpu).TotalSeconds);
        }

        var product = new List<double>();
        var productCpu = new List<double>();
        var setup = new List<double>();
        database = "";
        long peak = 0;
        for (var i = 0; i < productRuns; i++)
        {
            database = Path.Combine(work, $"ingest-{i + 1}.duckdb");
            var (seconds, setupSeconds, runPeak, cpuSeconds) = Product(data, database);
            product.Add(seconds);
            productCpu.Add(cpuSeconds);
            setup.Add(setupSeconds);
            peak = Math.Max(peak, runPeak);
            if (i < productRuns - 1)
            {
                File.Delete(database);
            }
        }

        return new IngestFigures(data.SampleRows, Stats.Median(product), Stats.Median(duck), Stats.Median(setup), productRuns, duckDbRuns, peak, Stats.Median(productCpu), Stats.Median(duckCpu));
    }

    private static (double Seconds, double SetupSeconds, long Peak, double CpuSeconds) Product(ScaleDataInfo data, string database)
    {
        var plan = DataFolder.Plan([data.Folder]);
        var sample = data.SampleFiles.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var sampleDocuments = plan.DocumentFiles.Where(f => sample.Contains(Path.GetFullPath(f))).ToList();
        if (sampleDocuments.Count != data.SampleFiles.Count)
        {
            throw new InvalidOperationException($"The ingest plan holds {sampleDocuments.Count} of the {data.SampleFiles.Count} sample files.");
        }

        Memory.CollectAndResetPeak();
        var clock = Stopwatch.StartNew();
        var connections = new DuckDbConnectionFactory(database, holdOpen: true);
        double seconds;
        try
        {
            var runner = new IngestRunner(new ScoreStore(connections), plan.Reference);
            var first = runner.RunPlan(plan with { DocumentFiles = plan.DocumentFiles.Where(f => !sampleDocuments.Contains(f)).ToList() }, new IngestOptions(Actor: "bench"));
            Check(first, "reference data, published results and real reports");
            var setupSeconds = clock.Elapsed.TotalSeconds;
            var cpu = Cpu.Of();
            clock.Restart();
            var result = runner.RunPlan(plan with { PublishedFiles = [], DocumentFiles = sampleDocuments }, new IngestOptions(Actor: "bench"));
            connections.Dispose();
            seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Cpu.Of() - cpu).TotalSeconds;
            Check(result, "the sample");
            var peak = Memory.PeakWorkingSet();

            // Every generated row is stored: the bench measures ingest, not a rejection. Criterion rows are scores,
            // component rows (survey, bonus, penalty of the department and commune frameworks) component scores.
            using var check = new DuckDBConnection($"Data Source={database}");
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText =
                "SELECT (SELECT count(*) FROM score JOIN submission USING (submission_id) WHERE synthetic) " +
                "+ (SELECT count(*) FROM component_score JOIN submission USING (submission_id) WHERE synthetic)";
            var stored = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (stored != data.SampleRows)
            {
                throw new InvalidOperationException($"The product stored {stored} sample rows of {data.SampleRows}.");
            }

            return (seconds, setupSeconds, peak, cpuSeconds);
        }
        finally
        {
            connections.Dispose();
        }
    }

    /// <summary>DuckDB's CSV loader into a table with the canonical columns' types, in a new database file, checkpointed.</summary>
    private static double ReadCsv(ScaleDataInfo data, string database)
    {
        var files = string.Join(", ", data.SampleFiles.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'"));
        var clock = Stopwatch.StartNew();
        long rows;
        double seconds;
        using (var connection = new DuckDBConnection($"Data Source={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE canonical_csv AS SELECT * FROM read_csv([" + files + "], header = true, delim = ',', quote = '\"', escape = '\"', " +
                "columns = {'unit_id': 'VARCHAR', 'unit_name': 'VARCHAR', 'year': 'INTEGER', 'stage': 'VARCHAR', 'code': 'VARCHAR', 'level': 'VARCHAR', " +
                "'name': 'VARCHAR', 'max_points': 'DECIMAL(10,3)', 'points': 'DECIMAL(10,3)', 'evidence': 'VARCHAR', 'synthetic': 'BOOLEAN'}); CHECKPOINT;";
            command.ExecuteNonQuery();
            seconds = clock.Elapsed.TotalSeconds;
            command.CommandText = "SELECT count(*) FROM canonical_csv";
            rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        if (rows != data.SampleRows)
        {
            throw new InvalidOperationException($"read_csv loaded {rows} rows of {data.SampleRows}.");
        }

        File.Delete(database);
        return seconds;
    }

    private static void Check(PlanReport report, string what)
    {
        if (!report.Accepted)
        {
            throw new InvalidOperationException($"bench: the product rejected {what}: {report.Rejections}");
        }
    }
}
