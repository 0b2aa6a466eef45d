using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>A year of a unit's series.</summary>
/// <param name="Year">Index year.</param>
/// <param name="UnitId">Unit that held the series that year (Tĩnh Gia before 2020).</param>
/// <param name="StageUsed">Stage the total comes from.</param>
/// <param name="Synthetic">Generated sample data.</param>
/// <param name="FrameworkId">Framework of that year.</param>
/// <param name="Points">Total points.</param>
/// <param name="MaxPoints">Applicable maximum.</param>
/// <param name="Index">Chỉ số (%).</param>
/// <param name="Rank">Rank that year.</param>
/// <param name="RankOf">Units ranked that year.</param>
/// <param name="DeltaPoints">Points minus the previous year's; null without a previous year.</param>
/// <param name="DeltaIndex">Index minus the previous year's, in percentage points.</param>
/// <param name="RankChange">Places gained since the previous year.</param>
public sealed record TrendPoint(
    int Year, string UnitId, Stage StageUsed, bool Synthetic, string FrameworkId, decimal? Points, decimal MaxPoints, decimal? Index,
    int? Rank, int? RankOf, decimal? DeltaPoints, decimal? DeltaIndex, int? RankChange);

/// <summary>A unit's index across years, following its lineage.</summary>
/// <param name="Series">The lineage series.</param>
/// <param name="Points">One point per year with data.</param>
/// <param name="Slope">Least-squares slope of the index, percentage points per year; null with fewer than two years.</param>
/// <param name="Warnings">Vietnamese comparability warnings (framework changes, lineage breaks, the end of the series).</param>
public sealed record UnitTrend(UnitSeries Series, IReadOnlyList<TrendPoint> Points, decimal? Slope, IReadOnlyList<string> Warnings);

/// <summary>A year of a concept's series for one unit.</summary>
/// <param name="Year">Index year.</param>
/// <param name="Code">The concept's code in that year's framework.</param>
/// <param name="Points">Points.</param>
/// <param name="MaxPoints">Điểm chuẩn that year.</param>
/// <param name="Percent">% of the maximum.</param>
/// <param name="Comparable">Whether the value can be compared with the series' latest year (the crosswalk says so).</param>
public sealed record ConceptPoint(int Year, string Code, decimal? Points, decimal MaxPoints, decimal? Percent, bool Comparable);

/// <summary>One concept (an area or a criterion) of a unit across years, compared through the crosswalk.</summary>
/// <param name="ConceptId">Concept.</param>
/// <param name="Name">Vietnamese name.</param>
/// <param name="Points">One point per year where the framework scores the concept.</param>
/// <param name="Slope">Least-squares slope of the % over the comparable years; null with fewer than two.</param>
/// <param name="Warnings">Vietnamese comparability warnings from the crosswalk.</param>
public sealed record ConceptTrend(string ConceptId, string Name, IReadOnlyList<ConceptPoint> Points, decimal? Slope, IReadOnlyList<string> Warnings);

/// <summary>A unit's movement between two years.</summary>
/// <param name="Current">This year's ranked unit.</param>
/// <param name="DeltaIndex">Index change in percentage points.</param>
/// <param name="RankChange">Places gained.</param>
public sealed record Mover(RankedUnit Current, decimal DeltaIndex, int? RankChange);

/// <summary>Trends per unit and per concept, following lineage and the crosswalk.</summary>
public static class Trends
{
    /// <summary>The unit's index and rank over every year of its series.</summary>
    public static UnitTrend ForUnit(IndexData data, string unitId, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        var series = data.Lineage.SeriesOf(unitId);
        var unit = series.Current;
        var points = new List<TrendPoint>();
        var warnings = new List<string>();
        TrendPoint? previous = null;
        foreach (var year in data.Years(unit.Province, unit.Level))
        {
            var result = series.UnitIdIn(year) is { } holder ? data.Result(holder, year) : null;
            if (result is null)
            {
                continue;
            }

            var ranked = Ranker.For(data, year, unit.Province, unit.Level, options).Find(result.Unit.Id);
            if (previous is not null && previous.FrameworkId != result.Framework.Id)
            {
                warnings.Add($"Năm {year} áp dụng bộ tiêu chí {result.Framework.Id}{(result.Framework.Status == FrameworkStatus.Illustrative ? " (khung minh họa)" : "")} thay cho {previous.FrameworkId}: chỉ số được so sánh theo %, điểm từng tiêu chí so sánh qua bảng đối chiếu.");
            }

            // Deltas only against the year just before: a gap year is a gap, not a two-year change.
            var consecutive = previous?.Year == year - 1;
            if (previous is not null && !consecutive)
            {
                warnings.Add($"Không có số liệu từ năm {previous.Year + 1} đến {year - 1}.");
            }

            var point = new TrendPoint(
                year, result.Unit.Id, result.StageUsed, result.Synthetic, result.Framework.Id, result.Points, result.MaxPoints, result.Index,
                ranked?.Rank, ranked?.RankOf,
                consecutive ? result.Points - previous!.Points : null,
                consecutive ? result.Index - previous!.Index : null,
                ranked?.RankChange);
            points.Add(point);
            previous = point;
        }

        warnings.AddRange(series.Breaks.Select(b => b.Message));
        if (series.EndMessage is not null)
        {
            warnings.Add(series.EndMessage);
        }

        if (points.Any(p => p.Synthetic))
        {
            warnings.Add("Chuỗi có dữ liệu mẫu (không phải số liệu thật).");
        }

        return new UnitTrend(series, points, Slope(points.Where(p => p.Index is not null).Select(p => (p.Year, p.Index!.Value))), warnings);
    }

    /// <summary>One concept of a unit across years: its code each year, its %, and whether each year is comparable with
    /// the latest one through the crosswalk.</summary>
    public static ConceptTrend ForConcept(IndexData data, string unitId, string conceptId)
    {
        ArgumentNullException.ThrowIfNull(data);
        var series = data.Lineage.SeriesOf(unitId);
        var unit = series.Current;
        var path = data.FrameworkPath(unit.Province, unit.Level);
        var rows = new List<(int Year, UnitYearResult Result, CriterionResult Row)>();
        foreach (var year in data.Years(unit.Province, unit.Level))
        {
            if (series.UnitIdIn(year) is { } holder && data.Result(holder, year) is { } result && result.FindConcept(conceptId) is { } row)
            {
                rows.Add((year, result, row));
            }
        }

        var warnings = new List<string>();
        var points = new List<ConceptPoint>();
        var latest = rows.Count > 0 ? rows[^1].Result.Framework : null;
        foreach (var (year, result, row) in rows)
        {
            var comparability = data.Crosswalk.Compare(conceptId, result.Framework, latest!, path);
            foreach (var warning in comparability.Warnings.Where(w => !warnings.Contains(w)))
            {
                warnings.Add(warning);
            }

            points.Add(new ConceptPoint(year, row.Code, row.Points, row.MaxPoints, row.Percent, comparability.Comparable));
        }

        var name = data.Crosswalk.FindConcept(conceptId)?.Name ?? conceptId;
        return new ConceptTrend(conceptId, name, points,
            Slope(points.Where(p => p.Comparable && p.Percent is not null).Select(p => (p.Year, p.Percent!.Value))), warnings);
    }

    /// <summary>Units ranked in <paramref name="year"/> and the year before (following lineage), by index change,
    /// largest gain first.</summary>
    public static IReadOnlyList<Mover> Movers(IndexData data, int year, string province, string level, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        var movers = new List<Mover>();
        foreach (var ranked in Ranker.For(data, year, province, level, options).Units)
        {
            var holder = data.Lineage.SeriesOf(ranked.Result.Unit.Id).UnitIdIn(year - 1);
            if (holder is not null && data.Result(holder, year - 1)?.Index is { } before)
            {
                movers.Add(new Mover(ranked, ranked.Index - before, ranked.RankChange));
            }
        }

        return movers.OrderByDescending(m => m.DeltaIndex).ThenBy(m => m.Current.Result.Unit.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Least-squares slope of y over x: Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²; null with fewer than two distinct x.</summary>
    public static decimal? Slope(IEnumerable<(int X, decimal Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToList();
        if (list.Select(p => p.X).Distinct().Count() < 2)
        {
            return null;
        }

        var meanX = list.Average(p => (decimal)p.X);
        var meanY = list.Average(p => p.Y);
        var numerator = list.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var denominator = list.Sum(p => (p.X - meanX) * (p.X - meanX));
        return numerator / denominator;
    }
}
