namespace CchcAnalytics.Cli.Json;

// The shapes of `cchc report --format json` and `cchc rank --format json`, documented in the README. Property names
// are written in snake_case by CliJsonContext, in declaration order; a null is written as null, never left out.

internal sealed record UnitReportJson(
    string UnitId,
    string UnitName,
    int Year,
    string StageUsed,
    bool Synthetic,
    FrameworkJson Framework,
    decimal? Points,
    decimal? MaxPoints,
    decimal? Index,
    int? Rank,
    int? RankOf,
    bool? Tied,
    int? Quartile,
    string? Band,
    int? RankChange,
    IReadOnlyList<AreaJson> Areas,
    IReadOnlyList<WeakestJson> Weakest,
    IReadOnlyList<PersistentWeaknessJson> PersistentWeaknesses,
    AppraisalJson? Appraisal,
    PeerGroupJson? PeerGroup,
    AnomalyJson? Anomaly,
    PathJson? NextRank,
    PathJson? NextBand,
    IReadOnlyList<FindingJson> Findings,
    IReadOnlyList<string> Notes);

internal sealed record FrameworkJson(string Id, string Status);

internal sealed record AreaJson(
    string Code,
    string Name,
    decimal? MaxPoints,
    decimal? Points,
    decimal? Percent,
    decimal? ProvinceMedianPercent,
    decimal? ProvinceBestPercent,
    IReadOnlyList<string> BestUnits,
    decimal? PeerMeanPercent);

internal sealed record WeakestJson(string Code, string Name, decimal? MaxPoints, decimal? Points, decimal? Lost);

internal sealed record PersistentWeaknessJson(
    string Code,
    string ConceptId,
    string Name,
    string Kind,
    int WeakYears,
    IReadOnlyList<WeaknessYearJson> History);

internal sealed record WeaknessYearJson(int Year, string Code, decimal? Percent, bool Weak);

internal sealed record AppraisalJson(
    decimal? SelfTotal,
    decimal? AppraisedTotal,
    decimal? Gap,
    decimal? ShareCut,
    decimal? OverClaimRatio,
    IReadOnlyList<AppraisalCutJson> Cuts);

internal sealed record AppraisalCutJson(string Code, string Name, decimal? Self, decimal? Appraised, decimal? Gap);

internal sealed record PeerGroupJson(
    int Number,
    string Label,
    string Description,
    decimal? MeanIndex,
    IReadOnlyList<string> Members,
    int K,
    int Seed,
    IReadOnlyList<string> Features,
    string Explanation,
    string ComparisonWithIndexTerciles,
    bool KMeansAddsValue);

internal sealed record AnomalyJson(decimal? Score, decimal? Threshold, string Text, IReadOnlyList<AnomalyAreaJson> Areas);

internal sealed record AnomalyAreaJson(string Code, string Name, decimal? Percent, decimal? ProvinceMeanPercent, decimal? Z);

internal sealed record PathJson(string Target, decimal? PointsNeeded, bool Reachable, IReadOnlyList<PathStepJson> Steps);

internal sealed record PathStepJson(string Code, string Name, decimal? Lost, int OthersAtMax, int Others);

internal sealed record FindingJson(string Kind, string Text, IReadOnlyDictionary<string, decimal> Numbers);

internal sealed record RankingJson(
    int Year,
    string Province,
    string Level,
    IReadOnlyList<RankedUnitJson> Units,
    IReadOnlyList<string> Unranked,
    IReadOnlyList<string> Notes);

internal sealed record RankedUnitJson(
    int Rank,
    int RankOf,
    bool Tied,
    string UnitId,
    string UnitName,
    decimal? Points,
    decimal? MaxPoints,
    decimal? Index,
    string StageUsed,
    bool Synthetic,
    string Band,
    int Quartile,
    int? PreviousRank,
    int? RankChange,
    IReadOnlyList<ComponentJson> Components);

/// <summary>A component of a ranked unit's index (issue 13 §3): the criteria tree first, then survey, bonus, penalty
/// where the framework has them; <c>points</c> null when not scored (left out of the index, never 0).</summary>
internal sealed record ComponentJson(string Id, string Name, string Role, decimal? Points, decimal? MaxPoints);
