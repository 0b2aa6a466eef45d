using CchcAnalytics.Analytics;

namespace CchcAnalytics.Charts;

/// <summary>What chart to draw, as the dashboard's <c>/export/charts/{kind}.png?…</c> and <c>cchc charts</c> ask for it.
/// <see cref="ChartFactory.Build"/> validates it.</summary>
/// <param name="Kind">The chart.</param>
/// <param name="Year">Index year; required by every kind except <c>unit-trend</c>, <c>compare-trends</c> and
/// <c>concept-history</c> (where it only picks the framework a criterion code is read in), and not used by the kinds
/// over all years (<c>rank-bump</c>, <c>area-means</c>, <c>trend-panel</c>).</param>
/// <param name="UnitIds">Unit ids or Vietnamese names ("hoang-hoa", "Hoằng Hóa"): one for <c>unit-trend</c>,
/// <c>unit-areas</c> and <c>trend-panel</c>, two to six for the comparisons, optional for <c>self-vs-appraised</c> (per
/// area for the unit, else per unit), <c>ranking</c> (one unit to highlight), <c>concept-history</c> (rows to show; all when empty) and <c>rank-bump</c> (up to
/// six to highlight).</param>
/// <param name="Code">An area code for <c>heatmap</c> (its criteria instead of the areas); a concept id
/// (<c>online-services-level-3</c>) or criterion code (<c>7.1.4</c>) for <c>concept-history</c>; a criterion (or area)
/// code for <c>map</c> (the units coloured by its % of maximum).</param>
/// <param name="Width">Pixels; null for the kind's default (<see cref="ChartSpec.Width"/>).</param>
/// <param name="Height">Pixels; null for the kind's default.</param>
public sealed record ChartRequest(
    ChartKind Kind,
    int? Year = null,
    IReadOnlyList<string>? UnitIds = null,
    string? Code = null,
    int? Width = null,
    int? Height = null)
{
    /// <summary>Smallest and largest accepted width or height, in pixels.</summary>
    public const int MinSize = 300;

    /// <inheritdoc cref="MinSize"/>
    public const int MaxSize = 4000;

    /// <summary>Province slug of the units compared; empty for the province of the data (<see cref="DataScope.Province"/>).</summary>
    public string Province { get; init; } = "";

    /// <summary>Level id of the units compared (data/levels.csv); empty for the level of the units asked for, or without
    /// units the default level (<see cref="DataScope.DefaultLevel"/>).</summary>
    public string Level { get; init; } = "";

    /// <summary>An area code for <c>map</c> (<c>linh-vuc=7</c>: the units coloured by that area's % of its maximum);
    /// null for the index, or for a criterion given as <see cref="Code"/>.</summary>
    public string? Area { get; init; }

    /// <summary>The unit ids or names, never null.</summary>
    public IReadOnlyList<string> Units => UnitIds ?? [];
}
