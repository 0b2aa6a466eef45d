using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>How a weakness behaves over the window.</summary>
public enum WeaknessKind
{
    /// <summary>Weak in at least k of the last n years, including this one (“yếu kéo dài”).</summary>
    [Code("chronic", Vietnamese = "yếu kéo dài")]
    Chronic,

    /// <summary>Weak this year and in none of the window's earlier years (“mới phát sinh”).</summary>
    [Code("new", Vietnamese = "mới phát sinh")]
    New,

    /// <summary>Not weak this year, but weak in at least k of the n years before (“đang cải thiện”).</summary>
    [Code("recovering", Vietnamese = "đang cải thiện")]
    Recovering,
}

/// <summary>Text forms of <see cref="WeaknessKind"/>.</summary>
public static class WeaknessKindText
{
    public static string ToCode(this WeaknessKind kind) => EnumCodes.Code<WeaknessKind>(kind);

    public static string ToVietnamese(this WeaknessKind kind) => EnumCodes.Vietnamese<WeaknessKind>(kind);
}

/// <summary>One year of a concept in a weakness history.</summary>
/// <param name="Year">Year.</param>
/// <param name="Code">Code that year.</param>
/// <param name="Percent">% of the maximum; null when missing or not comparable.</param>
/// <param name="Weak">Below the threshold.</param>
public sealed record WeaknessYear(int Year, string Code, decimal? Percent, bool Weak);

/// <summary>A concept a unit scores poorly on, repeatedly.</summary>
/// <param name="UnitId">Unit (this year's holder of the series).</param>
/// <param name="ConceptId">Concept (or framework:code for a framework without crosswalk).</param>
/// <param name="Code">Code this year.</param>
/// <param name="Name">Name this year.</param>
/// <param name="Kind">Chronic, new or recovering.</param>
/// <param name="History">The comparable years of the window (and, for recovering, the years before), oldest first.</param>
/// <param name="WeakYears">Weak years in the window.</param>
public sealed record Weakness(string UnitId, string ConceptId, string Code, string Name, WeaknessKind Kind, IReadOnlyList<WeaknessYear> History, int WeakYears);

/// <summary>A concept that many units are chronically weak on in one year.</summary>
/// <param name="ConceptId">Concept.</param>
/// <param name="Code">Code this year.</param>
/// <param name="Name">Name.</param>
/// <param name="UnitIds">Units where it is chronic.</param>
public sealed record SharedWeakness(string ConceptId, string Code, string Name, IReadOnlyList<string> UnitIds);

/// <summary>Persistent weaknesses: criteria below a threshold (default &lt; 50 % of max) for ≥ k of the last n years
/// (default 3 of 3), compared across frameworks only where the crosswalk says the concept is the same.</summary>
public static class Weaknesses
{
    public static IReadOnlyList<Weakness> ForUnit(IndexData data, string unitId, int year, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var series = data.SeriesOf(unitId);
        var current = series.UnitIdIn(year) is { } holder ? data.Result(holder, year) : null;
        if (current is null)
        {
            return [];
        }

        var weaknesses = new List<Weakness>();
        foreach (var row in current.Criteria.Where(c => c.Level != CriterionLevel.Area))
        {
            var concept = row.ConceptId;
            var history = new List<WeaknessYear>();
            for (var y = year - options.WindowYears; y <= year; y++)
            {
                var result = series.UnitIdIn(y) is { } h ? data.Result(h, y) : null;
                var then = result is null ? null : concept is null ? (result.Framework.Id == current.Framework.Id ? result.Find(row.Code) : null) : result.FindConcept(concept);
                if (result is null || then is null || (concept is not null && !data.Compare(concept, result.Framework, current.Framework, current.Unit.Province, current.Unit.Level).Comparable))
                {
                    continue;
                }

                history.Add(new WeaknessYear(y, then.Code, then.Percent, then.Percent < options.WeakBelowPercent));
            }

            var window = history.Where(h => h.Year > year - options.WindowYears).ToList();
            var before = history.Where(h => h.Year < year).ToList();
            var weakNow = window.LastOrDefault(h => h.Year == year)?.Weak == true;
            var weakInWindow = window.Count(h => h.Weak);
            WeaknessKind? kind =
                weakNow && weakInWindow >= options.WeakYears ? WeaknessKind.Chronic
                : weakNow && window.Any(h => h.Year < year) && window.Where(h => h.Year < year).All(h => !h.Weak) ? WeaknessKind.New
                : !weakNow && window.Any(h => h.Year == year) && before.Count(h => h.Weak) >= options.WeakYears ? WeaknessKind.Recovering
                : null;
            if (kind is { } k)
            {
                weaknesses.Add(new Weakness(current.Unit.Id, concept ?? $"{current.Framework.Id}:{row.Code}", row.Code, row.Name, k,
                    k == WeaknessKind.Recovering ? history : window, weakInWindow));
            }
        }

        return weaknesses.OrderBy(w => w.Kind).ThenBy(w => w.Code, CriterionCode.Comparer).ToList();
    }

    /// <summary>Concepts that are chronic for at least one unit of the year, most shared first; computed once per
    /// snapshot, in the database (<c>Sql/chronic_weaknesses.sql</c>) or, on the in-memory reference path, with
    /// <see cref="ForUnit"/> for every unit.</summary>
    public static IReadOnlyList<SharedWeakness> Province(IndexData data, int year, string province, string level, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return data.Memo(("shared-weaknesses", year, province, level, options), () => Shared(
            data.Sql is null
                ? data.ResultsOf(year, province, level).SelectMany(r => ForUnit(data, r.Unit.Id, year, options).Where(w => w.Kind == WeaknessKind.Chronic))
                    .Select(w => (w.UnitId, w.ConceptId, w.Code, w.Name))
                : Chronic(data, year, province, level, options)));
    }

    /// <summary>The chronic weaknesses of every unit of a year, from the database: lineage (which unit held each series
    /// in each year of the window) and the crosswalk's comparability are decided here and passed to the query as two
    /// small tables; the rows are read and counted there.</summary>
    private static IEnumerable<(string UnitId, string ConceptId, string Code, string Name)> Chronic(IndexData data, int year, string province, string level, AnalyticsOptions options)
    {
        var holders = new List<(string, int, long, string, string)>();
        var pairs = new HashSet<(string Then, string Now)>();
        foreach (var current in data.ResultsOf(year, province, level))
        {
            var series = data.SeriesOf(current.Unit.Id);
            for (var y = year - options.WindowYears + 1; y <= year; y++)
            {
                if (series.UnitIdIn(y) is { } holder && data.Result(holder, y) is { } then)
                {
                    holders.Add((current.Unit.Id, y, then.Submissions.Used, then.Framework.Id, current.Framework.Id));
                    pairs.Add((then.Framework.Id, current.Framework.Id));
                }
            }
        }

        var frameworks = data.Frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var comparable = pairs
            .SelectMany(p => data.Crosswalk.Concepts.Select(c => (c.Id, p.Then, p.Now)))
            .Where(c => data.Compare(c.Id, frameworks[c.Then], frameworks[c.Now], province, level).Comparable)
            .ToList();
        return data.Sql!.ChronicWeaknesses(year, options.WeakBelowPercent, options.WeakYears, holders, comparable)
            .Select(r => (r.UnitId, r.ConceptId ?? $"{r.FrameworkId}:{r.Code}", r.Code, r.Name));
    }

    private static List<SharedWeakness> Shared(IEnumerable<(string UnitId, string ConceptId, string Code, string Name)> chronic) =>
        chronic
            .GroupBy(w => w.ConceptId)
            .Select(g => new SharedWeakness(g.Key, g.First().Code, g.First().Name, g.Select(w => w.UnitId).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(s => s.UnitIds.Count).ThenBy(s => s.Code, CriterionCode.Comparer)
            .ToList();
}
