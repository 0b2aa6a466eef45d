using CchcAnalytics.Analytics;
using CchcAnalytics.Charts;
using CchcAnalytics.Charts.Maps;
using Microsoft.AspNetCore.WebUtilities;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>The marks a page lays over a chart picture (issue 16 §4): the chart that <c>/export/charts/{kind}.svg?{query}</c>
/// serves, built from the same data view and query, and its bars, points and cells in that picture's pixels with their
/// hover labels and links. Computed once per data version, reader's view and address (memoised on the snapshot).</summary>
public static class ChartOverlay
{
    /// <summary>The marks of chart <paramref name="kind"/> for <paramref name="query"/> (without '?', the download's own:
    /// <c>nam</c>, <c>dv</c>, <c>ma</c>, <c>w</c>, <c>h</c> or their English aliases); null when the query names no chart
    /// (the picture then shows the download's own error, and there is nothing to point at).</summary>
    /// <remarks>The level is the query's <c>cap</c> (or <c>level</c>), as the download reads it; a map is drawn on
    /// <paramref name="maps"/>, and its marks are the units' outlines (<see cref="ChartMark.Path"/>).</remarks>
    public static ChartMarks? Marks(IndexData data, AnalyticsOptions options, string kind, string query, MapBoundaries? maps = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return data.Memo(("chart-marks", kind, query), () => Build(data, options, kind, query, maps));
    }

    private static ChartMarks? Build(IndexData data, AnalyticsOptions options, string kind, string query, MapBoundaries? maps)
    {
        if (!ChartKindText.TryParse(kind, out var chartKind))
        {
            return null;
        }

        var values = QueryHelpers.ParseQuery(query.StartsWith('?') ? query : "?" + query);
        string? One(string name, string alias) =>
            values.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : values.TryGetValue(alias, out var a) && a.Count > 0 ? a[0] : null;
        string[] Many(string name, string alias) =>
            values.TryGetValue(name, out var v) && v.Count > 0 ? v.OfType<string>().ToArray() : values.TryGetValue(alias, out var a) ? a.OfType<string>().ToArray() : [];

        var yearText = One("nam", "year");
        var year = Query.Year(yearText);
        if (yearText is not null && year is null)
        {
            return null;
        }

        var units = Many("dv", "unit");
        var levelText = One("cap", "level");
        var level = levelText is null ? null : DataScope.FindLevel(data, DataScope.Province(data).Id, levelText);
        if (levelText is not null && level is null)
        {
            return null;
        }

        try
        {
            var request = new ChartRequest(chartKind, year, units.Length > 0 ? units : null, One("ma", "code"), Query.Number(One("w", "w")), Query.Number(One("h", "h")))
            {
                Level = level?.Id ?? "",
                Area = One("linh-vuc", "area"),
            };
            var spec = ChartFactory.Build(data, request, options, maps);
            return ChartRenderer.Marks(spec);
        }
        catch (ArgumentException)
        {
            // The download answers the same request with a 400 and its reason; the page shows that picture's alt text.
            return null;
        }
    }
}
