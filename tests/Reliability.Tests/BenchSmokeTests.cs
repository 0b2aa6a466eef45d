using System.Diagnostics;
using System.Globalization;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>bench/Bench still runs: <c>--quick</c> produces every row with a positive ratio, and <c>--scale 1 --quick</c> every
/// measure of the scale bench with the same answers as its SQL. Deliberately no timing
/// assertion: speed targets live in the bench (bench/README.md), never in tests.</summary>
[Collection(ChildProcesses.Name)]
public sealed class BenchSmokeTests
{
    private static readonly string[] Rows =
    [
        "baseline", "read-validate-report", "ingest-data-folder", "index-data-load", "ranking-peers",
        "unit-report", "chart-png", "meeting-pack", "export-csv", "export-xlsx",
    ];

    private static readonly string[] ScaleRows =
    [
        "generate", "ingest-csv", "query-ranking", "query-benchmarks", "snapshot-load", "first-page", "page-unit", "page-overview", "page-compare",
        "page-criterion", "page-history", "chart-ranking", "dashboard-rss", "export-scores-memory", "load-overview", "load-unit",
        "load-criterion", "load-chart-ranking",
    ];

    [Fact]
    public async Task Bench_Quick_PrintsEveryRowWithAPositiveRatio()
    {
        var (exitCode, output, error) = await RunBenchAsync(TimeSpan.FromMinutes(5), "--quick");

        exitCode.ShouldBe(0, output + error);
        var table = output.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
        foreach (var id in Rows)
        {
            var row = table.SingleOrDefault(l => l.Contains($"| `{id}` |", StringComparison.Ordinal));
            row.ShouldNotBeNull($"no row for {id} in\n{output}");
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            double.Parse(cells[5], CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, row);
        }
    }

    /// <summary>The scale bench (--scale) on today's data, briefly: every measure is printed, and the dashboard's
    /// answers equal the hand-written SQL's. Its targets are not judged here (no timing in tests).</summary>
    [Fact]
    public async Task Bench_QuickScale1_PrintsEveryMeasureWithIdenticalAnswers()
    {
        var (exitCode, output, error) = await RunBenchAsync(TimeSpan.FromMinutes(10), "--scale", "1", "--quick", "--clients", "10", "--seconds", "1");

        exitCode.ShouldBe(0, output + error);
        var table = output.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        foreach (var id in ScaleRows)
        {
            table.Count(l => l.Contains($"| `{id}` |", StringComparison.Ordinal)).ShouldBe(1, $"no single row for {id} in\n{output}");
        }

        table.Where(l => l.Contains("| `query-", StringComparison.Ordinal)).ShouldAllBe(l => l.Contains("(answers identical,", StringComparison.Ordinal));
        output.ShouldContain("Rankings of every year (2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024): the product's and the SQL's answers are identical.");
        output.ShouldContain("Data: 27 district units a year (0 of them synthetic");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunBenchAsync(TimeSpan timeout, params string[] arguments)
    {
        var bench = Path.Combine(AppContext.BaseDirectory, "CchcAnalytics.Bench.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", bench, .. arguments, "--data", Path.Combine(TestFiles.RepositoryRoot, "data")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        return (process.ExitCode, output, await error);
    }
}
