namespace CchcAnalytics.Analytics.Peers;

/// <summary>The k-means groups set against a simple rule: the same number of groups cut from the index ranking
/// (terciles when k = 3). Variances are pooled within groups: the mean over units (and areas) of the squared gap to the
/// group's mean.</summary>
/// <param name="RuleGroups">Unit id → rule group (1 = highest index).</param>
/// <param name="AdjustedRandIndex">Agreement of the two groupings (1 = same, ≈ 0 = chance).</param>
/// <param name="TotalVariance">Variance of area % around the province's area means, averaged over areas (squared
/// percentage points).</param>
/// <param name="KMeansWithinVariance">The same around each k-means group's means.</param>
/// <param name="RuleWithinVariance">The same around each rule group's means.</param>
/// <param name="KMeansWithinStandardized">Within-group variance of the standardized features (what k-means
/// minimises; the whole province is 1 per area that varies).</param>
/// <param name="RuleWithinStandardized">The same for the rule groups.</param>
/// <param name="KMeansIndexVariance">Variance of the index within the k-means groups (points²).</param>
/// <param name="RuleIndexVariance">Variance of the index within the rule groups (points²).</param>
/// <param name="SeedStability">Mean adjusted Rand index between the k-means groups and k-means re-run with other
/// seeds; 1 = the seed does not matter.</param>
/// <param name="AddsValue">Whether k-means earns its place over the rule on this data: tighter area profiles by at least
/// <see cref="PeerGrouping.MinVarianceReduction"/>, a different grouping (ARI below
/// <see cref="PeerGrouping.SameGroupingAdjustedRand"/>) and stable (at least <see cref="PeerGrouping.MinSeedStability"/>).</param>
/// <param name="Vietnamese">Vietnamese verdict with the numbers.</param>
/// <param name="English">English verdict with the numbers.</param>
public sealed record RuleComparison(
    IReadOnlyDictionary<string, int> RuleGroups,
    decimal AdjustedRandIndex,
    decimal TotalVariance,
    decimal KMeansWithinVariance,
    decimal RuleWithinVariance,
    decimal KMeansWithinStandardized,
    decimal RuleWithinStandardized,
    decimal KMeansIndexVariance,
    decimal RuleIndexVariance,
    decimal SeedStability,
    bool AddsValue,
    string Vietnamese,
    string English);
