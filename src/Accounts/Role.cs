namespace CchcAnalytics.Accounts;

/// <summary>What an account may do. Ordered by reach: a province account may do everything a district account may.</summary>
public enum Role
{
    /// <summary>Reads dashboards and exports; writes nothing.</summary>
    Viewer,

    /// <summary>A district People's Committee: uploads its own unit's self-assessment (điểm tự chấm) and reads.</summary>
    District,

    /// <summary>Sở Nội vụ: uploads any unit's data, including appraised points (điểm thẩm định), and manages accounts.</summary>
    Province,
}

/// <summary>Role codes as stored and typed (<c>province</c>, <c>district</c>, <c>viewer</c>) and their Vietnamese names.</summary>
public static class RoleText
{
    public static string ToCode(this Role role) => role switch
    {
        Role.Province => "province",
        Role.District => "district",
        _ => "viewer",
    };

    public static string ToVietnamese(this Role role) => role switch
    {
        Role.Province => "Sở Nội vụ",
        Role.District => "đơn vị cấp huyện",
        _ => "chỉ xem",
    };

    public static bool TryParse(string? code, out Role role)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "province":
                role = Role.Province;
                return true;
            case "district":
                role = Role.District;
                return true;
            case "viewer":
                role = Role.Viewer;
                return true;
            default:
                role = Role.Viewer;
                return false;
        }
    }
}
