using CchcAnalytics.Analytics;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>area-means</c>: the province mean of each area (lĩnh vực) across years, as % of the area's maximum, one
/// line per area concept of the crosswalk (an area renamed or re-weighted stays one line). A line is broken where the
/// crosswalk says the area no longer measures the same thing, and framework changes are marked. Colours and marker
/// shapes both differ, so the eight lines stay apart in greyscale too.</summary>
public static class AreaMeansChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 700;

    private static readonly MarkerShape[] Shapes =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond,
    ];

    /// <summary>Eight colours: the six series colours, then black and grey (told apart by their open markers).</summary>
    private static readonly Color[] Colours = [.. ChartPalette.Series, ChartPalette.Black, ChartPalette.Grey];

    public static ChartSpec Build(ProvinceHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Areas.Count == 0)
        {
            throw new ArgumentException($"Chưa có điểm lĩnh vực nào của đơn vị {history.LevelName}.", nameof(history));
        }

        var years = history.Years;
        var notes = new List<string>
        {
            "Trung bình tỉnh = trung bình % điểm chuẩn của các đơn vị có điểm lĩnh vực đó trong năm (đơn vị thiếu điểm không tính là 0). Đường đứt quãng: không có số liệu, hoặc bảng đối chiếu cho biết lĩnh vực không còn đo cùng một nội dung.",
        };
        notes.AddRange(history.Notes);
        notes.AddRange(history.Areas.Select(Renamed).OfType<string>());

        var table = new ChartTable(
            ["concept_id", "year", "framework_id", "code", "name", "max_points", "units", "mean_percent", "comparable_with_previous_year"],
            history.Areas.SelectMany(a => a.Years.Select(y => (IReadOnlyList<object?>)
            [
                a.ConceptId, y.Year, y.FrameworkId, y.Code, y.Name, y.MaxPoints, y.Units, ChartText.Round(y.MeanPercent), y.ComparableWithPrevious,
            ])).ToList());
        var marks = YearMarks.FrameworkChanges(history.Summaries.Select(s => (s.Year, s.Framework))).ToList();

        return new ChartSpec(
            ChartKind.AreaMeans,
            "Trung bình toàn tỉnh theo lĩnh vực qua các năm",
            $"% điểm chuẩn, đơn vị {history.LevelName}, {ChartText.Years(years)}",
            ChartStatus.Of(history.Results),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, chartMarks) => Draw(plot, chartMarks, history, marks));
    }

    private static void Draw(Plot plot, MarkList chartMarks, ProvinceHistory history, List<YearMark> marks)
    {
        var values = history.Areas.SelectMany(a => a.Years).Select(y => (double)y.MeanPercent).ToList();
        var bottom = Math.Max(0, Math.Floor((values.Min() - 4) / 5) * 5);
        var top = Math.Min(104, Math.Max(values.Max() + 6, bottom + 10));
        for (var i = 0; i < history.Areas.Count; i++)
        {
            var area = history.Areas[i];
            var colour = Colours[i % Colours.Length];
            var first = true;
            foreach (var run in Runs(area.Years))
            {
                var line = plot.Add.Scatter(run.Select(y => (double)y.Year).ToArray(), run.Select(y => (double)y.MeanPercent).ToArray(), colour);
                line.LineWidth = 2.5f;
                line.MarkerShape = Shapes[i % Shapes.Length];
                line.MarkerSize = 9;
                line.LegendText = first ? ChartText.AreaLabel(area.Code, area.Name, 40) : "";
                first = false;
            }

            // Each point opens that area's criteria across the units of its year on Tiêu chí.
            foreach (var mean in area.Years)
            {
                chartMarks.Point(
                    $"Trung bình tỉnh — {ChartText.AreaLabel(mean.Code, mean.Name, 80)}, {ChartText.Year(mean.Year)}: {ChartText.Percent(mean.MeanPercent)}% điểm chuẩn ({mean.Units} đơn vị)",
                    ChartLinks.Area(mean.Year, mean.Code), mean.Year, (double)mean.MeanPercent, 7);
            }
        }

        YearMarks.Draw(plot, marks, top, bottom);
        ChartStyle.PercentTicks(plot.Axes.Left, bottom, top);
        plot.Axes.Bottom.TickGenerator = new NumericFixedInterval(1) { LabelFormatter = v => ChartText.Year((int)Math.Round(v)) };
        plot.XLabel("Năm đánh giá");
        plot.YLabel("Trung bình tỉnh (% điểm chuẩn)");
        plot.Axes.SetLimits(history.Years[0] - 0.3, history.Years[^1] + 0.3, bottom, top);
        plot.ShowLegend(Edge.Bottom);
    }

    /// <summary>"Lĩnh vực 7 qua các năm: 2017–2019 “Hiện đại hóa hành chính”; …" for an area whose name or code changed;
    /// null otherwise. (The crosswalk's own warnings name frameworks by their ids, which readers are not shown.)</summary>
    internal static string? Renamed(AreaHistory area)
    {
        var names = area.Years
            .GroupBy(y => (y.Code, Name: ChartText.SentenceCase(y.Name)))
            .Select(g => $"{ChartText.Years(g.Select(y => y.Year))}: {g.Key.Code}. “{g.Key.Name}”")
            .ToList();
        return names.Count > 1 ? $"Lĩnh vực {area.Code} qua các năm (cùng một nội dung theo bảng đối chiếu): {string.Join("; ", names)}." : null;
    }

    /// <summary>Runs of years joined by a line: each value comparable with the one before.</summary>
    private static IEnumerable<List<AreaYearMean>> Runs(IEnumerable<AreaYearMean> years)
    {
        var run = new List<AreaYearMean>();
        foreach (var year in years)
        {
            if (run.Count > 0 && !year.ComparableWithPrevious)
            {
                yield return run;
                run = [];
            }

            run.Add(year);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
