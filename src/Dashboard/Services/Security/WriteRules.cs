using System.Security.Claims;
using CchcAnalytics.Accounts;
using CchcAnalytics.Core;

namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>Who may store what. Province accounts store anything. A district account stores only its own unit's
/// self-assessment (điểm tự chấm), never appraised points, other units or sample data. Viewers store nothing.</summary>
public static class WriteRules
{
    /// <summary>Whether <paramref name="user"/>'s file may become a year's draft framework when the year has no usable
    /// one: province accounts only. A district's table is checked against the nearest framework instead (issue 12).</summary>
    public static bool MayDefineFramework(ClaimsPrincipal user) => user?.CchcRole() == Role.Province;

    /// <summary>Null when <paramref name="user"/> may store every submission; otherwise why not, in Vietnamese.</summary>
    public static string? Denial(ClaimsPrincipal user, IReadOnlyList<IncomingSubmission> submissions)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(submissions);
        switch (user.CchcRole())
        {
            case Role.Province:
                return null;
            case Role.District:
                var unit = user.UnitId();
                var others = submissions.Select(s => s.Sheet.UnitId).Where(u => u != unit).Distinct().Order().ToList();
                if (others.Count > 0)
                {
                    return $"Tài khoản của đơn vị {unit} chỉ được ghi số liệu của chính đơn vị mình; tệp này có số liệu của {string.Join(", ", others)}.";
                }

                if (submissions.Any(s => s.Sheet.Stage == Stage.Appraised))
                {
                    return "Điểm thẩm định do Sở Nội vụ nhập; tài khoản cấp huyện chỉ ghi điểm tự chấm.";
                }

                if (submissions.Any(s => s.Synthetic))
                {
                    return "Dữ liệu mẫu chỉ do Sở Nội vụ nạp.";
                }

                return null;
            case Role.Viewer:
                return "Tài khoản chỉ xem không được ghi dữ liệu.";
            default:
                return "Cần đăng nhập để ghi dữ liệu.";
        }
    }
}
