using System.Globalization;
using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest;

/// <summary>Checks the text a document would store (criterion names and evidence), the same for every format: its
/// length (<see cref="IngestLimits"/>), and that it is readable Vietnamese, never mojibake. Replacement characters
/// (U+FFFD) and broken surrogates are text already lost in an earlier conversion; control characters are not text;
/// and Latin-1 signs that Vietnamese never uses, in quantity, are a legacy font encoding (TCVN3/ABC, VNI) read as
/// Windows-1252, which the decoder cannot see when the file itself is valid UTF-8 (a table pasted from an old .doc
/// into a Unicode template).</summary>
internal static class TextChecks
{
    private const int MaxListed = 12;

    /// <summary>Adds one error per kind of problem found, at the first row that has it.</summary>
    public static void Check(DocumentInput document, List<Problem> problems)
    {
        var file = document.File;
        var name = Path.GetFileName(file);
        var texts = document.Rows.Select(row => (Row: row, Evidence: Evidence(document, row.Code))).ToList();

        foreach (var (row, evidence) in texts)
        {
            if (row.Name.Length > IngestLimits.MaxNameCharacters)
            {
                problems.Add(Problem.Error(ProblemCodes.TextTooLong, file, row.Line,
                    $"Tên mục {row.Code}{At(row)} của tệp {name} dài {IngestLimits.Count(row.Name.Length)} ký tự, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxNameCharacters)} ký tự; không có gì được ghi.", row.Cell));
            }

            foreach (var text in evidence.Where(e => e.Length > IngestLimits.MaxEvidenceCharacters))
            {
                problems.Add(Problem.Error(ProblemCodes.TextTooLong, file, row.Line,
                    $"Tài liệu kiểm chứng của mục {row.Code}{At(row)} trong tệp {name} dài {IngestLimits.Count(text.Length)} ký tự, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxEvidenceCharacters)} ký tự; không có gì được ghi.", row.Cell));
            }
        }

        var lost = texts.Where(t => All(t).Any(HasLostCharacters)).Select(t => t.Row).ToList();
        if (lost.Count > 0)
        {
            var first = lost[0];
            problems.Add(Problem.Error(ProblemCodes.Mojibake, file, first.Line,
                $"Mục {first.Code}{At(first)} trong tệp {name} có ký tự thay thế '\uFFFD' (U+FFFD) hoặc ký tự hỏng: chữ đã bị mất khi tệp được chuyển mã trước đó{Affected(lost)}. Hãy lưu lại tệp từ bản gốc; không có gì được ghi.", first.Cell));
        }

        var controlled = texts.Where(t => All(t).Any(s => ControlCharacter(s) is not null)).Select(t => t.Row).ToList();
        if (controlled.Count > 0)
        {
            var first = controlled[0];
            var code = (int)All(texts.First(t => t.Row == first)).Select(ControlCharacter).First(c => c is not null)!.Value;
            problems.Add(Problem.Error(ProblemCodes.ControlCharacter, file, first.Line,
                string.Create(CultureInfo.InvariantCulture, $"Mục {first.Code}{At(first)} trong tệp {name} có ký tự điều khiển U+{code:X4}, không phải chữ{Affected(controlled)}. Hãy xoá ký tự đó trong tài liệu gốc rồi lưu lại; không có gì được ghi."), first.Cell));
        }

        // Names and evidence separately: a table whose names were typed in VNI can have evidence in Unicode.
        foreach (var part in new Func<(RowInput Row, List<string> Evidence), IEnumerable<string>>[] { t => [t.Row.Name], t => t.Evidence })
        {
            if (LooksLikeLegacyFont(texts.SelectMany(part)))
            {
                var (row, sample) = texts.Select(t => (t.Row, Text: part(t).FirstOrDefault(s => s.Any(IsLegacyFontSign))))
                    .First(t => t.Text is not null);
                problems.Add(Problem.Error(ProblemCodes.Mojibake, file, row.Line,
                    $"Chữ trong bảng của tệp {name} có vẻ được gõ bằng bảng mã cũ TCVN3 (ABC) hoặc VNI chứ không phải Unicode, ví dụ mục {row.Code}{At(row)}: '{Sample(sample!)}'. Hãy chuyển tài liệu sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi lưu lại; không có gì được ghi.", row.Cell));
                break;
            }
        }
    }

    /// <summary>True when at least 3 characters, and more than 1 in 20 letters, are Latin-1 signs Vietnamese never
    /// uses: TCVN3 text read as Windows-1252 has one in almost every word ("C«ng t¸c"), VNI one in most ("Coâng taùc").</summary>
    public static bool LooksLikeLegacyFont(IEnumerable<string> texts)
    {
        var letters = 0;
        var signs = 0;
        foreach (var text in texts)
        {
            foreach (var c in text)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                }

                if (IsLegacyFontSign(c))
                {
                    signs++;
                }
            }
        }

        return signs >= 3 && signs * 20 > letters;
    }

    /// <summary>Latin-1 signs and letters that are not Vietnamese. Left out: Ð/ð (often typed for Đ/đ) and the signs
    /// real documents use (° « » ½ ¼ ¾ · § © ® ± ² ³, as in "30°C", "25 m²").</summary>
    private static bool IsLegacyFontSign(char c) =>
        "¡¢£¤¥¦¨ª¬\u00AD¯´µ¶¸¹º¿ÄÅÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿ".Contains(c, StringComparison.Ordinal);

    private static bool HasLostCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uFFFD')
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first control character other than a line break or a tab, or null.</summary>
    private static char? ControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\n' and not '\t' and not '\r')
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The row's evidence in every stage, each distinct text once (report formats share one evidence column).</summary>
    private static List<string> Evidence(DocumentInput document, string code) =>
        document.Stages.Select(s => s.Evidence.GetValueOrDefault(code)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> All((RowInput Row, List<string> Evidence) row) => row.Evidence.Prepend(row.Row.Name);

    private static string At(RowInput row) => row.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $" (dòng {line})") : "";

    private static string Affected(List<RowInput> rows) =>
        rows.Count == 1
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" ({rows.Count} mục: {string.Join(", ", rows.Take(MaxListed).Select(r => r.Code))}{(rows.Count > MaxListed ? ", …" : "")})");

    private static string Sample(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
