using System.Text.RegularExpressions;
using CchcAnalytics.Core;

namespace CchcAnalytics.BoundaryBuilder;

/// <summary>Finds each 2025 commune's former district(s): the pre-2025 communes it was formed from (the
/// <c>truocsapnhap</c> column of the dataset's sapnhap.bando.com.vn table), each looked up by name in the dataset's
/// list of units before 1/7/2025 (release v2.4.1: communes with their district). A name found in one district only, or
/// made unique by the district the source writes in brackets, gives that district; a name shared by communes of several
/// districts, or not in the list, is left unresolved and said so: nothing is guessed.</summary>
internal sealed partial class OriginResolver
{
    private const string Unchanged = "giữ nguyên";

    private readonly Dictionary<string, List<(string Name, string District)>> byKey = [];
    private readonly Dictionary<string, List<(string Name, string District)>> byAscii = [];
    private readonly Dictionary<string, string> districtFullNames = [];
    private readonly Dictionary<string, string> beforeBySapnhap;
    private readonly Func<string, string> districtUnitId;

    /// <param name="beforeSql">The v2.4.1 import script (districts and wards tables of the three-tier list).</param>
    /// <param name="sapnhapSql">sapnhapbando_geo_objects.sql (ma, ten, magoc, malk, truocsapnhap, …).</param>
    /// <param name="provinceCode">The province's official code ("38").</param>
    /// <param name="districtUnitId">Maps a district's full name ("Huyện Hoằng Hóa") to its unit id in data/units.csv.</param>
    public OriginResolver(string beforeSql, string sapnhapSql, string provinceCode, Func<string, string> districtUnitId)
    {
        this.districtUnitId = districtUnitId;
        var rows = SqlRows.Tuples(beforeSql).Where(r => r.Count == 8).ToList();
        foreach (var district in rows.Where(r => r[0].Length == 3 && r[6] == provinceCode))
        {
            districtFullNames[district[0]] = VietnameseText.Nfc(district[3]);
        }

        foreach (var ward in rows.Where(r => r[0].Length == 5 && districtFullNames.ContainsKey(r[6])))
        {
            var entry = (VietnameseText.Nfc(ward[3]), districtFullNames[ward[6]]);
            Add(byKey, VietnameseText.MatchKey(ward[3]), entry);
            Add(byAscii, VietnameseText.AsciiKey(ward[3]), entry);
        }

        beforeBySapnhap = SqlRows.Tuples(sapnhapSql)
            .Where(r => r.Count == 7 && r[2] == provinceCode)
            .ToDictionary(r => r[0], r => VietnameseText.Nfc(r[4]), StringComparer.Ordinal);
    }

    /// <summary>Number of pre-2025 communes read (Thanh Hóa: 547).</summary>
    public int FormerCommuneCount => byKey.Values.Sum(v => v.Count);

    public IReadOnlyCollection<string> Districts => districtFullNames.Values;

    public CommuneOrigin Resolve(Commune commune)
    {
        if (!beforeBySapnhap.TryGetValue(commune.Code, out var before))
        {
            return new CommuneOrigin(commune, [], [], [], ["Nguồn không có danh sách đơn vị trước sáp nhập của xã này."]);
        }

        var notes = new List<string>();
        var members = before.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (members is [var only] && VietnameseText.MatchKey(only) == VietnameseText.MatchKey(Unchanged))
        {
            members = [commune.FullName];
            notes.Add($"Nguồn ghi “giữ nguyên”: {LowerFirst(commune.FullName)} không sáp nhập với đơn vị nào.");
        }

        var districts = new List<string>();
        var unresolved = new List<string>();
        foreach (var member in members)
        {
            var match = HintPattern().Match(member);
            var name = match.Success ? match.Groups["name"].Value.Trim() : member;
            var hint = match.Success ? match.Groups["hint"].Value.Trim() : null;
            var candidates = Filter(byKey.GetValueOrDefault(VietnameseText.MatchKey(name)) ?? [], hint);
            if (candidates.Count == 0)
            {
                // A name that differs in a letter (Vân Âm / Vân Am) may be a misprint, or another commune: say so, never join.
                var similar = Filter(byAscii.GetValueOrDefault(VietnameseText.AsciiKey(name)) ?? [], hint);
                var also = similar.Count == 0 ? "" : $" Danh mục có {string.Join(", ", similar.Select(s => $"“{s.Name}” ({LowerFirst(s.District)})"))}, tên gần giống nhưng khác chữ nên không ghép.";
                unresolved.Add($"{member}: không có trong danh mục đơn vị hành chính trước 1/7/2025 của nguồn.{also}");
                continue;
            }

            var inDistricts = candidates.Select(c => c.District).Distinct().ToList();
            if (inDistricts.Count == 1)
            {
                var id = districtUnitId(inDistricts[0]);
                if (!districts.Contains(id))
                {
                    districts.Add(id);
                }
            }
            else
            {
                unresolved.Add($"{member}: tên này có ở {string.Join(" và ", inDistricts.Select(LowerFirst))}; nguồn không ghi rõ thuộc đơn vị nào.");
            }
        }

        return new CommuneOrigin(commune, members, districts, unresolved, notes);
    }

    private static List<(string Name, string District)> Filter(List<(string Name, string District)> candidates, string? hint) =>
        hint is null ? candidates : candidates.Where(c => VietnameseText.MatchKey(c.District) == VietnameseText.MatchKey(hint)).ToList();

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static void Add(Dictionary<string, List<(string, string)>> index, string key, (string, string) entry)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(entry);
    }

    [GeneratedRegex(@"^(?<name>[^()]+)\((?<hint>[^()]+)\)$")]
    private static partial Regex HintPattern();
}
