using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Charts.Maps;

/// <summary>What a map of one level and year is drawn on, or why there is none: the boundary set (and a note on how it
/// was made, for outlines dissolved from smaller units), or a Vietnamese reason for a reader.</summary>
/// <param name="Boundaries">The outlines; null when there is no honest map.</param>
/// <param name="Reason">Why there is no map, in one sentence (null when there is one).</param>
/// <param name="Notes">Notes to print with the map (how the outlines were made).</param>
public sealed record MapAvailability(BoundarySet? Boundaries, string? Reason, IReadOnlyList<string> Notes)
{
    /// <summary>No map, for <paramref name="reason"/>.</summary>
    public static MapAvailability None(string reason, string? detail = null) => new(null, reason, []) { Detail = detail };

    /// <summary>More about why there is no map (what could not be drawn and why); null when the reason says it all.</summary>
    public string? Detail { get; init; }

    /// <summary>The reason and its detail, as a download's refusal says it.</summary>
    public string? FullReason => Reason is null ? null : Detail is null ? Reason : $"{Reason} {Detail}";
}

/// <summary>The outlines maps are drawn on: every boundary file of a data folder (<c>data/boundaries/*.geojson</c>),
/// read once at start-up and shared by every request. Which file a map uses is decided by the data, never by a name in
/// code: the file whose shapes are exactly units of the requested level and cover every unit with a result that year
/// (<see cref="For"/>).</summary>
public sealed class MapBoundaries
{
    public MapBoundaries(IEnumerable<BoundarySet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        Sets = sets.ToList();
    }

    /// <summary>No boundary files: every level says there is no map.</summary>
    public static MapBoundaries None { get; } = new([]);

    /// <summary>The boundary files, in file-name order.</summary>
    public IReadOnlyList<BoundarySet> Sets { get; }

    /// <summary>Reads every <c>*.geojson</c> of <paramref name="folder"/> (none when the folder does not exist). Throws
    /// <see cref="BoundaryDataException"/> (Vietnamese, naming the file) for a file that cannot be used.</summary>
    public static MapBoundaries LoadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Directory.Exists(folder)
            ? new MapBoundaries(Directory.EnumerateFiles(folder, "*.geojson").Order(StringComparer.Ordinal).Select(BoundarySet.Load))
            : None;
    }

    /// <summary>What a map of <paramref name="level"/> in <paramref name="year"/> is drawn on:
    /// <list type="bullet">
    /// <item>a level whose units have no territory (sở, ban, ngành) has no map, and says so;</item>
    /// <item>a boundary file whose shapes are all units of the level and cover every unit with a result that year;</item>
    /// <item>else outlines dissolved from a file of smaller units by their former district
    /// (<see cref="DistrictDissolver"/>, data/commune-origins.csv), only when every unit of the year comes out whole —
    /// otherwise no map, with how many units could not be drawn honestly and why.</item>
    /// </list></summary>
    public MapAvailability For(IndexData data, string province, string level, int year)
    {
        ArgumentNullException.ThrowIfNull(data);
        var levelName = data.Places.LevelName(level);
        var unitsName = data.Places.UnitsName(level);
        var results = data.ResultsOf(year, province, level);
        if (results.Count == 0)
        {
            return MapAvailability.None($"Không có bản đồ {levelName} năm {year}: chưa có kết quả của đơn vị nào.");
        }

        if (results.All(r => r.Unit.Kind == UnitKind.So))
        {
            return MapAvailability.None($"Không có bản đồ {levelName}: {unitsName} không có địa giới hành chính, nên không tô màu được trên bản đồ.");
        }

        var units = data.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        bool OfLevel(BoundarySet set, string wanted) => set.Shapes.All(s => units.TryGetValue(s.UnitId, out var u) && u.Province == province && u.Level == wanted);
        if (Sets.FirstOrDefault(set => OfLevel(set, level) && results.All(r => set.Find(r.Unit.Id) is not null)) is { } own)
        {
            return new MapAvailability(own, null, []);
        }

        // Outlines of larger units only from a file of smaller ones (communes) and where they came from.
        var smaller = Sets.FirstOrDefault(set => set.Shapes.Count > 0 && units.TryGetValue(set.Shapes[0].UnitId, out var first) && first.Province == province
            && first.Level != level && OfLevel(set, first.Level) && set.Shapes.All(s => data.OriginOf(s.UnitId) is not null));
        if (smaller is null)
        {
            return MapAvailability.None($"Không có bản đồ {levelName}: chưa có tệp ranh giới của {unitsName} (thư mục data/boundaries).");
        }

        var wanted = results.Select(r => r.Unit).DistinctBy(u => u.Id).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
        var dissolve = data.Memo(("map-dissolve", smaller.Name, string.Join('|', wanted.Select(u => u.Id))), () =>
            DistrictDissolver.Dissolve(smaller, data.Origins.Where(o => smaller.Find(o.UnitId) is not null), wanted.Select(u => new FormerDistrict(u.Id, u.FullName))));
        var smallerUnits = smaller.Shapes.Select(s => units[s.UnitId]).ToList();
        var since = smallerUnits.Select(u => u.FirstYear).OfType<int>().DefaultIfEmpty(year).Min();
        var smallerName = data.Places.UnitsName(smallerUnits[0].Level);
        if (dissolve.LeftOut.Count == 0 && dissolve.Districts is { } whole)
        {
            return new MapAvailability(whole, null,
                [$"Ranh giới {unitsName} ghép từ ranh giới {smallerName} năm {since} theo nơi hình thành (data/commune-origins.csv): là ranh giới ngày trước khi sắp xếp; nguồn không cho biết ranh giới có thay đổi trong các năm trước đó không."]);
        }

        var drawn = wanted.Count - dissolve.LeftOut.Count;
        return MapAvailability.None(
            $"Không có bản đồ {levelName} năm {year}: ranh giới {unitsName} không dựng lại được trung thực từ ranh giới {smallerName} năm {since} (chỉ {drawn}/{wanted.Count} đơn vị ghép được trọn vẹn).",
            $"Chỉ {drawn}/{wanted.Count} đơn vị gồm trọn các đơn vị {data.Places.LevelName(smallerUnits[0].Level)} hình thành từ riêng đơn vị đó; "
            + $"{dissolve.LeftOut.Count} đơn vị còn lại có phần chung với đơn vị khác, có đơn vị cũ mà nguồn không ghi rõ thuộc đâu, hoặc không tách riêng được (xem data/README.md). "
            + $"Bản đồ thiếu {dissolve.LeftOut.Count} đơn vị sẽ gây hiểu sai, nên không vẽ.");
    }
}
