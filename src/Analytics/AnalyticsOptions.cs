namespace CchcAnalytics.Analytics;

/// <summary>A band of the index ("≥ 90"): units whose index is at least <see cref="From"/> fall in it.</summary>
/// <param name="From">Lower bound of the index, inclusive.</param>
/// <param name="Label">Vietnamese label.</param>
public sealed record Band(decimal From, string Label);

/// <summary>The settings every measure depends on. The defaults are the ones documented in docs/methodology.md.</summary>
public sealed record AnalyticsOptions
{
    /// <summary>Bands from the highest; Thanh Hóa publishes no band cut-offs, so these are configurable.</summary>
    public IReadOnlyList<Band> Bands { get; init; } = [new(90m, "≥ 90"), new(80m, "80 – < 90"), new(0m, "< 80")];

    /// <summary>A criterion is weak below this % of its maximum.</summary>
    public decimal WeakBelowPercent { get; init; } = 50m;

    /// <summary>Years of the window for persistent weaknesses (n).</summary>
    public int WindowYears { get; init; } = 3;

    /// <summary>Weak years within the window that make a weakness persistent (k).</summary>
    public int WeakYears { get; init; } = 3;

    /// <summary>A persistent weakness is "shared" (overview, print report, meeting pack) when at least this many units have it.</summary>
    public int MinSharedUnits { get; init; } = 2;

    /// <summary>Number of peer groups (k-means k).</summary>
    public int PeerGroups { get; init; } = 3;

    /// <summary>Seed of the peer-group clustering and the anomaly model.</summary>
    public int Seed { get; init; } = 2017;

    public static AnalyticsOptions Default { get; } = new();

    /// <summary>The band an index falls in.</summary>
    public Band BandOf(decimal index) => Bands.FirstOrDefault(b => index >= b.From) ?? Bands[^1];
}
