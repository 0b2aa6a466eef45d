using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>ranking</c>: every ranked unit of a year as a horizontal bar of its index, best at the top, with the
/// province mean and median as reference lines. Tied units say "đồng hạng"; bars of sample data and of real data
/// have different colours when a year mixes them.</summary>
public static class RankingChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 750;

    public static ChartSpec Build(Ranking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (ranking.Units.Count == 0)
        {
            throw new ArgumentException($"Bảng xếp hạng năm {ranking.Year} không có đơn vị nào được xếp hạng.", nameof(ranking));
        }

        var units = ranking.Units;
        var indexes = units.Select(u => u.Index).ToList();
        var mean = indexes.Average();
        var median = Benchmarks.Median(indexes);
        var status = ChartStatus.Of(units.Select(u => u.Result));
        var notes = new List<string>
        {
            $"Trung bình {ChartText.Percent(mean)}; trung vị {ChartText.Percent(median)} (chỉ số của {units.Count} đơn vị được xếp hạng).",
        };
        notes.AddRange(ranking.Notes);
        notes.AddRange(ranking.Unranked.Select(r => $"{r.Unit.FullName} thiếu điểm một lĩnh vực nên không được xếp hạng."));

        var table = new ChartTable(
            ["year", "rank", "rank_of", "tied", "unit_id", "unit_name", "index", "points", "max_points", "stage_used", "synthetic", "framework_id", "framework_status", "band"],
            units.Select(u => (IReadOnlyList<object?>)
            [
                ranking.Year, u.Rank, u.RankOf, u.Tied, u.Result.Unit.Id, u.Result.Unit.FullName, ChartText.Round(u.Index), u.Result.Points,
                u.Result.MaxPoints, u.Result.StageUsed.ToCode(), u.Result.Synthetic, u.Result.Framework.Id, u.Result.Framework.Status.ToCode(), u.Band.Label,
            ]).ToList());

        return new ChartSpec(
            ChartKind.Ranking,
            $"Xếp hạng Chỉ số CCHC năm {ChartText.Year(ranking.Year)}",
            $"{units.Count} đơn vị {ranking.LevelName}",
            status,
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, marks) => Draw(plot, marks, ranking, mean, median));
    }

    private static void Draw(Plot plot, MarkList marks, Ranking ranking, decimal mean, decimal median)
    {
        var units = ranking.Units;
        var count = units.Count;
        var low = (double)units.Min(u => u.Index);
        var high = (double)units.Max(u => u.Index);

        // Indexes sit in a narrow band (80–95): bars start at a round value below the lowest so differences show,
        // and the axis label says where they start.
        var baseline = Math.Max(0, Math.Floor((low - 2) / 5) * 5);
        // The reference lines go first, under the bars and their value labels, so no digit is crossed out.
        ChartStyle.VerticalLine(plot, (double)mean, ChartPalette.Vermillion, LinePattern.Dashed, $"Trung bình: {ChartText.Percent(mean)}");
        ChartStyle.VerticalLine(plot, (double)median, ChartPalette.Black, LinePattern.Dotted, $"Trung vị: {ChartText.Percent(median)}");
        var mixed = units.Any(u => u.Result.Synthetic) && units.Any(u => !u.Result.Synthetic);
        var bars = units.Select((u, i) => new Bar
        {
            Position = count - i,
            Value = (double)u.Index,
            ValueBase = baseline,
            Size = 0.72,
            FillColor = u.Result.Synthetic ? ChartPalette.Synthetic : ChartPalette.Real,
            LineWidth = 0,
            Label = ValueLabel(u),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        ChartStyle.ValueLabels(barPlot);
        foreach (var (unit, bar) in units.Zip(bars))
        {
            marks.Area(MarkLabels.Index(unit.Result.Unit.FullName, ranking.Year, unit.Index, unit.Rank, unit.RankOf, unit.Tied, unit.Result.StageUsed, unit.Result.Synthetic), ChartLinks.Unit(unit.Result.Unit.Id, ranking.Year), bar.ValueBase, bar.Value, bar.Position - (bar.Size / 2), bar.Position + (bar.Size / 2));
        }

        ChartStyle.CategoryTicks(plot.Axes.Left, units.Select((u, i) => ((double)(count - i), $"{u.Rank}. {ChartText.UnitLabel(u.Result.Unit)}")));
        if (mixed)
        {
            ChartStyle.LegendFill(plot, "Dữ liệu mẫu", ChartPalette.Synthetic);
            ChartStyle.LegendFill(plot, "Số liệu thật", ChartPalette.Real);
        }
        else
        {
            ChartStyle.LegendFill(plot, units[0].Result.Synthetic ? "Chỉ số (dữ liệu mẫu)" : "Chỉ số", ChartPalette.Synthetic);
        }

        plot.XLabel(baseline > 0 ? $"Chỉ số CCHC (%) — trục bắt đầu từ {ChartText.Tick(baseline)}" : "Chỉ số CCHC (%)");
        // Room on the right for the longest value label ("92,00 (đồng hạng) · tự chấm").
        plot.Axes.SetLimits(baseline, Math.Min(100, high) + ((high - baseline) * 0.2), 0.3, count + 0.7);
        ChartStyle.PercentTicks(plot.Axes.Bottom, baseline, high);
        plot.Legend.Alignment = Alignment.LowerRight;
    }

    private static string ValueLabel(RankedUnit unit)
    {
        var label = ChartText.Percent(unit.Index);
        if (unit.Tied)
        {
            label += " (đồng hạng)";
        }

        if (unit.Result.StageUsed == Stage.Self)
        {
            label += " · tự chấm";
        }

        return label;
    }
}
