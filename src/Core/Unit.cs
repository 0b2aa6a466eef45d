namespace CchcAnalytics.Core;

/// <summary>An administrative unit that scores itself on the index.</summary>
/// <param name="Id">ASCII slug, stable forever (e.g. <c>hoang-hoa</c>).</param>
/// <param name="Name">Vietnamese name without the kind, NFC (e.g. "Hoằng Hóa").</param>
/// <param name="Kind">Huyện, thị xã, thành phố, …</param>
/// <param name="Province">Province slug (e.g. <c>thanh-hoa</c>).</param>
/// <param name="ValidFrom">First day the unit existed in this form; null when earlier than our data.</param>
/// <param name="ValidTo">Last day the unit existed in this form; null while it exists.</param>
/// <param name="Aliases">Other spellings seen in documents ("HOÀNG HOÁ", "Hoàng Hoá").</param>
public sealed record Unit(
    string Id,
    string Name,
    UnitKind Kind,
    string Province,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string> Aliases)
{
    /// <summary>Name with its kind, as Vietnamese writes it: "huyện Hoằng Hóa", "thành phố Sầm Sơn".</summary>
    public string FullName => $"{Kind.ToVietnamese()} {Name}";

    /// <summary>Whether the unit existed at any time during <paramref name="year"/>.</summary>
    public bool ExistsIn(int year) =>
        (ValidFrom is null || ValidFrom.Value.Year <= year) && (ValidTo is null || ValidTo.Value.Year >= year);
}
