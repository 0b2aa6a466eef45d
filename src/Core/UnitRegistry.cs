namespace CchcAnalytics.Core;

/// <summary>The known units and the spellings that identify them.</summary>
public sealed class UnitRegistry
{
    private static readonly string[] Prefixes =
    [
        "uỷ ban nhân dân", "ubnd", "huyện", "thị xã", "thành phố", "tp", "tx", "xã", "phường", "sở",
    ];

    private static readonly string[][] PrefixKeys = Prefixes.Select(p => VietnameseText.MatchKey(p).Split(' ')).ToArray();

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
    public UnitMatch? Resolve(string text, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (byId.TryGetValue(text.Trim(), out var direct))
        {
            return new UnitMatch(direct, Loose: false);
        }

        var key = NameKey(text);
        if (key.Length == 0)
        {
            return null;
        }

        var exact = Candidates(byKey, key, year);
        if (exact.Count == 1)
        {
            return new UnitMatch(exact[0], Loose: false);
        }

        if (exact.Count > 1)
        {
            return null;
        }

        var loose = Candidates(byAscii, LooseKey(key), year);
        return loose.Count == 1 ? new UnitMatch(loose[0], Loose: true) : null;
    }

    /// <summary>The match key of a name with administrative prefixes ("UBND huyện") removed.</summary>
    public static string NameKey(string text)
    {
        var words = VietnameseText.MatchKey(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var stripped = true;
        while (stripped && words.Count > 1)
        {
            stripped = false;
            foreach (var prefix in PrefixKeys)
            {
                if (words.Count > prefix.Length && words.Take(prefix.Length).SequenceEqual(prefix))
                {
                    words.RemoveRange(0, prefix.Length);
                    stripped = true;
                    break;
                }
            }
        }

        return string.Join(' ', words);
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
