using System.Globalization;
using System.Text;

namespace CchcAnalytics.Tests;

/// <summary>Canonical CSVs of communes of 2025 scored on the khung minh họa <c>thanh-hoa-commune-2025-illustrative</c>
/// (criteria 80 + survey 20, bonus up to 5, penalty up to 5; <c>data/frameworks/components.csv</c>), written here
/// independently of the code under test: the tree of the committed framework file with every criterion at full points
/// except the last ones, which lose <c>lost</c> points, then the component rows (<c>level=component</c>). Marked
/// synthetic, so that they are checked against the khung minh họa (real data never is).</summary>
internal static class CommuneCsv
{
    public const string Framework = "thanh-hoa-commune-2025-illustrative";

    public const string Header = "unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence,synthetic";

    /// <summary>xã Hoằng Hóa and xã Nga Sơn (data/units.csv, from 1/7/2025).</summary>
    public const string HoangHoa = "thanh-hoa-xa-hoang-hoa";

    public const string NgaSon = "thanh-hoa-xa-nga-son";

    public const string SurveyName = "Điểm điều tra xã hội học (SIPAS)";

    /// <summary>Two communes, self-assessed: xã Hoằng Hóa with criteria 70/80, survey 15/20, bonus 2 and penalty 1
    /// (index 100 × (70 + 15 + 2 − 1) / (80 + 20) = 86); xã Nga Sơn with criteria 70/80, no survey, bonus 2 and penalty 1
    /// (100 × (70 + 2 − 1) / 80 = 88,75).</summary>
    public static string TwoUnits() => Of(
        [
            .. Tree(HoangHoa, "self", 10m),
            Component(HoangHoa, "self", "survey", SurveyName, 20m, "15"),
            Component(HoangHoa, "self", "bonus", "Điểm thưởng", 5m, "2"),
            Component(HoangHoa, "self", "penalty", "Điểm trừ", 5m, "1"),
            .. Tree(NgaSon, "self", 10m),
            Component(NgaSon, "self", "bonus", "Điểm thưởng", 5m, "2"),
            Component(NgaSon, "self", "penalty", "Điểm trừ", 5m, "1"),
        ]);

    /// <summary>A whole file: the header and <paramref name="lines"/>, LF line ends.</summary>
    public static string Of(IEnumerable<string> lines) => Header + "\n" + string.Concat(lines.Select(l => l + "\n"));

    /// <summary>The criterion rows of one unit's stage: every criterion full except the last ones, which lose
    /// <paramref name="lost"/> points in all (areas are the sums of their criteria).</summary>
    public static IReadOnlyList<string> Tree(string unitId, string stage, decimal lost)
    {
        var rows = FrameworkRows();
        var points = rows.ToDictionary(r => r.Code, r => r.Max, StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Level == "criterion").Reverse())
        {
            var cut = Math.Min(lost, row.Max);
            points[row.Code] -= cut;
            lost -= cut;
        }

        foreach (var area in rows.Where(r => r.Level == "area"))
        {
            points[area.Code] = rows.Where(r => r.Code.StartsWith(area.Code + ".", StringComparison.Ordinal)).Sum(r => points[r.Code]);
        }

        return [.. rows.Select(r => Line(unitId, stage, r.Code, r.Level, r.Name, r.Max, N(points[r.Code]), "Báo cáo số 1"))];
    }

    /// <summary>One component row (<paramref name="points"/> as written, "" for an empty cell).</summary>
    public static string Component(string unitId, string stage, string id, string name, decimal max, string points) =>
        Line(unitId, stage, id, "component", name, max, points, "");

    private static string Line(string unitId, string stage, string code, string level, string name, decimal max, string points, string evidence) =>
        $"{unitId},{Quote(NameOf(unitId))},2025,{stage},{code},{level},{Quote(name)},{N(max)},{points},{evidence},true";

    private static string NameOf(string unitId) => unitId switch
    {
        HoangHoa => "xã Hoằng Hóa",
        NgaSon => "xã Nga Sơn",
        _ => unitId,
    };

    private static List<(string Code, string Level, string Name, decimal Max)> FrameworkRows()
    {
        var path = Path.Combine(TestFiles.RepositoryRoot, "data", "frameworks", Framework + ".csv");
        var rows = new List<(string, string, string, decimal)>();
        foreach (var line in File.ReadAllLines(path, Encoding.UTF8).Skip(1).Where(l => l.Length > 0))
        {
            var cells = Split(line);
            rows.Add((cells[0], cells[1], cells[2], decimal.Parse(cells[3], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>The four cells of a framework row; the name may be quoted and hold commas.</summary>
    private static string[] Split(string line)
    {
        var first = line.IndexOf(',', StringComparison.Ordinal);
        var second = line.IndexOf(',', first + 1);
        var last = line.LastIndexOf(',');
        var name = line[(second + 1)..last];
        return [line[..first], line[(first + 1)..second], name.StartsWith('"') ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name, line[(last + 1)..]];
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
