using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics.Sql;

/// <summary>A row of <c>unit_years.sql</c>: one current unit-year of the light snapshot; <see cref="Points"/> and
/// <see cref="MaxPoints"/> are the index's (the criteria tree's with the other components, see <see cref="IndexFormula"/>).</summary>
internal sealed record UnitYearRow(string UnitId, int Year, Stage Stage, string FrameworkId, decimal? Points, decimal MaxPoints, bool Synthetic, long Submission, long SelfSubmission,
    decimal? CriteriaPoints, decimal CriteriaMaxPoints);

/// <summary>A score row of <c>area_rows.sql</c>, <c>unit_year_scores.sql</c>, <c>concept_rows.sql</c> and <c>cells.sql</c>.</summary>
internal sealed record ScoreRow(string UnitId, int Year, long Submission, Score Score, bool HasChildren);

/// <summary>A row of <c>benchmarks.sql</c>: one criterion of a year and framework over the units that have points for it.</summary>
internal sealed record BenchmarkRow(string Code, int Units, decimal Total, decimal MiddleSum, int MiddleCount, decimal Best, IReadOnlyList<string> BestUnits, int AtMax, int RankedAtMax)
{
    /// <summary>Σ / n in decimal, exactly as <see cref="Enumerable.Average(IEnumerable{decimal})"/>.</summary>
    public decimal Mean => Total / Units;

    /// <summary>The middle value, or the mean of the two middle values (<see cref="Benchmarks.Median"/>).</summary>
    public decimal Median => MiddleCount == 1 ? MiddleSum : MiddleSum / 2m;
}

/// <summary>A row of <c>chronic_weaknesses.sql</c>: a unit's row weak this year and in at least k years of the window.</summary>
internal sealed record ChronicRow(string UnitId, string Code, string Name, string? ConceptId, string FrameworkId, int WeakYears);

/// <summary>A row of <c>appraisal_gaps.sql</c>: one scored row of a unit-year's two stages; a leaf (no sub-rows in the
/// appraised submission) or an area.</summary>
internal sealed record GapRow(string UnitId, CriterionGap Gap, bool IsLeaf);
