using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>One criterion of a unit-year: points, maximum and what follows from them.</summary>
/// <param name="Code">Code in the year's framework.</param>
/// <param name="Level">Area, criterion or sub-criterion.</param>
/// <param name="Name">Name as scored.</param>
/// <param name="MaxPoints">Điểm chuẩn.</param>
/// <param name="Points">Points of the stage used; null when missing (never 0).</param>
/// <param name="ConceptId">The crosswalk concept; null when the framework has no crosswalk rows (a draft).</param>
/// <param name="IsLeaf">True for a row without sub-rows (where points are actually given).</param>
/// <param name="Evidence">Tài liệu kiểm chứng of the stage used.</param>
public sealed record CriterionResult(string Code, CriterionLevel Level, string Name, decimal MaxPoints, decimal? Points, string? ConceptId, bool IsLeaf, string? Evidence)
{
    /// <summary>Points as % of the maximum; null when points are missing or the maximum is 0.</summary>
    public decimal? Percent => Points is { } p && MaxPoints > 0 ? p / MaxPoints * 100m : null;

    /// <summary>Points lost: max − points; null when points are missing.</summary>
    public decimal? Lost => Points is { } p ? MaxPoints - p : null;
}

/// <summary>A unit's result for one year: the stage used (appraised where present, else self-assessed), the index and
/// every criterion.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Year">Index year.</param>
/// <param name="StageUsed">Appraised when the unit-year has an appraised stage, else self-assessed.</param>
/// <param name="Synthetic">Generated sample data.</param>
/// <param name="Framework">The framework the submission was checked against.</param>
/// <param name="Points">Total points (sum of the areas); null when any area is missing.</param>
/// <param name="MaxPoints">Applicable maximum: the sum of the areas' maxima (not always 100).</param>
/// <param name="Criteria">Every row in framework order.</param>
/// <param name="SelfCriteria">The self-assessed rows, for the self-vs-appraised comparison; null when there is no self stage.</param>
public sealed record UnitYearResult(
    Unit Unit,
    int Year,
    Stage StageUsed,
    bool Synthetic,
    Framework Framework,
    decimal? Points,
    decimal MaxPoints,
    IReadOnlyList<CriterionResult> Criteria,
    IReadOnlyList<CriterionResult>? SelfCriteria)
{
    /// <summary>Chỉ số = points / applicable max × 100; null when points are missing.</summary>
    public decimal? Index => Points is { } p && MaxPoints > 0 ? p / MaxPoints * 100m : null;

    public IEnumerable<CriterionResult> Areas => Criteria.Where(c => c.Level == CriterionLevel.Area);

    public IEnumerable<CriterionResult> Leaves => Criteria.Where(c => c.IsLeaf);

    public CriterionResult? Find(string code) => Criteria.FirstOrDefault(c => c.Code == code);

    public CriterionResult? FindConcept(string conceptId) => Criteria.FirstOrDefault(c => c.ConceptId == conceptId);
}
