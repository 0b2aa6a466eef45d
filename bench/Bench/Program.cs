using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CchcAnalytics.Analytics;
using CchcAnalytics.Analytics.Peers;
using CchcAnalytics.Bench;
using CchcAnalytics.Charts;
using CchcAnalytics.Core;
using CchcAnalytics.Exports;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;

// bench/Bench: the product's hot paths on the bundled data, as ratios against a baseline measured in the same run.
// Usage: dotnet run -c Release --project bench/Bench [-- --quick] [--fail-over-target] [--data DIR]
// With --scale N: the scale bench (bench/README.md, "Scale"), its own options in Scale/ScaleOptions.cs.
var quick = args.Contains("--quick");
var failOverTarget = args.Contains("--fail-over-target");
var dataIndex = Array.IndexOf(args, "--data");
if (args.Contains("--scale"))
{
    var root = dataIndex >= 0 && dataIndex + 1 < args.Length ? Path.GetDirectoryName(Path.GetFullPath(args[dataIndex + 1]))! : RepositoryRoot();
    return await CchcAnalytics.Bench.Scale.ScaleBench.RunAsync(args, root);
}

var unknown = args.Where((a, i) => a is not ("--quick" or "--fail-over-target" or "--data") && !(dataIndex >= 0 && i == dataIndex + 1)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"bench: unknown argument {unknown[0]}. Usage: Bench [--quick] [--fail-over-target] [--data DIR]");
    return 2;
}

var dataFolder = Path.GetFullPath(dataIndex >= 0 && dataIndex + 1 < args.Length ? args[dataIndex + 1] : Path.Combine(RepositoryRoot(), "data"));
var realReport = Path.Combine(dataFolder, "raw", "2017", "hoang-hoa-2017-bc293.txt");
const int Year = 2023;
const string Province = "thanh-hoa";
const string Level = "district";
var options = AnalyticsOptions.Default;
var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cchc-bench-" + Guid.NewGuid().ToString("N"))).FullName;
try
{
    // --quick ingests a copy of the data folder with one sample year (2023) instead of eight, and runs every case once
    // without warm-up: enough to prove every row works, not to judge a target.
    var ingestFolder = quick ? QuickDataFolder(dataFolder, work, [Year]) : dataFolder;
    var warmups = quick ? 0 : 2;
    int Iterations(int full) => quick ? 1 : full;

    var sink = 0L;
    var reportBytes = File.ReadAllBytes(realReport);
    var validator = new IngestRunner(ReferenceData.Embedded);
    var database = "";
    var ingestRuns = 0;
    var cases = new List<BenchCase>
    {
        // The baseline: decode the real report's bytes to text, NFC-normalise it and split it into lines and cells,
        // 50 times. Pure managed CPU and allocation on the product's own input, no I/O, no native code.
        new("baseline", "baseline: decode + NFC + split the real report ×50", Iterations(21), () =>
        {
            for (var i = 0; i < 50; i++)
            {
                var text = Encoding.UTF8.GetString(reportBytes).Normalize(NormalizationForm.FormC);
                foreach (var line in text.Split('\n'))
                {
                    sink += line.Split('\t').Length;
                }
            }
        }),
        new("read-validate-report", "read + validate the real report (data/raw, .txt)", Iterations(15), () =>
        {
            var report = validator.Run(realReport, new IngestOptions());
            Check(report.Accepted && report.Submissions[0].Sheet.Scores.Count == 111, "the real report must be accepted with 111 rows");
        }),
        new("ingest-data-folder", quick ? "ingest the data folder (quick: 1 sample year) into a new DuckDB" : "ingest the whole data folder into a new DuckDB", quick ? 1 : 3, () =>
        {
            using var connections = new DuckDbConnectionFactory(database);
            var plan = DataFolder.Plan([ingestFolder]);
            var result = new IngestRunner(new ScoreStore(connections), plan.Reference).RunPlan(plan, new IngestOptions(Actor: "bench"));
            Check(result.Accepted, "every file of the data folder must be accepted: " + result.Rejections);
        }, Setup: () => database = Path.Combine(work, $"ingest-{++ingestRuns}.duckdb")),
    };

    var results = new List<Measurement>();
    foreach (var bench in cases)
    {
        results.Add(BenchRunner.Measure(bench, bench.Id == "ingest-data-folder" ? Math.Min(warmups, 1) : warmups, bench.Iterations));
    }

    // The database the last ingest built is the one the analytics cases read.
    using var loaded = new DuckDbConnectionFactory(database, holdOpen: true);
    var store = new ScoreStore(loaded);
    var data = IndexData.Load(loaded);
    var inputs = (Units: store.Reference.LoadUnits(), Lineage: store.Reference.LoadLineage(), Frameworks: store.Reference.LoadFrameworks(),
        Crosswalk: store.Reference.LoadCrosswalk(), Published: store.Published.LoadPublished(), Sheets: store.Submissions.GetCurrentSheets());
    var fresh = data;
    var analytics = new List<BenchCase>
    {
        new("index-data-load", "IndexData.Load of the loaded database (light snapshot)", Iterations(7), () => sink += IndexData.Load(loaded).Results.Count()),
        new("ranking-peers", $"ranking + peer groups of {Year} (new snapshot, nothing memoised)", Iterations(9), () =>
        {
            var ranking = Ranker.For(fresh, Year, Province, Level, options);
            var peers = PeerGrouping.Analyse(fresh.ResultsOf(Year, Province, Level), options);
            Check(ranking.Units.Count > 20 && peers.Groups.Count > 0, "the ranking and peer groups must not be empty");
        }, Setup: () => fresh = new IndexData(inputs.Units, inputs.Lineage, inputs.Frameworks, inputs.Crosswalk, inputs.Published, inputs.Sheets)),
        new("unit-report", $"unit report, hoang-hoa {Year} (snapshot warm)", Iterations(15), () =>
            Check(UnitReport.Build(data, "hoang-hoa", Year, options) is not null, "the unit report must exist")),
        new("chart-png", $"ranking chart {Year}: build + render PNG", Iterations(9), () =>
            sink += ChartRenderer.Png(ChartFactory.Build(data, new ChartRequest(ChartKind.Ranking, Year), options)).Length),
        new("meeting-pack", $"meeting pack {Year} (.pptx)", Iterations(3), () =>
        {
            using var memory = new MemoryStream();
            YearPack.Write(data, Year, [], memory, options);
            sink += memory.Length;
        }),
        new("export-csv", "export scores CSV (read current rows + write)", Iterations(7), () =>
        {
            using var memory = new MemoryStream();
            using (var writer = new StreamWriter(memory, new UTF8Encoding(false), leaveOpen: true))
            {
                CanonicalCsv.Write(writer, store.Submissions.GetCurrentRows());
            }

            sink += memory.Length;
        }),
        new("export-xlsx", "export scores XLSX (read current rows + write)", Iterations(3), () =>
        {
            using var memory = new MemoryStream();
            ScoresWorkbook.Write(memory, store.Submissions.GetCurrentRows());
            sink += memory.Length;
        }),
    };
    foreach (var bench in analytics)
    {
        results.Add(BenchRunner.Measure(bench, warmups, bench.Iterations));
    }

    var baseline = results.Single(r => r.Id == "baseline");
    var over = 0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"# CCHC Analytics bench{(quick ? " (--quick: smaller database, few iterations; ratios indicative only)" : "")}"));
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores; data {dataFolder}; " +
        $"baseline {baseline.MedianMs:0.00} ms. Ratio = median time ÷ baseline median."));
    Console.WriteLine();
    Console.WriteLine("| Hot path | Id | Iterations | Median ms | Ratio | Target | Status | Allocated | Peak working set |");
    Console.WriteLine("|---|---|--:|--:|--:|--:|---|--:|--:|");
    foreach (var r in results)
    {
        var ratio = r.MedianMs / baseline.MedianMs;
        double? target = BenchTargets.Ratio.TryGetValue(r.Id, out var t0) ? t0 : null;
        var status = target is null ? "—" : ratio <= target ? "PASS" : "over target";
        if (target is not null && ratio > target)
        {
            over++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Title} | `{r.Id}` | {r.Iterations} | {r.MedianMs:0.00} | {ratio:0.00} | {(target is { } t ? $"≤ {t:0.#}×" : "—")} | {status} | {Bytes(r.AllocatedBytes)} | {Bytes(r.PeakWorkingSetBytes)} |"));
    }

    Console.WriteLine();
    Console.WriteLine(over == 0 ? "All targets met." : $"{over} over target{(failOverTarget ? "" : " (exit code 0; --fail-over-target makes it 1)")}.");
    GC.KeepAlive(sink);
    return failOverTarget && over > 0 ? 1 : 0;
}
finally
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
        // A database file may still be held for a moment; the OS cleans temp.
    }
}

static void Check(bool condition, string message)
{
    if (!condition)
    {
        throw new InvalidOperationException("bench: " + message);
    }
}

static string Bytes(long bytes) => bytes switch
{
    >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.00} GiB"),
    >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
    _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KiB"),
};

static string RepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CchcAnalytics.sln")))
            {
                return directory.FullName;
            }
        }
    }

    throw new InvalidOperationException("CchcAnalytics.sln not found above the current folder; give --data DIR.");
}

// A copy of the data folder with only some sample years (reference data, published results and raw reports whole).
static string QuickDataFolder(string dataFolder, string work, int[] years)
{
    var copy = Path.Combine(work, "data");
    foreach (var file in Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories))
    {
        var relative = Path.GetRelativePath(dataFolder, file);
        if (relative.StartsWith("sample" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !years.Any(y => Path.GetFileName(file).Contains(y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            continue;
        }

        if (Path.GetExtension(file) is ".duckdb" or ".wal")
        {
            continue;
        }

        var target = Path.Combine(copy, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }

    return copy;
}
