using System.Collections.Concurrent;
using CchcAnalytics.Core;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Analytics;

/// <summary>Everything the analytics read, loaded once from the store: units and lineage, frameworks and crosswalk,
/// published results and every current unit-year result. Immutable, so one snapshot can serve many requests.</summary>
public sealed class IndexData
{
    private readonly Dictionary<(string UnitId, int Year), UnitYearResult> results;
    private readonly IReadOnlyList<LineageEvent> lineageEvents;
    private readonly List<(Submission Submission, IReadOnlyList<Score> Scores)> sheetList;
    private readonly ConcurrentDictionary<object, Lazy<object?>> memo = new();

    public IndexData(
        IReadOnlyList<Unit> units,
        IReadOnlyList<LineageEvent> lineage,
        IReadOnlyList<Framework> frameworks,
        Crosswalk crosswalk,
        IReadOnlyList<PublishedResult> published,
        IEnumerable<(Submission Submission, IReadOnlyList<Score> Scores)> sheets)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(frameworks);
        ArgumentNullException.ThrowIfNull(sheets);
        Units = units;
        lineageEvents = lineage;
        sheetList = sheets.ToList();
        Lineage = new UnitLineage(units, lineage);
        Frameworks = frameworks;
        Crosswalk = crosswalk;
        Published = published;
        var unitById = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var frameworkById = frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        results = [];
        foreach (var unitYear in sheetList.GroupBy(s => (s.Submission.UnitId, s.Submission.Year)))
        {
            var appraised = unitYear.FirstOrDefault(s => s.Submission.Stage == Stage.Appraised);
            var self = unitYear.FirstOrDefault(s => s.Submission.Stage == Stage.Self);
            var used = appraised.Submission is not null ? appraised : self;
            if (used.Submission is null || !unitById.TryGetValue(unitYear.Key.UnitId, out var unit)
                || !frameworkById.TryGetValue(used.Submission.FrameworkId, out var framework))
            {
                continue;
            }

            var criteria = Criteria(used.Scores, framework, crosswalk);
            results[unitYear.Key] = new UnitYearResult(
                unit,
                unitYear.Key.Year,
                used.Submission.Stage,
                unitYear.Any(s => s.Submission.Synthetic),
                framework,
                used.Submission.PointsTotal,
                used.Submission.MaxTotal,
                criteria,
                self.Submission is null ? null : Criteria(self.Scores, framework, crosswalk));
        }
    }

    public IReadOnlyList<Unit> Units { get; }

    public UnitLineage Lineage { get; }

    public IReadOnlyList<Framework> Frameworks { get; }

    public Crosswalk Crosswalk { get; }

    public IReadOnlyList<PublishedResult> Published { get; }

    public IEnumerable<UnitYearResult> Results => results.Values;

    /// <summary>Real unit-years that are not published yet: only a self-assessment (no appraised points stored) and no
    /// officially published result. The sample is never among them.</summary>
    public IReadOnlySet<(string UnitId, int Year)> Unpublished() => Memo(nameof(Unpublished), () =>
        (IReadOnlySet<(string, int)>)results.Values
            .Where(r => !r.Synthetic && r.StageUsed == Stage.Self && !Published.Any(p => p.UnitId == r.Unit.Id && p.Year == r.Year))
            .Select(r => (r.Unit.Id, r.Year))
            .ToHashSet());

    /// <summary>The same snapshot without the given unit-years, for readers who may not see them; this snapshot when
    /// there is nothing to hide.</summary>
    public IndexData Without(IReadOnlySet<(string UnitId, int Year)> hidden)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        return hidden.Count == 0
            ? this
            : new IndexData(Units, lineageEvents, Frameworks, Crosswalk, Published,
                sheetList.Where(s => !hidden.Contains((s.Submission.UnitId, s.Submission.Year))));
    }

    /// <summary>Loads a snapshot from the store.</summary>
    public static IndexData Load(ScoreStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new IndexData(store.LoadUnits(), store.LoadLineage(), store.LoadFrameworks(), store.LoadCrosswalk(), store.LoadPublished(), store.GetCurrentSheets());
    }

    /// <summary>Computes a derived value once per snapshot (a year's ranking, its peer groups) however many pages and
    /// units ask for it; a new snapshot after a write starts empty, so nothing stale survives.</summary>
    public T Memo<T>(object key, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return (T)memo.GetOrAdd(key, _ => new Lazy<object?>(() => create(), LazyThreadSafetyMode.ExecutionAndPublication)).Value!;
    }

    public UnitYearResult? Result(string unitId, int year) => results.GetValueOrDefault((unitId, year));

    /// <summary>The result of the series <paramref name="unitId"/> belongs to, in <paramref name="year"/>
    /// (Tĩnh Gia's result for 2019 when asked for Nghi Sơn).</summary>
    public UnitYearResult? SeriesResult(string unitId, int year) =>
        Lineage.SeriesOf(unitId).UnitIdIn(year) is { } holder ? Result(holder, year) : null;

    /// <summary>Results of one year for the units of a province and level.</summary>
    public IReadOnlyList<UnitYearResult> ResultsOf(int year, string province, string level) =>
        results.Values.Where(r => r.Year == year && r.Unit.Province == province && r.Unit.Level == level)
            .OrderBy(r => r.Unit.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<int> Years(string province, string level) =>
        results.Values.Where(r => r.Unit.Province == province && r.Unit.Level == level).Select(r => r.Year).Distinct().Order().ToList();

    /// <summary>Frameworks of a province and level in time order (the path the crosswalk compares along).</summary>
    public IReadOnlyList<Framework> FrameworkPath(string province, string level) =>
        Frameworks.Where(f => f.Province == province && f.Level == level && f.Status != FrameworkStatus.Draft).OrderBy(f => f.YearFrom).ToList();

    private static List<CriterionResult> Criteria(IReadOnlyList<Score> scores, Framework framework, Crosswalk crosswalk)
    {
        var parents = scores.Select(s => s.ParentCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return scores.Select(s => new CriterionResult(
            s.Code, s.Level, s.Name, s.MaxPoints, s.Points, crosswalk.EntryOf(framework.Id, s.Code)?.ConceptId, !parents.Contains(s.Code), s.Evidence)).ToList();
    }
}
