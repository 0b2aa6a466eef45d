using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>One component of a unit-year's index (<see cref="Framework.Components"/>): the criteria tree, the survey, bonus
/// or penalty points, with the points of the stage used.</summary>
/// <param name="Id">Component id (<c>criteria</c>, <c>survey</c>, <c>bonus</c>, <c>penalty</c>).</param>
/// <param name="Name">The framework's Vietnamese name of the component.</param>
/// <param name="Role">How it enters the index.</param>
/// <param name="MaxPoints">Its applicable maximum: the tree's for the criteria, the scored row's for another component,
/// the framework's maximum when it was not scored.</param>
/// <param name="Points">Its points; null when not scored (then it is left out of the index, never 0), and for the
/// criteria when an area is missing.</param>
public sealed record ComponentResult(string Id, string Name, ComponentRole Role, decimal MaxPoints, decimal? Points)
{
    public bool IsCriteria => Id == FrameworkComponent.CriteriaId;
}
