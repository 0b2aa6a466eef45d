namespace CchcAnalytics.Core;

/// <summary>The known units and the spellings that identify them.</summary>
public sealed class UnitRegistry
{
    private static readonly string[] Prefixes =
    [
        "uỷ ban nhân dân", "ubnd", "huyện", "thị xã", "thành phố", "tp", "tx", "xã", "phường", "sở",
    ];

    private static readonly string[][] PrefixKeys = Prefixes.Select(p => VietnameseText.MatchKey(p).Split(' ')).ToArray();

    // The level each prefix names ("tp", "tx" are the abbreviations of thành phố, thị xã); null for "UBND".
    private static readonly string?[] PrefixLevels = Prefixes
        .Select(p => p switch
        {
            "tp" => UnitKind.ThanhPho.ToLevel(),
            "tx" => UnitKind.ThiXa.ToLevel(),
            _ => UnitKindText.TryParse(p, out var kind) ? kind.ToLevel() : null,
        })
        .ToArray();

    private readonly Dictionary<string, Unit> byId;
    private readonly Dictionary<string, List<Unit>> byKey = [];
    private readonly Dictionary<string, List<Unit>> byAscii = [];

    public UnitRegistry(IEnumerable<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        Units = units.ToList();
        byId = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in Units)
        {
            if (!byId.TryAdd(unit.Id, unit))
            {
                throw new ArgumentException($"Unit id '{unit.Id}' appears twice", nameof(units));
            }

            foreach (var spelling in unit.Aliases.Prepend(unit.Name).Prepend(unit.FullName))
            {
                Add(byKey, NameKey(spelling), unit);
                Add(byAscii, LooseKey(NameKey(spelling)), unit);
            }
        }
    }

    /// <summary>All units, in file order.</summary>
    public IReadOnlyList<Unit> Units { get; }

    public Unit? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Finds the unit a document means by <paramref name="text"/> ("HUYỆN HOÀNG HÓA", "UBND huyện Hoàng Hoá",
    /// "hoang-hoa"). When <paramref name="year"/> is given, units that did not exist that year are left out.</summary>
    /// <remarks>Communes formed on 1/7/2025 often share a name with the district they replaced (xã Hoằng Hóa, huyện
    /// Hoằng Hóa). When several units match, a kind word in the text ("xã", "huyện", "phường", "sở") keeps the units of
    /// that level; if that still leaves several, the one that bore the name first (earliest first index year) is meant,
    /// so a bare "Hoằng Hóa" stays the district and the commune is named with its kind or a year.</remarks>
    public UnitMatch? Resolve(string text, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (byId.TryGetValue(text.Trim(), out var direct))
        {
            return new UnitMatch(direct, Loose: false);
        }

        var key = NameKey(text, out var level);
        if (key.Length == 0)
        {
            return null;
        }

        var exact = Pick(Candidates(byKey, key, year), level);
        if (exact.Count == 1)
        {
            return new UnitMatch(exact[0], Loose: false);
        }

        if (exact.Count > 1)
        {
            return null;
        }

        var loose = Pick(Candidates(byAscii, LooseKey(key), year), level);
        return loose.Count == 1 ? new UnitMatch(loose[0], Loose: true) : null;
    }

    /// <summary>The match key of a name with administrative prefixes ("UBND huyện") removed.</summary>
    public static string NameKey(string text) => NameKey(text, out _);

    /// <summary>The match key, and the level named by the last kind word removed ("huyện" → district, "xã" → commune).</summary>
    private static string NameKey(string text, out string? level)
    {
        level = null;
        var words = VietnameseText.MatchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var stripped = true;
        while (stripped && words.Count > 1)
        {
            stripped = false;
            for (var i = 0; i < PrefixKeys.Length; i++)
            {
                var prefix = PrefixKeys[i];
                if (words.Count > prefix.Length && words.Take(prefix.Length).SequenceEqual(prefix))
                {
                    words.RemoveRange(0, prefix.Length);
                    level = PrefixLevels[i] ?? level;
                    stripped = true;
                    break;
                }
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>Several candidates: those of the level the text names, if any; then the one scored first, if only one is.</summary>
    private static List<Unit> Pick(List<Unit> candidates, string? level)
    {
        if (candidates.Count < 2)
        {
            return candidates;
        }

        if (level is not null && candidates.Where(u => u.Level == level).ToList() is { Count: > 0 } ofLevel)
        {
            candidates = ofLevel;
        }

        if (candidates.Count < 2)
        {
            return candidates;
        }

        var first = candidates.Min(Start);
        var earliest = candidates.Where(u => Start(u) == first).ToList();
        return earliest.Count == 1 ? earliest : candidates;

        static int Start(Unit unit) => unit.FirstYear ?? unit.ValidFrom?.Year ?? int.MinValue;
    }

    /// <summary>A name key without tones and vowel marks: "hoa2ng ho1a" → "hoang hoa".</summary>
    private static string LooseKey(string nameKey) => VietnameseText.AsciiKey(string.Join(' ', nameKey.Split(' ').Select(word =>
        word.Length > 1 && char.IsAsciiDigit(word[^1]) && char.IsLetter(word[^2]) ? word[..^1] : word)));

    private static List<Unit> Candidates(Dictionary<string, List<Unit>> index, string key, int? year) =>
        index.TryGetValue(key, out var units)
            ? units.Where(u => year is null || u.ExistsIn(year.Value)).Distinct().ToList()
            : [];

    private static void Add(Dictionary<string, List<Unit>> index, string key, Unit unit)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(unit))
        {
            list.Add(unit);
        }
    }
}
