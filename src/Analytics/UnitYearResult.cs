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

/// <summary>Every row of a unit-year: the stage used and, when there is one, the self-assessed stage.</summary>
/// <param name="Criteria">Rows of the stage used, in framework order.</param>
/// <param name="SelfCriteria">Self-assessed rows; null without a self stage.</param>
public sealed record UnitYearDetail(IReadOnlyList<CriterionResult> Criteria, IReadOnlyList<CriterionResult>? SelfCriteria);

/// <summary>A unit's result for one year: the stage used (appraised where present, else self-assessed), the index and
/// every criterion.</summary>
/// <remarks>Read from the database, a result carries its totals and its areas only; its criterion rows
/// (<see cref="Criteria"/>, <see cref="SelfCriteria"/>) are read on first use through the snapshot's bounded cache, so a
/// snapshot of a national history stays small. Built from in-memory sheets (the reference path), it holds every row.</remarks>
/// <param name="Unit">The unit.</param>
/// <param name="Year">Index year.</param>
/// <param name="StageUsed">Appraised when the unit-year has an appraised stage, else self-assessed.</param>
/// <param name="Synthetic">Generated sample data.</param>
/// <param name="Framework">The framework the submission was checked against.</param>
/// <param name="Points">The index's points: the criteria tree's total (sum of the areas) plus the survey and bonus points
/// minus the penalty points, where the framework has such components (<see cref="IndexFormula"/>); null when any area is
/// missing.</param>
/// <param name="MaxPoints">Applicable maximum: the sum of the areas' maxima (not always 100) plus the maximum of every
/// scored survey-like (<c>add</c>) component.</param>
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
    private readonly IReadOnlyList<CriterionResult>? criteria = Criteria;
    private readonly IReadOnlyList<CriterionResult>? selfCriteria = SelfCriteria;
    private readonly IReadOnlyList<CriterionResult>? areas;
    private readonly Func<UnitYearResult, UnitYearDetail>? detail;
    private readonly bool selfGiven;

    /// <summary>A result whose rows are read on demand: <paramref name="areas"/> are known now, the rest comes from
    /// <paramref name="detail"/> (which caches).</summary>
    private UnitYearResult(
        Func<UnitYearResult, UnitYearDetail> detail, Unit unit, int year, Stage stageUsed, bool synthetic, Framework framework, decimal? points, decimal maxPoints,
        IReadOnlyList<CriterionResult> areas)
        : this(unit, year, stageUsed, synthetic, framework, points, maxPoints, null!, null)
    {
        this.areas = areas;
        this.detail = detail;
    }

    /// <summary>A result read from the database: totals and areas now, the other rows through <paramref name="detail"/>.</summary>
    internal static UnitYearResult OnDemand(
        Unit unit, int year, Stage stageUsed, bool synthetic, Framework framework, decimal? points, decimal maxPoints,
        IReadOnlyList<CriterionResult> areas, IReadOnlyList<ComponentResult> components, (long Used, long Self) submissions, Func<UnitYearResult, UnitYearDetail> detail) =>
        new(detail, unit, year, stageUsed, synthetic, framework, points, maxPoints, areas) { Submissions = submissions, Components = components };

    /// <summary>Every component of the framework with this unit-year's points (the criteria tree first, then survey, bonus,
    /// penalty as <c>components.csv</c> lists them); <see cref="Points"/> and <see cref="MaxPoints"/> are their total.
    /// Empty for a result made by hand without them.</summary>
    public IReadOnlyList<ComponentResult> Components { get; init; } = [];

    /// <summary>The component of an id (<c>survey</c>); null when the framework has none.</summary>
    public ComponentResult? Component(string id) => Components.FirstOrDefault(c => c.Id == id);

    public IReadOnlyList<CriterionResult> Criteria
    {
        get => criteria ?? detail!(this).Criteria;
        init
        {
            // Rows given outright (a copy made with `with`) replace the areas read with the snapshot as well.
            criteria = value;
            areas = null;
        }
    }

    public IReadOnlyList<CriterionResult>? SelfCriteria
    {
        get => detail is null || selfGiven ? selfCriteria : detail(this).SelfCriteria;
        init
        {
            selfCriteria = value;
            selfGiven = detail is not null;
        }
    }

    /// <summary>Submission ids of the stage used and of the self stage (0 when absent), for reading rows on demand.</summary>
    internal (long Used, long Self) Submissions { get; init; }

    /// <summary>Chỉ số = points / applicable max × 100, kept between 0 and 100 (<see cref="IndexFormula.Index"/>); null when
    /// points are missing.</summary>
    public decimal? Index => IndexFormula.Index(Points, MaxPoints);

    public IEnumerable<CriterionResult> Areas => areas ?? Criteria.Where(c => c.Level == CriterionLevel.Area);

    public IEnumerable<CriterionResult> Leaves => Criteria.Where(c => c.IsLeaf);

    /// <summary>The row of a code; an area is answered without reading the other rows.</summary>
    public CriterionResult? Find(string code)
    {
        if (areas is not null)
        {
            foreach (var area in areas)
            {
                if (area.Code == code)
                {
                    return area;
                }
            }
        }

        return Criteria.FirstOrDefault(c => c.Code == code);
    }

    public CriterionResult? FindConcept(string conceptId) => Criteria.FirstOrDefault(c => c.ConceptId == conceptId);
}
