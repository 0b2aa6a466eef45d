namespace CchcAnalytics.Core;

/// <summary>A criteria tree (lĩnh vực → tiêu chí → tiêu chí thành phần) in force for a level of units
/// in a province over a range of years.</summary>
/// <param name="Id">Slug, e.g. <c>thanh-hoa-district-2017</c>.</param>
/// <param name="Province">Province slug.</param>
/// <param name="Level">A level id of data/levels.csv (see <see cref="UnitKindText.ToLevel"/>).</param>
/// <param name="YearFrom">First index year it applies to.</param>
/// <param name="YearTo">Last index year; null while in force.</param>
/// <param name="Decision">The decision that issued it, e.g. "3965/2017/QĐ-UBND"; null when unknown.</param>
/// <param name="Status">Official, derived from a real report, draft or illustrative.</param>
/// <param name="Source">Where the rows were read from.</param>
/// <param name="Criteria">All rows in document order.</param>
/// <remarks>The index is made of <see cref="Components"/> (<c>data/frameworks/components.csv</c>): the criteria tree and,
/// for some frameworks, a survey, bonus and penalty points.</remarks>
public sealed record Framework(
    string Id,
    string Province,
    string Level,
    int YearFrom,
    int? YearTo,
    string? Decision,
    FrameworkStatus Status,
    string Source,
    IReadOnlyList<FrameworkCriterion> Criteria)
{
    private readonly IReadOnlyList<FrameworkComponent>? components;

    /// <summary>Sum of the areas' maximum points (100 for the 2017 district framework).</summary>
    public decimal TotalMax => Criteria.Where(c => c.Level == CriterionLevel.Area).Sum(c => c.MaxPoints);

    /// <summary>
    /// What a reader sees for this framework, never its id: "bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND)",
    /// "khung minh họa 2023–2024", "khung tạm 2025 (chờ xác nhận)".
    /// </summary>
    public string DisplayName
    {
        get
        {
            var years = YearTo is not { } to ? $"từ {YearFrom}" : to == YearFrom ? $"{YearFrom}" : $"{YearFrom}–{to}";
            return Status switch
            {
                FrameworkStatus.Illustrative => $"khung minh họa {years}",
                FrameworkStatus.Draft => $"khung tạm {years} (chờ xác nhận)",
                _ => $"bộ tiêu chí {years}{(string.IsNullOrWhiteSpace(Decision) ? "" : $" ({Decision})")}",
            };
        }
    }

    /// <summary>The components the index is made of, in <c>components.csv</c> order, the criteria tree first. A framework
    /// without rows of its own (a draft made from a report, a database written before schema version 6) is the criteria
    /// tree alone, at <see cref="TotalMax"/>.</summary>
    public IReadOnlyList<FrameworkComponent> Components
    {
        get => components is { Count: > 0 } given
            ? given
            : [new FrameworkComponent(Id, FrameworkComponent.CriteriaId, FrameworkComponent.CriteriaName, TotalMax, ComponentRole.Add)];
        init => components = value;
    }

    /// <summary>Whether the index has components besides the criteria tree (a survey, bonus or penalty points).</summary>
    public bool HasComponents => Components.Any(c => !c.IsCriteria);

    /// <summary>The component of an id; null when the framework has none of that id.</summary>
    public FrameworkComponent? Component(string id) => Components.FirstOrDefault(c => c.Id == id);

    public bool AppliesTo(int year) => YearFrom <= year && (YearTo is null || year <= YearTo);

    public FrameworkCriterion? Find(string code) => Criteria.FirstOrDefault(c => c.Code == code);
}
