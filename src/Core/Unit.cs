namespace CchcAnalytics.Core;

/// <summary>An administrative unit that scores itself on the index: a district-level unit, a commune, a department.</summary>
/// <param name="Id">ASCII slug, stable forever (e.g. <c>hoang-hoa</c>).</param>
/// <param name="Name">Vietnamese name, NFC: without the kind for districts and communes ("Hoằng Hóa"), the full
/// name for departments ("Sở Nội vụ").</param>
/// <param name="Kind">Huyện, thị xã, thành phố, xã, phường, sở.</param>
/// <param name="Province">Province slug (e.g. <c>thanh-hoa</c>).</param>
/// <param name="ValidFrom">First day the unit existed in this form; null when earlier than our data or unknown.</param>
/// <param name="ValidTo">Last day the unit existed in this form; null while it exists or when the day is not known
/// (the lineage events then say what happened).</param>
/// <param name="Aliases">Other spellings seen in documents ("HOÀNG HOÁ", "Hoàng Hoá").</param>
/// <param name="FirstYear">First index year the unit is scored for; null when earlier than our data.</param>
/// <param name="LastYear">Last index year the unit is scored for (2019 for Tĩnh Gia, 2023 for Đông Sơn); null while open.</param>
/// <param name="OfficialCode">The unit's code in the national list of administrative units (Quyết định 19/2025/QĐ-TTg
/// for the communes of 2025, e.g. "15865"); null where data/units.csv gives none.</param>
public sealed record Unit(
    string Id,
    string Name,
    UnitKind Kind,
    string Province,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string> Aliases,
    int? FirstYear = null,
    int? LastYear = null,
    string? OfficialCode = null)
{
    /// <summary>The level id (data/levels.csv) of the unit's kind (<see cref="UnitKindText.ToLevel"/>).</summary>
    public string Level => Kind.ToLevel();

    /// <summary>Name as Vietnamese writes it: "huyện Hoằng Hóa", "thành phố Sầm Sơn", "Sở Nội vụ".</summary>
    public string FullName => Kind == UnitKind.So ? Name : $"{Kind.ToVietnamese()} {Name}";

    /// <summary>Whether the unit is scored for index year <paramref name="year"/>: within its first and last index
    /// years when known, else within the years of its legal existence.</summary>
    public bool ExistsIn(int year) =>
        (FirstYear ?? ValidFrom?.Year ?? int.MinValue) <= year && year <= (LastYear ?? ValidTo?.Year ?? int.MaxValue);
}
