using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>
/// The units of one province and level, and the unit a reader typed in an address — its id, or its name with or
/// without diacritics ("Hoằng Hóa", "hoang hoa") — memoised per data version, so a page request does not rebuild the
/// name keys of every unit.
/// </summary>
public static class UnitLookup
{
    /// <summary>The units of <paramref name="province"/> and <paramref name="level"/>, in Vietnamese name order.</summary>
    public static IReadOnlyList<Unit> Units(IndexData data, string province, string level)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Memo(("units-of", province, level), () => (IReadOnlyList<Unit>)data.Units
            .Where(u => u.Province == province && u.Level == level)
            .OrderBy(u => u.Name, StringComparer.Create(VietnameseText.Culture, false))
            .ToList());
    }

    /// <summary>The unit <paramref name="text"/> names among those units (see <see cref="UnitRegistry.Resolve"/>); null
    /// when none or several do.</summary>
    public static Unit? Find(IndexData data, string province, string level, string text, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(text);
        return data.Memo(("unit-registry", province, level), () => new UnitRegistry(Units(data, province, level)))
            .Resolve(text, year)?.Unit;
    }

    /// <summary>The units of <paramref name="province"/> (every level) whose name, full name, alias or id contains
    /// <paramref name="text"/>, with or without diacritics ("hoang hoa"); at most <paramref name="limit"/>, by name.</summary>
    public static List<Unit> Search(IndexData data, string province, string text, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(text);
        var key = VietnameseText.AsciiKey(text.Trim());
        if (key.Length == 0)
        {
            return [];
        }

        return data.Units
            .Where(u => u.Province == province && (u.Id == text.Trim()
                || VietnameseText.AsciiKey(u.FullName).Contains(key, StringComparison.Ordinal)
                || u.Aliases.Any(a => VietnameseText.AsciiKey(a).Contains(key, StringComparison.Ordinal))))
            .OrderBy(u => VietnameseText.AsciiKey(u.Name) == key ? 0 : 1)
            .ThenBy(u => u.Name, StringComparer.Create(VietnameseText.Culture, false))
            .Take(limit)
            .ToList();
    }
}
