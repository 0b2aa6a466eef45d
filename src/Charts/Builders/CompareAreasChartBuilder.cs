using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>compare-areas</c>: two to six units of one year side by side, one group of bars per area (% of the
/// area's maximum).</summary>
public static class CompareAreasChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 750;
    public const int MinUnits = 2;
    public const int MaxUnits = 6;

    /// <summary>Builds the chart from the units' results of one year, all scored against one framework.</summary>
    public static ChartSpec Build(IReadOnlyList<UnitYearResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count is < MinUnits or > MaxUnits)
        {
            throw new ArgumentException($"Cần từ {MinUnits} đến {MaxUnits} đơn vị để so sánh (đã chọn {results.Count}).", nameof(results));
        }

        var year = results[0].Year;
        if (results.FirstOrDefault(r => r.Year != year) is { } other)
        {
            throw new ArgumentException($"Các đơn vị so sánh phải cùng một năm: có cả {year} và {other.Year}.", nameof(results));
        }

        if (results.FirstOrDefault(r => r.Framework.Id != results[0].Framework.Id) is { } otherFramework)
        {
            throw new ArgumentException(
                $"Các đơn vị so sánh phải được chấm theo cùng một bộ tiêu chí: {results[0].Unit.Id} theo '{results[0].Framework.Id}', {otherFramework.Unit.Id} theo '{otherFramework.Framework.Id}'.", nameof(results));
        }

        var areas = results[0].Framework.Criteria.Where(c => c.Level == CriterionLevel.Area).ToList();
        var table = new ChartTable(
            ["year", "unit_id", "unit_name", "index", "area_code", "area_name", "max_points", "points", "percent"],
            results.SelectMany(r => areas.Select(a => (Result: r, Area: a, Row: r.Find(a.Code)))).Select(x => (IReadOnlyList<object?>)
            [
                year, x.Result.Unit.Id, x.Result.Unit.FullName, ChartText.Round(x.Result.Index), x.Area.Code, x.Area.Name, x.Area.MaxPoints, x.Row?.Points, ChartText.Round(x.Row?.Percent),
            ]).ToList());

        return new ChartSpec(
            ChartKind.CompareAreas,
            $"So sánh điểm từng lĩnh vực năm {ChartText.Year(year)}",
            $"{string.Join(", ", results.Select(r => ChartText.UnitLabel(r.Unit)))}; % điểm chuẩn",
            ChartStatus.Of(results),
            table,
            [],
            DefaultWidth,
            DefaultHeight,
            (plot, marks) => Draw(plot, marks, results, areas));
    }

    private static void Draw(Plot plot, MarkList marks, IReadOnlyList<UnitYearResult> results, List<FrameworkCriterion> areas)
    {
        // Each area is a group of n bars, one slot apart, with one empty slot between groups; the first area on top.
        var n = results.Count;
        var slot = 1.0 / (n + 1);
        double Center(int area) => areas.Count - area;
        double Position(int area, int unit) => Center(area) + ((((n - 1) / 2.0) - unit) * slot);
        for (var u = 0; u < n; u++)
        {
            var result = results[u];
            var color = ChartPalette.Series[u];
            var bars = areas.Select((a, i) => (Row: result.Find(a.Code), i)).Select(x => new Bar
            {
                Position = Position(x.i, u),
                Value = (double)(x.Row?.Percent ?? 0m),
                Size = slot * 0.9,
                FillColor = x.Row?.Percent is null ? ChartPalette.Missing : color,
                LineWidth = 0,
                Label = ChartText.Percent(x.Row?.Percent),
            }).ToList();
            for (var i = 0; i < areas.Count; i++)
            {
                // The bar's whole slot, from 0 to 100 %, so a short or missing bar can be pointed at as easily as a long one.
                var row = result.Find(areas[i].Code);
                marks.Area(MarkLabels.Percent(result.Unit.FullName, areas[i].Code, areas[i].Name, result.Year, row?.Percent, row?.Points, areas[i].MaxPoints),
                    ChartLinks.Sheet(result.Unit.Id, result.Year, areas[i].Code), 0, 100, Position(i, u) - (slot / 2), Position(i, u) + (slot / 2));
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            ChartStyle.ValueLabels(barPlot, n > 4 ? 9 : 10);
            ChartStyle.LegendFill(plot, $"{ChartText.UnitLabel(result.Unit)} (chỉ số {ChartText.Percent(result.Index)})", color);
        }

        ChartStyle.CategoryTicks(plot.Axes.Left, areas.Select((a, i) => (Center(i), ChartText.AreaLabel(a.Code, a.Name))));
        plot.XLabel("% điểm chuẩn của lĩnh vực");
        plot.Axes.SetLimits(0, 108, 0.45, areas.Count + 0.55);
        ChartStyle.PercentTicks(plot.Axes.Bottom, 0, 100);
        plot.ShowLegend(Edge.Bottom);
    }
}
