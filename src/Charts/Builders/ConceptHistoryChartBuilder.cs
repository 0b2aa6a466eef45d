using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>concept-history</c>: one criterion concept (e.g. <c>online-services-level-3</c>, 7.1.4 in 2017 and 7.2.1
/// from 2020) across years for every unit series, as a grid of % of max. A thick line separates years the crosswalk
/// says cannot be compared (a criterion re-defined, merged, split or no longer scored); a dashed line marks a framework
/// change across which the values still compare as %.</summary>
public static class ConceptHistoryChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 800;

    /// <param name="data">The snapshot.</param>
    /// <param name="conceptId">A concept of the crosswalk.</param>
    /// <param name="province">Province slug.</param>
    /// <param name="level">Level of the units.</param>
    /// <param name="unitIds">Only the series of these units; all when null or empty.</param>
    public static ChartSpec Build(IndexData data, string conceptId, string province, string level, IReadOnlyList<string>? unitIds = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var concept = data.Crosswalk.FindConcept(conceptId) ?? throw new ArgumentException($"Không có khái niệm '{conceptId}'.", nameof(conceptId));
        var allYears = data.Years(province, level);
        var frameworkOf = allYears.ToDictionary(y => y, y => AreaDistributionChartBuilder.MainFramework(data.ResultsOf(y, province, level)));
        var scored = allYears.Where(y => data.Crosswalk.CodeOf(frameworkOf[y].Id, conceptId) is not null).ToList();
        if (scored.Count == 0)
        {
            throw new ArgumentException($"Không bộ tiêu chí nào của {data.Places.ProvinceName(province)} ({data.Places.LevelName(level)}) trong các năm {ChartText.Years(allYears)} chấm điểm khái niệm '{conceptId}'.", nameof(conceptId));
        }

        var years = allYears.Where(y => y >= scored[0]).ToList();
        var path = data.FrameworkPath(province, level);
        var (marks, warnings, comparableWithPrevious) = Breaks(data, conceptId, years, frameworkOf, path);

        var series = years.SelectMany(y => data.ResultsOf(y, province, level))
            .Select(r => data.SeriesOf(r.Unit.Id))
            .DistinctBy(s => s.Segments[0].Unit.Id)
            .Where(s => unitIds is null || unitIds.Count == 0 || s.UnitIds.Any(unitIds.Contains))
            .OrderBy(s => s.Current.Name, StringComparer.Create(VietnameseText.Culture, ignoreCase: true))
            .ToList();
        var cells = series.Select(s => years.Select(y => s.UnitIdIn(y) is { } holder ? data.Result(holder, y) : null)
            .Select(r => (Result: r, Row: r is null ? null : data.ConceptRow(r, conceptId))).ToList()).ToList();
        var values = new decimal?[series.Count, years.Count];
        for (var r = 0; r < series.Count; r++)
        {
            for (var c = 0; c < years.Count; c++)
            {
                values[r, c] = cells[r][c].Row?.Percent;
            }
        }

        var codes = years.Select(y => data.Crosswalk.CodeOf(frameworkOf[y].Id, conceptId)).ToList();
        var shown = cells.SelectMany(c => c).Where(c => c.Row is not null).Select(c => c.Result!).ToList();
        var notes = new List<string>
        {
            $"Khái niệm {conceptId} theo bảng đối chiếu (data/frameworks/crosswalk.csv); mã từng năm: {string.Join(", ", years.Select((y, i) => $"{ChartText.Year(y)}: {codes[i] ?? "không chấm"}"))}.",
            "Đường liền đậm: không so sánh được với năm trước; đường gạch: đổi bộ tiêu chí nhưng vẫn so sánh được theo % điểm chuẩn; ô xám: không chấm hoặc không có số liệu.",
        };
        notes.AddRange(warnings);

        var table = new ChartTable(
            ["concept_id", "series_unit_id", "year", "unit_id", "unit_name", "framework_id", "code", "max_points", "points", "percent", "comparable_with_previous_year"],
            series.SelectMany((s, r) => years.Select((y, c) => (Series: s, Year: y, Column: c, Cell: cells[r][c])))
                .Where(x => x.Cell.Result is not null)
                .Select(x => (IReadOnlyList<object?>)
                [
                    conceptId, x.Series.Current.Id, x.Year, x.Cell.Result!.Unit.Id, x.Cell.Result.Unit.FullName, x.Cell.Result.Framework.Id, x.Cell.Row?.Code,
                    x.Cell.Row?.MaxPoints, x.Cell.Row?.Points, ChartText.Round(x.Cell.Row?.Percent), x.Column == 0 ? null : comparableWithPrevious[x.Year],
                ]).ToList());

        var codeText = string.Join(" → ", codes.OfType<string>().Distinct());
        return new ChartSpec(
            ChartKind.ConceptHistory,
            $"Lịch sử tiêu chí “{ChartText.Cut(concept.Name, 60)}”",
            $"{codeText}; % điểm chuẩn, {series.Count} đơn vị, {ChartText.Years(years)}",
            ChartStatus.Of(shown),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, chartMarks) =>
            {
                var rowLabels = series.Select(s => s.Segments.Count > 1 && s.Segments[0].LastYear >= years[0]
                    ? $"{ChartText.UnitLabel(s.Current)} ({string.Join(", ", s.Segments.SkipLast(1).Select(g => g.Unit.Name))})"
                    : ChartText.UnitLabel(s.Current)).ToList();
                HeatGrid.Draw(plot, chartMarks, values, rowLabels, years.Select((y, i) => $"{ChartText.Year(y)}\n{codes[i] ?? "–"}").ToList(), "% điểm chuẩn", (r, c) =>
                {
                    var (result, row) = cells[r][c];
                    if (result is null)
                    {
                        return ($"{series[r].Current.FullName} — {ChartText.Year(years[c])}: không có số liệu", null);
                    }

                    if (row is null)
                    {
                        return ($"{result.Unit.FullName} — {ChartText.Year(years[c])}: không chấm tiêu chí này", ChartLinks.Unit(result.Unit.Id, years[c]));
                    }

                    return (MarkLabels.Percent(result.Unit.FullName, row.Code, row.Name, years[c], row.Percent, row.Points, row.MaxPoints)
                        + (comparableWithPrevious.GetValueOrDefault(years[c]) == false ? " — không so sánh được với năm trước" : ""),
                        ChartLinks.Sheet(result.Unit.Id, years[c], row.Code));
                });
                foreach (var mark in marks)
                {
                    var index = years.IndexOf((int)(mark.X + 0.5));
                    var line = ChartStyle.VerticalLine(plot, index, mark.Kind == YearMarkKind.NotComparable ? ChartPalette.Vermillion : Colors.White,
                        mark.Kind == YearMarkKind.NotComparable ? LinePattern.Solid : LinePattern.Dashed, null, mark.Kind == YearMarkKind.NotComparable ? 4 : 2);
                    line.LabelOppositeAxis = true;
                    line.Text = mark.Label;
                    line.LabelFontName = ChartFonts.FamilyName;
                    line.LabelFontSize = 10;
                    line.LabelBackgroundColor = mark.Kind == YearMarkKind.NotComparable ? ChartPalette.Vermillion : ChartPalette.Ink;
                    line.LabelFontColor = Colors.White;
                }

                plot.XLabel("Năm đánh giá và mã tiêu chí trong khung của năm đó");
            });
    }

    private static (List<YearMark> Marks, List<string> Warnings, Dictionary<int, bool?> Comparable) Breaks(
        IndexData data, string conceptId, List<int> years, Dictionary<int, Framework> frameworkOf, IReadOnlyList<Framework> path)
    {
        var marks = new List<YearMark>();
        var warnings = new List<string>();
        var comparable = new Dictionary<int, bool?>();
        for (var i = 1; i < years.Count; i++)
        {
            var (before, after) = (frameworkOf[years[i - 1]], frameworkOf[years[i]]);
            var beforeScored = data.Crosswalk.CodeOf(before.Id, conceptId) is not null;
            var afterScored = data.Crosswalk.CodeOf(after.Id, conceptId) is not null;
            if (!beforeScored || !afterScored)
            {
                comparable[years[i]] = null;
                if (beforeScored)
                {
                    marks.Add(new YearMark(years[i] - 0.5, $"không chấm từ {ChartText.Year(years[i])}", YearMarkKind.NotComparable));
                    warnings.Add($"Khung {after.Id} không chấm tiêu chí này (từ năm {ChartText.Year(years[i])}).");
                }

                continue;
            }

            var result = data.Crosswalk.Compare(conceptId, before, after, path);
            comparable[years[i]] = result.Comparable;
            warnings.AddRange(result.Warnings.Where(w => !warnings.Contains(w)));
            if (!result.Comparable)
            {
                marks.Add(new YearMark(years[i] - 0.5, $"không so sánh được từ {ChartText.Year(years[i])}", YearMarkKind.NotComparable));
            }
            else if (before.Id != after.Id)
            {
                marks.Add(new YearMark(years[i] - 0.5, $"khung mới {ChartText.Year(years[i])}", YearMarkKind.Framework));
            }
        }

        return (marks, warnings, comparable);
    }
}
