namespace CchcAnalytics.Bench;

/// <summary>Targets as ratios to the baseline (median time ÷ baseline median), the same numbers as bench/README.md.</summary>
internal static class BenchTargets
{
    public static IReadOnlyDictionary<string, double> Ratio { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["read-validate-report"] = 1,
        ["ingest-data-folder"] = 800,
        ["index-data-load"] = 25,
        ["ranking-peers"] = 20,
        ["unit-report"] = 3,
        ["chart-png"] = 10,
        ["meeting-pack"] = 160,
        ["export-csv"] = 35,
        ["export-xlsx"] = 80,
    };
}
