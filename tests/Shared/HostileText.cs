using System.Text;

namespace CchcAnalytics.Tests;

/// <summary>Evidence a district could type to attack whoever opens the province's exports: line breaks of every kind
/// (a lone CR, LF, CR LF), quotes and separators, and lines that a spreadsheet would run as a formula after each break.
/// <see cref="Csv"/> puts it into a real canonical CSV of one unit-year (both stages), built from the committed sample
/// with <c>synthetic=false</c>, written here with every field quoted, independently of the code under test.</summary>
internal static class HostileText
{
    /// <summary>Sub-criterion codes (of the 2017–2019 district framework) and the evidence each gets, in both stages.</summary>
    public static readonly IReadOnlyList<(string Code, string Evidence)> Evidence =
    [
        ("1.1.1", "Kế hoạch số 85/KH-UBND\r=HYPERLINK(\"http://x.example\",\"bấm\")"),
        ("1.1.2", "Quyết định số 12\n+1+1"),
        ("1.1.3", "Báo cáo số 3\r\n-2+3"),
        ("1.2.1", "a, b; \"c\"\r@SUM(A1:A9)"),
        ("1.2.2", "\r=1+1"),
        ("1.3.2", "dòng 1\r  =2\r\n\t=3\n@4\r'đã có nháy"),
        ("1.3.3", "=cmd|' /C calc'!A0\r\r\n\n,,\"\""),
    ];

    /// <summary>Whether a spreadsheet could run <paramref name="line"/>: its first character after white space is
    /// one of = + - @, and it is not just a signed number ("-2", "+1,5"), which is read as that number.</summary>
    public static bool StartsAFormula(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0 && trimmed[0] is '=' or '+' or '-' or '@' && !IsSignedNumber(trimmed);
    }

    private static bool IsSignedNumber(string text) =>
        text.Length > 1 && text[0] is '+' or '-' && text[1..].All(c => char.IsAsciiDigit(c) || c is '.' or ',') && char.IsAsciiDigit(text[1]);

    /// <summary>The physical lines of <paramref name="text"/> that a spreadsheet could run (split at CR and at LF, as
    /// any program might).</summary>
    public static IReadOnlyList<string> FormulaLines(string text) => text.Split('\r', '\n').Where(StartsAFormula).ToList();

    /// <summary>A canonical CSV of <paramref name="unitId"/>'s <paramref name="year"/> (2017–2019), self and appraised,
    /// as real data, with <see cref="Evidence"/> in both stages.</summary>
    public static byte[] Csv(string unitId, int year)
    {
        var lines = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "data", "sample", $"thanh-hoa-district-{year}-sample.csv"), Encoding.UTF8);
        var records = Parse(lines);
        var header = records[0];
        var evidence = header.IndexOf("evidence");
        var synthetic = header.IndexOf("synthetic");
        var hostile = Evidence.ToDictionary(e => e.Code, e => e.Evidence, StringComparer.Ordinal);
        var builder = new StringBuilder();
        builder.Append(string.Join(',', header)).Append('\n');
        var rows = 0;
        foreach (var record in records.Skip(1).Where(r => r.Count == header.Count && r[0] == unitId))
        {
            record[synthetic] = "false";
            if (hostile.TryGetValue(record[4], out var text))
            {
                record[evidence] = text;
            }

            builder.Append(string.Join(',', record.Select(Quote))).Append('\n');
            rows++;
        }

        if (rows == 0)
        {
            throw new InvalidOperationException($"The {year} sample has no rows of {unitId}.");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>RFC 4180: fields separated by commas, records by CR LF or LF, quoted fields may hold anything.</summary>
    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
