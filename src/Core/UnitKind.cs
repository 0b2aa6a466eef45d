namespace CchcAnalytics.Core;

/// <summary>Kind of an administrative unit that can be scored. District-level kinds come first;
/// communes and provincial departments are scored after the 2025 reorganisation.</summary>
public enum UnitKind
{
    /// <summary>Huyện (rural district).</summary>
    [Code("huyen", Vietnamese = "huyện")]
    Huyen,

    /// <summary>Thị xã (district-level town).</summary>
    [Code("thi-xa", Vietnamese = "thị xã")]
    ThiXa,

    /// <summary>Thành phố thuộc tỉnh (provincial city).</summary>
    [Code("thanh-pho", Vietnamese = "thành phố")]
    ThanhPho,

    /// <summary>Xã (commune).</summary>
    [Code("xa", Vietnamese = "xã")]
    Xa,

    /// <summary>Phường (ward).</summary>
    [Code("phuong", Vietnamese = "phường")]
    Phuong,

    /// <summary>Sở, ban, ngành (provincial department).</summary>
    [Code("so", Vietnamese = "sở")]
    So,
}

/// <summary>Text forms of <see cref="UnitKind"/>.</summary>
public static class UnitKindText
{
    public static string ToCode(this UnitKind kind) => EnumCodes.Code<UnitKind>(kind);

    public static string ToVietnamese(this UnitKind kind) => EnumCodes.Vietnamese<UnitKind>(kind);

    /// <summary>The scoring level the kind belongs to: "district", "commune" or "department". Frameworks are per level.</summary>
    public static string ToLevel(this UnitKind kind) => kind switch
    {
        UnitKind.Huyen or UnitKind.ThiXa or UnitKind.ThanhPho => "district",
        UnitKind.Xa or UnitKind.Phuong => "commune",
        UnitKind.So => "department",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown unit kind."),
    };

    /// <summary>Parses a code (<c>thi-xa</c>) or a Vietnamese name in any spelling (<c>Thị xã</c>, <c>thi xa</c>).</summary>
    public static bool TryParse(string? text, out UnitKind kind)
    {
        if (EnumCodes.TryParse<UnitKind>(text, out kind))
        {
            return true;
        }

        var key = VietnameseText.MatchKey(text ?? "");
        foreach (var candidate in Enum.GetValues<UnitKind>())
        {
            if (VietnameseText.MatchKey(candidate.ToVietnamese()) == key)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
