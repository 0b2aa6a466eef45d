using CchcAnalytics.Core;

namespace CchcAnalytics.Charts;

/// <summary>The charts the dashboard and <c>cchc charts</c> can draw; each has one builder in <c>Builders/</c>.</summary>
public enum ChartKind
{
    /// <summary>All units of a year as horizontal bars by index, with the mean and median (<c>ranking</c>).</summary>
    [Code("ranking")]
    Ranking,

    /// <summary>Per area, the spread of % of max across the units of a year (<c>area-distribution</c>).</summary>
    [Code("area-distribution")]
    AreaDistribution,

    /// <summary>One unit's index across years, following lineage, with framework changes (<c>unit-trend</c>).</summary>
    [Code("unit-trend")]
    UnitTrend,

    /// <summary>One unit-year's areas against the province mean, best and peer-group mean (<c>unit-areas</c>).</summary>
    [Code("unit-areas")]
    UnitAreas,

    /// <summary>Two to six units' areas side by side for a year (<c>compare-areas</c>).</summary>
    [Code("compare-areas")]
    CompareAreas,

    /// <summary>Two to six units' index across years (<c>compare-trends</c>).</summary>
    [Code("compare-trends")]
    CompareTrends,

    /// <summary>Units × areas, or units × the criteria of one area, as % of max for a year (<c>heatmap</c>).</summary>
    [Code("heatmap")]
    Heatmap,

    /// <summary>One criterion concept across years for all units, broken where the crosswalk says values are not
    /// comparable (<c>concept-history</c>).</summary>
    [Code("concept-history")]
    ConceptHistory,

    /// <summary>Self-assessed against appraised points: per area for a unit-year, or the gap per unit for a year
    /// (<c>self-vs-appraised</c>).</summary>
    [Code("self-vs-appraised")]
    SelfVsAppraised,

    /// <summary>A choropleth of the units' outlines for a year, coloured by the index, an area or a criterion
    /// (<c>map</c>; built by <c>Maps.MapChartBuilder</c> from a boundary set, not by <see cref="ChartFactory"/>).</summary>
    [Code("map")]
    Map,

    /// <summary>Every unit's rank last year and this year joined by a line (a slope chart); units whose totals come from
    /// different stages are not joined, marked "khác giai đoạn" (<c>rank-movement</c>).</summary>
    [Code("rank-movement")]
    RankMovement,

    /// <summary>Every unit series' rank in every year, joined across years (a bump chart), rank 1 on top; optional units
    /// highlighted (<c>rank-bump</c>).</summary>
    [Code("rank-bump")]
    RankBump,

    /// <summary>The province mean of each area (% of max) across years, one line per area concept (<c>area-means</c>).</summary>
    [Code("area-means")]
    AreaMeans,

    /// <summary>One unit's index across years drawn small, on the scale all units share (<c>trend-panel</c>: the small
    /// multiples of the province-over-years page).</summary>
    [Code("trend-panel")]
    TrendPanel,
}

/// <summary>Text forms of <see cref="ChartKind"/>: the kebab-case codes used in URLs and on the command line.</summary>
public static class ChartKindText
{
    /// <summary>Every code, in enum order.</summary>
    public static IReadOnlyList<string> Codes => EnumCodes.Codes<ChartKind>();

    public static string ToCode(this ChartKind kind) => EnumCodes.Code<ChartKind>(kind);

    public static bool TryParse(string? text, out ChartKind kind) => EnumCodes.TryParse<ChartKind>(text, out kind);

    /// <summary>Parses a code; throws <see cref="ArgumentException"/> naming the known codes.</summary>
    public static ChartKind Parse(string text) =>
        TryParse(text, out var kind)
            ? kind
            : throw new ArgumentException($"Không có loại biểu đồ '{text}'. Các loại biểu đồ: {string.Join(", ", Codes)}.", nameof(text));
}
