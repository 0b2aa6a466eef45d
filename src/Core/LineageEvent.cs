namespace CchcAnalytics.Core;

/// <summary>What happened to a unit.</summary>
public enum LineageEventKind
{
    /// <summary>Same unit, new kind (thị xã Sầm Sơn → thành phố, 2017). The series continues unchanged.</summary>
    [Code("reclassified", Vietnamese = "đổi loại đơn vị")]
    Reclassified,

    /// <summary>A new unit takes over the whole territory (huyện Tĩnh Gia → thị xã Nghi Sơn, 2020). The series continues under the successor.</summary>
    [Code("succeeded", Vietnamese = "thành lập đơn vị kế thừa")]
    Succeeded,

    /// <summary>The unit is absorbed by another (Đông Sơn → TP Thanh Hóa, 2024). Its series ends; the receiver's series
    /// continues with a break.</summary>
    [Code("merged", Vietnamese = "nhập vào đơn vị khác")]
    Merged,

    /// <summary>A whole level disappears (district level, 1/7/2025). Every series of that level ends.</summary>
    [Code("abolished", Vietnamese = "kết thúc cấp hành chính")]
    Abolished,
}

/// <summary>A change of a unit (or of a whole level) that trend queries must follow.</summary>
/// <param name="Id">Slug, e.g. <c>tinh-gia-nghi-son-2020</c>.</param>
/// <param name="EffectiveYear">First index year scored under the new arrangement.</param>
/// <param name="Date">Legal effective date, when our sources give it.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Province">Province slug.</param>
/// <param name="Level">Level id of the units concerned (data/levels.csv).</param>
/// <param name="FromUnit">The unit that changed; null for an event covering a whole level.</param>
/// <param name="ToUnit">The successor, the receiver of a merger, or the same unit when reclassified.</param>
/// <param name="FromKind">Kind before.</param>
/// <param name="ToKind">Kind after.</param>
/// <param name="LegalBasis">Resolution or decision.</param>
/// <param name="Source">URL of the source.</param>
/// <param name="Note">What the sources do not say, and what follows for the series.</param>
public sealed record LineageEvent(
    string Id,
    int EffectiveYear,
    DateOnly? Date,
    LineageEventKind Kind,
    string Province,
    string Level,
    string? FromUnit,
    string? ToUnit,
    UnitKind? FromKind,
    UnitKind? ToKind,
    string LegalBasis,
    string Source,
    string? Note)
{
    /// <summary>Whether this event ends, renames or re-forms <paramref name="unit"/>.</summary>
    public bool Concerns(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return FromUnit == unit.Id || (FromUnit is null && Province == unit.Province && Level == unit.Level);
    }
}

/// <summary>Text forms of <see cref="LineageEventKind"/>.</summary>
public static class LineageEventKindText
{
    public static string ToCode(this LineageEventKind kind) => EnumCodes.Code<LineageEventKind>(kind);

    public static string ToVietnamese(this LineageEventKind kind) => EnumCodes.Vietnamese<LineageEventKind>(kind);

    public static bool TryParse(string? text, out LineageEventKind kind) => EnumCodes.TryParse<LineageEventKind>(text, out kind);

    /// <summary>Parses a stored text form; throws on unknown text (database or reference data corrupted).</summary>
    public static LineageEventKind Parse(string text) => EnumCodes.Parse<LineageEventKind>(text, "lineage event");
}
