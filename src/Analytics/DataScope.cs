using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>One level of a province and the years it has data for.</summary>
public sealed record LevelChoice(LevelInfo Level, IReadOnlyList<int> Years);

/// <summary>
/// The province and level a view shows when none is asked for, and the words for them — the one rule for the dashboard,
/// its downloads, the charts and the command line, decided by data (data/provinces.csv, data/levels.csv), never by code.
/// </summary>
public static class DataScope
{
    /// <summary>The province of the data: the first of data/provinces.csv that has units (one province per database);
    /// its slug when the files do not name it.</summary>
    public static ProvinceInfo Province(IndexData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Memo("scope-province", () =>
        {
            var withUnits = data.Units.Select(u => u.Province).Distinct(StringComparer.Ordinal).ToList();
            return data.Places.Provinces.FirstOrDefault(p => withUnits.Contains(p.Id))
                ?? (withUnits.Count > 0 ? new ProvinceInfo(withUnits[0], withUnits[0]) : new ProvinceInfo("", ""));
        });
    }

    /// <summary>Every level of the province's units, in the order of data/levels.csv, with its years.</summary>
    public static IReadOnlyList<LevelChoice> Levels(IndexData data, string province)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Memo(("scope-levels", province), () =>
        {
            var used = data.Units.Where(u => u.Province == province).Select(u => u.Level).Distinct(StringComparer.Ordinal).ToList();
            var known = data.Places.Levels.Where(l => used.Contains(l.Id)).ToList();
            // A level the files do not name still gets a view, under its id.
            known.AddRange(used.Where(id => known.All(l => l.Id != id)).Select((id, i) => new LevelInfo(id, id, id, id, id, false, 1000 + i)));
            return (IReadOnlyList<LevelChoice>)known.Select(l => new LevelChoice(l, data.Years(province, l.Id))).ToList();
        });
    }

    /// <summary>The level shown when none is asked for: the default of data/levels.csv when it has data, else the level
    /// with the latest data, else the first.</summary>
    public static LevelInfo DefaultLevel(IndexData data, string province)
    {
        var choices = Levels(data, province);
        return choices.FirstOrDefault(c => c.Level.IsDefault && c.Years.Count > 0)?.Level
            ?? choices.Where(c => c.Years.Count > 0).OrderByDescending(c => c.Years[^1]).ThenBy(c => c.Level.Ordinal).FirstOrDefault()?.Level
            ?? (choices.Count > 0 ? choices[0].Level : new LevelInfo("", "", "", "", "", false, 0));
    }

    /// <summary>The level <paramref name="text"/> names (id, code, label) among the province's levels; null when none.</summary>
    public static LevelInfo? FindLevel(IndexData data, string province, string? text)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Places.FindLevel(text) is { } found ? Levels(data, province).FirstOrDefault(c => c.Level.Id == found.Id)?.Level
            : Levels(data, province).FirstOrDefault(c => c.Level.Id == text?.Trim())?.Level;
    }

    /// <summary>The year shown when none is asked for: the latest whose results at the level are appraised (a leader
    /// reviews final results; the year under way is one click away), else the latest with data; null without data.</summary>
    public static int? DefaultYear(IndexData data, string province, string level)
    {
        ArgumentNullException.ThrowIfNull(data);
        var years = data.Years(province, level);
        return years.Count == 0 ? null : data.Memo(("scope-default-year", province, level), () =>
        {
            for (var i = years.Count - 1; i >= 0; i--)
            {
                if (data.ResultsOf(years[i], province, level).Any(r => r.StageUsed == Stage.Appraised))
                {
                    return (int?)years[i];
                }
            }

            return years[^1];
        });
    }

    /// <summary>The level a year is read at when none is asked for (the command line, a chart without units): the
    /// default level when it has data that year, else the level with the most units that year (the first in
    /// data/levels.csv on a tie), else the default level.</summary>
    public static LevelInfo LevelForYear(IndexData data, string province, int year)
    {
        var fallback = DefaultLevel(data, province);
        var choices = Levels(data, province).Where(c => c.Years.Contains(year)).ToList();
        return choices.Any(c => c.Level.Id == fallback.Id) ? fallback
            : choices.OrderByDescending(c => data.ResultsOf(year, province, c.Level.Id).Count).ThenBy(c => c.Level.Ordinal).FirstOrDefault()?.Level ?? fallback;
    }
}
