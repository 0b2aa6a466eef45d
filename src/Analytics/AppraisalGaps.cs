using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>Self-assessed against appraised points of one criterion.</summary>
/// <param name="Code">Code.</param>
/// <param name="Name">Name.</param>
/// <param name="Level">Level.</param>
/// <param name="MaxPoints">Điểm chuẩn.</param>
/// <param name="Self">Điểm tự chấm.</param>
/// <param name="Appraised">Điểm thẩm định.</param>
public sealed record CriterionGap(string Code, string Name, CriterionLevel Level, decimal MaxPoints, decimal Self, decimal Appraised)
{
    /// <summary>Self − appraised: positive when the appraisal cut points.</summary>
    public decimal Gap => Self - Appraised;
}

/// <summary>How far a unit-year's self-assessment was from the appraisal.</summary>
/// <param name="UnitId">Unit.</param>
/// <param name="Year">Year.</param>
/// <param name="Leaves">Every scored row (sub-criteria and criteria without sub-rows) with both stages.</param>
/// <param name="Areas">The areas with both stages.</param>
public sealed record AppraisalGap(string UnitId, int Year, IReadOnlyList<CriterionGap> Leaves, IReadOnlyList<CriterionGap> Areas)
{
    public decimal SelfTotal => Areas.Sum(a => a.Self);

    public decimal AppraisedTotal => Areas.Sum(a => a.Appraised);

    /// <summary>Self total − appraised total.</summary>
    public decimal Gap => SelfTotal - AppraisedTotal;

    /// <summary>Share (0–1) of scored rows whose points the appraisal cut.</summary>
    public decimal ShareCut => Leaves.Count == 0 ? 0m : (decimal)Leaves.Count(l => l.Gap > 0) / Leaves.Count;

    /// <summary>Over-claim ratio: Σ positive gaps / Σ self-assessed points of the scored rows.</summary>
    public decimal OverClaimRatio
    {
        get
        {
            var self = Leaves.Sum(l => l.Self);
            return self == 0 ? 0m : Leaves.Where(l => l.Gap > 0).Sum(l => l.Gap) / self;
        }
    }

    /// <summary>The rows the appraisal cut, largest cut first.</summary>
    public IEnumerable<CriterionGap> Cuts => Leaves.Where(l => l.Gap > 0).OrderByDescending(l => l.Gap).ThenBy(l => l.Code, CriterionCode.Comparer);

    /// <summary>Compares the two stages of a unit-year; null unless both exist.</summary>
    public static AppraisalGap? Of(UnitYearResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.StageUsed != Stage.Appraised || result.SelfCriteria is null)
        {
            return null;
        }

        var self = result.SelfCriteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var pairs = result.Criteria
            .Where(a => a.Points is not null && self.TryGetValue(a.Code, out var s) && s.Points is not null)
            .Select(a => (Appraised: a, Gap: new CriterionGap(a.Code, a.Name, a.Level, a.MaxPoints, self[a.Code].Points!.Value, a.Points!.Value)))
            .ToList();
        return new AppraisalGap(
            result.Unit.Id,
            result.Year,
            pairs.Where(p => p.Appraised.IsLeaf).Select(p => p.Gap).ToList(),
            pairs.Where(p => p.Appraised.Level == CriterionLevel.Area).Select(p => p.Gap).ToList());
    }
}

/// <summary>Self-assessed against appraised over a whole year: per unit, and per area over all units.</summary>
/// <param name="Year">Index year.</param>
/// <param name="Units">Every unit-year with both stages, largest gap first.</param>
/// <param name="Areas">Per area code: Σ self, Σ appraised and the over-claim ratio over the units.</param>
public sealed record YearAppraisalGaps(int Year, IReadOnlyList<AppraisalGap> Units, IReadOnlyList<(string Code, string Name, decimal Self, decimal Appraised, decimal OverClaimRatio)> Areas)
{
    /// <summary>Builds the year's gaps from the results of one province and level (each result's rows).</summary>
    public static YearAppraisalGaps Of(int year, IEnumerable<UnitYearResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return FromUnits(year, results.Select(AppraisalGap.Of).OfType<AppraisalGap>());
    }

    /// <summary>The year's gaps of a province and level, computed once per snapshot. A database-backed snapshot reads
    /// the paired rows of every unit-year in one query (<c>Sql/appraisal_gaps.sql</c>) instead of each unit-year's rows
    /// one after the other; the answer is the same as <see cref="Of(int, IEnumerable{UnitYearResult})"/> over
    /// <see cref="IndexData.ResultsOf"/>.</summary>
    public static YearAppraisalGaps Of(IndexData data, int year, string province, string level)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Memo(("appraisal-gaps", year, province, level), () =>
        {
            if (data.Sql is null)
            {
                return Of(year, data.ResultsOf(year, province, level));
            }

            // Every appraised unit-year with a self-assessment has a gap, also one without a row scored in both stages
            // (an empty gap, as AppraisalGap.Of gives); the query only brings the rows.
            var rows = data.Sql.AppraisalGaps(year, province, level, data.HiddenKey).ToLookup(r => r.UnitId, StringComparer.Ordinal);
            var units = data.ResultsOf(year, province, level)
                .Where(r => r.StageUsed == Stage.Appraised && r.Submissions.Self != 0)
                .Select(r => new AppraisalGap(
                    r.Unit.Id,
                    year,
                    rows[r.Unit.Id].Where(g => g.IsLeaf).Select(g => g.Gap).ToList(),
                    rows[r.Unit.Id].Where(g => g.Gap.Level == CriterionLevel.Area).Select(g => g.Gap).ToList()));
            return FromUnits(year, units);
        });
    }

    private static YearAppraisalGaps FromUnits(int year, IEnumerable<AppraisalGap> units)
    {
        var gaps = units.OrderByDescending(g => g.Gap).ThenBy(g => g.UnitId, StringComparer.Ordinal).ToList();
        var areas = gaps.SelectMany(g => g.Areas)
            .GroupBy(a => a.Code)
            .OrderBy(g => g.Key, CriterionCode.Comparer)
            .Select(g =>
            {
                var self = g.Sum(a => a.Self);
                return (g.Key, g.First().Name, self, g.Sum(a => a.Appraised), self == 0 ? 0m : g.Sum(a => Math.Max(0, a.Gap)) / self);
            })
            .ToList();
        return new YearAppraisalGaps(year, gaps, areas);
    }
}
