using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>
/// What a page shows: one province, one level (<c>cap=so|huyen|xa</c>, or <c>level=</c> as scripts write it) and one
/// year (<c>nam=</c>), resolved once by <see cref="PageScopes.For"/> and passed to every view, chart address, download
/// and the print report, so that they always agree. Nothing here names a province or a level: the words come from
/// data/provinces.csv and data/levels.csv (<see cref="DataScope"/>).
/// </summary>
/// <param name="Province">The province shown.</param>
/// <param name="Level">The level shown.</param>
/// <param name="Year">The year shown (see <see cref="YearChoice.ForPage"/>).</param>
/// <param name="Years">Years with data at this level, ascending.</param>
/// <param name="Levels">Every level of the province, for the switcher.</param>
/// <param name="Notices">What was asked and could not be shown, in Vietnamese.</param>
public sealed record PageScope(ProvinceInfo Province, LevelInfo Level, int Year, IReadOnlyList<int> Years, IReadOnlyList<LevelChoice> Levels, IReadOnlyList<string> Notices)
{
    public string ProvinceId => Province.Id;

    public string LevelId => Level.Id;

    /// <summary>"cap=huyen&amp;nam=2024": what a link to another view of the same scope carries.</summary>
    public string Query => $"cap={Level.Code}&nam={Year}";

    /// <summary>"cap=huyen": the level alone (for views over every year).</summary>
    public string LevelQuery => $"cap={Level.Code}";

    /// <summary>"cấp huyện" / "sở, ban, ngành".</summary>
    public string LevelName => Level.Name;

    /// <summary>Hidden fields a GET form keeps (the level) besides what it asks.</summary>
    public IReadOnlyList<(string Name, string Value)> Hidden => [("cap", Level.Code)];
}

/// <summary>Resolves a <see cref="PageScope"/> from an address.</summary>
public static class PageScopes
{
    /// <summary>
    /// The scope for <paramref name="cap"/> (or <paramref name="level"/>) and <paramref name="year"/>: without a level,
    /// the level that has the year asked for (<see cref="DataScope.LevelForYear"/>: the default level when it has that
    /// year, so that <c>/?nam=2023</c> still shows the districts), else <see cref="DataScope.DefaultLevel"/>; a unit's page passes <paramref name="unitLevel"/>, which wins. Without a
    /// year, <see cref="DataScope.DefaultYear"/>; a year without data shows the nearest with a notice
    /// (<see cref="YearChoice.ForPage"/>); a level that does not exist shows the default with a notice.
    /// </summary>
    public static PageScope For(IndexData data, string? cap, string? level = null, string? year = null, string? unitLevel = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var province = DataScope.Province(data);
        var choices = DataScope.Levels(data, province.Id);
        var notices = new List<string>();
        var asked = string.IsNullOrWhiteSpace(cap) ? level : cap;
        var chosen = unitLevel is not null ? choices.FirstOrDefault(c => c.Level.Id == unitLevel)?.Level : null;
        var unknown = false;
        if (chosen is null && !string.IsNullOrWhiteSpace(asked))
        {
            chosen = DataScope.FindLevel(data, province.Id, asked);
            unknown = chosen is null;
        }

        // Without a level (or with one that does not exist), a year asked for picks the level that has it.
        if (chosen is null && YearChoice.Parse(year) is { } yearAsked)
        {
            chosen = DataScope.LevelForYear(data, province.Id, yearAsked);
        }

        chosen ??= DataScope.DefaultLevel(data, province.Id);
        if (unknown)
        {
            notices.Add($"Không có cấp “{YearChoice.Shorten(asked!)}” (các cấp: {string.Join(", ", choices.Select(c => $"{c.Level.Code} — {c.Level.Label}"))}). "
                + $"Trang đang hiển thị {chosen.Label.ToLower(VietnameseText.Culture)}.");
        }
        var years = choices.FirstOrDefault(c => c.Level.Id == chosen.Id)?.Years ?? [];
        if (years.Count == 0 && choices.Count > 0)
        {
            notices.Add($"Chưa có số liệu {chosen.Name} ({chosen.UnitsName}).");
        }

        var preferred = string.IsNullOrWhiteSpace(year) ? DataScope.DefaultYear(data, province.Id, chosen.Id) : null;
        var (shown, yearNotice) = preferred is { } p ? (p, null) : YearChoice.ForPage(year, years);
        if (yearNotice is not null)
        {
            notices.Add(yearNotice);
        }

        return new PageScope(province, chosen, shown, years, choices, notices);
    }
}
