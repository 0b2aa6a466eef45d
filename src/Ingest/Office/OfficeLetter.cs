using System.Globalization;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Text;

namespace CchcAnalytics.Ingest.Office;

/// <summary>The facts above a Bảng tổng hợp in an Office document (unit, year, report number and date, stated total),
/// read with the text layout's letter rules, then two fallbacks those rules lack and the file-name convention.</summary>
/// <remarks>
/// The fallbacks apply to .xlsx and .docx only, so the text reader's behaviour does not change:
/// a letterhead written on one line ("UBND HUYỆN HOẰNG HÓA"), and a table title that ends in its year
/// ("BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM … NĂM 2017").
/// The file-name convention is <c>&lt;unit-id-or-slug&gt;-&lt;year&gt;[-anything].xlsx|.docx</c>, e.g.
/// <c>hoang-hoa-2017.xlsx</c> or <c>hoang-hoa-2017-bc293.docx</c>; it fills in only what the document does not state,
/// and says so with a <c>from-file-name</c> warning.
/// </remarks>
internal static partial class OfficeLetter
{
    private const int MaxLetterheadLength = 60;

    private static readonly string[] LetterheadPrefixes = [VietnameseText.MatchKey("UBND"), VietnameseText.MatchKey("Uỷ ban nhân dân")];

    private static readonly string[] UnitKinds = [VietnameseText.MatchKey("huyện"), VietnameseText.MatchKey("thị xã"), VietnameseText.MatchKey("thành phố")];

    /// <summary>Reads the letter facts from <paramref name="lines"/>; each fact's line is the line that line names.</summary>
    public static TextReportReader.LetterFacts Read(IReadOnlyList<LetterLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var texts = lines.Select(l => l.Text).ToList();
        var facts = TextReportReader.ReadLetter(texts, texts.Count);

        var letterhead = texts.FindIndex(IsLetterhead);
        if (letterhead >= 0 && (facts.UnitLine is null || facts.UnitLine > letterhead + 1))
        {
            facts.UnitText = HtmlText.ToPlainText(texts[letterhead]);
            facts.UnitLine = letterhead + 1;
        }

        if (facts.Year is null && TitleYear(texts) is { } titleYear)
        {
            facts.Year = titleYear.Year;
            facts.YearLine = titleYear.Index + 1;
        }

        // ReadLetter counts lines from 1; translate to the row or paragraph each line came from.
        facts.UnitLine = Where(lines, facts.UnitLine);
        facts.YearLine = Where(lines, facts.YearLine);
        facts.StatedTotalLine = Where(lines, facts.StatedTotalLine);
        return facts;
    }

    /// <summary>Fills in a unit or year the document does not state from a file named
    /// <c>&lt;unit-id-or-slug&gt;-&lt;year&gt;[-anything].&lt;ext&gt;</c>, with a warning; the validator's own
    /// errors (give --unit / --year) stand when the name does not follow the convention.</summary>
    public static void FillFromFileName(TextReportReader.LetterFacts facts, string file, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(problems);
        if (facts.UnitText is not null && facts.Year is not null)
        {
            return;
        }

        var name = VietnameseText.Nfc(Path.GetFileNameWithoutExtension(file)).ToLowerInvariant();
        if (FileNamePattern().Match(name) is not { Success: true } match)
        {
            return;
        }

        var taken = new List<string>();
        if (facts.UnitText is null)
        {
            facts.UnitText = match.Groups["unit"].Value;
            taken.Add($"đơn vị '{facts.UnitText}'");
        }

        if (facts.Year is null)
        {
            facts.Year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            taken.Add(string.Create(CultureInfo.InvariantCulture, $"năm {facts.Year}"));
        }

        var missing = taken.Count == 2 ? "đơn vị và năm" : taken[0].StartsWith("năm", StringComparison.Ordinal) ? "năm" : "đơn vị";
        problems.Add(Problem.Warning(ProblemCodes.FromFileName, file, null,
            $"Văn bản không ghi {missing}: đã lấy {string.Join(" và ", taken)} từ tên tệp '{Path.GetFileName(file)}'. Hãy kiểm tra tên tệp có đúng không."));
    }

    private static bool IsLetterhead(string line)
    {
        var plain = HtmlText.ToPlainText(line);
        if (plain.Length is 0 or > MaxLetterheadLength)
        {
            return false;
        }

        var key = VietnameseText.MatchKey(plain);
        var words = key.Split(' ').Length;
        foreach (var prefix in LetterheadPrefixes)
        {
            foreach (var kind in UnitKinds)
            {
                var start = prefix + " " + kind + " ";
                if (key.StartsWith(start, StringComparison.Ordinal) && words <= start.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length + 4)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The year a "BẢNG TỔNG HỢP …" title ends with, on its own line or the next (titles wrap).</summary>
    private static (int Year, int Index)? TitleYear(List<string> texts)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (!HtmlText.ToPlainText(texts[i]).ToLowerInvariant().Contains("bảng tổng hợp", StringComparison.Ordinal))
            {
                continue;
            }

            for (var j = i; j < Math.Min(i + 2, texts.Count); j++)
            {
                var matches = TitleYearPattern().Matches(HtmlText.ToPlainText(texts[j]).ToLowerInvariant());
                if (matches.Count > 0)
                {
                    return (int.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture), j);
                }
            }
        }

        return null;
    }

    private static int? Where(IReadOnlyList<LetterLine> lines, int? index) =>
        index is { } i && i >= 1 && i <= lines.Count ? lines[i - 1].Line : null;

    [GeneratedRegex(@"\bnăm\s+(\d{4})\b")]
    private static partial Regex TitleYearPattern();

    // The unit part is as short as possible, so "hoang-hoa-2017-bc293" gives hoang-hoa and 2017.
    [GeneratedRegex(@"^(?<unit>[\p{L}\p{Nd}]+(?:-[\p{L}\p{Nd}]+)*?)-(?<year>\d{4})(?:-.*)?$")]
    private static partial Regex FileNamePattern();
}
