using CchcAnalytics.Analytics;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>self-vs-appraised</c>: for a unit-year, each area's self-assessed against appraised points (with the
/// maximum); for a whole year, the points each unit lost at appraisal (self − appraised), largest first.</summary>
public static class SelfVsAppraisedChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 600;
    public const int DefaultYearHeight = 750;

    /// <summary>Per area, self-assessed against appraised points of one unit-year; throws when the unit-year has no
    /// appraised stage.</summary>
    public static ChartSpec ForUnit(UnitYearResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var gap = AppraisalGap.Of(result)
            ?? throw new ArgumentException($"{result.Unit.FullName} ({result.Unit.Id}) chưa có điểm thẩm định năm {result.Year} (chỉ có điểm tự chấm): không có gì để so sánh.", nameof(result));
        var maxOf = result.Areas.ToDictionary(a => a.Code, a => a.MaxPoints, StringComparer.Ordinal);
        var notes = new List<string>
        {
            $"Tự chấm {ChartText.Points(gap.SelfTotal)}, thẩm định {ChartText.Points(gap.AppraisedTotal)}: bị trừ {ChartText.Points(gap.Gap)} điểm; {ChartText.Percent(gap.ShareCut * 100m)}% tiêu chí bị trừ; tỷ lệ chấm cao {ChartText.Percent(gap.OverClaimRatio * 100m)}%.",
        };
        notes.AddRange(gap.Cuts.Take(5).Select(c => $"{c.Code} {ChartText.Cut(c.Name, 80)}: tự chấm {ChartText.Points(c.Self)}, thẩm định {ChartText.Points(c.Appraised)} (−{ChartText.Points(c.Gap)})."));
        var table = new ChartTable(
            ["year", "unit_id", "unit_name", "area_code", "area_name", "max_points", "self_points", "appraised_points", "gap"],
            gap.Areas.Select(a => (IReadOnlyList<object?>)[result.Year, result.Unit.Id, result.Unit.FullName, a.Code, a.Name, a.MaxPoints, a.Self, a.Appraised, a.Gap]).ToList());

        return new ChartSpec(
            ChartKind.SelfVsAppraised,
            $"Điểm tự chấm và điểm thẩm định — {result.Unit.FullName}, năm {ChartText.Year(result.Year)}",
            $"tự chấm {ChartText.Points(gap.SelfTotal)} → thẩm định {ChartText.Points(gap.AppraisedTotal)} (bị trừ {ChartText.Points(gap.Gap)} điểm)",
            ChartStatus.Of([result]),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, marks) => DrawUnit(plot, marks, result, gap, maxOf));
    }

    /// <summary>The points each unit of a year lost at appraisal; throws when no unit has both stages.</summary>
    /// <param name="gaps">The year's gaps (<see cref="YearAppraisalGaps.Of(IndexData, int, string, string)"/>).</param>
    /// <param name="results">The year's results, for names and the data status.</param>
    /// <param name="level">The units' level in words, "cấp huyện" (for the title).</param>
    public static ChartSpec ForYear(YearAppraisalGaps gaps, IReadOnlyList<UnitYearResult> results, string level)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        ArgumentNullException.ThrowIfNull(results);
        if (gaps.Units.Count == 0)
        {
            throw new ArgumentException($"Năm {gaps.Year} không có đơn vị nào có cả điểm tự chấm và điểm thẩm định: không có gì để so sánh.", nameof(gaps));
        }

        var byId = results.ToDictionary(r => r.Unit.Id, StringComparer.Ordinal);
        var shown = gaps.Units.Select(g => byId[g.UnitId]).ToList();
        var notes = new List<string>
        {
            "Chênh lệch = điểm tự chấm − điểm thẩm định (dương: bị trừ khi thẩm định); trong ngoặc: tỷ lệ chấm cao = tổng điểm bị trừ / tổng điểm tự chấm.",
        };
        var without = results.Count - gaps.Units.Count;
        if (without > 0)
        {
            notes.Add($"{without} đơn vị chỉ có một loại điểm, không có trong biểu đồ.");
        }

        notes.AddRange(gaps.Areas.Select(a => $"Lĩnh vực {a.Code}: tự chấm {ChartText.Points(a.Self)}, thẩm định {ChartText.Points(a.Appraised)}, tỷ lệ chấm cao {ChartText.Percent(a.OverClaimRatio * 100m)}%."));
        var table = new ChartTable(
            ["year", "unit_id", "unit_name", "self_total", "appraised_total", "gap", "share_cut_percent", "over_claim_percent", "synthetic"],
            gaps.Units.Select(g => (IReadOnlyList<object?>)
            [
                gaps.Year, g.UnitId, byId[g.UnitId].Unit.FullName, g.SelfTotal, g.AppraisedTotal, g.Gap, ChartText.Round(g.ShareCut * 100m), ChartText.Round(g.OverClaimRatio * 100m), byId[g.UnitId].Synthetic,
            ]).ToList());

        return new ChartSpec(
            ChartKind.SelfVsAppraised,
            $"Điểm bị trừ khi thẩm định năm {ChartText.Year(gaps.Year)}",
            $"tự chấm − thẩm định, {gaps.Units.Count} đơn vị {level}",
            ChartStatus.Of(shown),
            table,
            notes,
            DefaultWidth,
            DefaultYearHeight,
            (plot, marks) => DrawYear(plot, marks, gaps, byId));
    }

    private static void DrawUnit(Plot plot, MarkList marks, UnitYearResult result, AppraisalGap gap, Dictionary<string, decimal> maxOf)
    {
        var areas = gap.Areas;
        var count = areas.Count;
        double Y(int i) => count - i;
        for (var i = 0; i < count; i++)
        {
            var a = areas[i];
            var cut = a.Gap > 0 ? $", bị trừ {ChartText.Points(a.Gap)}" : a.Gap < 0 ? $", được cộng {ChartText.Points(-a.Gap)}" : "";
            marks.Area($"{result.Unit.FullName} — {ChartText.AreaLabel(a.Code, a.Name, 80)}, {ChartText.Year(result.Year)}: tự chấm {ChartText.Points(a.Self)}, thẩm định {ChartText.Points(a.Appraised)}{cut} (tối đa {ChartText.Points(maxOf[a.Code])} điểm)",
                ChartLinks.Sheet(result.Unit.Id, result.Year, a.Code), 0, (double)maxOf[a.Code], Y(i) - 0.4, Y(i) + 0.4);
        }

        // The maximum as a grey track behind each pair of bars: a marker at its end would hide the value labels.
        var maxima = plot.Add.Bars(areas.Select((a, i) => new Bar
        {
            Position = Y(i),
            Value = (double)maxOf[a.Code],
            Size = 0.8,
            FillColor = ChartPalette.Missing,
            LineWidth = 0,
        }).ToList());
        maxima.Horizontal = true;
        var self = plot.Add.Bars(areas.Select((a, i) => new Bar
        {
            Position = Y(i) + 0.17,
            Value = (double)a.Self,
            Size = 0.32,
            FillColor = ChartPalette.SkyBlue,
            LineWidth = 0,
            Label = ChartText.Points(a.Self),
        }).ToList());
        var appraised = plot.Add.Bars(areas.Select((a, i) => new Bar
        {
            Position = Y(i) - 0.17,
            Value = (double)a.Appraised,
            Size = 0.32,
            FillColor = ChartPalette.Blue,
            LineWidth = 0,
            Label = a.Gap > 0 ? $"{ChartText.Points(a.Appraised)} (−{ChartText.Points(a.Gap)})" : ChartText.Points(a.Appraised),
        }).ToList());
        foreach (var bars in new[] { self, appraised })
        {
            bars.Horizontal = true;
            ChartStyle.ValueLabels(bars);
        }

        ChartStyle.LegendFill(plot, "Điểm tự chấm", ChartPalette.SkyBlue);
        ChartStyle.LegendFill(plot, "Điểm thẩm định (− điểm bị trừ)", ChartPalette.Blue);
        ChartStyle.LegendFill(plot, "Điểm chuẩn (tối đa)", ChartPalette.Missing);
        ChartStyle.CategoryTicks(plot.Axes.Left, areas.Select((a, i) => (Y(i), ChartText.AreaLabel(a.Code, a.Name))));
        plot.XLabel("Điểm");
        plot.Axes.SetLimits(0, (double)maxOf.Values.Max() * 1.2, 0.4, count + 0.6);
        plot.ShowLegend(Edge.Bottom);
    }

    private static void DrawYear(Plot plot, MarkList marks, YearAppraisalGaps gaps, Dictionary<string, UnitYearResult> byId)
    {
        var units = gaps.Units;
        var count = units.Count;
        var widest = (double)Math.Max(units.Max(g => g.Gap), 1m);
        for (var i = 0; i < count; i++)
        {
            // The unit's whole row up to the largest gap, so a unit with a small gap can be pointed at too.
            var g = units[i];
            marks.Area($"{byId[g.UnitId].Unit.FullName} — {ChartText.Year(gaps.Year)}: bị trừ {ChartText.Points(g.Gap)} điểm khi thẩm định (tự chấm {ChartText.Points(g.SelfTotal)}, thẩm định {ChartText.Points(g.AppraisedTotal)}; tỷ lệ chấm cao {ChartText.Percent(g.OverClaimRatio * 100m)}%)",
                ChartLinks.Unit(g.UnitId, gaps.Year), Math.Min(0, (double)g.Gap), widest, count - i - 0.4, count - i + 0.4);
        }

        var bars = plot.Add.Bars(units.Select((g, i) => new Bar
        {
            Position = count - i,
            Value = (double)g.Gap,
            Size = 0.7,
            FillColor = ChartPalette.Vermillion,
            LineWidth = 0,
            Label = $"{ChartText.Points(g.Gap)} ({ChartText.Percent(g.OverClaimRatio * 100m)}%)",
        }).ToList());
        bars.Horizontal = true;
        ChartStyle.ValueLabels(bars);
        ChartStyle.LegendFill(plot, "Điểm bị trừ khi thẩm định (tỷ lệ chấm cao)", ChartPalette.Vermillion);
        ChartStyle.CategoryTicks(plot.Axes.Left, units.Select((g, i) => ((double)(count - i), ChartText.UnitLabel(byId[g.UnitId].Unit))));
        plot.XLabel("Điểm tự chấm − điểm thẩm định");
        var max = (double)Math.Max(units.Max(g => g.Gap), 1m);
        plot.Axes.SetLimits(Math.Min(0, (double)units.Min(g => g.Gap)), max * 1.3, 0.3, count + 0.7);
        plot.Legend.Alignment = Alignment.LowerRight;
    }
}
