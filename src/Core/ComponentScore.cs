namespace CchcAnalytics.Core;

/// <summary>A score of a framework component other than the criteria tree (survey, bonus, penalty) in one submission:
/// a <c>level=component</c> row of the canonical CSV.</summary>
/// <param name="Id">Component id of <c>components.csv</c> (<c>survey</c>, <c>bonus</c>, <c>penalty</c>).</param>
/// <param name="Name">Name as the file writes it.</param>
/// <param name="MaxPoints">Applicable maximum (for the survey normally its maximum in <c>components.csv</c>).</param>
/// <param name="Points">Points; null when the cell is empty (then the component is left out of the index, never 0).</param>
public sealed record ComponentScore(string Id, string Name, decimal MaxPoints, decimal? Points)
{
    /// <summary>The canonical CSV's <c>level</c> of a component row (a criterion row has area, criterion or sub_criterion).</summary>
    public const string Level = "component";
}
