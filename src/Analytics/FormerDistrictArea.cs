using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>One unit formed on 1/7/2025 from communes of a former district, in one year of the new level.</summary>
/// <param name="Unit">The new xã or phường.</param>
/// <param name="Ranked">Its place in that year's ranking of its level; null when it has no result that year.</param>
/// <param name="OtherDistricts">The other former districts it was formed from too (it straddles them), by id.</param>
public sealed record FormerDistrictMember(Unit Unit, RankedUnit? Ranked, IReadOnlyList<string> OtherDistricts);

/// <summary>The units of a former district's area in one year of the new level, with the area's and the level's mean.</summary>
/// <param name="Year">The year.</param>
/// <param name="Level">The level of the new units (their <see cref="Unit.Level"/>).</param>
/// <param name="Members">Every unit formed (wholly or partly) from the district's communes, best first; those without a
/// result that year last.</param>
/// <param name="Mean">The mean index of the members with a result; null when none has one.</param>
/// <param name="LevelMean">The mean index of every ranked unit of the level that year.</param>
/// <param name="RankOf">How many units the level ranks that year.</param>
/// <param name="Stages">The stages the members' indexes use (a year still being assessed is self-assessed).</param>
public sealed record FormerDistrictYear(int Year, string Level, IReadOnlyList<FormerDistrictMember> Members, decimal? Mean, decimal? LevelMean, int RankOf, IReadOnlyList<Stage> Stages);

/// <summary>
/// "Khu vực huyện cũ": what became of a district's area after the district level ended (1/7/2025) — the xã and phường
/// that data/commune-origins.csv says were formed from its communes, in each year of their level, beside the district's
/// own 2017–2024 series. It is never the same unit: the new units are assessed on another framework, some take in
/// communes of two former districts, and the area is not continued as a series (issue 13 §3).
/// </summary>
public static class FormerDistrictAreas
{
    /// <summary>Every year with results of the units formed from <paramref name="districtId"/>'s communes, oldest first;
    /// empty when the origins name none (a department, a commune, or a data folder without origins).</summary>
    public static IReadOnlyList<FormerDistrictYear> Of(IndexData data, string districtId, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return data.Memo(("former-district-area", districtId), () => Build(data, districtId, options));
    }

    private static List<FormerDistrictYear> Build(IndexData data, string districtId, AnalyticsOptions options)
    {
        var members = data.Origins
            .Where(o => o.FormerDistricts.Contains(districtId, StringComparer.Ordinal))
            .Select(o => (Origin: o, Unit: data.Units.FirstOrDefault(u => u.Id == o.UnitId)))
            .Where(m => m.Unit is not null)
            .ToList();
        if (members.Count == 0)
        {
            return [];
        }

        var output = new List<FormerDistrictYear>();
        foreach (var group in members.GroupBy(m => (m.Unit!.Province, m.Unit.Level)))
        {
            foreach (var year in data.Years(group.Key.Province, group.Key.Level))
            {
                var ranking = Ranker.For(data, year, group.Key.Province, group.Key.Level, options);
                var rows = group
                    .Select(m => new FormerDistrictMember(m.Unit!, ranking.Find(m.Unit!.Id), m.Origin.FormerDistricts.Where(d => d != districtId).ToList()))
                    .OrderBy(m => m.Ranked is null ? 1 : 0)
                    .ThenBy(m => m.Ranked?.Rank ?? int.MaxValue)
                    .ThenBy(m => m.Unit.Name, StringComparer.Ordinal)
                    .ToList();
                var ranked = rows.Where(m => m.Ranked?.Result.Index is not null).ToList();
                if (ranked.Count == 0)
                {
                    continue;
                }

                var levelIndexes = ranking.Units.Select(u => u.Result.Index).OfType<decimal>().ToList();
                output.Add(new FormerDistrictYear(
                    year,
                    group.Key.Level,
                    rows,
                    ranked.Average(m => m.Ranked!.Result.Index!.Value),
                    levelIndexes.Count > 0 ? levelIndexes.Average() : null,
                    ranking.Units.Count,
                    ranked.Select(m => m.Ranked!.Result.StageUsed).Distinct().Order().ToList()));
            }
        }

        return output.OrderBy(y => y.Year).ToList();
    }
}
