using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>area-distribution</c>: per area, how the units of a year spread in % of the area's maximum: a box from the
/// first to the third quartile with the median, whiskers from the lowest to the highest unit, and the mean.</summary>
public static class AreaDistributionChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 600;

    /// <summary>Builds the chart from one year's results of one province and level (e.g.
    /// <see cref="IndexData.ResultsOf"/>). Units scored against another framework than most are left out, with a note.</summary>
    public static ChartSpec Build(IReadOnlyList<UnitYearResult> results, int year, string level)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException($"Không có đơn vị nào có kết quả năm {year}.", nameof(results));
        }

        var framework = MainFramework(results);
        var same = results.Where(r => r.Framework.Id == framework.Id).ToList();
        var benchmarks = Benchmarks.Areas(same, framework).ToList();
        var rows = benchmarks.Select(b =>
        {
            var values = same.Select(r => r.Find(b.Code)?.Percent).OfType<decimal>().Order().ToList();
            return new AreaSpread(b, values[0], Quantile(values, 0.25m), Quantile(values, 0.75m), values[^1]);
        }).ToList();

        var notes = new List<string>
        {
            "Hộp: từ tứ phân vị thứ nhất đến thứ ba, vạch giữa là trung vị; râu: từ đơn vị thấp nhất đến cao nhất; hình thoi: trung bình.",
        };
        if (same.Count < results.Count)
        {
            notes.Add($"{results.Count - same.Count} đơn vị chấm theo bộ tiêu chí khác ({string.Join(", ", results.Where(r => r.Framework.Id != framework.Id).Select(r => r.Unit.FullName))}) không được tính.");
        }

        var table = new ChartTable(
            ["year", "framework_id", "area_code", "area_name", "max_points", "units", "min_percent", "q1_percent", "median_percent", "mean_percent", "q3_percent", "max_percent", "units_at_max"],
            rows.Select(r => (IReadOnlyList<object?>)
            [
                year, framework.Id, r.Benchmark.Code, r.Benchmark.Name, r.Benchmark.MaxPoints, r.Benchmark.Units, ChartText.Round(r.Min), ChartText.Round(r.Q1),
                ChartText.Round(r.Benchmark.MedianPercent), ChartText.Round(r.Benchmark.MeanPercent), ChartText.Round(r.Q3), ChartText.Round(r.Max), r.Benchmark.AtMax,
            ]).ToList());

        return new ChartSpec(
            ChartKind.AreaDistribution,
            $"Phân bố điểm theo lĩnh vực năm {ChartText.Year(year)}",
            $"% điểm chuẩn, {same.Count} đơn vị {level}",
            ChartStatus.Of(same),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, marks) => Draw(plot, marks, rows, year));
    }

    /// <summary>The framework most of the results were scored against (ties: the newest).</summary>
    internal static Framework MainFramework(IEnumerable<UnitYearResult> results) =>
        results.GroupBy(r => r.Framework.Id).OrderByDescending(g => g.Count()).ThenByDescending(g => g.First().Framework.YearFrom).First().First().Framework;

    /// <summary>Quantile by linear interpolation between order statistics (Excel's QUARTILE.INC): the median agrees
    /// with <see cref="Benchmarks.Median"/>.</summary>
    internal static decimal Quantile(IReadOnlyList<decimal> sorted, decimal p)
    {
        var h = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(h);
        return low + 1 >= sorted.Count ? sorted[^1] : sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low]));
    }

    private static void Draw(Plot plot, MarkList marks, List<AreaSpread> rows, int year)
    {
        // Drawn from rectangles and lines: ScottPlot 5.1's Box does not render horizontally (NotImplementedException).
        var count = rows.Count;
        const double half = 0.27;
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            var y = count - i;
            var whisker = plot.Add.Line((double)row.Min, y, (double)row.Max, y);
            whisker.LineColor = ChartPalette.Blue;
            whisker.LineWidth = 1.5f;
            whisker.MarkerSize = 0;
            foreach (var end in new[] { row.Min, row.Max })
            {
                var cap = plot.Add.Line((double)end, y - (half / 2), (double)end, y + (half / 2));
                cap.LineColor = ChartPalette.Blue;
                cap.LineWidth = 1.5f;
                cap.MarkerSize = 0;
            }

            var box = plot.Add.Rectangle((double)row.Q1, (double)row.Q3, y - half, y + half);
            box.FillColor = ChartPalette.SkyBlue.WithAlpha(0.6);
            box.LineColor = ChartPalette.Blue;
            box.LineWidth = 1.5f;
            box.LegendText = i == 0 ? "Tứ phân vị 1–3; râu: thấp nhất – cao nhất" : "";
            var median = plot.Add.Line((double)row.Benchmark.MedianPercent, y - half, (double)row.Benchmark.MedianPercent, y + half);
            median.LineColor = ChartPalette.Black;
            median.LineWidth = 3;
            median.MarkerSize = 0;
            median.LegendText = i == 0 ? "Trung vị (TV)" : "";
            ChartStyle.Label(plot, $"TV {ChartText.Percent(row.Benchmark.MedianPercent)}", (double)row.Max, y, Alignment.MiddleLeft, size: 10).OffsetX = 8;
        }

        var means = plot.Add.Markers(
            rows.Select(r => (double)r.Benchmark.MeanPercent).ToArray(),
            rows.Select((_, i) => (double)(count - i)).ToArray(),
            MarkerShape.FilledDiamond, 11, ChartPalette.Vermillion);
        means.LegendText = "Trung bình";

        ChartStyle.CategoryTicks(plot.Axes.Left, rows.Select((r, i) => ((double)(count - i), ChartText.AreaLabel(r.Benchmark.Code, r.Benchmark.Name))));
        plot.XLabel("% điểm chuẩn của lĩnh vực");
        var low = (double)rows.Min(r => r.Min);
        var left = Math.Max(0, Math.Floor((low - 5) / 10) * 10);
        for (var i = 0; i < count; i++)
        {
            // The whole row, so that an area whose units all have full points (no box to speak of) can be pointed at too.
            var row = rows[i];
            var b = row.Benchmark;
            marks.Area(
                $"{ChartText.AreaLabel(b.Code, b.Name, 80)} — {ChartText.Year(year)}, {b.Units} đơn vị: thấp nhất {ChartText.Percent(row.Min)}; tứ phân vị 1 {ChartText.Percent(row.Q1)}; trung vị {ChartText.Percent(b.MedianPercent)}; trung bình {ChartText.Percent(b.MeanPercent)}; tứ phân vị 3 {ChartText.Percent(row.Q3)}; cao nhất {ChartText.Percent(row.Max)} (% điểm chuẩn)",
                ChartLinks.Area(year, b.Code), left, 100, count - i - 0.4, count - i + 0.4);
        }

        plot.Axes.SetLimits(left, 100 + ((100 - left) * 0.16), 0.4, count + 0.6);
        ChartStyle.PercentTicks(plot.Axes.Bottom, left, 100);
        plot.ShowLegend(Edge.Bottom);
    }

    private sealed record AreaSpread(CriterionBenchmark Benchmark, decimal Min, decimal Q1, decimal Q3, decimal Max);
}
