using System.Data;
using System.Globalization;
using CchcAnalytics.Analytics;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Bench.Scale;

/// <summary>One dashboard query against hand-written SQL for the same answer. <c>Product</c> is what a dashboard request
/// computes for it on a loaded snapshot with nothing memoised yet (the analytics, which read criterion rows in SQL); the
/// snapshot itself (<c>IndexData.Load</c>, once per data version, shared by every view) is loaded before the timer starts
/// and timed as a row of its own (<c>snapshot-load</c>). <c>Sql</c> is one query over the same database. Both return the answer as comparable text lines (numbers rounded to 6 decimals), so the bench checks that
/// the answers are identical as well as timing them. To add a query, add a case to <see cref="QueryCases.All"/>; when the
/// analytics move into SQL, point <c>Product</c> at the new entry point and keep <c>Sql</c> as the yardstick.</summary>
internal sealed record QueryCase(string Id, string Title, Func<IndexData, IReadOnlyList<string>> Product, string Sql, Func<IDataRecord, string> SqlLine);

/// <summary>The cases, for one year.</summary>
internal static class QueryCases
{
    public const string Province = "thanh-hoa";
    public const string Level = "district";

    public static IReadOnlyList<QueryCase> All(int year) =>
    [
        new(
            "query-ranking",
            $"ranking {year}: Ranker.For on the loaded snapshot",
            data => RankingLines(data, year),
            RankingSql(year),
            RankingLine),
        new(
            "query-benchmarks",
            $"criterion benchmarks {year} (mean, median, best per code): Benchmarks.For (SQL) on the loaded snapshot",
            data => BenchmarkLines(data, year),
            BenchmarkSql(year),
            BenchmarkLine),
    ];

    /// <summary>The ranking's answer: unit, rank, ranked count, tie, quartile, band, previous rank and count, index.</summary>
    public static IReadOnlyList<string> RankingLines(IndexData data, int year) =>
        Ranker.For(data, year, Province, Level, AnalyticsOptions.Default).Units
            .Select(u => Line(u.Result.Unit.Id, u.Rank, u.RankOf, u.Tied, u.Quartile, u.Band.Label, u.PreviousRank, u.PreviousRankOf, Round(u.Index)))
            .ToList();

    /// <summary>The result of a unit-year is its appraised submission where it has one, else the self-assessed one (a
    /// current submission, a known unit of the province and level, a known framework); the index is points ÷ maximum
    /// × 100; the rank is standard competition ranking, best first, ties in unit-id order; the previous rank follows a
    /// succession (Tĩnh Gia → Nghi Sơn) and otherwise the same unit. Bands are AnalyticsOptions.Default's.</summary>
    public static string RankingSql(int year) => Invariant($"""
        WITH picked AS (
            SELECT s.unit_id, s.year, s.points_total, s.max_total,
                   row_number() OVER (PARTITION BY s.unit_id, s.year ORDER BY CASE s.stage WHEN 'appraised' THEN 0 ELSE 1 END) AS pick
            FROM current_submission s
            JOIN unit u ON u.unit_id = s.unit_id AND u.province = '{Province}' AND u.level = '{Level}'
            JOIN framework f ON f.framework_id = s.framework_id
            WHERE s.year IN ({year}, {year - 1})
        ), scored AS (
            SELECT unit_id, year, CAST(points_total AS DOUBLE) / CAST(max_total AS DOUBLE) * 100 AS idx
            FROM picked WHERE pick = 1 AND points_total IS NOT NULL AND max_total > 0
        ), ranked AS (
            SELECT unit_id, year, idx,
                   rank() OVER (PARTITION BY year ORDER BY idx DESC) AS rnk,
                   count(*) OVER (PARTITION BY year) AS n,
                   count(*) OVER (PARTITION BY year, idx) AS same
            FROM scored
        )
        SELECT r.unit_id, r.rnk, r.n, r.same > 1, (4 * (r.rnk - 1)) // r.n + 1,
               CASE WHEN r.idx >= 90 THEN '≥ 90' WHEN r.idx >= 80 THEN '80 – < 90' ELSE '< 80' END,
               p.rnk, p.n, round(r.idx, 6)
        FROM ranked r
        LEFT JOIN unit_event e ON e.event = 'succeeded' AND e.to_unit = r.unit_id AND e.effective_year = r.year
        LEFT JOIN ranked p ON p.year = r.year - 1 AND p.unit_id = coalesce(e.from_unit, r.unit_id)
        WHERE r.year = {year}
        ORDER BY r.idx DESC, r.unit_id
        """);

    private static string RankingLine(IDataRecord r) => Line(
        r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture),
        r.GetBoolean(3), Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture), r.GetString(5),
        r.IsDBNull(6) ? null : Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture), r.IsDBNull(7) ? null : Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture),
        Round(r.GetDouble(8)));

    /// <summary>Benchmarks of the year's main framework (the one most units were scored against, as the Tiêu chí page
    /// picks it): per code, units with points, mean, median, best, the units at best, units at full points.</summary>
    public static IReadOnlyList<string> BenchmarkLines(IndexData data, int year)
    {
        var results = data.ResultsOf(year, Province, Level);
        var framework = results.GroupBy(r => r.Framework.Id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().First().Framework;
        return Benchmarks.For(data, year, Province, Level, framework)
            .Select(b => Line(b.Code, b.Units, Round(b.Mean), Round(b.Median), Round(b.Best), string.Join('+', b.BestUnits), b.AtMax))
            .ToList();
    }

    public static string BenchmarkSql(int year) => Invariant($"""
        WITH picked AS (
            SELECT s.submission_id, s.unit_id, s.framework_id,
                   row_number() OVER (PARTITION BY s.unit_id ORDER BY CASE s.stage WHEN 'appraised' THEN 0 ELSE 1 END) AS pick
            FROM current_submission s
            JOIN unit u ON u.unit_id = s.unit_id AND u.province = '{Province}' AND u.level = '{Level}'
            JOIN framework f ON f.framework_id = s.framework_id
            WHERE s.year = {year}
        ), used AS (
            SELECT * FROM picked WHERE pick = 1
        ), main AS (
            SELECT framework_id FROM used GROUP BY framework_id ORDER BY count(*) DESC, framework_id LIMIT 1
        ), points AS (
            SELECT fc.code, fc.ordinal, fc.max_points, used.unit_id, sc.points
            FROM used JOIN main USING (framework_id)
            JOIN score sc ON sc.submission_id = used.submission_id
            JOIN framework_criterion fc ON fc.framework_id = used.framework_id AND fc.code = sc.code
            WHERE sc.points IS NOT NULL
        )
        SELECT code, count(*), round(avg(points), 6), round(median(points), 6), max(points),
               string_agg(unit_id, '+' ORDER BY unit_id) FILTER (WHERE points = best), count(*) FILTER (WHERE points = max_points)
        FROM (SELECT *, max(points) OVER (PARTITION BY code) AS best FROM points)
        GROUP BY code, ordinal
        ORDER BY ordinal
        """);

    private static string BenchmarkLine(IDataRecord r) => Line(
        r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), Round(Convert.ToDouble(r.GetValue(2), CultureInfo.InvariantCulture)),
        Round(Convert.ToDouble(r.GetValue(3), CultureInfo.InvariantCulture)), Round(Convert.ToDouble(r.GetValue(4), CultureInfo.InvariantCulture)),
        r.GetString(5), Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture));

    private static string Round(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Round(double value) => Round((decimal)Math.Round(value, 6, MidpointRounding.AwayFromZero));

    private static string Line(params object?[] cells) => string.Join('|', cells.Select(c => c switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => c.ToString(),
    }));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
