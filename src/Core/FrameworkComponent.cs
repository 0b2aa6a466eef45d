namespace CchcAnalytics.Core;

/// <summary>One part a framework's index is made of (a row of <c>data/frameworks/components.csv</c>): the criteria tree,
/// the sociological survey (điều tra xã hội học / SIPAS), bonus points (điểm thưởng) or penalty points (điểm trừ).</summary>
/// <param name="FrameworkId">The framework.</param>
/// <param name="Id">Component id: <c>criteria</c> (the tree), <c>survey</c>, <c>bonus</c>, <c>penalty</c>; the
/// canonical CSV's <c>code</c> of a <c>level=component</c> row.</param>
/// <param name="Name">Vietnamese name ("Điểm điều tra xã hội học (SIPAS)").</param>
/// <param name="MaxPoints">Maximum points; for <c>criteria</c> the tree's total.</param>
/// <param name="Role">How it enters the index.</param>
/// <param name="Note">Where the component comes from; null when none.</param>
public sealed record FrameworkComponent(string FrameworkId, string Id, string Name, decimal MaxPoints, ComponentRole Role, string? Note = null)
{
    /// <summary>The id of the component that is the criteria tree itself (its points are the tree's, never a CSV row).</summary>
    public const string CriteriaId = "criteria";

    /// <summary>The name of the criteria component when a framework has no components of its own (a draft).</summary>
    public const string CriteriaName = "Điểm theo bộ tiêu chí (tự chấm / thẩm định)";

    public bool IsCriteria => Id == CriteriaId;
}
