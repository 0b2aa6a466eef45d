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
            $"Tự chấm {ChartText.Number(gap.SelfTotal)}, thẩm định {ChartText.Number(gap.AppraisedTotal)}: bị trừ {ChartText.Number(gap.Gap)} điểm; {ChartText.Number(gap.ShareCut * 100m)}% tiêu chí bị trừ; tỷ lệ chấm cao {ChartText.Number(gap.OverClaimRatio * 100m)}%.",
        };
        notes.AddRange(gap.Cuts.Take(5).Select(c => $"{c.Code} {ChartText.Cut(c.Name, 80)}: tự chấm {ChartText.Number(c.Self)}, thẩm định {ChartText.Number(c.Appraised)} (−{ChartText.Number(c.Gap)})."));
        var table = new ChartTable(
            ["year", "unit_id", "unit_name", "area_code", "area_name", "max_points", "self_points", "appraised_points", "gap"],
            gap.Areas.Select(a => (IReadOnlyList<object?>)[result.Year, result.Unit.Id, result.Unit.FullName, a.Code, a.Name, a.MaxPoints, a.Self, a.Appraised, a.Gap]).ToList());

        return new ChartSpec(
            ChartKind.SelfVsAppraised,
            $"Điểm tự chấm và điểm thẩm định — {result.Unit.FullName}, năm {ChartText.Year(result.Year)}",
            $"tự chấm {ChartText.Number(gap.SelfTotal)} → thẩm định {ChartText.Number(gap.AppraisedTotal)} (bị trừ {ChartText.Number(gap.Gap)} điểm)",
            ChartStatus.Of([result]),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            plot => DrawUnit(plot, gap, maxOf));
    }

    /// <summary>The points each unit of a year lost at appraisal; throws when no unit has both stages.</summary>
    /// <param name="gaps">The year's gaps (<see cref="YearAppraisalGaps.Of"/>).</param>
    /// <param name="results">The year's results, for names and the data status.</param>
    /// <param name="level">The units' level (for the title).</param>
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

        notes.AddRange(gaps.Areas.Select(a => $"Lĩnh vực {a.Code}: tự chấm {ChartText.Number(a.Self)}, thẩm định {ChartText.Number(a.Appraised)}, tỷ lệ chấm cao {ChartText.Number(a.OverClaimRatio * 100m)}%."));
        var table = new ChartTable(
            ["year", "unit_id", "unit_name", "self_total", "appraised_total", "gap", "share_cut_percent", "over_claim_percent", "synthetic"],
            gaps.Units.Select(g => (IReadOnlyList<object?>)
            [
                gaps.Year, g.UnitId, byId[g.UnitId].Unit.FullName, g.SelfTotal, g.AppraisedTotal, g.Gap, ChartText.Round(g.ShareCut * 100m), ChartText.Round(g.OverClaimRatio * 100m), byId[g.UnitId].Synthetic,
            ]).ToList());

        return new ChartSpec(
            ChartKind.SelfVsAppraised,
            $"Điểm bị trừ khi thẩm định năm {ChartText.Year(gaps.Year)}",
            $"tự chấm − thẩm định, {gaps.Units.Count} đơn vị {ChartText.LevelName(level)}",
            ChartStatus.Of(shown),
            table,
            notes,
            DefaultWidth,
            DefaultYearHeight,
            plot => DrawYear(plot, gaps, byId));
    }

    private static void DrawUnit(Plot plot, AppraisalGap gap, Dictionary<string, decimal> maxOf)
    {
        var areas = gap.Areas;
        var count = areas.Count;
        double Y(int i) => count - i;
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
            Label = ChartText.Number(a.Self),
        }).ToList());
        var appraised = plot.Add.Bars(areas.Select((a, i) => new Bar
        {
            Position = Y(i) - 0.17,
            Value = (double)a.Appraised,
            Size = 0.32,
            FillColor = ChartPalette.Blue,
            LineWidth = 0,
            Label = a.Gap > 0 ? $"{ChartText.Number(a.Appraised)} (−{ChartText.Number(a.Gap)})" : ChartText.Number(a.Appraised),
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

    private static void DrawYear(Plot plot, YearAppraisalGaps gaps, Dictionary<string, UnitYearResult> byId)
    {
        var units = gaps.Units;
        var count = units.Count;
        var bars = plot.Add.Bars(units.Select((g, i) => new Bar
        {
            Position = count - i,
            Value = (double)g.Gap,
            Size = 0.7,
            FillColor = ChartPalette.Vermillion,
            LineWidth = 0,
            Label = $"{ChartText.Number(g.Gap)} ({ChartText.Number(g.OverClaimRatio * 100m)}%)",
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
