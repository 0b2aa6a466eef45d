using System.Globalization;

namespace CchcAnalytics.Charts.Maps;

/// <summary>What a map measures: the index, one area (lĩnh vực) or one criterion.</summary>
public enum MapMeasureKind
{
    /// <summary>The unit's Chỉ số CCHC (0–100).</summary>
    Index,

    /// <summary>One area's points as % of its maximum (<c>linh-vuc=</c>).</summary>
    Area,

    /// <summary>One criterion's points as % of its maximum (<c>ma=</c>).</summary>
    Criterion,
}

/// <summary>The measure a map colours by, with its Vietnamese caption for the title ("Chỉ số CCHC", "lĩnh vực 7.
/// Hiện đại hóa hành chính (% điểm tối đa)").</summary>
/// <param name="Kind">Index, area or criterion.</param>
/// <param name="Code">The area's or criterion's code ("7", "7.1"); null for the index.</param>
/// <param name="Caption">What the title says is shown.</param>
public sealed record MapMeasure(MapMeasureKind Kind, string? Code, string Caption)
{
    /// <summary>The Chỉ số CCHC.</summary>
    public static MapMeasure Index { get; } = new(MapMeasureKind.Index, null, "Chỉ số CCHC");

    /// <summary>One area as % of its maximum: "lĩnh vực 7. Hiện đại hóa hành chính (% điểm tối đa)".</summary>
    public static MapMeasure Area(string code, string name) =>
        new(MapMeasureKind.Area, code, $"lĩnh vực {code}. {ChartText.Cut(ChartText.SentenceCase(name), 60)} (% điểm tối đa)");

    /// <summary>One criterion as % of its maximum: "tiêu chí 7.1 … (% điểm tối đa)".</summary>
    public static MapMeasure Criterion(string code, string name) =>
        new(MapMeasureKind.Criterion, code, $"tiêu chí {code} {ChartText.Cut(ChartText.SentenceCase(name), 60)} (% điểm tối đa)");
}

/// <summary>One unit on a map: its id (as in the boundary set), the name to show ("xã Hoằng Hóa"), its value (null when
/// it has none: drawn grey, "không có số liệu", never 0) and the page a click opens (by default
/// <c>/don-vi/{id}?nam={year}</c>; it must be a path on this site).</summary>
public sealed record MapUnitValue(string UnitId, string Name, decimal? Value, string? Link = null);

/// <summary>Everything a map needs besides the outlines: the year, the level label ("cấp xã"), the measure, one entry
/// per unit, and the data status (<see cref="ChartStatus"/>: dữ liệu mẫu, khung minh họa). Shapes of the boundary set
/// without an entry are drawn grey as "không có số liệu" under the name the boundary file gives.</summary>
public sealed record MapInput(int Year, string LevelLabel, MapMeasure Measure, IReadOnlyList<MapUnitValue> Units, ChartStatus Status)
{
    /// <summary>Notes printed with the map besides its own (how the outlines were made).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The unit page of a year: <c>/don-vi/thanh-hoa-xa-hoang-hoa?nam=2025</c>.</summary>
    public static string UnitLink(string unitId, int year) =>
        $"/don-vi/{Uri.EscapeDataString(unitId)}?nam={year.ToString(CultureInfo.InvariantCulture)}";
}
