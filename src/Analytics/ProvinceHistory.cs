using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>One cell of the units × years table: a series' result and rank in one year, or why it has none.</summary>
/// <param name="Year">Index year.</param>
/// <param name="Result">The result of the unit that held the series that year (Tĩnh Gia's for Nghi Sơn before 2020);
/// null when there is none: the cell is "—", never 0.</param>
/// <param name="Ranked">Its place in that year's ranking; null without a result or without a total.</param>
/// <param name="Note">Vietnamese: why there is no value (the series ended, the unit did not exist yet, no data), or
/// what to know about the value (another unit held the series, a unit merged in); null when there is nothing to say.</param>
public sealed record SeriesYear(int Year, UnitYearResult? Result, RankedUnit? Ranked, string? Note);

/// <summary>One unit's series across every year of the province's data, following lineage.</summary>
/// <param name="Series">The lineage series (Tĩnh Gia then Nghi Sơn).</param>
/// <param name="Years">One cell per year of <see cref="ProvinceHistory.Years"/>, in order.</param>
public sealed record SeriesHistory(UnitSeries Series, IReadOnlyList<SeriesYear> Years)
{
    /// <summary>The year's cell; null for a year outside the history.</summary>
    public SeriesYear? In(int year) => Years.FirstOrDefault(y => y.Year == year);
}

/// <summary>The province's figures of one year: how many units were ranked, their mean index and the main framework.</summary>
/// <param name="Year">Index year.</param>
/// <param name="Ranked">Units ranked that year.</param>
/// <param name="MeanIndex">Mean index of the ranked units; null when none was ranked.</param>
/// <param name="Framework">The framework most units were scored against (the one the area means use).</param>
/// <param name="Results">Every unit-year result of the year (for the data status: sample, illustrative, self-assessed).</param>
public sealed record YearSummary(int Year, int Ranked, decimal? MeanIndex, Framework Framework, IReadOnlyList<UnitYearResult> Results);

/// <summary>The province mean of one area (lĩnh vực) in one year, as % of its maximum.</summary>
/// <param name="Year">Index year.</param>
/// <param name="Code">The area's code in that year's framework.</param>
/// <param name="Name">The area's name in that year's framework.</param>
/// <param name="FrameworkId">That year's main framework.</param>
/// <param name="MaxPoints">Điểm chuẩn of the area that year.</param>
/// <param name="Units">Units with points for the area (missing points are left out, never counted as 0).</param>
/// <param name="MeanPercent">Mean of the units' % of the maximum.</param>
/// <param name="ComparableWithPrevious">The value can be joined to the year before's: that year has a value and the
/// crosswalk says the area measures the same thing in both frameworks.</param>
public sealed record AreaYearMean(int Year, string Code, string Name, string FrameworkId, decimal MaxPoints, int Units, decimal MeanPercent, bool ComparableWithPrevious);

/// <summary>One area concept's province mean across years.</summary>
/// <param name="ConceptId">The crosswalk concept (<c>modernisation</c>).</param>
/// <param name="Code">Its code in the latest year that scores it.</param>
/// <param name="Name">Its name in that year.</param>
/// <param name="Years">One value per year that scores it, in order.</param>
/// <param name="Warnings">Vietnamese comparability warnings of the crosswalk (renamed, redefined, re-weighted).</param>
public sealed record AreaHistory(string ConceptId, string Code, string Name, IReadOnlyList<AreaYearMean> Years, IReadOnlyList<string> Warnings);

/// <summary>The province over the years: every unit series × every year (index and rank), the yearly figures, and the
/// mean of each area across years. Built from the light snapshot only (results' totals and areas, the memoised
/// rankings), never from criterion rows.</summary>
/// <param name="Province">Province slug.</param>
/// <param name="Level">Level of the units.</param>
/// <param name="Years">Every year with data, in order.</param>
/// <param name="Summaries">One per year, in order.</param>
/// <param name="Series">Every series of the province and level that existed in one of the years: those ranked in the
/// latest year first, by that rank, then those that ended earlier, latest first.</param>
/// <param name="Areas">The areas' means across years, in the order of the latest framework.</param>
/// <param name="Notes">Vietnamese notes on what the history mixes (frameworks left out of the area means).</param>
public sealed record ProvinceHistory(
    string Province,
    string Level,
    IReadOnlyList<int> Years,
    IReadOnlyList<YearSummary> Summaries,
    IReadOnlyList<SeriesHistory> Series,
    IReadOnlyList<AreaHistory> Areas,
    IReadOnlyList<string> Notes)
{
    /// <summary>The level in words ("cấp huyện"), from the data's places; the id without them.</summary>
    public string LevelName { get => levelName ?? Level; init => levelName = value; }

    private readonly string? levelName;

    /// <summary>Every result shown (all years).</summary>
    public IEnumerable<UnitYearResult> Results => Summaries.SelectMany(s => s.Results);

    /// <summary>The history of a province and level, computed once per snapshot.</summary>
    public static ProvinceHistory For(IndexData data, string province, string level, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return data.Memo(("province-history", province, level, options), () => Compute(data, province, level, options));
    }

    private static ProvinceHistory Compute(IndexData data, string province, string level, AnalyticsOptions options)
    {
        var years = data.Years(province, level);
        var rankings = years.ToDictionary(y => y, y => Ranker.For(data, y, province, level, options));
        var summaries = years.Select(y =>
        {
            var results = data.ResultsOf(y, province, level);
            var ranked = rankings[y].Units;
            return new YearSummary(y, ranked.Count, ranked.Count == 0 ? null : ranked.Average(u => u.Index), MainFramework(results), results);
        }).ToList();

        // Every unit that existed in one of the years, as its series (Tĩnh Gia and Nghi Sơn are one row).
        var series = data.Units
            .Where(u => u.Province == province && u.Level == level && years.Any(u.ExistsIn))
            .Select(u => data.SeriesOf(u.Id))
            .DistinctBy(s => s.Current.Id)
            .Select(s => new SeriesHistory(s, years.Select(y => Cell(data, s, y, rankings[y])).ToList()))
            .ToList();
        var latest = years.Count == 0 ? 0 : years[^1];
        var ordered = series
            .OrderBy(s => s.In(latest)?.Ranked is null ? 1 : 0)
            .ThenByDescending(s => s.Years.LastOrDefault(y => y.Ranked is not null)?.Year ?? int.MinValue)
            .ThenBy(s => s.Years.LastOrDefault(y => y.Ranked is not null)?.Ranked?.Rank ?? int.MaxValue)
            .ThenBy(s => s.Series.Current.Id, StringComparer.Ordinal)
            .ToList();

        var notes = new List<string>();
        foreach (var summary in summaries)
        {
            var other = summary.Results.Count(r => r.Framework.Id != summary.Framework.Id);
            if (other > 0)
            {
                notes.Add($"Năm {summary.Year}: {other} đơn vị chấm theo bộ tiêu chí khác với đa số không được tính vào trung bình theo lĩnh vực.");
            }
        }

        return new ProvinceHistory(province, level, years, summaries, ordered, AreaHistories(data, summaries, province, level), notes) { LevelName = data.Places.LevelName(level) };
    }

    private static SeriesYear Cell(IndexData data, UnitSeries series, int year, Ranking ranking)
    {
        var holder = series.UnitIdIn(year);
        if (holder is null)
        {
            var note = series.EndYear is { } end && year > end && series.EndMessage is { } message
                ? message
                : $"Năm {year} chưa có {series.Segments[0].Unit.FullName}.";
            return new SeriesYear(year, null, null, note);
        }

        var result = data.Result(holder, year);
        var unit = series.Segments.First(s => s.Unit.Id == holder).Unit;
        if (result is null)
        {
            return new SeriesYear(year, null, null, $"Không có số liệu của {unit.FullName} năm {year}.");
        }

        var notes = new List<string>();
        if (holder != series.Current.Id)
        {
            notes.Add($"Số liệu của {unit.FullName}.");
        }

        notes.AddRange(series.Breaks.Where(b => b.Year == year).Select(b => b.Message));
        if (result.Index is null)
        {
            notes.Add("Thiếu điểm của một lĩnh vực: không có tổng điểm, không xếp hạng.");
        }

        return new SeriesYear(year, result, ranking.Find(holder), notes.Count == 0 ? null : string.Join(" ", notes));
    }

    /// <summary>Per area concept, the mean % of the units scored against each year's main framework (as the
    /// area-distribution chart), joined across years where the crosswalk says the area still measures the same thing.</summary>
    private static List<AreaHistory> AreaHistories(IndexData data, List<YearSummary> summaries, string province, string level)
    {
        var means = new Dictionary<string, List<AreaYearMean>>(StringComparer.Ordinal);
        var warnings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        YearSummary? previous = null;
        foreach (var summary in summaries)
        {
            var framework = summary.Framework;
            var same = summary.Results.Where(r => r.Framework.Id == framework.Id).ToList();
            foreach (var benchmark in Benchmarks.Areas(same, framework))
            {
                var concept = data.Crosswalk.EntryOf(framework.Id, benchmark.Code)?.ConceptId ?? $"{framework.Id}#{benchmark.Code}";
                var list = means.TryGetValue(concept, out var found) ? found : means[concept] = [];
                var notes = warnings.TryGetValue(concept, out var w) ? w : warnings[concept] = [];
                var comparable = previous is not null && previous.Year == summary.Year - 1 && list.Count > 0 && list[^1].Year == previous.Year;
                if (comparable && previous!.Framework.Id != framework.Id)
                {
                    var comparability = data.Compare(concept, previous.Framework, framework, province, level);
                    comparable = comparability.Comparable;
                    notes.AddRange(comparability.Warnings.Where(x => !notes.Contains(x)));
                }

                list.Add(new AreaYearMean(summary.Year, benchmark.Code, benchmark.Name, framework.Id, benchmark.MaxPoints, benchmark.Units, benchmark.MeanPercent, comparable));
            }

            previous = summary;
        }

        // The latest framework's order (1 … 8), then areas it no longer scores in the order they were first seen.
        var order = summaries.Count == 0 ? [] : summaries[^1].Framework.Criteria.Where(c => c.Level == CriterionLevel.Area).Select(c => c.Code).ToList();
        return means
            .Select((m, i) => (History: new AreaHistory(m.Key, m.Value[^1].Code, m.Value[^1].Name, m.Value, warnings[m.Key]), Seen: i))
            .OrderBy(a => a.History.Years[^1].Year == summaries[^1].Year ? order.IndexOf(a.History.Code) : int.MaxValue)
            .ThenBy(a => a.Seen)
            .Select(a => a.History)
            .ToList();
    }

    /// <summary>The framework most of the year's units were scored against (the newest on a tie).</summary>
    private static Framework MainFramework(IReadOnlyList<UnitYearResult> results) =>
        results.GroupBy(r => r.Framework.Id).OrderByDescending(g => g.Count()).ThenByDescending(g => g.First().Framework.YearFrom).First().First().Framework;
}
