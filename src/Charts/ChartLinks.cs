using System.Globalization;

namespace CchcAnalytics.Charts;

/// <summary>The dashboard pages a chart mark opens: a unit's page of a year, a criterion in the unit's score sheet, or a
/// criterion across units on Tiêu chí. Paths on this site only (they become <c>href</c>s).</summary>
internal static class ChartLinks
{
    /// <summary><c>/don-vi/hoang-hoa?nam=2023</c>.</summary>
    public static string Unit(string unitId, int year) =>
        $"/don-vi/{Uri.EscapeDataString(unitId)}?nam={Year(year)}";

    /// <summary>The row of a code in the unit's full score sheet, opened: <c>/don-vi/hoang-hoa?nam=2023&amp;bang-diem=1#ma-7.1</c>.</summary>
    public static string Sheet(string unitId, int year, string code) =>
        $"{Unit(unitId, year)}&bang-diem=1#ma-{Uri.EscapeDataString(code)}";

    /// <summary>An area's criteria across the units of a year on Tiêu chí: <c>/tieu-chi?nam=2023&amp;linh-vuc=7</c>.</summary>
    public static string Area(int year, string areaCode) =>
        $"/tieu-chi?nam={Year(year)}&linh-vuc={Uri.EscapeDataString(areaCode)}";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
