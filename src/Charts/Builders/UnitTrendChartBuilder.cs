using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>unit-trend</c>: one unit's index across years, following its lineage (Tĩnh Gia then Nghi Sơn), against
/// the province mean, with framework changes ("khung mới 2020"), lineage changes and the end of the series marked.
/// Years without data break the line instead of joining across them.</summary>
public static class UnitTrendChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 600;

    public static ChartSpec Build(IndexData data, string unitId, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var trend = Trends.ForUnit(data, unitId, options);
        var unit = trend.Series.Current;
        if (trend.Points.Count == 0)
        {
            throw new ArgumentException($"{unit.FullName} ({unit.Id}) không có kết quả năm nào.", nameof(unitId));
        }

        var results = trend.Points.Select(p => data.Result(p.UnitId, p.Year)!).ToList();
        var provinceMean = trend.Points.ToDictionary(p => p.Year, p => Mean(data, p.Year, unit.Province, unit.Level));
        var years = trend.Points.Select(p => p.Year).ToList();
        var marks = YearMarks.FrameworkChanges(results.Select(r => (r.Year, r.Framework)))
            .Concat(YearMarks.LineageChanges(trend.Series, years[0], years[^1], data.Units))
            .Concat(YearMarks.SeriesEnd(trend.Series, years[^1], data.Units, data.Places.LevelName(trend.Series.EndEvent?.Level ?? "")) is { } end ? [end] : [])
            .ToList();

        var notes = new List<string>();
        if (trend.Slope is { } slope)
        {
            notes.Add($"Độ dốc (bình phương nhỏ nhất): {(slope >= 0 ? "+" : "")}{ChartText.Percent(slope)} điểm phần trăm/năm.");
        }

        notes.AddRange(trend.Warnings);
        var table = new ChartTable(
            ["series_unit_id", "year", "unit_id", "unit_name", "index", "points", "max_points", "rank", "rank_of", "delta_index", "stage_used", "synthetic", "framework_id", "framework_status", "province_mean_index"],
            trend.Points.Select((p, i) => (IReadOnlyList<object?>)
            [
                unit.Id, p.Year, p.UnitId, results[i].Unit.FullName, ChartText.Round(p.Index), p.Points, p.MaxPoints, p.Rank, p.RankOf, ChartText.Round(p.DeltaIndex),
                p.StageUsed.ToCode(), p.Synthetic, p.FrameworkId, results[i].Framework.Status.ToCode(), ChartText.Round(provinceMean[p.Year]),
            ]).ToList());

        return new ChartSpec(
            ChartKind.UnitTrend,
            $"Chỉ số CCHC qua các năm — {SeriesName(trend.Series, years)}",
            ChartText.Years(years),
            ChartStatus.Of(results),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, chartMarks) => Draw(plot, chartMarks, trend, provinceMean, marks, results.ToDictionary(r => r.Year, r => r.Unit.FullName)));
    }

    /// <summary>"huyện Hoằng Hóa"; "thị xã Nghi Sơn (huyện Tĩnh Gia đến 2019)" for a series carried by several units.</summary>
    internal static string SeriesName(UnitSeries series, IReadOnlyList<int> years)
    {
        var current = series.Current.FullName;
        var earlier = series.Segments.SkipLast(1).Where(s => s.LastYear is { } last && years.Any(y => y <= last)).ToList();
        return earlier.Count == 0 ? current : $"{current} ({string.Join(", ", earlier.Select(s => $"{s.Unit.FullName} đến {ChartText.Year(s.LastYear!.Value)}"))})";
    }

    /// <summary>Mean index of the year's units of the province and level; null when none has an index.</summary>
    internal static decimal? Mean(IndexData data, int year, string province, string level)
    {
        var indexes = data.ResultsOf(year, province, level).Select(r => r.Index).OfType<decimal>().ToList();
        return indexes.Count == 0 ? null : indexes.Average();
    }

    /// <summary>Runs of consecutive years, so a missing year breaks the line; with <paramref name="stage"/>, a change of
    /// stage (self-assessed to appraised) breaks it too, as the two are not compared (docs/methodology.md).</summary>
    internal static IEnumerable<List<T>> Runs<T>(IEnumerable<T> points, Func<T, int> year, Func<T, Stage>? stage = null)
    {
        var run = new List<T>();
        foreach (var point in points)
        {
            if (run.Count > 0 && (year(point) != year(run[^1]) + 1 || (stage is not null && stage(point) != stage(run[^1]))))
            {
                yield return run;
                run = [];
            }

            run.Add(point);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static void Draw(Plot plot, MarkList chartMarks, UnitTrend trend, Dictionary<int, decimal?> provinceMean, List<YearMark> marks, Dictionary<int, string> names)
    {
        var points = trend.Points.Where(p => p.Index is not null).ToList();
        var years = trend.Points.Select(p => p.Year).ToList();
        var values = points.Select(p => (double)p.Index!.Value).Concat(provinceMean.Values.OfType<decimal>().Select(v => (double)v)).ToList();
        var bottom = Math.Max(0, Math.Floor((values.Min() - 4) / 5) * 5);
        var top = Math.Min(103, Math.Max(values.Max() + 6, bottom + 10));

        var means = provinceMean.Where(m => m.Value is not null).OrderBy(m => m.Key).ToList();
        var first = true;
        foreach (var run in Runs(means, m => m.Key))
        {
            var line = plot.Add.Scatter(run.Select(m => (double)m.Key).ToArray(), run.Select(m => (double)m.Value!.Value).ToArray(), ChartPalette.Grey);
            line.LineWidth = 2f;
            line.MarkerSize = 5;
            line.LegendText = first ? "Trung bình tỉnh" : "";
            first = false;
        }

        first = true;
        foreach (var run in Runs(points, p => p.Year, p => p.StageUsed))
        {
            var line = plot.Add.Scatter(run.Select(p => (double)p.Year).ToArray(), run.Select(p => (double)p.Index!.Value).ToArray(), ChartPalette.Blue);
            line.LineWidth = 2.5f;
            line.MarkerSize = 9;
            line.LegendText = first ? ChartText.UnitLabel(trend.Series.Current) : "";
            first = false;
        }

        // Self-assessed years among appraised ones: an open marker, and no line joins them to the appraised years.
        var self = points.Where(p => p.StageUsed == Stage.Self).ToList();
        if (self.Count > 0 && self.Count < points.Count)
        {
            var markers = plot.Add.Markers(self.Select(p => (double)p.Year).ToArray(), self.Select(p => (double)p.Index!.Value).ToArray(), MarkerShape.OpenCircle, 17, ChartPalette.Vermillion);
            markers.MarkerStyle.LineWidth = 2.5f;
            markers.LegendText = "Điểm tự chấm (chưa thẩm định; không nối với năm điểm thẩm định)";
        }

        var real = points.Where(p => !p.Synthetic).ToList();
        if (real.Count > 0 && real.Count < points.Count)
        {
            var markers = plot.Add.Markers(real.Select(p => (double)p.Year).ToArray(), real.Select(p => (double)p.Index!.Value).ToArray(), MarkerShape.FilledSquare, 12, ChartPalette.Real);
            markers.LegendText = "Số liệu thật (các năm khác: dữ liệu mẫu)";
        }

        foreach (var point in points)
        {
            var label = ChartStyle.Label(plot, ChartText.Percent(point.Index), point.Year, (double)point.Index!.Value, Alignment.LowerCenter, ChartPalette.Blue, bold: true);
            label.OffsetY = -8;
        }

        // The province's points first: where the two meet, the unit's point (added last) is the one on top.
        foreach (var (year, mean) in means)
        {
            chartMarks.Point($"Trung bình tỉnh — {ChartText.Year(year)}: {ChartText.Percent(mean!.Value)}", null, year, (double)mean.Value, 7);
        }

        foreach (var point in points)
        {
            chartMarks.Point(
                MarkLabels.Index(names[point.Year], point.Year, point.Index, point.Rank, point.RankOf, false, point.StageUsed, point.Synthetic),
                ChartLinks.Unit(point.UnitId, point.Year), point.Year, (double)point.Index!.Value);
        }

        YearMarks.Draw(plot, marks, top, bottom);
        ChartStyle.PercentTicks(plot.Axes.Left, bottom, top);
        ChartStyle.YearTicks(plot.Axes.Bottom, years);
        plot.XLabel("Năm đánh giá");
        plot.YLabel("Chỉ số CCHC (%)");
        plot.Axes.SetLimits(years[0] - 0.6, years[^1] + 0.9, bottom, top);
        plot.ShowLegend(Edge.Bottom);
    }
}
