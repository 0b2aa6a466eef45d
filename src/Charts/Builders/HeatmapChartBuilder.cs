using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>heatmap</c>: units × areas of a year as % of max; drilled into one area, units × that area's criteria;
/// drilled into one criterion, units × its sub-criteria. Units are ordered by index, best at the top; missing scores are
/// grey, never 0.</summary>
public static class HeatmapChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 800;

    /// <summary>Builds the chart from one year's results of one province and level.</summary>
    /// <param name="results">The year's results; units scored against another framework than most are left out.</param>
    /// <param name="year">The year.</param>
    /// <param name="level">The units' level in words, "cấp huyện" (for the title).</param>
    /// <param name="parentCode">Null for the areas; an area's code for its criteria; a criterion's code for its
    /// sub-criteria.</param>
    /// <param name="find">Reads a unit-year's row of a code (<see cref="IndexData.Cells"/>); null: <see cref="UnitYearResult.Find"/>.</param>
    public static ChartSpec Build(IReadOnlyList<UnitYearResult> results, int year, string level, string? parentCode = null, Func<UnitYearResult, string, CriterionResult?>? find = null)
    {
        find ??= (result, code) => result.Find(code);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException($"Không có đơn vị nào có kết quả năm {year}.", nameof(results));
        }

        var framework = AreaDistributionChartBuilder.MainFramework(results);
        var columns = Columns(framework, parentCode);
        var rows = results.Where(r => r.Framework.Id == framework.Id)
            .OrderByDescending(r => r.Index ?? decimal.MinValue).ThenBy(r => r.Unit.Id, StringComparer.Ordinal).ToList();
        var values = new decimal?[rows.Count, columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                values[r, c] = find(rows[r], columns[c].Code)?.Percent;
            }
        }

        var area = parentCode is null ? null : framework.Find(parentCode)!;
        var scale = HeatScale.Of(values.Cast<decimal?>());
        var notes = new List<string>
        {
            "Đơn vị xếp theo chỉ số, cao nhất ở trên; ô xám: thiếu điểm.",
            scale.Lowest is { } low && scale.Highest is { } high
                ? $"Màu: từ tím đậm (thấp nhất, {ChartText.Percent(low)}%) đến vàng (cao nhất, {ChartText.Percent(high)}%) trong các ô đang hiển thị."
                : "Không ô nào có điểm.",
        };
        if (rows.Count < results.Count)
        {
            notes.Add($"{results.Count - rows.Count} đơn vị chấm theo bộ tiêu chí khác không được đưa vào.");
        }

        notes.AddRange(columns.Select(c => $"{c.Code}: {c.Name} (tối đa {ChartText.Points(c.MaxPoints)} điểm)"));
        var table = new ChartTable(
            ["year", "unit_id", "unit_name", "index", "code", "name", "max_points", "points", "percent"],
            rows.SelectMany(r => columns.Select(c => (Result: r, Column: c, Row: find(r, c.Code)))).Select(x => (IReadOnlyList<object?>)
            [
                year, x.Result.Unit.Id, x.Result.Unit.FullName, ChartText.Round(x.Result.Index), x.Column.Code, x.Column.Name, x.Column.MaxPoints, x.Row?.Points, ChartText.Round(x.Row?.Percent),
            ]).ToList());

        var title = area switch
        {
            null => $"Điểm các lĩnh vực của từng đơn vị năm {ChartText.Year(year)}",
            { Level: CriterionLevel.Area } => $"Điểm các tiêu chí của lĩnh vực {area.Code} năm {ChartText.Year(year)}",
            _ => $"Điểm các tiêu chí thành phần của tiêu chí {area.Code} năm {ChartText.Year(year)}",
        };
        var scope = area is null
            ? $"% điểm chuẩn, {rows.Count} đơn vị {level}"
            : $"{ChartText.Cut(ChartText.SentenceCase(area.Name), 50)}; % điểm chuẩn, {rows.Count} đơn vị";
        var columnLabels = columns.Select(c => $"{c.Code}\n{HeatGrid.Wrap(Short(c), columns.Count > 6 ? 14 : columns.Count > 4 ? 20 : 28, 2)}").ToList();
        return new ChartSpec(
            ChartKind.Heatmap,
            title,
            scope,
            ChartStatus.Of(rows),
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, marks) =>
            {
                HeatGrid.Draw(plot, marks, values, rows.Select(r => ChartText.UnitLabel(r.Unit)).ToList(), columnLabels, "% điểm chuẩn", (r, c) =>
                {
                    var (unit, column) = (rows[r].Unit, columns[c]);
                    return (MarkLabels.Percent(unit.FullName, column.Code, column.Name, year, values[r, c], find(rows[r], column.Code)?.Points, column.MaxPoints),
                        ChartLinks.Sheet(unit.Id, year, column.Code));
                });
                plot.XLabel(area switch
                {
                    null => "Lĩnh vực",
                    { Level: CriterionLevel.Area } => $"Tiêu chí của lĩnh vực {area.Code}",
                    _ => $"Tiêu chí thành phần của tiêu chí {area.Code}",
                });
            });
    }

    /// <summary>The columns at one level of the drill: the areas of a framework (no code), or the rows directly under an
    /// area or a criterion; throws when the code is not in the framework or has nothing under it.</summary>
    public static List<FrameworkCriterion> Columns(Framework framework, string? parentCode)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (parentCode is null)
        {
            return framework.Criteria.Where(c => c.Level == CriterionLevel.Area).ToList();
        }

        var children = framework.Find(parentCode) is null ? [] : framework.Criteria.Where(c => c.ParentCode == parentCode).ToList();
        if (children.Count == 0)
        {
            var parents = framework.Criteria.Select(c => c.ParentCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var areas = string.Join(", ", framework.Criteria.Where(c => c.Level == CriterionLevel.Area).Select(c => c.Code));
            var why = framework.Find(parentCode) is null ? "không có trong" : "không có tiêu chí con trong";
            throw new ArgumentException($"'{parentCode}' {why} {framework.DisplayName}: chọn một lĩnh vực ({areas}) hoặc một tiêu chí có tiêu chí thành phần (ví dụ {parents.Where(p => p.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault() ?? "7.1"}).", nameof(parentCode));
        }

        return children;
    }

    private static string Short(FrameworkCriterion criterion) => ChartText.SentenceCase(criterion.Name);
}
