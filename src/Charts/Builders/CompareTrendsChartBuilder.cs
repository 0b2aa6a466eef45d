using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>compare-trends</c>: two to six units' index across years, each following its lineage, with framework
/// changes marked and a series that ends early labelled where it ends. Colours and marker shapes both differ, so the
/// lines stay apart in greyscale too.</summary>
public static class CompareTrendsChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 600;

    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare];

    public static ChartSpec Build(IndexData data, IReadOnlyList<string> unitIds, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(unitIds);
        if (unitIds.Count is < CompareAreasChartBuilder.MinUnits or > CompareAreasChartBuilder.MaxUnits)
        {
            throw new ArgumentException($"Cần từ {CompareAreasChartBuilder.MinUnits} đến {CompareAreasChartBuilder.MaxUnits} đơn vị để so sánh (đã chọn {unitIds.Count}).", nameof(unitIds));
        }

        var trends = unitIds.Select(id => Trends.ForUnit(data, id, options)).ToList();
        if (trends.FirstOrDefault(t => t.Points.Count == 0) is { } empty)
        {
            throw new ArgumentException($"{empty.Series.Current.FullName} ({empty.Series.Current.Id}) không có kết quả năm nào.", nameof(unitIds));
        }

        var results = trends.SelectMany(t => t.Points.Select(p => data.Result(p.UnitId, p.Year)!)).ToList();
        var years = results.Select(r => r.Year).Distinct().Order().ToList();
        var marks = YearMarks.FrameworkChanges(results.Select(r => (r.Year, r.Framework))).ToList();
        var notes = trends.Where(t => t.Series.EndYear < years[^1]).Select(t => t.Series.EndMessage!).Concat(trends.SelectMany(t => t.Series.Breaks.Select(b => b.Message))).Distinct().ToList();

        var table = new ChartTable(
            ["series_unit_id", "year", "unit_id", "unit_name", "index", "points", "max_points", "rank", "rank_of", "stage_used", "synthetic", "framework_id"],
            trends.SelectMany(t => t.Points.Select(p => (IReadOnlyList<object?>)
            [
                t.Series.Current.Id, p.Year, p.UnitId, data.Result(p.UnitId, p.Year)!.Unit.FullName, ChartText.Round(p.Index), p.Points, p.MaxPoints, p.Rank, p.RankOf,
                p.StageUsed.ToCode(), p.Synthetic, p.FrameworkId,
            ])).ToList());

        return new ChartSpec(
            ChartKind.CompareTrends,
            "So sánh Chỉ số CCHC qua các năm",
            $"{string.Join(", ", trends.Select(t => ChartText.UnitLabel(t.Series.Current)))}; {ChartText.Years(years)}",
            ChartStatus.Of(results),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, chartMarks) => Draw(plot, chartMarks, trends, years, marks, results.ToDictionary(r => (r.Unit.Id, r.Year), r => r.Unit.FullName)));
    }

    /// <summary>"TX Nghi Sơn (Tĩnh Gia)" for a series carried by several units.</summary>
    private static string Legend(UnitSeries series) =>
        series.Segments.Count == 1
            ? ChartText.UnitLabel(series.Current)
            : $"{ChartText.UnitLabel(series.Current)} ({string.Join(", ", series.Segments.SkipLast(1).Select(s => s.Unit.Name))})";

    private static void Draw(Plot plot, MarkList chartMarks, List<UnitTrend> trends, List<int> years, List<YearMark> marks, Dictionary<(string UnitId, int Year), string> names)
    {
        var values = trends.SelectMany(t => t.Points).Select(p => p.Index).OfType<decimal>().Select(v => (double)v).ToList();
        var bottom = Math.Max(0, Math.Floor((values.Min() - 4) / 5) * 5);
        var top = Math.Min(103, Math.Max(values.Max() + 5, bottom + 10));
        for (var i = 0; i < trends.Count; i++)
        {
            var trend = trends[i];
            var color = ChartPalette.Series[i];
            var first = true;
            foreach (var run in UnitTrendChartBuilder.Runs(trend.Points.Where(p => p.Index is not null), p => p.Year, p => p.StageUsed))
            {
                var line = plot.Add.Scatter(run.Select(p => (double)p.Year).ToArray(), run.Select(p => (double)p.Index!.Value).ToArray(), color);
                line.LineWidth = 2.5f;
                line.MarkerShape = Shapes[i];
                line.MarkerSize = 9;
                line.LegendText = first ? Legend(trend.Series) : "";
                first = false;
            }

            foreach (var point in trend.Points.Where(p => p.Index is not null))
            {
                chartMarks.Point(
                    MarkLabels.Index(names[(point.UnitId, point.Year)], point.Year, point.Index, point.Rank, point.RankOf, false, point.StageUsed, point.Synthetic),
                    ChartLinks.Unit(point.UnitId, point.Year), point.Year, (double)point.Index!.Value);
            }

            if (trend.Series.EndYear is { } end && end < years[^1] && trend.Points.LastOrDefault(p => p.Index is not null) is { } last)
            {
                var label = ChartStyle.Label(plot, $"hết chuỗi {ChartText.Year(end)}", last.Year, (double)last.Index!.Value, Alignment.MiddleLeft, color, size: 10, bold: true, background: true);
                label.OffsetX = 8;
            }
        }

        YearMarks.Draw(plot, marks, top, bottom);
        ChartStyle.PercentTicks(plot.Axes.Left, bottom, top);
        ChartStyle.YearTicks(plot.Axes.Bottom, years);
        plot.XLabel("Năm đánh giá");
        plot.YLabel("Chỉ số CCHC (%)");
        plot.Axes.SetLimits(years[0] - 0.4, years[^1] + 0.6, bottom, top);
        plot.ShowLegend(Edge.Bottom);
    }
}
