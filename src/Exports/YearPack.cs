using CchcAnalytics.Analytics;
using CchcAnalytics.Charts;
using CchcAnalytics.Core;

namespace CchcAnalytics.Exports;

/// <summary>The meeting pack of one year as the dashboard's <c>/export/pack.pptx</c> and <c>cchc pack</c> make it: the
/// analytics of the year and the year before, the units asked for, and the charts rendered on the server for the box
/// they fill on the slide.</summary>
public static class YearPack
{
    /// <summary>Pixels per inch of the slide pictures: sharp on a projector and a printed handout.</summary>
    private const double Dpi = 150;

    /// <summary>How much larger than on a screen chart text is drawn on a slide (12 px tick labels become 13 pt).</summary>
    private const double SlideTextScale = 1.1;

    /// <summary>Writes the pack of <paramref name="year"/> to <paramref name="output"/> and returns its file name
    /// (<see cref="MeetingPackBuilder.FileName"/>).</summary>
    /// <param name="data">Analytics snapshot.</param>
    /// <param name="year">Index year.</param>
    /// <param name="unitIds">Units to give a section each; empty: the province's pack, without unit sections.</param>
    /// <param name="output">Where the .pptx goes.</param>
    /// <param name="options">Analytics settings.</param>
    /// <param name="province">Province slug.</param>
    /// <param name="level">Level of the units.</param>
    /// <exception cref="ArgumentException">No unit of the level has a result that year, or a unit has none (the
    /// message is Vietnamese and names the year or unit).</exception>
    public static string Write(IndexData data, int year, IReadOnlyList<string> unitIds, Stream output, AnalyticsOptions options, string? province = null, string? level = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(unitIds);
        province ??= DataScope.Province(data).Id;
        level ??= unitIds.Select(id => data.Registry.Resolve(id)?.Unit?.Level).OfType<string>().FirstOrDefault() ?? DataScope.LevelForYear(data, province, year).Id;
        var ranking = Ranker.For(data, year, province, level, options);
        if (ranking.Units.Count == 0)
        {
            throw new ArgumentException($"Không có đơn vị {data.Places.LevelName(level)} nào của {data.Places.ProvinceName(province)} có tổng điểm năm {year}.", nameof(year));
        }

        var registry = data.Registry;
        var reports = unitIds.Distinct(StringComparer.Ordinal).Select(id =>
        {
            var unit = registry.Resolve(id)?.Unit
                ?? throw new ArgumentException($"Không có đơn vị '{id}'. Hãy dùng mã đơn vị (ví dụ hoang-hoa) hoặc tên tiếng Việt (ví dụ Hoằng Hóa).", nameof(unitIds));
            return UnitReport.Build(data, unit.Id, year, options)
                ?? throw new ArgumentException($"{unit.FullName} không có kết quả năm {year}.", nameof(unitIds));
        }).ToList();
        var previous = Ranker.For(data, year - 1, province, level, options);
        var shared = Weaknesses.Province(data, year, province, level, options);
        var packOptions = new MeetingPackOptions
        {
            Analytics = options,
            Previous = previous.Units.Count > 0 ? previous : null,
            Published = data.Published,
            Places = data.Places,
        };
        var content = MeetingPackBuilder.Build(ranking, reports, shared, key => Chart(data, key, year, options, province, level), packOptions);
        MeetingPack.Write(output, content);
        return MeetingPackBuilder.FileName(year, province, reports.Select(r => r.Result.Unit.Id).ToList());
    }

    private static byte[]? Chart(IndexData data, string key, int year, AnalyticsOptions options, string province, string level)
    {
        var unit = ChartKeys.UnitOf(key, out var kind);
        var request = (kind, unit) switch
        {
            (ChartKeys.RankMovement, null) => new ChartRequest(ChartKind.RankMovement, year),
            ("unit-trend", { } id) => new ChartRequest(ChartKind.UnitTrend, null, [id]),
            ("unit-areas", { } id) => new ChartRequest(ChartKind.UnitAreas, year, [id]),
            _ => null,
        };
        if (request is null)
        {
            return null;
        }

        var (widthInches, heightInches) = ChartKeys.Size(key);
        var spec = ChartFactory.Build(data, request with { Province = province, Level = level }, options);
        // The rank movement lists every unit down the slide, the areas chart every area: drawn at the slide's own scale
        // (a 12 px label is 12 pt) so that 27 names, or 8 areas with their markers, fit.
        var scale = Dpi / 72 * (kind is ChartKeys.RankMovement or "unit-areas" ? 1.0 : SlideTextScale);
        return ChartRenderer.Png(spec, (int)(widthInches * Dpi), (int)(heightInches * Dpi), scale, title: false);
    }
}
