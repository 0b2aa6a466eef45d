namespace CchcAnalytics.Exports;

/// <summary>The keys <see cref="MeetingPackBuilder"/> asks its chart provider for. The provider returns a PNG, or null
/// when it has no chart for the key (the slide is then made without a picture).</summary>
public static class ChartKeys
{
    /// <summary>The year's ranking: one bar per unit, best first (shown beside the ranking table).</summary>
    public const string Ranking = "ranking";

    /// <summary>How the units' percentages spread within each area (shown beside the per-area table).</summary>
    public const string AreaDistribution = "area-distribution";

    /// <summary>The shared persistent weaknesses: criteria by number of units (shown beside their table).</summary>
    public const string SharedWeaknesses = "shared-weaknesses";

    private const string UnitTrendPrefix = "unit-trend:";

    /// <summary>"unit-trend:{unitId}": one unit's index over the years, following its series (shown beside its findings).</summary>
    public static string UnitTrend(string unitId) => UnitTrendPrefix + unitId;
}
