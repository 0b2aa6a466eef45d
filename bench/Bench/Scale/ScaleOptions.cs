using System.Globalization;

namespace CchcAnalytics.Bench.Scale;

/// <summary>The scale bench's command line.</summary>
internal sealed record ScaleOptions(
    int Scale,
    bool Quick,
    bool FailOverTarget,
    string DataFolder,
    string? Work,
    bool Reuse,
    string? Dashboard,
    int Clients,
    TimeSpan LoadDuration,
    int Year,
    int IngestRuns,
    long MaxServerRss,
    bool IngestOnly = false)
{
    public int ReadCsvRuns => Quick ? 1 : 3;

    public int QueryWarmups => Quick ? 0 : 1;

    public int QueryIterations => Quick ? 1 : 5;

    public int WarmUpRequests => Quick ? 0 : 3;

    public int WarmRequests => Quick ? 3 : 30;

    public int WarmMinimum => Quick ? 2 : 5;

    public TimeSpan WarmBudget => TimeSpan.FromSeconds(Quick ? 5 : 30);

    /// <summary>A request under load that takes longer counts as an error.</summary>
    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(120);

    public static ScaleOptions? Parse(string[] args, string repositoryRoot, out string error)
    {
        error = "";
        int? scale = null;
        var quick = false;
        var fail = false;
        string? data = null;
        string? work = null;
        var reuse = false;
        var ingestOnly = false;
        string? dashboard = null;
        var clients = 100;
        double? seconds = null;
        var year = 2023;
        var ingestRuns = 1;
        var maxRssGib = 12.0;
        for (var i = 0; i < args.Length; i++)
        {
            var at = i;
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--scale" when int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1:
                    scale = n;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--fail-over-target":
                    fail = true;
                    break;
                case "--data" when Value() is { } d:
                    data = d;
                    break;
                case "--work" when Value() is { } w:
                    work = Path.GetFullPath(w);
                    break;
                case "--ingest-runs" when int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1:
                    ingestRuns = r;
                    break;
                case "--max-rss-gib" when double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var g) && g > 0:
                    maxRssGib = g;
                    break;
                case "--reuse":
                    reuse = true;
                    break;
                case "--ingest-only":
                    ingestOnly = true;
                    break;
                case "--dashboard" when Value() is { } p:
                    dashboard = Path.GetFullPath(p);
                    break;
                case "--clients" when int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c >= 1:
                    clients = c;
                    break;
                case "--seconds" when double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s;
                    break;
                case "--year" when int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2017 and <= 2024:
                    year = y;
                    break;
                default:
                    error = i == at ? $"unknown argument {args[at]}" : $"bad value for {args[at]}: {args[i]}";
                    return null;
            }
        }

        if (scale is null)
        {
            error = "--scale needs a whole number ≥ 1 (1, 10, 25, 120)";
            return null;
        }

        if (reuse && work is null)
        {
            error = "--reuse needs --work DIR";
            return null;
        }

        return new ScaleOptions(scale.Value, quick, fail, Path.GetFullPath(data ?? Path.Combine(repositoryRoot, "data")), work, reuse, dashboard, clients,
            TimeSpan.FromSeconds(seconds ?? (quick ? 2 : 10)), year, ingestRuns, (long)(maxRssGib * (1L << 30)), ingestOnly);
    }
}
