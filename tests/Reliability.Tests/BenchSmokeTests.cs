using System.Diagnostics;
using System.Globalization;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>bench/Bench still runs: <c>--quick</c> produces every row with a positive ratio. Deliberately no timing
/// assertion: speed targets live in the bench (bench/README.md), never in tests.</summary>
[Collection(ChildProcesses.Name)]
public sealed class BenchSmokeTests
{
    private static readonly string[] Rows =
    [
        "baseline", "read-validate-report", "ingest-data-folder", "index-data-load", "ranking-peers",
        "unit-report", "chart-png", "meeting-pack", "export-csv", "export-xlsx",
    ];

    [Fact]
    public async Task Bench_Quick_PrintsEveryRowWithAPositiveRatio()
    {
        var bench = Path.Combine(AppContext.BaseDirectory, "CchcAnalytics.Bench.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", bench, "--quick", "--data", Path.Combine(TestFiles.RepositoryRoot, "data")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));

        process.ExitCode.ShouldBe(0, output + await error);
        var table = output.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
        foreach (var id in Rows)
        {
            var row = table.SingleOrDefault(l => l.Contains($"| `{id}` |", StringComparison.Ordinal));
            row.ShouldNotBeNull($"no row for {id} in\n{output}");
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            double.Parse(cells[5], CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, row);
        }
    }
}
