using CchcAnalytics.Core;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace CchcAnalytics.Charts.Maps;

/// <summary>A former district (of 30/6/2025) and its Vietnamese full name ("huyện Hoằng Hóa", "thị xã Bỉm Sơn").</summary>
public sealed record FormerDistrict(string UnitId, string FullName);

/// <summary>District outlines dissolved from the 2025 communes, for the districts that can be drawn honestly, and why
/// every other district is left out.</summary>
/// <param name="Districts">The whole districts' outlines, keyed by district id, named by full name.</param>
/// <param name="LeftOut">Per district left out, the Vietnamese reason.</param>
public sealed record DistrictDissolve(BoundarySet? Districts, IReadOnlyDictionary<string, string> LeftOut);

/// <summary>Dissolves the communes of a boundary set by their former district, only for a district whose outline
/// the sources give wholly: every commune formed from any part of it is documented and was formed from that district
/// alone, and no commune's former unit left open could have been in it (its full name does not appear in any
/// <c>unresolved</c> reason). Partial districts are never drawn. The union and the closing of slivers are
/// NetTopologySuite's.</summary>
/// <remarks>The outlines are those of 30/6/2025's districts, as far as the 2025 communes give them; whether a
/// district's boundary moved between 2017 and 2025 the sources do not say.</remarks>
public static class DistrictDissolver
{
    /// <summary>The tolerance tools/BoundaryBuilder simplified each commune with (0.0005°, about 50 m): neighbours may
    /// leave gaps up to twice as wide between them, which the dissolve closes.</summary>
    public const double SliverTolerance = 0.0005;

    /// <summary>Dissolves <paramref name="communes"/> by <paramref name="origins"/> for <paramref name="districts"/>.
    /// Throws <see cref="ArgumentException"/> when a commune of the set has no origin row.</summary>
    public static DistrictDissolve Dissolve(BoundarySet communes, IEnumerable<CommuneOrigin> origins, IEnumerable<FormerDistrict> districts)
    {
        ArgumentNullException.ThrowIfNull(communes);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(districts);
        var byCommune = origins.ToDictionary(o => o.UnitId, StringComparer.Ordinal);
        if (communes.Shapes.FirstOrDefault(s => !byCommune.ContainsKey(s.UnitId)) is { } orphan)
        {
            throw new ArgumentException($"Đơn vị '{orphan.UnitId}' có ranh giới nhưng không có dòng nguồn gốc (commune-origins.csv), nên không gộp được huyện nào.", nameof(origins));
        }

        var open = byCommune.Values.Where(o => o.Unresolved.Length > 0).ToList();
        var shapes = new List<BoundaryShape>();
        var leftOut = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var district in districts)
        {
            var members = byCommune.Values.Where(o => o.FormerDistricts.Contains(district.UnitId, StringComparer.Ordinal))
                .OrderBy(o => o.UnitId, StringComparer.Ordinal).ToList();
            var reason = members switch
            {
                [] => "không xã, phường nào của năm 2025 được ghi là hình thành từ đơn vị này",
                _ when members.FirstOrDefault(m => m.FormerDistricts.Count > 1) is { } shared =>
                    $"'{shared.UnitId}' gồm cả phần của {string.Join(", ", shared.FormerDistricts.Where(d => d != district.UnitId))}",
                _ when members.FirstOrDefault(m => m.Status != "documented") is { } partial =>
                    $"'{partial.UnitId}' có đơn vị cũ chưa xác định được thuộc huyện nào",
                _ when open.FirstOrDefault(o => Mentions(o.Unresolved, district.FullName)) is { } maybe =>
                    $"một đơn vị cũ của '{maybe.UnitId}' có thể thuộc {district.FullName}, nguồn không ghi rõ",
                _ when members.FirstOrDefault(m => communes.Find(m.UnitId) is null) is { } missing =>
                    $"'{missing.UnitId}' không có ranh giới",
                _ => null,
            };
            if (reason is not null)
            {
                leftOut[district.UnitId] = reason;
                continue;
            }

            var union = UnaryUnionOp.Union(members.Select(m => communes.Find(m.UnitId)!.Geometry).ToList());
            // Closing (buffer out, then in, by the simplification tolerance) fills the slivers left between communes
            // that were simplified one by one; it moves no outline by more than that tolerance.
            shapes.Add(new BoundaryShape(district.UnitId, "", district.FullName, union.Buffer(SliverTolerance).Buffer(-SliverTolerance)));
        }

        return new DistrictDissolve(shapes.Count == 0 ? null : BoundarySet.Of(communes.Name + " (gộp theo huyện cũ)", shapes, communes.Source, communes.License), leftOut);
    }

    private static bool Mentions(string text, string name) =>
        $" {VietnameseText.MatchKey(text)} ".Contains($" {VietnameseText.MatchKey(name)} ", StringComparison.Ordinal);
}
