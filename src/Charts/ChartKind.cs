namespace CchcAnalytics.Charts;

/// <summary>The charts the dashboard and <c>cchc charts</c> can draw; each has one builder in <c>Builders/</c>.</summary>
public enum ChartKind
{
    /// <summary>All units of a year as horizontal bars by index, with the mean and median (<c>ranking</c>).</summary>
    Ranking,

    /// <summary>Per area, the spread of % of max across the units of a year (<c>area-distribution</c>).</summary>
    AreaDistribution,

    /// <summary>One unit's index across years, following lineage, with framework changes (<c>unit-trend</c>).</summary>
    UnitTrend,

    /// <summary>One unit-year's areas against the province mean, best and peer-group mean (<c>unit-areas</c>).</summary>
    UnitAreas,

    /// <summary>Two to six units' areas side by side for a year (<c>compare-areas</c>).</summary>
    CompareAreas,

    /// <summary>Two to six units' index across years (<c>compare-trends</c>).</summary>
    CompareTrends,

    /// <summary>Units × areas, or units × the criteria of one area, as % of max for a year (<c>heatmap</c>).</summary>
    Heatmap,

    /// <summary>One criterion concept across years for all units, broken where the crosswalk says values are not
    /// comparable (<c>concept-history</c>).</summary>
    ConceptHistory,

    /// <summary>Self-assessed against appraised points: per area for a unit-year, or the gap per unit for a year
    /// (<c>self-vs-appraised</c>).</summary>
    SelfVsAppraised,

    /// <summary>Every unit's rank last year and this year joined by a line (a slope chart); units whose totals come from
    /// different stages are not joined, marked "khác giai đoạn" (<c>rank-movement</c>).</summary>
    RankMovement,
}

/// <summary>Text forms of <see cref="ChartKind"/>: the kebab-case codes used in URLs and on the command line.</summary>
public static class ChartKindText
{
    private static readonly (ChartKind Kind, string Code)[] Table =
    [
        (ChartKind.Ranking, "ranking"),
        (ChartKind.AreaDistribution, "area-distribution"),
        (ChartKind.UnitTrend, "unit-trend"),
        (ChartKind.UnitAreas, "unit-areas"),
        (ChartKind.CompareAreas, "compare-areas"),
        (ChartKind.CompareTrends, "compare-trends"),
        (ChartKind.Heatmap, "heatmap"),
        (ChartKind.ConceptHistory, "concept-history"),
        (ChartKind.SelfVsAppraised, "self-vs-appraised"),
        (ChartKind.RankMovement, "rank-movement"),
    ];

    /// <summary>Every code, in enum order.</summary>
    public static IReadOnlyList<string> Codes { get; } = Table.Select(t => t.Code).ToList();

    public static string ToCode(this ChartKind kind) =>
        Table.FirstOrDefault(t => t.Kind == kind).Code ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown chart kind.");

    public static bool TryParse(string? text, out ChartKind kind)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Code, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = row.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Parses a code; throws <see cref="ArgumentException"/> naming the known codes.</summary>
    public static ChartKind Parse(string text) =>
        TryParse(text, out var kind)
            ? kind
            : throw new ArgumentException($"Không có loại biểu đồ '{text}'. Các loại biểu đồ: {string.Join(", ", Codes)}.", nameof(text));
}
