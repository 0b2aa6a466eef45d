using System.Globalization;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Office;

namespace CchcAnalytics.Ingest.Text;

/// <summary>Reads the lines above a Bảng tổng hợp (a report's cover letter and table title, a sheet's title rows) for
/// every place the document states its own index year and unit, each with its line, and for the report number, the
/// date and the stated self-assessed total. The text, Excel and Word readers all use it; it decides nothing: the
/// validator compares the statements.</summary>
/// <remarks>
/// <para>Statements of the year: the table title ("BẢNG TỔNG HỢP … NĂM 2017", wrapped over two lines or not), the
/// subject under "BÁO CÁO" or a "V/v …" line, the total sentence ("Tổng số điểm tự đánh giá … năm 2017 … là: 92"),
/// every other "Chỉ số cải cách hành chính năm 2017" of the letter, and the date line's year. Statements of the unit:
/// the letterhead ("UỶ BAN NHÂN DÂN / HUYỆN HOÀNG HÓA" or "UBND HUYỆN HOẰNG HÓA"), "UBND huyện …" in the total
/// sentence and the other sentences, and the place before the date ("Hoàng Hoá, ngày …").</para>
/// <para>A year or unit inside a citation of another document is not the document's own: "Công văn số 1586/SNV- CCHC
/// ngày 31/10/2017 của Sở Nội vụ về việc xác định chỉ số cải cách hành chính năm 2017 …" names the year that Công văn
/// is about (the real 2017 report opens with it, and a 2018 report that opened the same way was once stored as 2017).
/// A citation runs from a document number ("Quyết định số 3965/…", "Công văn số 1586/…", "Số: 293/…") to the end of
/// its sentence, or to the clause where the unit itself reports (", UBND huyện Hoằng Hóa báo cáo …"). The recipients
/// under "Nơi nhận" are not the document's unit either.</para>
/// </remarks>
internal static partial class LetterReader
{
    private const int MaxLetterheadLength = 60;
    private const int MaxLetterheadNameWords = 4;
    private const int ExcerptRadius = 40;

    private static readonly string[][] UnitKinds =
        [.. new[] { "huyện", "thị xã", "thành phố" }.Select(k => VietnameseText.MatchKey(k).Split(' '))];

    // "HUYỆN ỦY HOẰNG HÓA" is the district's Party committee, not its People's Committee.
    private static readonly string PartyCommittee = VietnameseText.MatchKey("ủy");

    private static readonly string[][] LetterheadPrefixes =
        [[], .. new[] { "UBND", "Uỷ ban nhân dân", "Ủy ban nhân dân" }.Select(p => VietnameseText.MatchKey(p).Split(' '))];

    /// <summary>Reads the first <paramref name="count"/> lines of a text document, numbered from 1.</summary>
    public static LetterFacts Read(IReadOnlyList<string> lines, int count)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return Read(lines.Take(count).Select((text, i) => new LetterLine(text, i + 1)).ToList());
    }

    /// <summary>Reads <paramref name="lines"/> (the lines above the table, in document order; empty lines may be
    /// included); every statement carries the <see cref="LetterLine.Line"/> of the line it stands on.</summary>
    public static LetterFacts Read(IReadOnlyList<LetterLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        // Plain text on one line; the text layout's Markdown italics ("*gửi kèm theo Báo cáo này*") dropped too.
        var plain = lines.Select(l => VietnameseText.Nfc(HtmlText.ToPlainText(l.Text).Replace('\n', ' ').Replace("*", "", StringComparison.Ordinal).Trim())).ToArray();
        var recipients = Recipients(plain);
        var headings = new bool[plain.Length];
        var found = new Found(lines);
        var facts = new LetterFacts();

        for (var i = 0; i < plain.Length; i++)
        {
            if (!recipients[i] && !headings[i] && IsTitle(plain[i]))
            {
                ReadTitle(Segment.From(plain, i, continueUpperCase: !TitleYearPattern().IsMatch(plain[i].ToLowerInvariant())), found, headings);
            }
        }

        for (var i = 0; i < plain.Length; i++)
        {
            if (recipients[i] || headings[i])
            {
                continue;
            }

            var subject = IsReportHeading(plain[i]) ? NextNonEmpty(plain, i + 1)
                : plain[i].StartsWith("V/v", StringComparison.OrdinalIgnoreCase) || plain[i].StartsWith("Về việc", StringComparison.Ordinal) ? i
                : -1;
            if (subject >= 0 && !recipients[subject] && !headings[subject])
            {
                var segment = Segment.From(plain, subject, continueUpperCase: false);
                Mark(headings, segment);
                ReadSentences(segment, StatementKind.Subject, found, facts);
            }
        }

        for (var i = 0; i < plain.Length; i++)
        {
            if (plain[i].Length == 0)
            {
                continue;
            }

            if (facts.ReportNumber is null && ReportNumberPattern().Match(plain[i]) is { Success: true } number)
            {
                facts.ReportNumber = string.Create(CultureInfo.InvariantCulture, $"{number.Groups[1].Value}/{number.Groups[2].Value.ToUpperInvariant()}-{number.Groups[3].Value.ToUpperInvariant()}");
            }

            if (recipients[i])
            {
                continue;
            }

            var line = Segment.Single(plain, i);
            if (facts.ReportDate is null)
            {
                ReadDate(line, found, facts);
            }

            if (headings[i])
            {
                continue;
            }

            if (IsLetterhead(plain[i]))
            {
                found.Letterhead(i, plain[i]);
            }

            ReadSentences(line, StatementKind.Letter, found, facts);
        }

        found.CopyTo(facts);
        return facts;
    }

    /// <summary>Year and unit statements in a sentence, a subject or a line: the total sentence's own, then every
    /// other "Chỉ số cải cách hành chính năm …" and "UBND huyện …" outside citations.</summary>
    private static void ReadSentences(Segment segment, StatementKind kind, Found found, LetterFacts facts)
    {
        var (text, lower, citations) = (segment.Text, segment.Lower, segment.Citations);
        var totals = new List<(int Start, int End)>();
        foreach (Match total in StatedTotalPattern().Matches(lower))
        {
            var body = total.Groups["body"];
            totals.Add((total.Index, body.Index + body.Length));
            if (facts.StatedTotal is null && PointsText.TryParse(total.Groups["value"].Value, out var value))
            {
                facts.StatedTotal = value;
                facts.StatedTotalLine = found.LineOf(segment.EntryAt(total.Index));
            }

            // The total sentence is the document's own by construction; the year and unit nearest to "là" are its.
            var whole = (Start: total.Index, End: body.Index + body.Length);
            if (TitleYearPattern().Matches(lower[..whole.End]).LastOrDefault(m => m.Index >= whole.Start) is { } year)
            {
                found.Year(segment, year.Groups[1], StatementKind.Total, text);
            }

            if (UnitInSentencePattern().Matches(text[..whole.End]).LastOrDefault(m => m.Index >= whole.Start) is { } unit)
            {
                found.Unit(segment, unit.Groups[1], StatementKind.Total, text);
            }
        }

        var years = YearPattern().Matches(lower).Where(m => !Within(citations, m.Index) && !Within(totals, m.Index)).ToList();
        if (years.Count == 0 && kind == StatementKind.Subject)
        {
            // A subject may name the year without the index's name: "V/v báo cáo kết quả tự đánh giá năm 2017".
            years = TitleYearPattern().Matches(lower).Where(m => !Within(citations, m.Index)).TakeLast(1).ToList();
        }

        foreach (var year in years)
        {
            found.Year(segment, year.Groups[1], kind, text);
        }

        foreach (Match unit in UnitInSentencePattern().Matches(text))
        {
            if (!Within(citations, unit.Index) && !Within(totals, unit.Index))
            {
                found.Unit(segment, unit.Groups[1], kind, text);
            }
        }
    }

    /// <summary>The year a table title ends with ("… NĂM 2017"), on its first line or the next (titles wrap).</summary>
    private static void ReadTitle(Segment segment, Found found, bool[] headings)
    {
        Mark(headings, segment);
        if (TitleYearPattern().Matches(segment.Lower).LastOrDefault() is { } year)
        {
            found.Year(segment, year.Groups[1], StatementKind.Title, segment.Text);
        }
    }

    /// <summary>The first valid date ("ngày 20 tháng 11 năm 2017") outside citations: the report's date, a statement
    /// of the year, and the place before it ("Hoàng Hoá, ngày …") a statement of the unit.</summary>
    private static void ReadDate(Segment segment, Found found, LetterFacts facts)
    {
        var line = segment.Text;
        foreach (Match date in DatePattern().Matches(segment.Lower))
        {
            if (Within(segment.Citations, date.Index))
            {
                continue;
            }

            var day = int.Parse(date.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(date.Groups[2].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(date.Groups[3].Value, CultureInfo.InvariantCulture);
            // "năm 0000" is no date (and DaysInMonth throws for year 0).
            if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            facts.ReportDate = new DateOnly(year, month, day);
            found.Year(segment, date.Groups[3], StatementKind.Date, line);
            if (PlacePattern().Match(line) is { Success: true } place && place.Index + place.Length == date.Index)
            {
                found.Unit(segment, place.Groups["place"], StatementKind.Place, line);
            }

            return;
        }
    }

    /// <summary>The spans of citations of other documents in a line: from a document number to the end of its
    /// sentence, or to a clause where the unit itself reports.</summary>
    private static List<(int Start, int End)> Citations(string text, string lower)
    {
        var spans = new List<(int Start, int End)>();
        foreach (Match start in CitationStartPattern().Matches(lower))
        {
            if (spans.Count > 0 && start.Index < spans[^1].End)
            {
                continue;
            }

            var from = start.Index + start.Length;
            var end = SentenceEndPattern().Match(text, from) is { Success: true } sentence ? sentence.Index : text.Length;
            if (ReportingClausePattern().Match(text, from, end - from) is { Success: true } reporting)
            {
                end = reporting.Index;
            }

            spans.Add((start.Index, end));
        }

        return spans;
    }

    /// <summary>Lines of the "Nơi nhận" block: the heading and the list items under it.</summary>
    private static bool[] Recipients(string[] plain)
    {
        var result = new bool[plain.Length];
        var inBlock = false;
        for (var i = 0; i < plain.Length; i++)
        {
            var line = plain[i];
            if (line.StartsWith("Nơi nhận", StringComparison.OrdinalIgnoreCase))
            {
                inBlock = result[i] = true;
            }
            else if (inBlock && (line.Length == 0 || line[0] is '-' or '+' or '•' or '–'))
            {
                result[i] = true;
            }
            else
            {
                inBlock = false;
            }
        }

        return result;
    }

    /// <summary>A table title: a line starting "Bảng tổng hợp", or an upper-case line holding it.</summary>
    private static bool IsTitle(string line) =>
        line.StartsWith("bảng tổng hợp", StringComparison.OrdinalIgnoreCase)
        || (IsUpperCase(line) && line.Contains("BẢNG TỔNG HỢP", StringComparison.Ordinal));

    private static bool IsReportHeading(string line) => line.Trim().Equals("BÁO CÁO", StringComparison.OrdinalIgnoreCase);

    /// <summary>The issuing body on a short line of its own: "HUYỆN HOÀNG HÓA" (under "UỶ BAN NHÂN DÂN") or
    /// "UBND HUYỆN HOẰNG HÓA", every word of the name capitalised (so "UBND huyện … báo cáo" is not one).</summary>
    private static bool IsLetterhead(string line)
    {
        if (line.Length is 0 or > MaxLetterheadLength)
        {
            return false;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keys = VietnameseText.MatchKey(line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length != words.Length)
        {
            return false;
        }

        foreach (var prefix in LetterheadPrefixes)
        {
            foreach (var kind in UnitKinds)
            {
                var head = prefix.Length + kind.Length;
                if (keys.Length > head && keys.Length <= head + MaxLetterheadNameWords
                    && keys.Take(head).SequenceEqual(prefix.Concat(kind))
                    && words.Skip(head).All(w => char.IsUpper(w[0]))
                    && keys[head] != PartyCommittee)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsUpperCase(string line) => line.Any(char.IsLetter) && !line.Any(char.IsLower);

    private static int NextNonEmpty(string[] plain, int from)
    {
        for (var i = from; i < plain.Length; i++)
        {
            if (plain[i].Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Mark(bool[] headings, Segment segment)
    {
        for (var k = 0; k < segment.Count; k++)
        {
            headings[segment.First + k] = true;
        }
    }

    /// <summary>Whether <paramref name="index"/> falls in one of <paramref name="spans"/> (in order, not overlapping).</summary>
    private static bool Within(List<(int Start, int End)> spans, int index)
    {
        var at = spans.BinarySearch((index, int.MaxValue));
        var before = at >= 0 ? at : ~at - 1;
        return before >= 0 && index < spans[before].End;
    }

    /// <summary>The words around a statement, for messages: up to <see cref="ExcerptRadius"/> characters each side.</summary>
    private static string Excerpt(string text, int index, int length)
    {
        var start = Math.Max(0, index - ExcerptRadius);
        var end = Math.Min(text.Length, index + length + ExcerptRadius);
        // Cut at word boundaries: after the first space past the start, before the last space short of the end.
        if (start > 0 && text.IndexOf(' ', start, index - start) is var space and >= 0)
        {
            start = space + 1;
        }

        if (end < text.Length && text.LastIndexOf(' ', end - 1, end - index - length) is var after and >= 0)
        {
            end = after;
        }

        return (start > 0 ? "…" : "") + text[start..end].Trim() + (end < text.Length ? "…" : "");
    }

    [GeneratedRegex(@"(?:chỉ số cải cách hành chính|chỉ số cchc)\s*(?:năm\s*)?(\d{4})")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\bnăm\s+(\d{4})\b")]
    private static partial Regex TitleYearPattern();

    [GeneratedRegex(@"Số\s*:?\s*(\d+)\s*/\s*(\p{L}+)\s*-\s*(\p{L}+)")]
    private static partial Regex ReportNumberPattern();

    [GeneratedRegex(@"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L} .'’-]{0,40}?)\s*,\s*(?=[Nn]gày\s)")]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"tổng (?:số )?điểm tự (?:đánh giá|chấm)(?<body>[^\n]*?)\blà\s*:?\s*(?<value>\d{1,3}(?:[.,]\d{1,3})?)")]
    private static partial Regex StatedTotalPattern();

    [GeneratedRegex(@"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+((?:huyện|thị xã|thành phố)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})")]
    private static partial Regex UnitInSentencePattern();

    // A document number: "Quyết định số 3965/2017/QĐ-UBND", "Công văn số 1586/SNV-CCHC", "Số: 293 /BC-UBND".
    [GeneratedRegex(@"\b(?:quyết định|công văn|kế hoạch|báo cáo|thông báo|chỉ thị|hướng dẫn|nghị quyết|nghị định|thông tư|tờ trình|văn bản|công điện|quy định)\s+(?:số\s*:?\s*)?\d+\s*/|\bsố\s*:?\s*\d+\s*/")]
    private static partial Regex CitationStartPattern();

    // A full stop that ends a sentence: not after a one- or two-letter abbreviation ("Tp.", "T."), followed by a
    // capital, by "/." (the closing "./.") or by the end of the line.
    [GeneratedRegex(@"(?<!(?:^|[\s(])\p{L}{1,2})\.(?=\s+\p{Lu}|/\.|\s*$)")]
    private static partial Regex SentenceEndPattern();

    // Where the unit itself takes the word after citations: ", UBND huyện Hoằng Hóa báo cáo …".
    [GeneratedRegex(@"[,;]\s*(?=(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:huyện|thị xã|thành phố)(?:\s+\p{Lu}\p{Ll}*){0,3}\s+(?:báo cáo|kính báo cáo|tự đánh giá))")]
    private static partial Regex ReportingClausePattern();

    /// <summary>One line, or a line and the lines that continue it (a wrapped title or subject), as one text.</summary>
    private sealed class Segment
    {
        private readonly List<int> starts;
        private List<(int Start, int End)>? citations;

        private Segment(int first, string text, List<int> starts)
        {
            First = first;
            Text = text;
            Lower = text.ToLowerInvariant();
            this.starts = starts;
        }

        public int First { get; }

        public string Text { get; }

        /// <summary><see cref="Text"/> in lower case, at the same offsets (casing keeps each UTF-16 unit in place).</summary>
        public string Lower { get; }

        /// <summary>The spans of <see cref="Text"/> that cite other documents.</summary>
        public List<(int Start, int End)> Citations => citations ??= LetterReader.Citations(Text, Lower);

        public int Count => starts.Count;

        /// <summary>Line <paramref name="first"/>, and the next line while it continues it: it starts with a
        /// lower-case letter, or (for titles) both are upper case; a line in brackets never continues.</summary>
        public static Segment From(string[] plain, int first, bool continueUpperCase = false)
        {
            var text = plain[first];
            var starts = new List<int> { 0 };
            var next = first + 1;
            if (next < plain.Length && plain[next].Length > 0 && plain[next][0] != '('
                && (char.IsLower(plain[next][0]) || (continueUpperCase && IsUpperCase(text) && IsUpperCase(plain[next]))))
            {
                starts.Add(text.Length + 1);
                text += " " + plain[next];
            }

            return new Segment(first, text, starts);
        }

        public static Segment Single(string[] plain, int index) => new(index, plain[index], [0]);

        /// <summary>The index of the line that holds character <paramref name="offset"/>.</summary>
        public int EntryAt(int offset) => First + starts.FindLastIndex(s => s <= offset);
    }

    /// <summary>The statements found so far, kept in document order (line, then place in the line). A letter holds a
    /// handful; a hostile file within the size limits could hold millions, so past <see cref="MaxStatements"/> only a
    /// statement of a value not seen yet is kept (a disagreement is still found), up to <see cref="MaxKept"/>.</summary>
    private sealed class Found(IReadOnlyList<LetterLine> lines)
    {
        private const int MaxStatements = 200;
        private const int MaxKept = 1_000;

        private readonly List<(int Entry, int Offset, YearStatement Statement)> years = [];
        private readonly List<(int Entry, int Offset, UnitStatement Statement)> units = [];
        private readonly HashSet<(StatementKind, int?, string)> seen = [];
        private readonly HashSet<string> values = new(StringComparer.Ordinal);

        public int LineOf(int entry) => lines[entry].Line;

        public void Year(Segment segment, Group year, StatementKind kind, string text)
        {
            var at = segment.EntryAt(year.Index);
            if (Keep(years.Count, kind, LineOf(at), "year " + year.Value))
            {
                years.Add((at, year.Index, new YearStatement(kind, int.Parse(year.Value, CultureInfo.InvariantCulture), LineOf(at), Excerpt(text, year.Index, year.Length))));
            }
        }

        public void Unit(Segment segment, Group name, StatementKind kind, string text)
        {
            var at = segment.EntryAt(name.Index);
            var value = name.Value.Trim();
            if (Keep(units.Count, kind, LineOf(at), "unit " + value))
            {
                units.Add((at, name.Index, new UnitStatement(kind, value, LineOf(at), Excerpt(text, name.Index, name.Length))));
            }
        }

        public void Letterhead(int entry, string line)
        {
            if (Keep(units.Count, StatementKind.Letterhead, LineOf(entry), "unit " + line))
            {
                units.Add((entry, 0, new UnitStatement(StatementKind.Letterhead, line, LineOf(entry), line)));
            }
        }

        private bool Keep(int count, StatementKind kind, int? line, string value)
        {
            if (count >= MaxKept || (count >= MaxStatements && values.Contains(value)) || !seen.Add((kind, line, value)))
            {
                return false;
            }

            values.Add(value);
            return true;
        }

        public void CopyTo(LetterFacts facts)
        {
            facts.YearStatements.AddRange(years.OrderBy(y => y.Entry).ThenBy(y => y.Offset).Select(y => y.Statement));
            facts.UnitStatements.AddRange(units.OrderBy(u => u.Entry).ThenBy(u => u.Offset).Select(u => u.Statement));
        }
    }
}
