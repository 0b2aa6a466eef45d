using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>How the units of one year and framework did on one criterion.</summary>
/// <param name="Code">Code in the framework.</param>
/// <param name="Name">Name.</param>
/// <param name="Level">Area, criterion or sub-criterion.</param>
/// <param name="MaxPoints">Điểm chuẩn.</param>
/// <param name="Units">Units with points for it.</param>
/// <param name="Mean">Mean points.</param>
/// <param name="Median">Median points.</param>
/// <param name="Best">Highest points.</param>
/// <param name="BestUnits">Units that have the highest points, in id order.</param>
/// <param name="AtMax">Units with full points.</param>
public sealed record CriterionBenchmark(string Code, string Name, CriterionLevel Level, decimal MaxPoints, int Units, decimal Mean, decimal Median, decimal Best, IReadOnlyList<string> BestUnits, int AtMax)
{
    public decimal MeanPercent => Percent(Mean);

    public decimal MedianPercent => Percent(Median);

    public decimal BestPercent => Percent(Best);

    private decimal Percent(decimal points) => MaxPoints > 0 ? points / MaxPoints * 100m : 0m;
}

/// <summary>A unit's criterion against the province and its peers. Gaps are the unit's points minus the benchmark.</summary>
/// <param name="Criterion">The unit's row.</param>
/// <param name="Province">The benchmark over every unit of the year and framework.</param>
/// <param name="PeerMeanPercent">Mean % of the other members of the unit's peer group; null without peers.</param>
public sealed record UnitBenchmark(CriterionResult Criterion, CriterionBenchmark Province, decimal? PeerMeanPercent)
{
    public decimal? GapToMean => Criterion.Points - Province.Mean;

    public decimal? GapToMedian => Criterion.Points - Province.Median;

    public decimal? GapToBest => Criterion.Points - Province.Best;

    /// <summary>Gap to the peer mean in percentage points of the criterion's maximum.</summary>
    public decimal? GapToPeerPercent => Criterion.Percent - PeerMeanPercent;
}

/// <summary>Province mean, median and best per criterion.</summary>
public static class Benchmarks
{
    /// <summary>Benchmarks of every criterion of <paramref name="framework"/> over the results of one year, province and
    /// level scored against it, computed once per snapshot: one GROUP BY in the database (<c>Sql/benchmarks.sql</c>), or
    /// <see cref="Of(IEnumerable{UnitYearResult}, Framework)"/> on the in-memory reference path.</summary>
    public static IReadOnlyList<CriterionBenchmark> For(IndexData data, int year, string province, string level, Framework framework)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(framework);
        return data.Memo(("benchmarks", year, province, level, framework.Id), () => data.Sql is null
            ? Of(data.ResultsOf(year, province, level), framework)
            : FromRows(Rows(data, year, province, level, framework.Id), framework));
    }

    /// <summary>The benchmark rows of one year and framework, by code (for the next-rank paths' counts too).</summary>
    internal static IReadOnlyDictionary<string, Sql.BenchmarkRow> Rows(IndexData data, int year, string province, string level, string frameworkId) =>
        data.Memo(("benchmark-rows", year, province, level, frameworkId), () => data.Sql!.Benchmarks(year, province, level, frameworkId, data.HiddenKey));

    private static List<CriterionBenchmark> FromRows(IReadOnlyDictionary<string, Sql.BenchmarkRow> rows, Framework framework) =>
        framework.Criteria
            .Select(c => rows.GetValueOrDefault(c.Code) is { } row
                ? new CriterionBenchmark(c.Code, c.Name, c.Level, c.MaxPoints, row.Units, row.Mean, row.Median, row.Best, row.BestUnits, row.AtMax)
                : null)
            .OfType<CriterionBenchmark>()
            .ToList();

    /// <summary>Benchmarks of every criterion of <paramref name="framework"/> over the results scored against it.</summary>
    public static IReadOnlyList<CriterionBenchmark> Of(IEnumerable<UnitYearResult> results, Framework framework) => Compute(results, framework, areasOnly: false);

    /// <summary>The benchmarks of the areas only: the same numbers as <see cref="Of(IEnumerable{UnitYearResult}, Framework)"/>
    /// for the areas, from the rows every result holds (no criterion rows are read).</summary>
    public static IReadOnlyList<CriterionBenchmark> Areas(IEnumerable<UnitYearResult> results, Framework framework) => Compute(results, framework, areasOnly: true);

    private static List<CriterionBenchmark> Compute(IEnumerable<UnitYearResult> results, Framework framework, bool areasOnly)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(framework);
        var same = results.Where(r => r.Framework.Id == framework.Id).ToList();
        var benchmarks = new List<CriterionBenchmark>();
        // The reference path: every unit's rows in memory (Sql/benchmarks.sql computes the same in the database).
        foreach (var criterion in framework.Criteria.Where(c => !areasOnly || c.Level == CriterionLevel.Area))
        {
            var values = same.Select(r => (r.Unit.Id, Points: r.Find(criterion.Code)?.Points)).Where(v => v.Points is not null)
                .Select(v => (v.Id, Points: v.Points!.Value)).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            var best = values.Max(v => v.Points);
            benchmarks.Add(new CriterionBenchmark(
                criterion.Code,
                criterion.Name,
                criterion.Level,
                criterion.MaxPoints,
                values.Count,
                values.Average(v => v.Points),
                Median(values.Select(v => v.Points)),
                best,
                values.Where(v => v.Points == best).Select(v => v.Id).Order(StringComparer.Ordinal).ToList(),
                values.Count(v => v.Points == criterion.MaxPoints)));
        }

        return benchmarks;
    }

    /// <summary>A unit's rows against the benchmarks; <paramref name="peerMeanPercent"/> gives its peers' mean % per code.</summary>
    public static IReadOnlyList<UnitBenchmark> ForUnit(UnitYearResult result, IReadOnlyList<CriterionBenchmark> benchmarks, Func<string, decimal?>? peerMeanPercent = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(benchmarks);
        return result.Criteria
            .Select(c => (Criterion: c, Benchmark: benchmarks.FirstOrDefault(b => b.Code == c.Code)))
            .Where(p => p.Benchmark is not null)
            .Select(p => new UnitBenchmark(p.Criterion, p.Benchmark!, peerMeanPercent?.Invoke(p.Criterion.Code)))
            .ToList();
    }

    /// <summary>Median: the middle value, or the mean of the two middle values.</summary>
    public static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
