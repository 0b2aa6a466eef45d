using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>A unit's place in one year's ranking.</summary>
/// <param name="Result">The unit-year result ranked.</param>
/// <param name="Rank">Standard competition rank ("1224"): one more than the number of units with a higher index.</param>
/// <param name="RankOf">Number of units ranked (units with a missing total are not ranked).</param>
/// <param name="Tied">Shares its rank with another unit ("đồng hạng").</param>
/// <param name="Quartile">1 (top quarter) to 4, from the rank: ⌊4 × (rank − 1) / N⌋ + 1.</param>
/// <param name="Band">The configured band of its index.</param>
/// <param name="PreviousRank">Rank of the same series the year before (Tĩnh Gia's 2019 rank for Nghi Sơn 2020); null when not ranked then.</param>
/// <param name="PreviousRankOf">Number of units ranked the year before.</param>
/// <param name="PreviousStage">Stage the previous year's total came from; null when not ranked then.</param>
public sealed record RankedUnit(UnitYearResult Result, int Rank, int RankOf, bool Tied, int Quartile, Band Band, int? PreviousRank, int? PreviousRankOf, Stage? PreviousStage = null)
{
    /// <summary>Places gained since last year (positive = moved up); null without a previous rank, and null when the two
    /// years' totals come from different stages (a self-assessed rank is not compared with an appraised one; see
    /// <see cref="StageChanged"/> and docs/methodology.md).</summary>
    public int? RankChange => PreviousRank is { } previous && !StageChanged ? previous - Rank : null;

    /// <summary>The unit was ranked last year, but on a total of the other stage (self-assessed one year, appraised the other).</summary>
    public bool StageChanged => PreviousRank is not null && PreviousStage is { } stage && stage != Result.StageUsed;

    public decimal Index => Result.Index!.Value;
}

/// <summary>One year's ranking of the units of a province and level.</summary>
/// <param name="Year">Index year.</param>
/// <param name="Province">Province slug.</param>
/// <param name="Level">Level of the units.</param>
/// <param name="Units">Ranked units, best first (ties in unit-id order).</param>
/// <param name="Unranked">Units with a result but a missing total.</param>
/// <param name="Notes">Vietnamese notes on what the ranking mixes (self-assessed totals among appraised ones, synthetic data, several frameworks).</param>
public sealed record Ranking(int Year, string Province, string Level, IReadOnlyList<RankedUnit> Units, IReadOnlyList<UnitYearResult> Unranked, IReadOnlyList<string> Notes)
{
    /// <summary>The level in words ("cấp huyện"), from the data's places; the id without them.</summary>
    public string LevelName => Source?.Places.LevelName(Level) ?? Level;

    private Dictionary<string, RankedUnit>? byId;

    /// <summary>The snapshot the ranking was computed from (for the next-rank paths' counts); null for a hand-made ranking.</summary>
    internal IndexData? Source { get; init; }

    public RankedUnit? Find(string unitId)
    {
        byId ??= Units.ToDictionary(u => u.Result.Unit.Id, StringComparer.Ordinal);
        return byId.GetValueOrDefault(unitId);
    }
}

/// <summary>Ranks units by index with standard competition ranking.</summary>
public static class Ranker
{
    /// <summary>Ranks <paramref name="results"/> (one year) by index, highest first. Equal indexes share a rank and the
    /// next rank is skipped (92, 91, 91, 90 → 1, 2, 2, 4).</summary>
    public static IReadOnlyList<(UnitYearResult Result, int Rank, bool Tied)> Rank(IEnumerable<UnitYearResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        // The index (a decimal division) is computed once per unit and carried along, not again by the filter and the loop.
        var ranked = results.Select(r => (Result: r, Index: r.Index)).Where(r => r.Index is not null)
            .OrderByDescending(r => r.Index).ThenBy(r => r.Result.Unit.Id, StringComparer.Ordinal).ToList();
        // Sorted by index, so a unit's rank is one more than the position of the first unit with its index, and it is
        // tied when its neighbour on either side has the same index.
        var output = new List<(UnitYearResult, int, bool)>(ranked.Count);
        var rank = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            var index = ranked[i].Index;
            if (i == 0 || ranked[i - 1].Index != index)
            {
                rank = i + 1;
            }

            var tied = (i > 0 && ranked[i - 1].Index == index) || (i + 1 < ranked.Count && ranked[i + 1].Index == index);
            output.Add((ranked[i].Result, rank, tied));
        }

        return output;
    }

    /// <summary>The ranking of a year, with bands, quartiles and the change since the previous year (following lineage).</summary>
    public static Ranking For(IndexData data, int year, string province, string level, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return data.Memo(("ranking", year, province, level, options), () => Compute(data, year, province, level, options));
    }

    private static Ranking Compute(IndexData data, int year, string province, string level, AnalyticsOptions options)
    {
        var results = data.ResultsOf(year, province, level);
        var current = Rank(results);
        var previous = Rank(data.ResultsOf(year - 1, province, level));
        var previousById = previous.ToDictionary(p => p.Result.Unit.Id, StringComparer.Ordinal);
        var units = current.Select(c =>
        {
            var previousHolder = data.SeriesOf(c.Result.Unit.Id).UnitIdIn(year - 1);
            var before = previousHolder is null ? default : previousById.GetValueOrDefault(previousHolder);
            return new RankedUnit(
                c.Result,
                c.Rank,
                current.Count,
                c.Tied,
                (4 * (c.Rank - 1) / current.Count) + 1,
                options.BandOf(c.Result.Index!.Value),
                before.Result is null ? null : before.Rank,
                before.Result is null ? null : previous.Count,
                before.Result?.StageUsed);
        }).ToList();
        return new Ranking(year, province, level, units, results.Where(r => r.Index is null).ToList(), Notes(results)) { Source = data };
    }

    private static List<string> Notes(IReadOnlyList<UnitYearResult> results)
    {
        var notes = new List<string>();
        var self = results.Where(r => r.StageUsed == Stage.Self).ToList();
        if (self.Count > 0 && self.Count < results.Count)
        {
            notes.Add($"{self.Count} đơn vị chỉ có điểm tự chấm (chưa thẩm định): {string.Join(", ", self.Select(r => r.Unit.FullName))}; so sánh với điểm thẩm định của các đơn vị khác cần thận trọng.");
        }

        var synthetic = results.Count(r => r.Synthetic);
        if (synthetic > 0)
        {
            notes.Add(synthetic == results.Count
                ? "Toàn bộ số liệu năm này là dữ liệu mẫu (không phải số liệu thật)."
                : $"{synthetic}/{results.Count} đơn vị là dữ liệu mẫu (không phải số liệu thật).");
        }

        if (results.Select(r => r.Framework.Id).Distinct().Count() > 1)
        {
            notes.Add("Các đơn vị được chấm theo nhiều bộ tiêu chí khác nhau; xếp hạng theo chỉ số (%).");
        }

        // Issue 13 §3: say what the index is made of when it is more than the criteria tree.
        foreach (var framework in results.Select(r => r.Framework).Where(f => f.HasComponents).DistinctBy(f => f.Id))
        {
            notes.Add($"Chỉ số theo {framework.DisplayName} gồm điểm theo bộ tiêu chí và các thành phần: {string.Join("; ", framework.Components.Where(c => !c.IsCriteria).Select(c => $"{c.Name} (tối đa {VietnameseText.Number(c.MaxPoints)}, {c.Role.ToVietnamese()})"))}. Thành phần chưa có điểm không được tính vào cả điểm đạt lẫn điểm tối đa (không coi là 0); chỉ số giữ trong khoảng 0–100.");
        }

        if (results.Any(r => r.Framework.Status == FrameworkStatus.Illustrative))
        {
            notes.Add("Bộ tiêu chí của năm này là khung minh họa (không phải khung chính thức).");
        }

        return notes;
    }
}
