using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>A criterion whose lost points would help, and how many other units already get it in full.</summary>
/// <param name="Code">Code.</param>
/// <param name="Name">Name.</param>
/// <param name="Lost">Points lost (max − points).</param>
/// <param name="OthersAtMax">Other units of the year with full points on it.</param>
/// <param name="Others">Other units compared.</param>
public sealed record GainStep(string Code, string Name, decimal Lost, int OthersAtMax, int Others);

/// <summary>What it takes to reach a target: the next rank or the next band.</summary>
/// <param name="Target">Vietnamese description ("hạng 2", "nhóm ≥ 90").</param>
/// <param name="PointsNeeded">Points to gain (index gap × applicable max / 100).</param>
/// <param name="Steps">The smallest set of criteria whose lost points cover the need (largest losses first), listed by
/// how many other units already achieve them.</param>
/// <param name="Reachable">False when all lost points together are not enough.</param>
public sealed record PathToTarget(string Target, decimal PointsNeeded, IReadOnlyList<GainStep> Steps, bool Reachable);

/// <summary>Points to the next rank and to the next band.</summary>
public static class NextRank
{
    /// <summary>The path one rank up (to tie the unit with the next higher index); null for the top unit.</summary>
    public static PathToTarget? ToNextRank(Ranking ranking, string unitId)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var unit = ranking.Find(unitId) ?? throw new ArgumentException($"{unitId} is not ranked in {ranking.Year}.", nameof(unitId));
        var above = ranking.Units.Where(u => u.Index > unit.Index).OrderBy(u => u.Index).FirstOrDefault();
        return above is null ? null : Path($"hạng {above.Rank}", above.Index, unit, ranking);
    }

    /// <summary>The path into the next higher band; null when the unit is in the top band.</summary>
    public static PathToTarget? ToNextBand(Ranking ranking, string unitId, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(options);
        var unit = ranking.Find(unitId) ?? throw new ArgumentException($"{unitId} is not ranked in {ranking.Year}.", nameof(unitId));
        var next = options.Bands.Where(b => b.From > unit.Index).OrderBy(b => b.From).FirstOrDefault();
        return next is null ? null : Path($"nhóm {next.Label}", next.From, unit, ranking);
    }

    private static PathToTarget Path(string target, decimal targetIndex, RankedUnit unit, Ranking ranking)
    {
        var result = unit.Result;
        var needed = (targetIndex - unit.Index) * result.MaxPoints / 100m;
        var others = ranking.Units.Where(u => u.Result.Unit.Id != result.Unit.Id && u.Result.Framework.Id == result.Framework.Id).Select(u => u.Result).ToList();
        // From the database: the ranked units at full points per code, counted in the year's benchmark query (the unit
        // itself is never among them: only rows it lost points on are candidates).
        var atMax = ranking.Source?.Sql is null ? null : Benchmarks.Rows(ranking.Source, ranking.Year, ranking.Province, ranking.Level, result.Framework.Id);
        var candidates = result.Leaves.Where(l => l.Lost > 0)
            .Select(l => new GainStep(l.Code, l.Name, l.Lost!.Value,
                atMax is null ? others.Count(o => o.Find(l.Code) is { } r && r.Points == r.MaxPoints) : atMax.GetValueOrDefault(l.Code)?.RankedAtMax ?? 0,
                others.Count))
            .OrderByDescending(s => s.Lost).ThenByDescending(s => s.OthersAtMax).ThenBy(s => s.Code, CriterionCode.Comparer)
            .ToList();
        var chosen = new List<GainStep>();
        var gained = 0m;
        foreach (var step in candidates)
        {
            if (gained >= needed)
            {
                break;
            }

            chosen.Add(step);
            gained += step.Lost;
        }

        return new PathToTarget(target, needed, chosen.OrderByDescending(s => s.OthersAtMax).ThenByDescending(s => s.Lost).ThenBy(s => s.Code, CriterionCode.Comparer).ToList(), gained >= needed);
    }
}
