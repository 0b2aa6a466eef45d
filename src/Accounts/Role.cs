using CchcAnalytics.Core;

namespace CchcAnalytics.Accounts;

/// <summary>What an account may do. Ordered by reach: a province account may do everything a district account may.</summary>
public enum Role
{
    /// <summary>Reads dashboards and exports; writes nothing.</summary>
    [Code("viewer", Vietnamese = "chỉ xem")]
    Viewer,

    /// <summary>A district People's Committee: uploads its own unit's self-assessment (điểm tự chấm) and reads.</summary>
    [Code("district", Vietnamese = "đơn vị cấp huyện")]
    District,

    /// <summary>Sở Nội vụ: uploads any unit's data, including appraised points (điểm thẩm định), and manages accounts.</summary>
    [Code("province", Vietnamese = "Sở Nội vụ")]
    Province,
}

/// <summary>Role codes as stored and typed (<c>province</c>, <c>district</c>, <c>viewer</c>) and their Vietnamese names.</summary>
public static class RoleText
{
    public static string ToCode(this Role role) => EnumCodes.Code<Role>(role);

    public static string ToVietnamese(this Role role) => EnumCodes.Vietnamese<Role>(role);

    /// <summary>Parses a role code; an unknown code gives <see cref="Role.Viewer"/> and false.</summary>
    public static bool TryParse(string? code, out Role role) => EnumCodes.TryParse<Role>(code, out role);
}
