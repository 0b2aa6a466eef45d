namespace CchcAnalytics.Core;

/// <summary>Kind of an administrative unit that can be scored. District-level kinds come first;
/// communes and provincial departments are scored after the 2025 reorganisation.</summary>
public enum UnitKind
{
    /// <summary>Huyện (rural district).</summary>
    Huyen,

    /// <summary>Thị xã (district-level town).</summary>
    ThiXa,

    /// <summary>Thành phố thuộc tỉnh (provincial city).</summary>
    ThanhPho,

    /// <summary>Xã (commune).</summary>
    Xa,

    /// <summary>Phường (ward).</summary>
    Phuong,

    /// <summary>Sở, ban, ngành (provincial department).</summary>
    So,
}

/// <summary>Text forms of <see cref="UnitKind"/>.</summary>
public static class UnitKindText
{
    private static readonly (UnitKind Kind, string Code, string Vietnamese, string Level)[] Table =
    [
        (UnitKind.Huyen, "huyen", "huyện", "district"),
        (UnitKind.ThiXa, "thi-xa", "thị xã", "district"),
        (UnitKind.ThanhPho, "thanh-pho", "thành phố", "district"),
        (UnitKind.Xa, "xa", "xã", "commune"),
        (UnitKind.Phuong, "phuong", "phường", "commune"),
        (UnitKind.So, "so", "sở", "department"),
    ];

    public static string ToCode(this UnitKind kind) => Table.First(t => t.Kind == kind).Code;

    public static string ToVietnamese(this UnitKind kind) => Table.First(t => t.Kind == kind).Vietnamese;

    /// <summary>The scoring level the kind belongs to: "district", "commune" or "department". Frameworks are per level.</summary>
    public static string ToLevel(this UnitKind kind) => Table.First(t => t.Kind == kind).Level;

    public static bool TryParse(string? text, out UnitKind kind)
    {
        var key = VietnameseText.MatchKey(text ?? "");
        foreach (var row in Table)
        {
            if (row.Code == text?.Trim() || VietnameseText.MatchKey(row.Vietnamese) == key)
            {
                kind = row.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
