using CchcAnalytics.Analytics.Peers;
using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>An area of a unit-year with the province's median and best.</summary>
/// <param name="Code">Area code.</param>
/// <param name="Name">Area name.</param>
/// <param name="MaxPoints">Điểm chuẩn.</param>
/// <param name="Points">Points; null when missing.</param>
/// <param name="Percent">% of the maximum.</param>
/// <param name="MedianPercent">Province median %.</param>
/// <param name="MeanPercent">Province mean %.</param>
/// <param name="BestPercent">Province best %.</param>
/// <param name="BestUnits">Units with the best points.</param>
/// <param name="PeerMeanPercent">Mean % of the other members of the unit's peer group; null without peers.</param>
public sealed record AreaLine(string Code, string Name, decimal MaxPoints, decimal? Points, decimal? Percent, decimal MedianPercent, decimal MeanPercent, decimal BestPercent, IReadOnlyList<string> BestUnits, decimal? PeerMeanPercent);

/// <summary>An area's % this year against last year (through the crosswalk concept).</summary>
/// <param name="Code">Area code this year.</param>
/// <param name="Name">Area name.</param>
/// <param name="Before">Last year's %; null when not comparable or missing.</param>
/// <param name="After">This year's %.</param>
/// <param name="StageChanged">Last year's total came from the other stage (self-assessed vs appraised): <see cref="Before"/>
/// is then null, as the two are not compared.</param>
public sealed record AreaChange(string Code, string Name, decimal? Before, decimal? After, bool StageChanged = false)
{
    public decimal? Delta => After - Before;
}

/// <summary>Everything about one unit and year: index, rank, areas against the province, weakest criteria,
/// persistent weaknesses, appraisal gaps, paths to the next rank and band, trend and findings.</summary>
public sealed record UnitReport
{
    public required UnitYearResult Result { get; init; }

    public required Ranking Ranking { get; init; }

    public RankedUnit? Rank { get; init; }

    public required IReadOnlyList<AreaLine> Areas { get; init; }

    public required IReadOnlyList<AreaChange> AreaChanges { get; init; }

    /// <summary>Scored rows that lost points, most lost first (then in code order).</summary>
    public required IReadOnlyList<CriterionResult> Weakest { get; init; }

    public required IReadOnlyList<Weakness> Weaknesses { get; init; }

    public AppraisalGap? AppraisalGap { get; init; }

    public PathToTarget? NextRankPath { get; init; }

    public PathToTarget? NextBandPath { get; init; }

    public required UnitTrend Trend { get; init; }

    /// <summary>The year's peer analysis (k-means groups, anomaly flags, comparison with a simple rule); null when the
    /// year has too few comparable units.</summary>
    public PeerAnalysis? Peers { get; init; }

    public PeerGroup? PeerGroup => Peers?.GroupOf(Result.Unit.Id);

    public AnomalyFlag? Anomaly => Peers?.Anomalies.Flags.FirstOrDefault(f => f.Unit.Id == Result.Unit.Id);

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Builds the report of <paramref name="unitId"/> (or the unit holding its series) for <paramref name="year"/>;
    /// null when there is no result.</summary>
    public static UnitReport? Build(IndexData data, string unitId, int year, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var result = data.SeriesResult(unitId, year);
        if (result is null)
        {
            return null;
        }

        var unit = result.Unit;
        var ranking = Ranker.For(data, year, unit.Province, unit.Level, options);
        var sameYear = data.ResultsOf(year, unit.Province, unit.Level);
        var benchmarks = Benchmarks.For(data, year, unit.Province, unit.Level, result.Framework);
        var peers = data.Memo(("peers", year, unit.Province, unit.Level, result.Framework.Id, options),
            () => Peer(sameYear.Where(r => r.Framework.Id == result.Framework.Id).ToList(), options));
        var areas = result.Areas.Select(a =>
        {
            var b = benchmarks.First(x => x.Code == a.Code);
            return new AreaLine(a.Code, a.Name, a.MaxPoints, a.Points, a.Percent, b.MedianPercent, b.MeanPercent, b.BestPercent, b.BestUnits, peers?.PeerMean(unit.Id, a.Code));
        }).ToList();
        var previous = data.SeriesResult(unitId, year - 1);
        var changes = result.Areas.Select(a =>
        {
            var before = previous is null || a.ConceptId is null ? null : previous.FindConcept(a.ConceptId);
            var stageChanged = previous is not null && previous.StageUsed != result.StageUsed;
            var comparable = before is not null && !stageChanged && data.Compare(a.ConceptId!, previous!.Framework, result.Framework, unit.Province, unit.Level).Comparable;
            return new AreaChange(a.Code, a.Name, comparable ? before!.Percent : null, a.Percent, stageChanged);
        }).ToList();
        var ranked = ranking.Find(unit.Id);
        var report = new UnitReport
        {
            Result = result,
            Ranking = ranking,
            Rank = ranked,
            Areas = areas,
            AreaChanges = changes,
            Weakest = result.Leaves.Where(l => l.Lost > 0).OrderByDescending(l => l.Lost).ThenBy(l => l.Code, CriterionCode.Comparer).ToList(),
            Weaknesses = Analytics.Weaknesses.ForUnit(data, unit.Id, year, options),
            AppraisalGap = Analytics.AppraisalGap.Of(result),
            NextRankPath = ranked is null ? null : NextRank.ToNextRank(ranking, unit.Id),
            NextBandPath = ranked is null ? null : NextRank.ToNextBand(ranking, unit.Id, options),
            Trend = Trends.ForUnit(data, unit.Id, options),
            Peers = peers,
        };
        return report with { Findings = Analytics.Findings.For(report, options) };
    }

    /// <summary>Peer groups need a handful of comparable units; with fewer, a report simply has none.</summary>
    private static PeerAnalysis? Peer(IReadOnlyList<UnitYearResult> results, AnalyticsOptions options) =>
        results.Count(r => r.Areas.All(a => a.Points is not null)) > options.PeerGroups ? PeerGrouping.Analyse(results, options) : null;
}
