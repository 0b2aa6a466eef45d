namespace CchcAnalytics.Core;

/// <summary>A result the province officially published (by Quyết định). Kept apart from computed results and never
/// overwritten by them: it is what the analytics are checked against.</summary>
/// <param name="UnitId">Unit.</param>
/// <param name="Year">Index year.</param>
/// <param name="Points">Điểm đạt as printed; null when only the index % was published.</param>
/// <param name="MaxPoints">Applicable maximum when printed.</param>
/// <param name="IndexPercent">Chỉ số (%) as printed.</param>
/// <param name="Rank">Published rank.</param>
/// <param name="RankOf">Number of units ranked.</param>
/// <param name="Decision">Decision number, e.g. "600/QĐ-UBND".</param>
/// <param name="DecisionDate">Date of the decision when known.</param>
/// <param name="ReportedOn">Date of the article that reported it.</param>
/// <param name="SourceUrl">Where it was read.</param>
/// <param name="Note">Caveats (typos in the source, what is not printed).</param>
/// <remarks>A decision may also print the points of the index's components (survey, bonus, penalty):
/// <see cref="Components"/>, the optional <c>components</c> column of <c>data/published/*.csv</c>.</remarks>
public sealed record PublishedResult(
    string UnitId,
    int Year,
    decimal? Points,
    decimal? MaxPoints,
    decimal? IndexPercent,
    int? Rank,
    int? RankOf,
    string Decision,
    DateOnly? DecisionDate,
    DateOnly? ReportedOn,
    string SourceUrl,
    string? Note)
{
    private static readonly IReadOnlyList<PublishedComponent> None = [];

    /// <summary>Component points as printed, in the file's order (ids of <c>components.csv</c>); empty when none are printed.</summary>
    public IReadOnlyList<PublishedComponent> Components { get; init; } = [];

    /// <summary><see cref="Components"/> as the CSV column and the database write them: <c>survey=18.5|bonus=2</c>;
    /// null when there are none.</summary>
    public string? ComponentsText => Components.Count == 0
        ? null
        : string.Join('|', Components.Select(c => c.Id + "=" + ScoreSheet.Canonical(c.Points)));

    /// <summary>The same published values, components included (a record compares its list by reference).</summary>
    public bool SameAs(PublishedResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { Components = None } == other with { Components = None } && ComponentsText == other.ComponentsText;
    }
}

/// <summary>A component's points in a published result (<c>survey=18.5</c>).</summary>
/// <param name="Id">Component id of <c>components.csv</c>.</param>
/// <param name="Points">Points as printed.</param>
public sealed record PublishedComponent(string Id, decimal Points);
