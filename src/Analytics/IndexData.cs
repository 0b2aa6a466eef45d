using System.Collections.Concurrent;
using CchcAnalytics.Analytics.Sql;
using CchcAnalytics.Core;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Analytics;

/// <summary>What the analytics read: units and lineage, frameworks and crosswalk, published results and every current
/// unit-year result. Immutable, so one snapshot serves many requests; derived values are memoised on it, and a write
/// gives a new snapshot (a new <see cref="Version"/>), so nothing stale survives.</summary>
/// <remarks>Two ways to build one. <see cref="Load(DuckDbConnectionFactory, long)"/> reads a light snapshot from the
/// database (per unit-year its totals and areas) and answers the criterion-level measures with the queries in
/// <c>Sql/</c>; this is what the dashboard and the CLI use. The public constructor (and <see cref="Load(ScoreStore)"/>)
/// holds every row in memory and computes every measure in C#: the reference path the hand-computed tests and the
/// equivalence test compare against.</remarks>
public sealed class IndexData
{
    /// <summary>Unit-years whose rows stay cached between requests; past it the cache starts again (bounded memory).</summary>
    internal const int DetailCacheSize = 2048;

    private readonly Dictionary<(string UnitId, int Year), UnitYearResult> results;
    private readonly IReadOnlyList<LineageEvent> lineageEvents;
    private readonly List<(Submission Submission, IReadOnlyList<Score> Scores)> sheetList;
    private readonly IReadOnlyDictionary<long, IReadOnlyList<ComponentScore>> componentScores;
    private readonly ConcurrentDictionary<object, Lazy<object?>> memo = new();
    private readonly ConcurrentDictionary<(long, long), UnitYearDetail>? details;

    public IndexData(
        IReadOnlyList<Unit> units,
        IReadOnlyList<LineageEvent> lineage,
        IReadOnlyList<Framework> frameworks,
        Crosswalk crosswalk,
        IReadOnlyList<PublishedResult> published,
        IEnumerable<(Submission Submission, IReadOnlyList<Score> Scores)> sheets,
        IReadOnlyDictionary<long, IReadOnlyList<ComponentScore>>? components = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(frameworks);
        ArgumentNullException.ThrowIfNull(sheets);
        Units = units;
        lineageEvents = lineage;
        sheetList = sheets.ToList();
        componentScores = components ?? new Dictionary<long, IReadOnlyList<ComponentScore>>();
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
            var parts = IndexFormula.Parts(framework, used.Submission.PointsTotal, used.Submission.MaxTotal, componentScores.GetValueOrDefault(used.Submission.Id) ?? []);
            var (points, maxPoints) = IndexFormula.Total(parts);
            results[unitYear.Key] = new UnitYearResult(
                unit,
                unitYear.Key.Year,
                used.Submission.Stage,
                unitYear.Any(s => s.Submission.Synthetic),
                framework,
                points,
                maxPoints,
                criteria,
                self.Submission is null ? null : Criteria(self.Scores, framework, crosswalk))
            {
                Components = parts,
            };
        }
    }

    /// <summary>The database-backed snapshot: results hold their totals and areas; rows come from <paramref name="sql"/>.</summary>
    private IndexData(
        IReadOnlyList<Unit> units,
        IReadOnlyList<LineageEvent> lineage,
        IReadOnlyList<Framework> frameworks,
        Crosswalk crosswalk,
        IReadOnlyList<PublishedResult> published,
        AnalyticsSql sql,
        long version,
        Dictionary<(string, int), UnitYearResult> results,
        ConcurrentDictionary<(long, long), UnitYearDetail> details,
        IReadOnlySet<(string UnitId, int Year)> hidden)
    {
        Units = units;
        lineageEvents = lineage;
        sheetList = [];
        componentScores = new Dictionary<long, IReadOnlyList<ComponentScore>>();
        Frameworks = frameworks;
        Crosswalk = crosswalk;
        Published = published;
        Sql = sql;
        Version = version;
        this.results = results;
        this.details = details;
        Hidden = hidden;
    }

    public IReadOnlyList<Unit> Units { get; }

    /// <summary>The words for provinces and levels (data/provinces.csv, data/levels.csv, stored with the reference data).</summary>
    public Places Places { get; init; } = Places.None;

    /// <summary>Where each commune of 2025 came from (data/commune-origins.csv, stored with the reference data); empty
    /// when the data folder has none.</summary>
    public IReadOnlyList<CommuneOrigin> Origins { get; init; } = [];

    /// <summary>The origin of a commune; null when no row names it.</summary>
    public CommuneOrigin? OriginOf(string unitId) =>
        Memo("origins-by-unit", () => Origins.ToDictionary(o => o.UnitId, StringComparer.Ordinal)).GetValueOrDefault(unitId);

    /// <summary>Finds every unit by id or name (<see cref="UnitRegistry.Resolve"/>), built once per snapshot rather than
    /// per chart or download request.</summary>
    public UnitRegistry Registry => Memo("unit-registry", () => new UnitRegistry(Units));

    /// <summary>The data version this snapshot was read at (a counter bumped on every committed write); 0 for the
    /// in-memory reference path.</summary>
    public long Version { get; }

    /// <summary>The queries of a database-backed snapshot; null on the in-memory reference path.</summary>
    internal AnalyticsSql? Sql { get; }

    /// <summary>Unit-years this view leaves out (<see cref="Without"/>), passed to the aggregate queries.</summary>
    internal IReadOnlySet<(string UnitId, int Year)> Hidden { get; } = new HashSet<(string, int)>();

    /// <summary><see cref="Hidden"/> as the aggregate queries take it: <c>|unit@year|unit@year|</c>.</summary>
    internal string HiddenKey => Memo(nameof(HiddenKey), () =>
        Hidden.Count == 0 ? "" : "|" + string.Join('|', Hidden.Select(h => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{h.UnitId}@{h.Year}"))) + "|");

    /// <summary>The units' lineage, its messages worded with <see cref="Places"/>.</summary>
    public UnitLineage Lineage => Memo("lineage", () => new UnitLineage(Units, lineageEvents, Places.LevelName));

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
        if (hidden.Count == 0)
        {
            return this;
        }

        if (Sql is not null)
        {
            var all = Hidden.Concat(hidden).ToHashSet();
            return new IndexData(Units, lineageEvents, Frameworks, Crosswalk, Published, Sql, Version,
                results.Where(r => !all.Contains(r.Key)).ToDictionary(), details!, all) { Places = Places, Origins = Origins };
        }

        return new IndexData(Units, lineageEvents, Frameworks, Crosswalk, Published,
            sheetList.Where(s => !hidden.Contains((s.Submission.UnitId, s.Submission.Year))), componentScores) { Places = Places, Origins = Origins };
    }

    /// <summary>Reads the light snapshot of data version <paramref name="version"/>: reference data, then per current
    /// unit-year its totals and area rows (two queries); every other row is read when a measure needs it.</summary>
    public static IndexData Load(DuckDbConnectionFactory connections, long version = 0)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var store = new ScoreStore(connections);
        var units = store.Reference.LoadUnits();
        var frameworks = store.Reference.LoadFrameworks();
        var crosswalk = store.Reference.LoadCrosswalk();
        var sql = new AnalyticsSql(connections);
        var unitById = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var frameworkById = frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var areas = sql.AreaRows();
        var components = sql.ComponentRows();
        var details = new ConcurrentDictionary<(long, long), UnitYearDetail>();
        var results = new Dictionary<(string, int), UnitYearResult>();
        IndexData? data = null;
        foreach (var row in sql.UnitYears())
        {
            if (!unitById.TryGetValue(row.UnitId, out var unit) || !frameworkById.TryGetValue(row.FrameworkId, out var framework))
            {
                continue;
            }

            var areaRows = areas.GetValueOrDefault(row.Submission)?
                .Select(a => Criterion(a.Score, framework, crosswalk, !a.HasChildren)).ToList() ?? [];
            // The breakdown per component; the totals are the query's own (the formula in unit_years.sql).
            var parts = IndexFormula.Parts(framework, row.CriteriaPoints, row.CriteriaMaxPoints, components.GetValueOrDefault(row.Submission) ?? []);
            results[(row.UnitId, row.Year)] = UnitYearResult.OnDemand(
                unit, row.Year, row.Stage, row.Synthetic, framework, row.Points, row.MaxPoints, areaRows, parts, (row.Submission, row.SelfSubmission), r => data!.Detail(r));
        }

        data = new IndexData(units, store.Reference.LoadLineage(), frameworks, crosswalk, store.Published.LoadPublished(), sql, version, results, details, new HashSet<(string, int)>())
        {
            Places = store.Reference.LoadPlaces(),
            Origins = store.Reference.LoadOrigins(),
        };

        // The results by province, level and year are part of the snapshot: every page and measure starts from a year's units.
        foreach (var (province, level) in results.Values.Select(r => (r.Unit.Province, r.Unit.Level)).Distinct())
        {
            data.ByYear(province, level);
        }

        return data;
    }

    /// <summary>The same snapshot with other <paramref name="places"/> (a deployment's own default level).</summary>
    public IndexData WithPlaces(Places places)
    {
        ArgumentNullException.ThrowIfNull(places);
        return Sql is not null
            ? new IndexData(Units, lineageEvents, Frameworks, Crosswalk, Published, Sql, Version, results, details!, Hidden) { Places = places, Origins = Origins }
            : new IndexData(Units, lineageEvents, Frameworks, Crosswalk, Published, sheetList, componentScores) { Places = places, Origins = Origins };
    }

    /// <summary>Loads every row of every current unit-year into memory: the reference path (see the remarks).</summary>
    public static IndexData Load(ScoreStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new IndexData(store.Reference.LoadUnits(), store.Reference.LoadLineage(), store.Reference.LoadFrameworks(), store.Reference.LoadCrosswalk(),
            store.Published.LoadPublished(), store.Submissions.GetCurrentSheets(), store.Submissions.GetCurrentComponents())
        {
            Places = store.Reference.LoadPlaces(),
            Origins = store.Reference.LoadOrigins(),
        };
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
        SeriesOf(unitId).UnitIdIn(year) is { } holder ? Result(holder, year) : null;

    /// <summary>Results of one year for the units of a province and level, in unit-id order (computed once per snapshot).</summary>
    public IReadOnlyList<UnitYearResult> ResultsOf(int year, string province, string level) =>
        Memo(("results", year, province, level), () => (IReadOnlyList<UnitYearResult>)ByYear(province, level).GetValueOrDefault(year, []));

    public IReadOnlyList<int> Years(string province, string level) =>
        Memo(("years", province, level), () => (IReadOnlyList<int>)ByYear(province, level).Keys.Order().ToList());

    /// <summary>Frameworks of a province and level in time order (the path the crosswalk compares along).</summary>
    public IReadOnlyList<Framework> FrameworkPath(string province, string level) =>
        Memo(("path", province, level), () => (IReadOnlyList<Framework>)
            Frameworks.Where(f => f.Province == province && f.Level == level && f.Status != FrameworkStatus.Draft).OrderBy(f => f.YearFrom).ToList());

    private Dictionary<int, List<UnitYearResult>> ByYear(string province, string level) => Memo(("by-year", province, level), () =>
        results.Values.Where(r => r.Unit.Province == province && r.Unit.Level == level)
            .GroupBy(r => r.Year)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Unit.Id, StringComparer.Ordinal).ToList()));

    /// <summary>The rows of some codes of every unit-year of one year (a heatmap's cells): from the database in one query
    /// (<c>Sql/cells.sql</c>, memoised), instead of every row of every unit; <see cref="UnitYearResult.Find"/> on the
    /// in-memory path.</summary>
    public Func<UnitYearResult, string, CriterionResult?> Cells(int year, string province, string level, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (Sql is null)
        {
            return (result, code) => result.Find(code);
        }

        var wanted = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var cells = Memo(("cells", year, province, level, string.Join('|', wanted)), () => Sql.Cells(year, province, level, wanted)
            .Where(c => Result(c.UnitId, c.Year) is not null)
            .ToDictionary(c => (c.UnitId, c.Score.Code), c => Criterion(c.Score, Result(c.UnitId, c.Year)!.Framework, Crosswalk, !c.HasChildren)));
        return (result, code) => result.Year == year && cells.TryGetValue((result.Unit.Id, code), out var cell) ? cell : result.Find(code);
    }

    /// <summary>A unit-year's first row measuring a concept (<see cref="UnitYearResult.FindConcept"/>): from the database,
    /// out of the concept's rows of every unit-year read in one query per snapshot.</summary>
    public CriterionResult? ConceptRow(UnitYearResult result, string conceptId)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Sql is null
            ? result.FindConcept(conceptId)
            : Trends.ConceptRows(this, conceptId, result.Unit.Province, result.Unit.Level).GetValueOrDefault((result.Unit.Id, result.Year));
    }

    /// <summary>The series a unit belongs to, computed once per snapshot.</summary>
    public UnitSeries SeriesOf(string unitId) => Memo(("series", unitId), () => Lineage.SeriesOf(unitId));

    /// <summary><see cref="Crosswalk.Compare"/> along a province and level's framework path, computed once per snapshot.</summary>
    public Comparability Compare(string conceptId, Framework from, Framework to, string province, string level)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return Memo(("compare", conceptId, from.Id, to.Id, province, level), () => Crosswalk.Compare(conceptId, from, to, FrameworkPath(province, level)));
    }

    /// <summary>A result's rows, read from the database on first use and kept in a bounded cache shared by the views of
    /// this snapshot.</summary>
    private UnitYearDetail Detail(UnitYearResult result)
    {
        var key = result.Submissions;
        if (details!.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var rows = Sql!.UnitYearScores(key.Used, key.Self);
        var used = rows.Where(r => r.Submission == key.Used).Select(r => r.Score).ToList();
        var self = key.Self == 0 ? null : rows.Where(r => r.Submission == key.Self).Select(r => r.Score).ToList();
        var detail = new UnitYearDetail(
            Criteria(used, result.Framework, Crosswalk),
            self is null ? null : Criteria(self, result.Framework, Crosswalk));
        if (details.Count >= DetailCacheSize)
        {
            details.Clear();
        }

        return details.GetOrAdd(key, detail);
    }

    internal static CriterionResult Criterion(Score score, Framework framework, Crosswalk crosswalk, bool isLeaf) =>
        new(score.Code, score.Level, score.Name, score.MaxPoints, score.Points, crosswalk.EntryOf(framework.Id, score.Code)?.ConceptId, isLeaf, score.Evidence);

    private static List<CriterionResult> Criteria(IReadOnlyList<Score> scores, Framework framework, Crosswalk crosswalk)
    {
        var parents = scores.Select(s => s.ParentCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return scores.Select(s => Criterion(s, framework, crosswalk, !parents.Contains(s.Code))).ToList();
    }
}
