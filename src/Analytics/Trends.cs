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
/// <param name="StageChanged">The previous year's total came from the other stage (self-assessed vs appraised): the deltas
/// and the rank change are then null, not computed across stages (docs/methodology.md).</param>
public sealed record TrendPoint(
    int Year, string UnitId, Stage StageUsed, bool Synthetic, string FrameworkId, decimal? Points, decimal MaxPoints, decimal? Index,
    int? Rank, int? RankOf, decimal? DeltaPoints, decimal? DeltaIndex, int? RankChange, bool StageChanged = false);

/// <summary>A unit's index across years, following its lineage.</summary>
/// <param name="Series">The lineage series.</param>
/// <param name="Points">One point per year with data.</param>
/// <param name="Slope">Least-squares slope of the index, percentage points per year, over the years of one stage (see
/// <see cref="SlopeStage"/>); null with fewer than two such years.</param>
/// <param name="Warnings">Vietnamese comparability warnings (framework changes, stage changes, lineage breaks, the end of the series).</param>
/// <param name="SlopeStage">The stage whose years the slope is fitted over: appraised when the series has at least two
/// appraised years, else self-assessed; null without a slope.</param>
public sealed record UnitTrend(UnitSeries Series, IReadOnlyList<TrendPoint> Points, decimal? Slope, IReadOnlyList<string> Warnings, Stage? SlopeStage = null);

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
        var series = data.SeriesOf(unitId);
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
                var before = data.Frameworks.FirstOrDefault(f => f.Id == previous.FrameworkId)?.DisplayName ?? "bộ tiêu chí trước";
                warnings.Add($"Năm {year} áp dụng {result.Framework.DisplayName} thay cho {before}: chỉ số được so sánh theo %, điểm từng tiêu chí so sánh qua bảng đối chiếu.");
            }

            // Deltas only against the year just before: a gap year is a gap, not a two-year change.
            var consecutive = previous?.Year == year - 1;
            if (previous is not null && !consecutive)
            {
                warnings.Add($"Không có số liệu từ năm {previous.Year + 1} đến {year - 1}.");
            }

            // A self-assessed total is not compared with an appraised one: appraisal cuts points, so the difference would
            // mix the unit's change with the appraisal's cut (Hoằng Hóa: self 92 in 2017, appraised 91 in 2018).
            var stageChanged = consecutive && previous!.StageUsed != result.StageUsed;
            if (stageChanged)
            {
                warnings.Add($"Năm {previous!.Year} dùng điểm {previous.StageUsed.ToVietnamese()}, năm {year} dùng điểm {result.StageUsed.ToVietnamese()}: không tính mức thay đổi điểm, chỉ số và thứ hạng giữa hai năm này.");
            }

            var compared = consecutive && !stageChanged;
            var point = new TrendPoint(
                year, result.Unit.Id, result.StageUsed, result.Synthetic, result.Framework.Id, result.Points, result.MaxPoints, result.Index,
                ranked?.Rank, ranked?.RankOf,
                compared ? result.Points - previous!.Points : null,
                compared ? result.Index - previous!.Index : null,
                ranked?.RankChange,
                stageChanged);
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

        var indexed = points.Where(p => p.Index is not null).ToList();
        Stage? slopeStage = indexed.Count(p => p.StageUsed == Stage.Appraised) >= 2 ? Stage.Appraised
            : indexed.Count(p => p.StageUsed == Stage.Self) >= 2 ? Stage.Self
            : null;
        var fitted = indexed.Where(p => p.StageUsed == slopeStage).ToList();
        var left = indexed.Where(p => p.StageUsed != slopeStage).Select(p => p.Year).ToList();
        if (slopeStage is { } fittedStage && left.Count > 0)
        {
            warnings.Add($"Xu hướng chỉ tính trên các năm dùng điểm {fittedStage.ToVietnamese()}; không tính năm {string.Join(", ", left)} (điểm {(fittedStage == Stage.Appraised ? Stage.Self : Stage.Appraised).ToVietnamese()}).");
        }

        var slope = slopeStage is null ? null : Slope(fitted.Select(p => (p.Year, p.Index!.Value)));
        return new UnitTrend(series, points, slope, warnings, slope is null ? null : slopeStage);
    }

    /// <summary>One concept of a unit across years: its code each year, its %, and whether each year is comparable with
    /// the latest one through the crosswalk.</summary>
    public static ConceptTrend ForConcept(IndexData data, string unitId, string conceptId)
    {
        ArgumentNullException.ThrowIfNull(data);
        var series = data.SeriesOf(unitId);
        var unit = series.Current;
        // From the database, the concept's row in every unit-year is read once per snapshot (one query), instead of
        // every row of every year of the series.
        var conceptRows = data.Sql is null ? null : ConceptRows(data, conceptId, unit.Province, unit.Level);
        var rows = new List<(int Year, UnitYearResult Result, CriterionResult Row)>();
        foreach (var year in data.Years(unit.Province, unit.Level))
        {
            if (series.UnitIdIn(year) is { } holder && data.Result(holder, year) is { } result
                && (conceptRows is null ? result.FindConcept(conceptId) : conceptRows.GetValueOrDefault((holder, year))) is { } row)
            {
                rows.Add((year, result, row));
            }
        }

        var warnings = new List<string>();
        var points = new List<ConceptPoint>();
        var latest = rows.Count > 0 ? rows[^1].Result.Framework : null;
        foreach (var (year, result, row) in rows)
        {
            var comparability = data.Compare(conceptId, result.Framework, latest!, unit.Province, unit.Level);
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

    /// <summary>One concept's row in every current unit-year of a province and level (the first row that measures it, as
    /// <see cref="UnitYearResult.FindConcept"/>), read once per snapshot with <c>Sql/concept_rows.sql</c>.</summary>
    internal static IReadOnlyDictionary<(string UnitId, int Year), CriterionResult> ConceptRows(IndexData data, string conceptId, string province, string level) =>
        data.Memo(("concept-rows", conceptId, province, level), () =>
        {
            return (IReadOnlyDictionary<(string, int), CriterionResult>)data.Sql!.ConceptRows(conceptId, province, level)
                .Where(r => data.Result(r.Key.UnitId, r.Key.Year) is not null)
                .ToDictionary(r => r.Key, r =>
                {
                    // A concept row's IsLeaf is not known from one row; nothing that reads a concept's history uses it.
                    var framework = data.Result(r.Key.UnitId, r.Key.Year)!.Framework;
                    return IndexData.Criterion(r.Value, framework, data.Crosswalk, isLeaf: false);
                });
        });

    /// <summary>Units ranked in <paramref name="year"/> and the year before (following lineage), by index change,
    /// largest gain first.</summary>
    public static IReadOnlyList<Mover> Movers(IndexData data, int year, string province, string level, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        var movers = new List<Mover>();
        foreach (var ranked in Ranker.For(data, year, province, level, options).Units)
        {
            var holder = data.SeriesOf(ranked.Result.Unit.Id).UnitIdIn(year - 1);
            // A unit whose total changed stage is not a mover: the difference would mix its change with the appraisal's cut.
            if (holder is not null && data.Result(holder, year - 1) is { Index: { } before } last && last.StageUsed == ranked.Result.StageUsed)
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
