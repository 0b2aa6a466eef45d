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
    string? Note);
