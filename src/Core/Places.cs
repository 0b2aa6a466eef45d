namespace CchcAnalytics.Core;

/// <summary>A scoring level as data/levels.csv describes it.</summary>
/// <param name="Id">The level id the model uses (<see cref="Unit.Level"/>, frameworks.csv's <c>level</c>).</param>
/// <param name="Code">The short Vietnamese code in addresses and on the command line (<c>cap=huyen</c>, <c>--level huyen</c>).</param>
/// <param name="Name">The level in a sentence: "cấp huyện", "sở, ban, ngành" ("{n} đơn vị {Name}").</param>
/// <param name="UnitsName">Its units as a leader names them: "các huyện, thị xã, thành phố".</param>
/// <param name="Label">The level on the switcher: "Cấp huyện".</param>
/// <param name="IsDefault">The level a leader uses most: the dashboard opens on it (README says which and why).</param>
/// <param name="Ordinal">Order on the switcher and in lists (the file's order).</param>
public sealed record LevelInfo(string Id, string Code, string Name, string UnitsName, string Label, bool IsDefault, int Ordinal);

/// <summary>A province as data/provinces.csv names it.</summary>
/// <param name="Id">Slug (units.csv's <c>province</c>).</param>
/// <param name="Name">Vietnamese name without the word tỉnh ("Thanh Hóa").</param>
public sealed record ProvinceInfo(string Id, string Name);

/// <summary>The provinces and levels the data describe (data/provinces.csv, data/levels.csv): the words readers see for
/// them come from here, never from code. An id the files do not name is shown as it is.</summary>
public sealed class Places
{
    public Places(IReadOnlyList<ProvinceInfo> provinces, IReadOnlyList<LevelInfo> levels)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        ArgumentNullException.ThrowIfNull(levels);
        Provinces = provinces;
        Levels = levels.OrderBy(l => l.Ordinal).ToList();
    }

    /// <summary>No provinces and no levels: every id is shown as it is.</summary>
    public static Places None { get; } = new([], []);

    public IReadOnlyList<ProvinceInfo> Provinces { get; }

    /// <summary>In switcher order.</summary>
    public IReadOnlyList<LevelInfo> Levels { get; }

    /// <summary>The level with this id, code, label or name (<c>district</c>, <c>huyen</c>, <c>Cấp huyện</c>, <c>cap huyen</c>); null when none.</summary>
    public LevelInfo? FindLevel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var key = VietnameseText.AsciiKey(trimmed);
        return Levels.FirstOrDefault(l => l.Id == trimmed || l.Code == trimmed)
            ?? Levels.FirstOrDefault(l => VietnameseText.AsciiKey(l.Code) == key || VietnameseText.AsciiKey(l.Id) == key
                || VietnameseText.AsciiKey(l.Label) == key || VietnameseText.AsciiKey(l.Name) == key);
    }

    /// <summary>The same places with <paramref name="level"/> (an id or a code) as the default level instead of the one
    /// data/levels.csv marks; unchanged when no level has that id or code.</summary>
    public Places WithDefault(string level)
    {
        var chosen = FindLevel(level);
        return chosen is null ? this : new Places(Provinces, Levels.Select(l => l with { IsDefault = l.Id == chosen.Id }).ToList());
    }

    /// <summary>The level with this id; null when the files do not name it.</summary>
    public LevelInfo? Level(string id) => Levels.FirstOrDefault(l => l.Id == id);

    /// <summary>The level in a sentence (<c>cấp huyện</c> for <c>district</c>); the id itself when unknown.</summary>
    public string LevelName(string level) => Level(level)?.Name ?? level;

    /// <summary>The level's units as a leader names them; the id itself when unknown.</summary>
    public string UnitsName(string level) => Level(level)?.UnitsName ?? level;

    /// <summary>The level's address code (<c>cap=</c>); the id itself when unknown.</summary>
    public string LevelCode(string level) => Level(level)?.Code ?? level;

    /// <summary>The province's Vietnamese name; the slug itself when unknown.</summary>
    public string ProvinceName(string province) => Provinces.FirstOrDefault(p => p.Id == province)?.Name ?? province;
}
