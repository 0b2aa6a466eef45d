namespace CchcAnalytics.Core;

/// <summary>Where a commune of 2025 came from, as a row of <c>data/commune-origins.csv</c> says: its status
/// (<c>documented</c> when the district of every former unit is known, <c>partial</c> when some are not, <c>unknown</c>
/// when the source lists none), the district-level units of 30/6/2025 its former communes belonged to (ids of
/// <c>units.csv</c>; empty when no source gives one), and the Vietnamese reasons for the former units left open.</summary>
/// <param name="UnitId">The commune's id in <c>units.csv</c>.</param>
/// <param name="Status"><c>documented</c>, <c>partial</c> or <c>unknown</c>.</param>
/// <param name="FormerDistricts">District ids, in the file's order; a commune formed from two districts names both.</param>
/// <param name="Unresolved">Why some former units have no district ("" when none is left open).</param>
public sealed record CommuneOrigin(string UnitId, string Status, IReadOnlyList<string> FormerDistricts, string Unresolved)
{
    /// <summary>The statuses the file may give.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["documented", "partial", "unknown"];

    /// <summary>The former xã, phường and thị trấn as the source prints them ("Phường Ba Đình (thị xã Bỉm Sơn)").</summary>
    public IReadOnlyList<string> FormerUnits { get; init; } = [];
}
