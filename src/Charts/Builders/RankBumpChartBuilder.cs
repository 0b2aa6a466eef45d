using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>rank-bump</c>: every unit series' rank in every year (a bump chart), rank 1 on top, following lineage
/// (Tĩnh Gia then Nghi Sơn on one line). The first year's places are named on the left axis and the latest year's on
/// the right, tied units together ("3= Nông Cống, TP Sầm Sơn": đồng hạng). A line is not drawn across a year without a
/// rank, nor between a self-assessed and an appraised year (ranks of different stages are not compared,
/// docs/methodology.md §5): the self-assessed place is an open circle. A series that ends (Đông Sơn, merged into
/// TP Thanh Hóa from 2024) says so where it ends. Optionally some units are highlighted and the rest drawn grey.</summary>
public static class RankBumpChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 800;

    /// <param name="history">The province over the years.</param>
    /// <param name="highlight">Unit ids whose series are drawn in colour (the others grey); every series in colour when
    /// empty.</param>
    /// <param name="units">Every unit, for the names of merged-into units.</param>
    public static ChartSpec Build(ProvinceHistory history, IReadOnlyList<string> highlight, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(highlight);
        ArgumentNullException.ThrowIfNull(units);
        var ranked = history.Series.Where(s => s.Years.Any(y => y.Ranked is not null)).ToList();
        if (ranked.Count == 0)
        {
            throw new ArgumentException($"Chưa có đơn vị {history.LevelName} nào được xếp hạng.", nameof(history));
        }

        var years = history.Years;
        var chosen = ranked.Where(s => highlight.Any(id => s.Series.UnitIds.Contains(id))).ToList();
        var notes = new List<string>
        {
            "Hạng 1 ở trên cùng. Bên trái: hạng năm đầu; bên phải: hạng năm gần nhất. Dấu “=” sau hạng: đồng hạng (cùng chỉ số, cùng hạng; hạng kế tiếp bị bỏ qua).",
        };
        if (ranked.Any(s => s.Years.Any(y => y.Ranked?.StageChanged == true)))
        {
            notes.Add("Vòng tròn rỗng: hạng tính trên điểm tự chấm (chưa thẩm định); không nối với năm dùng điểm thẩm định, vì hạng của hai giai đoạn không so sánh.");
        }

        notes.AddRange(ranked.Where(s => s.Series.EndYear is { } end && end < years[^1]).Select(s => s.Series.EndMessage!));
        notes.AddRange(ranked.SelectMany(s => s.Series.Breaks).Where(b => b.Year > years[0] && b.Year <= years[^1]).Select(b => b.Message).Distinct());
        var rankOf = history.Summaries.Select(s => s.Ranked).DefaultIfEmpty(0).Max();

        var table = new ChartTable(
            ["series_unit_id", "series_name", "year", "unit_id", "unit_name", "index", "rank", "rank_of", "tied", "stage_used", "synthetic", "note"],
            ranked.SelectMany(s => s.Years.Select(y => (IReadOnlyList<object?>)
            [
                s.Series.Current.Id, s.Series.Current.FullName, y.Year, y.Result?.Unit.Id, y.Result?.Unit.FullName, ChartText.Round(y.Result?.Index),
                y.Ranked?.Rank, y.Ranked?.RankOf, y.Ranked?.Tied, y.Result?.StageUsed.ToCode(), y.Result?.Synthetic, y.Note,
            ])).ToList());

        return new ChartSpec(
            ChartKind.RankBump,
            "Thứ hạng Chỉ số CCHC qua các năm",
            $"{ranked.Count} đơn vị {history.LevelName}, {ChartText.Years(years)}{(chosen.Count > 0 ? $"; tô màu: {string.Join(", ", chosen.Select(s => ChartText.UnitLabel(s.Series.Current)))}" : "")}",
            ChartStatus.Of(ranked.SelectMany(s => s.Years).Where(y => y.Ranked is not null).Select(y => y.Result!)),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, marks) => Draw(plot, marks, history, ranked, chosen, rankOf, units));
    }

    private static void Draw(Plot plot, MarkList marks, ProvinceHistory history, List<SeriesHistory> ranked, List<SeriesHistory> chosen, int rankOf, IReadOnlyList<Unit> units)
    {
        var years = history.Years;
        var first = years[0];
        var last = years[^1];
        // Colours by the latest place, so neighbours on the right differ; grey for the others when some are chosen.
        // The grey series first, so the highlighted ones are drawn over them.
        foreach (var i in Enumerable.Range(0, ranked.Count).OrderBy(i => chosen.Count == 0 || chosen.Contains(ranked[i]) ? 1 : 0))
        {
            var series = ranked[i];
            var lit = chosen.Count == 0 || chosen.Contains(series);
            var colour = !lit ? ChartPalette.Missing : ChartPalette.Series[(chosen.Count == 0 ? i : chosen.IndexOf(series)) % ChartPalette.Series.Count];
            var width = chosen.Count > 0 && lit ? 3.5f : 2f;
            var points = series.Years.Where(y => y.Ranked is not null).ToList();
            foreach (var run in UnitTrendChartBuilder.Runs(points, p => p.Year, p => p.Result!.StageUsed))
            {
                var line = plot.Add.Scatter(run.Select(p => (double)p.Year).ToArray(), run.Select(p => (double)p.Ranked!.Rank).ToArray(), colour);
                line.LineWidth = width;
                line.MarkerSize = run.Count == 1 ? 0 : 6;
            }

            foreach (var point in points)
            {
                // A self-assessed place among appraised ones is an open circle (no line joins it to the appraised years).
                var self = point.Result!.StageUsed == Stage.Self && points.Any(p => p.Result!.StageUsed == Stage.Appraised);
                var marker = plot.Add.Marker(point.Year, point.Ranked!.Rank, self ? MarkerShape.OpenCircle : MarkerShape.FilledCircle, self ? 12 : 6);
                marker.Color = colour;
                marker.MarkerStyle.LineWidth = self ? 2.5f : 1;
                var result = point.Result;
                marks.Point(
                    MarkLabels.Index(result.Unit.FullName, point.Year, result.Index, point.Ranked.Rank, point.Ranked.RankOf, point.Ranked.Tied, result.StageUsed, result.Synthetic),
                    ChartLinks.Unit(result.Unit.Id, point.Year), point.Year, point.Ranked.Rank, 7);
            }

            if (series.Series.EndYear is { } end && end < last && points.LastOrDefault() is { } final)
            {
                var why = YearMarks.SeriesEnd(series.Series, last, units, history.LevelName)?.Label ?? $"hết chuỗi {ChartText.Year(end)}";
                // To the left of its last place: to the right is the latest year, and its labels.
                var label = ChartStyle.Label(plot, $"{ChartText.UnitLabel(series.Series.Current)}: {why} →", final.Year, final.Ranked!.Rank, Alignment.MiddleRight, lit ? ChartPalette.Ink : ChartPalette.Grey, 10, background: true);
                label.OffsetX = -9;
            }
        }

        // Names on the axes: the first year's places on the left, the latest year's on the right; ties on one label.
        ChartStyle.CategoryTicks(plot.Axes.Left, Places(ranked, first, (rank, tie, names) => $"{names} {rank}{tie}"));
        ChartStyle.CategoryTicks(plot.Axes.Right, Places(ranked, last, (rank, tie, names) => $"{rank}{tie}. {names}"));
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.Right.TickLabelStyle.FontSize = 11;
        plot.Axes.Right.TickLabelStyle.FontName = ChartFonts.FamilyName;
        plot.Axes.Right.TickLabelStyle.ForeColor = ChartPalette.Ink;
        plot.Axes.Bottom.TickGenerator = new NumericFixedInterval(1) { LabelFormatter = v => ChartText.Year((int)Math.Round(v)) };
        plot.XLabel("Năm đánh giá");
        plot.Grid.YAxisStyle.IsVisible = false;
        // Rank 1 on top: the y axes run from below the last place (bottom) to above the first.
        plot.Axes.SetLimits(first - 0.3, last + 0.3, rankOf + 0.6, 0.4);
        plot.Axes.SetLimitsY(rankOf + 0.6, 0.4, plot.Axes.Right);
    }

    /// <summary>The places of a year as axis labels: one per rank, the tied units' names together.</summary>
    private static IEnumerable<(double Position, string Label)> Places(List<SeriesHistory> ranked, int year, Func<int, string, string, string> label) =>
        ranked.Select(s => (Series: s, Cell: s.In(year)))
            .Where(x => x.Cell?.Ranked is not null)
            .GroupBy(x => x.Cell!.Ranked!.Rank)
            .OrderBy(g => g.Key)
            .Select(g => ((double)g.Key, label(g.Key, g.Count() > 1 ? "=" : "", string.Join(", ", g.Select(x => ChartText.UnitLabel(x.Cell!.Result!.Unit))))));
}
