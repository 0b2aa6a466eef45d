using CchcAnalytics.Analytics;
using CchcAnalytics.Charts;
using CchcAnalytics.Core;

namespace CchcAnalytics.Exports;

/// <summary>The meeting pack of one year as the dashboard's <c>/export/pack.pptx</c> and <c>cchc pack</c> make it: the
/// analytics of the year, the units asked for (or the top and bottom three), and the charts rendered on the server.</summary>
public static class YearPack
{
    /// <summary>Writes the pack of <paramref name="year"/> to <paramref name="output"/>.</summary>
    /// <param name="data">Analytics snapshot.</param>
    /// <param name="year">Index year.</param>
    /// <param name="unitIds">Units to give a slide each; empty: the top three and the bottom three of the ranking.</param>
    /// <param name="output">Where the .pptx goes.</param>
    /// <param name="options">Analytics settings.</param>
    /// <param name="province">Province slug.</param>
    /// <param name="level">Level of the units.</param>
    public static void Write(IndexData data, int year, IReadOnlyList<string> unitIds, Stream output, AnalyticsOptions options, string province = "thanh-hoa", string level = "district")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(unitIds);
        var ranking = Ranker.For(data, year, province, level, options);
        if (ranking.Units.Count == 0)
        {
            throw new ArgumentException($"Không có đơn vị {VietnameseText.LevelName(level)} nào của {province} có tổng điểm năm {year}.", nameof(year));
        }

        var units = unitIds.Count > 0
            ? unitIds
            : ranking.Units.Take(3).Concat(ranking.Units.TakeLast(3)).Select(u => u.Result.Unit.Id).Distinct().ToList();
        var reports = units.Select(id => UnitReport.Build(data, id, year, options)
            ?? throw new ArgumentException($"Không có kết quả của '{id}' năm {year}.", nameof(unitIds))).ToList();
        var shared = Weaknesses.Province(data, year, province, level, options);
        var content = MeetingPackBuilder.Build(ranking, reports, shared, key => Chart(data, key, year, options, province, level));
        MeetingPack.Write(output, content);
    }

    private static byte[]? Chart(IndexData data, string key, int year, AnalyticsOptions options, string province, string level)
    {
        var request = key switch
        {
            ChartKeys.Ranking => new ChartRequest(ChartKind.Ranking, year, null, null, 1200, 900),
            ChartKeys.AreaDistribution => new ChartRequest(ChartKind.AreaDistribution, year, null, null, 1200, 700),
            _ when key.StartsWith(ChartKeys.UnitTrend(""), StringComparison.Ordinal) => new ChartRequest(ChartKind.UnitTrend, null, [key[ChartKeys.UnitTrend("").Length..]], null, 1200, 700),
            _ => null,
        };
        return request is null ? null : ChartRenderer.Png(ChartFactory.Build(data, request with { Province = province, Level = level }, options));
    }
}
