namespace CchcAnalytics.Analytics.Peers;

/// <summary>Peer groups (nhóm tương đồng) of one year's units, anomaly flags, how both were made, and how the groups
/// compare with a simple index-tercile rule. Built by <see cref="PeerGrouping.Analyse"/>.</summary>
public sealed class PeerAnalysis
{
    private readonly Dictionary<string, (PeerGroup Group, PeerMember Member)> byUnit;
    private readonly Lazy<RuleComparison> comparison;

    internal PeerAnalysis(
        int year,
        string frameworkId,
        IReadOnlyList<PeerFeature> features,
        IReadOnlyList<PeerGroup> groups,
        IReadOnlyList<ExcludedUnit> excluded,
        AnomalyReport anomalies,
        PeerExplanation explanation,
        Lazy<RuleComparison> comparison)
    {
        Year = year;
        FrameworkId = frameworkId;
        Features = features;
        Groups = groups;
        Excluded = excluded;
        Anomalies = anomalies;
        Explanation = explanation;
        this.comparison = comparison;
        byUnit = groups.SelectMany(g => g.Members.Select(m => (g, m))).ToDictionary(x => x.m.Unit.Id, x => (x.g, x.m), StringComparer.Ordinal);
    }

    /// <summary>Index year.</summary>
    public int Year { get; }

    /// <summary>The framework every result was scored against.</summary>
    public string FrameworkId { get; }

    /// <summary>The areas used as features, in area-code order.</summary>
    public IReadOnlyList<PeerFeature> Features { get; }

    /// <summary>Groups 1..k, strongest (highest mean index) first.</summary>
    public IReadOnlyList<PeerGroup> Groups { get; }

    /// <summary>Units left out for missing areas, by unit id.</summary>
    public IReadOnlyList<ExcludedUnit> Excluded { get; }

    /// <summary>Scores, threshold and flags of unusual area profiles.</summary>
    public AnomalyReport Anomalies { get; }

    /// <summary>Features, k, seed and sentences saying how the groups were formed.</summary>
    public PeerExplanation Explanation { get; }

    /// <summary>Agreement and tightness of k-means against index terciles, with the groups' seed stability. Computed on
    /// first use: the stability re-runs k-means <see cref="PeerGrouping.StabilityRuns"/> times, and a page that shows
    /// only the groups (the unit page) does not ask for it.</summary>
    public RuleComparison Comparison => comparison.Value;

    /// <summary>The unit's group; null when the unit was excluded or is not in this year's results.</summary>
    public PeerGroup? GroupOf(string unitId) => byUnit.TryGetValue(unitId, out var found) ? found.Group : null;

    /// <summary>The unit's profile as grouped; null when the unit was excluded or is not in this year's results.</summary>
    public PeerMember? MemberOf(string unitId) => byUnit.TryGetValue(unitId, out var found) ? found.Member : null;

    /// <summary>Mean % of a row (an area, or any criterion or sub-criterion of the framework) over the <em>other</em>
    /// members of the unit's group: the peer benchmark. Members without points for the row are left out of the mean, as
    /// in <see cref="Benchmarks.Of"/>. Null when the unit is not grouped, is alone in its group, or no other member has
    /// points for the row.</summary>
    public decimal? PeerMean(string unitId, string code)
    {
        if (!byUnit.TryGetValue(unitId, out var found))
        {
            return null;
        }

        var others = found.Group.Members
            .Where(m => m.Unit.Id != unitId)
            .Select(m => m.PercentOf(code) ?? m.Result.Find(code)?.Percent)
            .OfType<decimal>()
            .ToList();
        return others.Count == 0 ? null : others.Average();
    }
}
