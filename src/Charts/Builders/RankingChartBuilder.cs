using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>ranking</c>: every ranked unit of a year as a horizontal bar of its index, best at the top, with the
/// province mean and median as reference lines. Tied units say "đồng hạng"; bars of sample data and of real data
/// have different colours when a year mixes them. Beyond <see cref="MaxBars"/> units (the 166 communes) a bar each is
/// unreadable, so the chart shows the distribution instead: how many units fall in each band of the index, every unit
/// as a dot on the same scale, the top and bottom ten named, and a highlighted unit (<c>dv=</c>).</summary>
public static class RankingChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 750;

    /// <summary>The most units drawn as one bar each; a longer ranking is drawn as its distribution.</summary>
    public const int MaxBars = 40;

    /// <summary>How many units are named at each end of a long ranking.</summary>
    public const int Named = 10;

    /// <summary>The ranking of a year; <paramref name="highlight"/> (a ranked unit's id) is drawn in another colour and
    /// named.</summary>
    public static ChartSpec Build(Ranking ranking, string? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (ranking.Units.Count == 0)
        {
            throw new ArgumentException($"Bảng xếp hạng năm {ranking.Year} không có đơn vị nào được xếp hạng.", nameof(ranking));
        }

        var units = ranking.Units;
        var marked = highlight is null ? null : ranking.Find(highlight)
            ?? throw new ArgumentException($"Đơn vị '{highlight}' không có trong xếp hạng năm {ranking.Year}.", nameof(highlight));
        var indexes = units.Select(u => u.Index).ToList();
        var mean = indexes.Average();
        var median = Benchmarks.Median(indexes);
        var status = ChartStatus.Of(units.Select(u => u.Result));
        var notes = new List<string>
        {
            $"Trung bình {ChartText.Percent(mean)}; trung vị {ChartText.Percent(median)} (chỉ số của {units.Count} đơn vị được xếp hạng).",
        };
        var distribution = units.Count > MaxBars;
        if (distribution)
        {
            notes.Add($"Với {units.Count} đơn vị, mỗi đơn vị một thanh thì không đọc được: biểu đồ vẽ phân bố chỉ số (số đơn vị trong từng khoảng {ChartText.Tick(BinWidth(units))} điểm %, cột bên trái), "
                + $"mỗi đơn vị một chấm cùng thang, và ghi tên {Named} đơn vị đứng đầu, {Named} đơn vị đứng cuối{(marked is null ? "" : " và đơn vị đang tìm")}. Thứ hạng đầy đủ ở bảng và tệp CSV.");
        }

        notes.AddRange(ranking.Notes);
        notes.AddRange(ranking.Unranked.Select(r => $"{r.Unit.FullName} thiếu điểm một lĩnh vực nên không được xếp hạng."));

        var table = new ChartTable(
            ["year", "rank", "rank_of", "tied", "unit_id", "unit_name", "index", "points", "max_points", "stage_used", "synthetic", "framework_id", "framework_status", "band"],
            units.Select(u => (IReadOnlyList<object?>)
            [
                ranking.Year, u.Rank, u.RankOf, u.Tied, u.Result.Unit.Id, u.Result.Unit.FullName, ChartText.Round(u.Index), u.Result.Points,
                u.Result.MaxPoints, u.Result.StageUsed.ToCode(), u.Result.Synthetic, u.Result.Framework.Id, u.Result.Framework.Status.ToCode(), u.Band.Label,
            ]).ToList());

        var title = marked is null
            ? $"Xếp hạng Chỉ số CCHC năm {ChartText.Year(ranking.Year)}"
            : $"Xếp hạng Chỉ số CCHC năm {ChartText.Year(ranking.Year)} — {marked.Result.Unit.FullName} hạng {marked.Rank}/{marked.RankOf}";
        return new ChartSpec(
            ChartKind.Ranking,
            title,
            $"{units.Count} đơn vị {ranking.LevelName}",
            status,
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            distribution
                ? (plot, marks) => DrawDistribution(plot, marks, ranking, mean, median, marked)
                : (plot, marks) => Draw(plot, marks, ranking, mean, median, marked));
    }

    private static void Draw(Plot plot, MarkList marks, Ranking ranking, decimal mean, decimal median, RankedUnit? marked)
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
            FillColor = u == marked ? ChartPalette.Vermillion : u.Result.Synthetic ? ChartPalette.Synthetic : ChartPalette.Real,
            LineWidth = 0,
            Label = ValueLabel(u),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        ChartStyle.ValueLabels(barPlot);
        // The mean and median lines are drawn first; a label on a white ground stays readable where a line crosses it.
        barPlot.ValueLabelStyle.BackgroundColor = Colors.White;
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

        if (marked is not null)
        {
            ChartStyle.LegendFill(plot, $"Đơn vị đang tìm: {ChartText.UnitLabel(marked.Result.Unit)}", ChartPalette.Vermillion);
        }

        plot.XLabel(baseline > 0 ? $"Chỉ số CCHC (%) — trục bắt đầu từ {ChartText.Tick(baseline)}" : "Chỉ số CCHC (%)");
        // Room on the right for the longest value label ("92,00 (đồng hạng) · tự chấm"), in proportion to its length: the
        // departments' long names leave the bars a narrow plot, where a fixed fifth cut "90,02 (đồng hạng)" off.
        var longest = bars.Max(b => b.Label.Length);
        plot.Axes.SetLimits(baseline, Math.Min(100, high) + ((high - baseline) * (0.08 + (0.017 * longest))), 0.3, count + 0.7);
        ChartStyle.PercentTicks(plot.Axes.Bottom, baseline, high);
        plot.Legend.Alignment = Alignment.LowerRight;
    }

    /// <summary>The width of a histogram band, in index points: about 10–30 bands over the range of the index.</summary>
    private static double BinWidth(IReadOnlyList<RankedUnit> units)
    {
        var range = (double)(units.Max(u => u.Index) - units.Min(u => u.Index));
        return range <= 6 ? 0.25 : range <= 12 ? 0.5 : range <= 30 ? 1 : range <= 60 ? 2 : 5;
    }

    /// <summary>A long ranking: the index on the vertical axis, shared by three columns: on the left how many units fall
    /// in each band (a horizontal histogram), in the middle every unit as a dot, on the right the names of the top and
    /// bottom ten joined to their dots, and the highlighted unit in vermillion.</summary>
    private static void DrawDistribution(Plot plot, MarkList marks, Ranking ranking, decimal mean, decimal median, RankedUnit? marked)
    {
        var units = ranking.Units;
        var width = BinWidth(units);
        var low = Math.Max(0, Math.Floor(((double)units.Min(u => u.Index) - width) / width) * width);
        var high = Math.Min(100, Math.Ceiling(((double)units.Max(u => u.Index) + width) / width) * width);
        var range = high - low;
        var bins = units.GroupBy(u => Math.Floor(((double)u.Index - low) / width)).ToDictionary(g => g.Key, g => g.ToList());
        var most = bins.Values.Max(b => b.Count);

        // Columns in data units of the horizontal axis, scaled to the tallest band.
        var dotX = most * 1.35;
        var jitter = most * 0.12;
        var labelX = most * 1.65;
        var right = most * 2.7;
        var top = high + (0.08 * range);

        // Mean and median across the histogram and the dots only, not through the names.
        foreach (var (value, color, pattern, legend) in new[]
        {
            ((double)mean, ChartPalette.Vermillion, LinePattern.Dashed, $"Trung bình: {ChartText.Percent(mean)}"),
            ((double)median, ChartPalette.Black, LinePattern.Dotted, $"Trung vị: {ChartText.Percent(median)}"),
        })
        {
            var line = plot.Add.Line(0, value, dotX + (jitter * 1.4), value);
            line.LineColor = color;
            line.LinePattern = pattern;
            line.LineWidth = 2;
            ChartStyle.LegendLine(plot, legend, color, pattern, 2);
        }

        var bars = bins.OrderBy(b => b.Key).Select(b => new Bar
        {
            Position = low + ((b.Key + 0.5) * width),
            Value = b.Value.Count,
            ValueBase = 0,
            Size = width * 0.9,
            FillColor = ChartPalette.SkyBlue,
            LineWidth = 0,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        foreach (var bar in bars)
        {
            var from = bar.Position - (width / 2);
            marks.Area($"{ChartText.Percent((decimal)from)} – {ChartText.Percent((decimal)(from + width))}: {bar.Value} đơn vị", null, 0, bar.Value, bar.Position - (bar.Size / 2), bar.Position + (bar.Size / 2));
        }

        // Every unit as a dot; a small deterministic spread sideways keeps neighbours apart.
        var mixed = units.Any(u => u.Result.Synthetic) && units.Any(u => !u.Result.Synthetic);
        var dots = new Dictionary<RankedUnit, double>();
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            var x = dotX + (jitter * (((i * 7) % 11) - 5) / 5.0);
            dots[u] = x;
            var dot = plot.Add.Marker(x, (double)u.Index, MarkerShape.FilledCircle, u == marked ? 11 : 5);
            dot.Color = u == marked ? ChartPalette.Vermillion : u.Result.Synthetic ? ChartPalette.Synthetic : ChartPalette.Real;
            marks.Point(MarkLabels.Index(u.Result.Unit.FullName, ranking.Year, u.Index, u.Rank, u.RankOf, u.Tied, u.Result.StageUsed, u.Result.Synthetic), ChartLinks.Unit(u.Result.Unit.Id, ranking.Year), x, (double)u.Index, 5);
        }

        // The top and bottom ten in two evenly spaced lists, each name joined to its dot; the highlighted unit between
        // them when it is in neither.
        var step = 0.038 * range;
        var first = units.Take(Named).ToList();
        var last = units.Skip(Math.Max(Named, units.Count - Named)).ToList();
        var topStart = high - (0.01 * range);
        var bottomStart = low + (0.01 * range);
        var placed = new List<(RankedUnit Unit, double Y)>();
        placed.AddRange(first.Select((u, i) => (u, topStart - (i * step))));
        placed.AddRange(last.Select((u, i) => (u, bottomStart + ((last.Count - 1 - i) * step))));
        var bottomHeader = bottomStart + ((Named - 1) * step) + (0.6 * step);
        if (marked is not null && placed.All(p => p.Unit != marked))
        {
            // Below the top ten and above the bottom ten's heading (one step of text above its line).
            var upper = topStart - (Named * step);
            var lower = bottomHeader + (1.8 * step);
            placed.Add((marked, lower > upper ? (lower + upper) / 2 : Math.Clamp((double)marked.Index, lower, upper)));
        }

        ChartStyle.Label(plot, $"{Named} đơn vị đứng đầu", labelX, high + (0.01 * range), Alignment.LowerLeft, ChartPalette.Ink, ChartStyle.LegendSize, bold: true);
        ChartStyle.Label(plot, $"{Named} đơn vị đứng cuối", labelX, bottomHeader, Alignment.LowerLeft, ChartPalette.Ink, ChartStyle.LegendSize, bold: true);
        ChartStyle.Label(plot, "Từng đơn vị", dotX, high + (0.01 * range), Alignment.LowerCenter, ChartPalette.Ink, ChartStyle.LegendSize, bold: true);
        foreach (var (unit, y) in placed)
        {
            var color = unit == marked ? ChartPalette.Vermillion : ChartPalette.Ink;
            var leader = plot.Add.Line(dots[unit], (double)unit.Index, labelX - (most * 0.03), y);
            leader.LineColor = (unit == marked ? ChartPalette.Vermillion : ChartPalette.Grey).WithAlpha(0.6);
            leader.LineWidth = unit == marked ? 1.5f : 0.7f;
            ChartStyle.Label(plot, $"{unit.Rank}{(unit.Tied ? "=" : "")}. {unit.Result.Unit.FullName} — {ValueLabel(unit).Replace(" (đồng hạng)", "", StringComparison.Ordinal)}", labelX, y, Alignment.MiddleLeft, color, ChartStyle.ValueLabelSize, bold: unit == marked);
            marks.Area(MarkLabels.Index(unit.Result.Unit.FullName, ranking.Year, unit.Index, unit.Rank, unit.RankOf, unit.Tied, unit.Result.StageUsed, unit.Result.Synthetic), ChartLinks.Unit(unit.Result.Unit.Id, ranking.Year), labelX, right, y - (step / 2), y + (step / 2));
        }

        if (mixed)
        {
            ChartStyle.LegendFill(plot, "Dữ liệu mẫu", ChartPalette.Synthetic);
            ChartStyle.LegendFill(plot, "Số liệu thật", ChartPalette.Real);
        }

        ChartStyle.LegendFill(plot, $"Số đơn vị trong khoảng {ChartText.Tick(width)} điểm %", ChartPalette.SkyBlue);
        if (marked is not null)
        {
            ChartStyle.LegendFill(plot, $"Đơn vị đang tìm: {marked.Result.Unit.FullName}", ChartPalette.Vermillion);
        }

        plot.YLabel("Chỉ số CCHC (%)");
        plot.XLabel("Số đơn vị (cột bên trái)");
        plot.Axes.SetLimits(0, right, low, top);
        ChartStyle.PercentTicks(plot.Axes.Left, low, high);
        var counts = new ScottPlot.TickGenerators.NumericManual();
        var tick = most <= 10 ? 2 : most <= 25 ? 5 : 10;
        for (var c = 0; c <= most; c += tick)
        {
            counts.AddMajor(c, ChartText.Tick(c));
        }

        plot.Axes.Bottom.TickGenerator = counts;
        plot.Grid.XAxisStyle.IsVisible = false;
        // Below the plot: inside it would cover the names of the bottom ten.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineColor = Colors.Transparent;
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
