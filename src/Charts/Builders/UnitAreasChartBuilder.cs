using CchcAnalytics.Analytics;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>unit-areas</c>: one unit-year's areas as % of their maximum (bars), against the province mean, the
/// province best and the mean of the unit's peer group (markers).</summary>
public static class UnitAreasChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 600;

    public static ChartSpec Build(UnitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        var unit = result.Unit;
        var peer = report.PeerGroup;
        var notes = new List<string>
        {
            "Cột: % điểm chuẩn của đơn vị; hình thoi: trung bình tỉnh; tam giác: cao nhất tỉnh; tròn: trung bình các đơn vị khác trong nhóm tương đồng.",
        };
        notes.Add(peer is null
            ? "Năm này không đủ đơn vị để chia nhóm tương đồng."
            : $"{peer.Label}: {peer.Description}");

        var table = new ChartTable(
            ["year", "unit_id", "unit_name", "area_code", "area_name", "max_points", "points", "percent", "province_mean_percent", "province_median_percent", "province_best_percent", "best_units", "peer_group", "peer_mean_percent"],
            report.Areas.Select(a => (IReadOnlyList<object?>)
            [
                result.Year, unit.Id, unit.FullName, a.Code, a.Name, a.MaxPoints, a.Points, ChartText.Round(a.Percent), ChartText.Round(a.MeanPercent),
                ChartText.Round(a.MedianPercent), ChartText.Round(a.BestPercent), string.Join(" ", a.BestUnits), peer?.Number, ChartText.Round(a.PeerMeanPercent),
            ]).ToList());

        var rank = report.Rank is { } r ? $"hạng {r.Rank}/{r.RankOf}{(r.Tied ? " (đồng hạng)" : "")}, " : "";
        return new ChartSpec(
            ChartKind.UnitAreas,
            $"Điểm từng lĩnh vực — {unit.FullName}, năm {ChartText.Year(result.Year)}",
            $"{rank}chỉ số {ChartText.Percent(result.Index)}",
            ChartStatus.Of([result]),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, marks) => Draw(plot, marks, report));
    }

    private static void Draw(Plot plot, MarkList marks, UnitReport report)
    {
        var areas = report.Areas;
        var count = areas.Count;
        double Y(int i) => count - i;
        var result = report.Result;
        for (var i = 0; i < count; i++)
        {
            // The whole row (bar and reference markers): one label says all of it.
            var a = areas[i];
            var references = $"trung bình tỉnh {ChartText.Percent(a.MeanPercent)}; cao nhất tỉnh {ChartText.Percent(a.BestPercent)}"
                + (a.PeerMeanPercent is { } peer ? $"; trung bình nhóm tương đồng {ChartText.Percent(peer)}" : "");
            marks.Area($"{MarkLabels.Percent(result.Unit.FullName, a.Code, a.Name, result.Year, a.Percent, a.Points, a.MaxPoints)} — {references}",
                ChartLinks.Sheet(result.Unit.Id, result.Year, a.Code), 0, 100, Y(i) - 0.4, Y(i) + 0.4);
        }

        var bars = areas.Select((a, i) => new Bar
        {
            Position = Y(i),
            Value = (double)(a.Percent ?? 0m),
            Size = 0.6,
            FillColor = a.Percent is null ? ChartPalette.Missing : ChartPalette.SkyBlue,
            LineWidth = 0,
            Label = a.Percent is null ? "thiếu điểm" : ChartText.Percent(a.Percent),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        ChartStyle.ValueLabels(barPlot);
        barPlot.ValueLabelStyle.Bold = true;
        foreach (var bar in bars)
        {
            // Inside the bar, near its start, so the reference markers at the bar's end stay visible.
            bar.CenterLabel = true;
        }

        ChartStyle.LegendFill(plot, ChartText.UnitLabel(report.Result.Unit), ChartPalette.SkyBlue);
        ChartStyle.VerticalLine(plot, 100, ChartPalette.Black, LinePattern.Dashed, null, 1.5f);
        Markers(plot, areas.Select((a, i) => ((decimal?)a.MeanPercent, Y(i))), MarkerShape.FilledDiamond, ChartPalette.Vermillion, "Trung bình tỉnh");
        Markers(plot, areas.Select((a, i) => ((decimal?)a.BestPercent, Y(i))), MarkerShape.FilledTriangleUp, ChartPalette.BluishGreen, "Cao nhất tỉnh");
        if (areas.Any(a => a.PeerMeanPercent is not null))
        {
            Markers(plot, areas.Select((a, i) => (a.PeerMeanPercent, Y(i))), MarkerShape.OpenCircle, ChartPalette.ReddishPurple,
                $"Trung bình nhóm tương đồng{(report.PeerGroup is { } g ? $" ({g.Label})" : "")}");
        }

        ChartStyle.LegendLine(plot, "Điểm chuẩn (100%)", ChartPalette.Black, LinePattern.Dashed);
        ChartStyle.CategoryTicks(plot.Axes.Left, areas.Select((a, i) => (Y(i), ChartText.AreaLabel(a.Code, a.Name))));
        plot.XLabel("% điểm chuẩn của lĩnh vực");
        plot.Axes.SetLimits(0, 105, 0.4, count + 0.6);
        ChartStyle.PercentTicks(plot.Axes.Bottom, 0, 100);
        plot.ShowLegend(Edge.Bottom);
    }

    private static void Markers(Plot plot, IEnumerable<(decimal? Value, double Y)> points, MarkerShape shape, Color color, string legend)
    {
        var present = points.Where(p => p.Value is not null).ToList();
        var markers = plot.Add.Markers(present.Select(p => (double)p.Value!.Value).ToArray(), present.Select(p => p.Y).ToArray(), shape, 12, color);
        markers.MarkerLineWidth = 2;
        // Manual entries keep the legend in drawing order: the unit's bars first, then the references.
        ChartStyle.LegendMarker(plot, legend, color, shape);
    }
}
