using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>trend-panel</c>: one unit series' index across years, small, on the scale every unit of the province
/// shares (the same years and the same index range), with the province mean in grey: the small multiples of the
/// province-over-years page, where panels side by side are compared by eye. A year without data breaks the line, so
/// does a change of stage (self-assessed to appraised); the end of a series is marked.</summary>
public static class TrendPanelChartBuilder
{
    public const int DefaultWidth = 400;
    public const int DefaultHeight = 300;

    public static ChartSpec Build(ProvinceHistory history, string unitId, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(units);
        var series = history.Series.FirstOrDefault(s => s.Series.UnitIds.Contains(unitId))
            ?? throw new ArgumentException($"Đơn vị '{unitId}' không thuộc các đơn vị {history.LevelName} có số liệu.", nameof(unitId));
        var points = series.Years.Where(y => y.Result?.Index is not null).ToList();
        if (points.Count == 0)
        {
            throw new ArgumentException($"{series.Series.Current.FullName} ({series.Series.Current.Id}) không có kết quả năm nào.", nameof(unitId));
        }

        var (low, high) = Scale(history);
        var table = new ChartTable(
            ["series_unit_id", "year", "unit_id", "unit_name", "index", "rank", "rank_of", "tied", "stage_used", "synthetic", "province_mean_index", "scale_min", "scale_max"],
            series.Years.Select(y => (IReadOnlyList<object?>)
            [
                series.Series.Current.Id, y.Year, y.Result?.Unit.Id, y.Result?.Unit.FullName, ChartText.Round(y.Result?.Index), y.Ranked?.Rank, y.Ranked?.RankOf,
                y.Ranked?.Tied, y.Result?.StageUsed.ToCode(), y.Result?.Synthetic, ChartText.Round(history.Summaries.First(s => s.Year == y.Year).MeanIndex), (decimal)low, (decimal)high,
            ]).ToList());
        var notes = new List<string> { $"Cùng thang cho mọi đơn vị: {ChartText.Years(history.Years)}, chỉ số từ {ChartText.Tick(low)} đến {ChartText.Tick(high)}. Đường xám: trung bình tỉnh." };
        notes.AddRange(series.Years.Where(y => y.Note is not null).Select(y => $"{ChartText.Year(y.Year)}: {y.Note}"));
        // Only a series that ends before the last year shown (Đông Sơn 2023) is marked; every district series ends with 2024.
        var end = series.Series.EndYear < history.Years[^1] ? YearMarks.SeriesEnd(series.Series, history.Years[^1], units, history.LevelName) : null;

        return new ChartSpec(
            ChartKind.TrendPanel,
            UnitTrendChartBuilder.SeriesName(series.Series, points.Select(p => p.Year).ToList()),
            "",
            ChartStatus.Of(points.Select(p => p.Result!)),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, marks) => Draw(plot, marks, history, points, low, high, end));
    }

    /// <summary>The index range every panel shares: from below the lowest index or mean of any unit and year to above the
    /// highest, in steps of 5, never beyond 0–100.</summary>
    internal static (double Low, double High) Scale(ProvinceHistory history)
    {
        var values = history.Series.SelectMany(s => s.Years).Select(y => y.Result?.Index).OfType<decimal>()
            .Concat(history.Summaries.Select(s => s.MeanIndex).OfType<decimal>()).Select(v => (double)v).ToList();
        if (values.Count == 0)
        {
            return (0, 100);
        }

        var low = Math.Max(0, Math.Floor((values.Min() - 1) / 5) * 5);
        var high = Math.Min(100, Math.Ceiling((values.Max() + 1) / 5) * 5);
        return (low, Math.Max(high, low + 5));
    }

    private static void Draw(Plot plot, MarkList marks, ProvinceHistory history, List<SeriesYear> points, double low, double high, YearMark? end)
    {
        var means = history.Summaries.Where(s => s.MeanIndex is not null).ToList();
        foreach (var run in UnitTrendChartBuilder.Runs(means, m => m.Year))
        {
            var line = plot.Add.Scatter(run.Select(m => (double)m.Year).ToArray(), run.Select(m => (double)m.MeanIndex!.Value).ToArray(), ChartPalette.Grey);
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
        }

        // The grey line says what it is where it ends (a small panel has no room for a legend).
        if (means.Count > 0)
        {
            var label = ChartStyle.Label(plot, "trung bình tỉnh", means[^1].Year, (double)means[^1].MeanIndex!.Value, Alignment.UpperRight, ChartPalette.Grey, 10);
            label.OffsetY = 4;
        }

        foreach (var run in UnitTrendChartBuilder.Runs(points, p => p.Year, p => p.Result!.StageUsed))
        {
            var line = plot.Add.Scatter(run.Select(p => (double)p.Year).ToArray(), run.Select(p => (double)p.Result!.Index!.Value).ToArray(), ChartPalette.Blue);
            line.LineWidth = 2.5f;
            line.MarkerSize = 6;
        }

        var self = points.Where(p => p.Result!.StageUsed == Stage.Self).ToList();
        if (self.Count > 0 && self.Count < points.Count)
        {
            var markers = plot.Add.Markers(self.Select(p => (double)p.Year).ToArray(), self.Select(p => (double)p.Result!.Index!.Value).ToArray(), MarkerShape.OpenCircle, 13, ChartPalette.Vermillion);
            markers.MarkerStyle.LineWidth = 2f;
        }

        // The province's points first: where the two meet, the unit's point (added last) is the one on top.
        foreach (var mean in means)
        {
            marks.Point($"Trung bình tỉnh — {ChartText.Year(mean.Year)}: {ChartText.Percent(mean.MeanIndex!.Value)}", null, mean.Year, (double)mean.MeanIndex.Value, 6);
        }

        foreach (var point in points)
        {
            var result = point.Result!;
            marks.Point(
                MarkLabels.Index(result.Unit.FullName, point.Year, result.Index, point.Ranked?.Rank, point.Ranked?.RankOf, point.Ranked?.Tied == true, result.StageUsed, result.Synthetic),
                ChartLinks.Unit(result.Unit.Id, point.Year), point.Year, (double)result.Index!.Value, 8);
        }

        if (end is not null)
        {
            YearMarks.Draw(plot, [end], high, low);
        }

        // A small panel: a smaller title, a tick every 5 or 10 points, every year ticked but every other one labelled
        // (from the first), so the labels never run into each other.
        plot.Axes.Title.Label.FontSize = 13;
        var step = high - low <= 30 ? 5 : 10;
        var ticks = new NumericManual();
        for (var value = Math.Ceiling(low / step) * step; value <= high + 1e-9; value += step)
        {
            ticks.AddMajor(value, ChartText.Tick(value));
        }

        plot.Axes.Left.TickGenerator = ticks;
        var first = history.Years[0];
        var labelled = history.Years.Count > 5 ? 2 : 1;
        plot.Axes.Bottom.TickGenerator = new NumericFixedInterval(1)
        {
            LabelFormatter = v => ((int)Math.Round(v) - first) % labelled == 0 ? ChartText.Year((int)Math.Round(v)) : "",
        };
        plot.Axes.SetLimits(first - 0.4, history.Years[^1] + 0.4, low, high);
        plot.Legend.IsVisible = false;
        // The same data area in every panel, however many lines its title takes (a unit with real and sample years has a
        // longer status), so panels side by side share the scale on the page too, not only in numbers.
        plot.Layout.Fixed(new PixelPadding(left: 42, right: 14, bottom: 28, top: 84));
    }
}
