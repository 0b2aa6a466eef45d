using System.Globalization;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest.Text;

/// <summary>Reads the text layout Word/PDF-to-text gives for a self-assessment report: a cover letter, then the
/// tab-separated Bảng tổng hợp, then a summary footer.</summary>
/// <remarks>
/// Real quirks handled (all present in the Hoằng Hóa 2017 report):
/// rows whose empty appraised cell collapsed after a page break (5 cells instead of 6); names wrapped onto a
/// following line with an empty STT; evidence continuing on lines with no code, and evidence printed *before* its
/// row when a page break split the first sub-criterion of a group (it then follows the group header, whose own
/// evidence cell is empty); HTML fragments in cells; codes with trailing dots; decimal comma and point mixed.
/// </remarks>
public static partial class TextReportReader
{
    /// <summary>Reads <paramref name="bytes"/>; returns the first report (see <see cref="ReadAll"/>), or null (with
    /// errors in <paramref name="problems"/>) when there is no readable table.</summary>
    public static ParsedReport? Read(byte[] bytes, string file, List<Problem> problems) =>
        ReadAll(bytes, file, problems) is [var first, ..] ? first : null;

    /// <summary>Reads every report in <paramref name="bytes"/>: a file may hold several, one after another (each its
    /// own letter, Bảng tổng hợp and footer). A table ends at its footer's result row; a header after it starts the
    /// next report. Empty (with errors in <paramref name="problems"/>) when there is no readable table.</summary>
    public static IReadOnlyList<ParsedReport> ReadAll(byte[] bytes, string file, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(problems);
        var decoded = TextDecoder.Decode(bytes, file, problems);
        if (decoded is null)
        {
            return [];
        }

        if (decoded.Legacy)
        {
            problems.Add(Problem.Warning(ProblemCodes.LegacyEncoding, file, null,
                "Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258 (tiếng Việt kiểu cũ). Hãy kiểm tra các tên hiển thị sau khi nạp."));
        }

        var lines = decoded.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (!WithinLimits(lines, file, problems))
        {
            return [];
        }

        var hash = IngestRunner.HashOf(bytes);
        var reports = new List<ParsedReport>();
        for (var start = 0; start < lines.Length;)
        {
            var (headerIndex, columns) = FindHeader(lines, start);
            if (columns is null)
            {
                break;
            }

            if (columns.Ambiguous.Count > 0)
            {
                foreach (var ambiguous in columns.Ambiguous)
                {
                    problems.Add(Problem.Error(ProblemCodes.AmbiguousColumn, file, headerIndex + 1,
                        string.Create(CultureInfo.InvariantCulture, $"Dòng tiêu đề {headerIndex + 1} có hai cột '{ambiguous.Role}' (cột {ambiguous.First + 1} và cột {ambiguous.Second + 1}): không biết cột nào chứa số liệu, nên bảng không được đọc. Hãy xoá hoặc đổi tên một trong hai cột.")));
                }

                return reports;
            }

            // The letter of this report: the lines since the previous report's table ended, digits folded so a
            // fullwidth or Arabic-Indic year or date reads as one (issue 12, §5).
            var letter = LetterReader.Read(new LetterView(lines, start), headerIndex);
            // A second table under the same letter (no letter of its own): the same unit and year, so the validator
            // refuses it as the same submission twice rather than guess what it is.
            letter.InheritFrom(reports.Count > 0 ? reports[^1] : null);

            var rows = new List<ParsedRow>();
            var (footer, end) = ReadTable(lines, headerIndex, columns, file, problems, rows);
            reports.Add(letter.ToReport(file, "text", hash, rows) with
            {
                FooterMax = footer.Max,
                FooterSelf = footer.Self,
                FooterAppraised = footer.Appraised,
                FooterLine = footer.Line,
                EncodingName = decoded.EncodingName,
                Part = string.Create(CultureInfo.InvariantCulture, $"bảng bắt đầu ở dòng {headerIndex + 1}"),
            });
            start = end + 1;
        }

        if (reports.Count > 1)
        {
            // A header with no rows under it after a report (an empty copy of the table) is no second report.
            reports.RemoveAll(r => r.Rows.Count == 0);
        }

        if (reports.Count == 0)
        {
            problems.Add(TextDecoder.LooksLikeLegacyFontEncoding(decoded.Text)
                ? Problem.Error(ProblemCodes.Mojibake, file, null,
                    "Không tìm thấy dòng tiêu đề của Bảng tổng hợp, và văn bản có vẻ dùng bảng mã phông chữ tiếng Việt cũ (TCVN3/ABC hoặc VNI). Hãy chuyển văn bản sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi lưu dưới dạng UTF-8.")
                : Problem.Error(ProblemCodes.NoTable, file, null,
                    "Không tìm thấy Bảng tổng hợp: cần có dòng tiêu đề phân cách bằng tab với các cột 'Điểm chuẩn', 'Điểm tự chấm' và 'Tiêu chí'."));
        }

        return reports;
    }

    /// <summary>The first line at or after <paramref name="start"/> that is a Bảng tổng hợp header.</summary>
    private static (int Index, TableColumns? Columns) FindHeader(string[] lines, int start)
    {
        for (var i = start; i < lines.Length; i++)
        {
            if (lines[i].Contains('\t', StringComparison.Ordinal) && TableColumns.FromHeader(lines[i].Split('\t')) is { } columns)
            {
                return (i, columns);
            }
        }

        return (-1, null);
    }

    /// <summary>Checks the size limits (<see cref="IngestLimits"/>) before anything is split or parsed: lines in the
    /// file, characters on a line, cells on a line. Reports the first line over a limit.</summary>
    private static bool WithinLimits(string[] lines, string file, List<Problem> problems)
    {
        var name = Path.GetFileName(file);
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        if (count > IngestLimits.MaxTextLines)
        {
            problems.Add(Problem.Error(ProblemCodes.TooManyLines, file, null,
                $"Tệp {name} có {IngestLimits.Count(count)} dòng, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxTextLines)} dòng; không có gì được ghi."));
            return false;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > IngestLimits.MaxLineCharacters)
            {
                problems.Add(Problem.Error(ProblemCodes.TextTooLong, file, i + 1,
                    $"Dòng {i + 1} của tệp {name} dài {IngestLimits.Count(lines[i].Length)} ký tự, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxLineCharacters)} ký tự một dòng; không có gì được ghi."));
                return false;
            }

            var cells = lines[i].AsSpan().Count('\t') + 1;
            if (cells > IngestLimits.MaxColumns)
            {
                problems.Add(Problem.Error(ProblemCodes.TooManyColumns, file, i + 1,
                    $"Dòng {i + 1} của tệp {name} có {IngestLimits.Count(cells)} cột (ngăn bởi dấu tab), vượt giới hạn {IngestLimits.Count(IngestLimits.MaxColumns)} cột; không có gì được ghi."));
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the table under <paramref name="headerIndex"/> up to its footer's result row; returns the footer
    /// and the index of the last line read (the result row, or the last line of the file).</summary>
    private static (FooterFacts Footer, int End) ReadTable(string[] lines, int headerIndex, TableColumns columns, string file, List<Problem> problems, List<ParsedRow> rows)
    {
        RowBuilder? current = null;
        var footer = new FooterFacts();
        var footerColumns = (Max: -1, Self: -1, Appraised: -1);
        var inFooter = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nextCode = NextCodes(lines, headerIndex, columns);

        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var raw = lines[i];
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            var cells = raw.Split('\t');
            if (!inFooter && TableColumns.FromHeader(cells) is { } repeated && CriterionCode.Normalize(HtmlText.ToPlainText(cells[Math.Min(repeated.Code, cells.Length - 1)])) is null)
            {
                // The header repeated at the top of a page (Word repeats it, and so does its text): not data.
                continue;
            }

            var plain = cells.Select(c => HtmlText.ToPlainText(c)).ToArray();
            var lowerCells = plain.Select(c => c.ToLowerInvariant()).ToArray();
            var codeCell = columns.Code < plain.Length ? plain[columns.Code] : "";

            // The summary block: its own header ("Điểm chuẩn | Tổng điểm đánh giá …") and the result row. A line that
            // looks like either but is followed by rows this table has not had yet is inside the table: a "Tổng cộng"
            // subtotal of an area, not the end of the table (issue 12, §8).
            var isFooterHeader = codeCell.Length == 0 && lowerCells.Any(c => c.Contains("điểm chuẩn", StringComparison.Ordinal) || c.Contains("tổng điểm", StringComparison.Ordinal) || c.Contains("điểm tự đánh giá", StringComparison.Ordinal));
            var isResult = CriterionCode.Normalize(codeCell) is null
                && lowerCells.Any(c => c.StartsWith("kết quả", StringComparison.Ordinal) || c.StartsWith("tổng cộng", StringComparison.Ordinal) || c == "tổng" || c.StartsWith("tổng số điểm", StringComparison.Ordinal))
                && plain.Any(PointsText.IsNumber);
            if (!inFooter && (isFooterHeader || isResult) && nextCode[i] is { } following && !seen.Contains(following))
            {
                continue;
            }

            if (isFooterHeader || isResult || inFooter)
            {
                if (!inFooter)
                {
                    Flush(ref current, rows, next: null);
                    inFooter = true;
                }

                if (isResult)
                {
                    ReadFooterResult(plain, footerColumns, columns, lineNumber, file, problems, footer);
                    return (footer, i);
                }

                for (var c = 0; c < lowerCells.Length; c++)
                {
                    if (lowerCells[c].Contains("điểm chuẩn", StringComparison.Ordinal))
                    {
                        footerColumns.Max = c;
                    }
                    else if (lowerCells[c].Contains("tự đánh giá", StringComparison.Ordinal) || lowerCells[c].Contains("tự chấm", StringComparison.Ordinal))
                    {
                        footerColumns.Self = c;
                    }
                    else if (lowerCells[c].Contains("thẩm định", StringComparison.Ordinal))
                    {
                        footerColumns.Appraised = c;
                    }
                }

                continue;
            }

            var code = CriterionCode.Normalize(codeCell);
            if (code is not null)
            {
                var row = ReadCodedRow(cells, plain, code, columns, lineNumber, file, problems);
                Flush(ref current, rows, next: row);
                current = row;
                seen.Add(code);
                continue;
            }

            if (codeCell.Length > 0)
            {
                problems.Add(Problem.Error(ProblemCodes.BadCode, file, lineNumber,
                    $"'{codeCell}' ở cột STT không phải là mã tiêu chí (mã đúng có dạng 7, 7.1 hoặc 7.1.4)."));
                continue;
            }

            if (current is null)
            {
                // Text between the header and the first row (a page title): ignore.
                continue;
            }

            ReadContinuation(plain, columns, current, lineNumber, file, problems);
        }

        Flush(ref current, rows, next: null);
        return (footer, lines.Length - 1);
    }

    /// <summary>For each line under the header, the code of the next coded row after it (null when none follows), in
    /// one pass from the end, so deciding whether a "Tổng cộng" line ends the table costs nothing per line.</summary>
    private static string?[] NextCodes(string[] lines, int headerIndex, TableColumns columns)
    {
        var next = new string?[lines.Length];
        string? following = null;
        for (var i = lines.Length - 1; i > headerIndex; i--)
        {
            next[i] = following;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0 && columns.Code > 0)
            {
                continue;
            }

            var cells = lines[i].Split('\t');
            if (columns.Code < cells.Length && CriterionCode.Normalize(HtmlText.ToPlainText(cells[columns.Code])) is { } code)
            {
                following = code;
            }
        }

        return next;
    }

    private static RowBuilder ReadCodedRow(string[] cells, string[] plain, string code, TableColumns columns, int lineNumber, string file, List<Problem> problems)
    {
        var row = new RowBuilder(lineNumber, code) { Name = Cell(plain, columns.Name) };
        var maxText = Cell(plain, columns.Max);
        var selfText = Cell(plain, columns.Self);
        string appraisedText = "";
        string evidence;
        if (columns.Appraised >= 0 && columns.Evidence == columns.Appraised + 1 && cells.Length == columns.Evidence)
        {
            // The empty appraised cell collapsed (one cell short of the evidence column, whether or not a "Ghi chú"
            // column follows it): the last cell is the evidence, unless it is a number.
            var last = Cell(plain, columns.Appraised);
            if (PointsText.IsNumber(last))
            {
                appraisedText = last;
                evidence = "";
            }
            else
            {
                evidence = last;
            }
        }
        else
        {
            appraisedText = columns.Appraised >= 0 ? Cell(plain, columns.Appraised) : "";
            // Evidence may have been split at tabs inside its cell; columns after it with a header of their own
            // ("Ghi chú") are not evidence (issue 12, §4).
            evidence = columns.Evidence >= 0
                ? string.Join("\n", plain.Skip(columns.Evidence).Take(columns.EvidenceEnd - columns.Evidence).Where(c => c.Length > 0))
                : "";
        }

        row.Max = Number(maxText, "Điểm chuẩn", lineNumber, code, file, problems);
        row.Self = Number(selfText, "Điểm tự chấm", lineNumber, code, file, problems);
        row.Appraised = Number(appraisedText, "Điểm thẩm định", lineNumber, code, file, problems);
        row.Evidence = evidence;
        row.HadOwnEvidence = evidence.Length > 0;
        return row;
    }

    private static void ReadContinuation(string[] plain, TableColumns columns, RowBuilder current, int lineNumber, string file, List<Problem> problems)
    {
        for (var c = 0; c < plain.Length; c++)
        {
            if (plain[c].Length == 0)
            {
                continue;
            }

            if (c == columns.Name)
            {
                current.Name = HtmlText.Join(current.Name, plain[c], " ");
            }
            else if ((c == columns.Max || c == columns.Self || (c == columns.Appraised && plain.Length == columns.Width)) && PointsText.IsNumber(plain[c]))
            {
                problems.Add(Problem.Error(ProblemCodes.BadRow, file, lineNumber,
                    $"Có một số ({plain[c]}) nằm trên dòng không có mã tiêu chí, bên dưới dòng {current.Code}; không thể gán số này cho tiêu chí nào."));
            }
            else if (c < columns.EvidenceEnd)
            {
                current.Pending = HtmlText.Join(current.Pending, plain[c], "\n");
            }
        }
    }

    /// <summary>Ends the current row. Evidence that followed a group header with an empty evidence cell belongs to
    /// the group's first child when the next row is that child (a page break printed it before its row).</summary>
    private static void Flush(ref RowBuilder? current, List<ParsedRow> rows, RowBuilder? next)
    {
        if (current is null)
        {
            return;
        }

        if (current.Pending is { Length: > 0 } pending)
        {
            if (!current.HadOwnEvidence && next is not null && next.Code.StartsWith(current.Code + ".", StringComparison.Ordinal))
            {
                next.Evidence = HtmlText.Join(pending, next.Evidence, "\n");
            }
            else
            {
                current.Evidence = HtmlText.Join(current.Evidence, pending, "\n");
            }

            current.Pending = null;
        }

        rows.Add(new ParsedRow(
            current.Line,
            current.Code,
            current.Name,
            current.Max,
            current.Self,
            current.Appraised,
            string.IsNullOrWhiteSpace(current.Evidence) ? null : current.Evidence));
        current = null;
    }

    private static void ReadFooterResult(string[] plain, (int Max, int Self, int Appraised) footerColumns, TableColumns columns, int lineNumber, string file, List<Problem> problems, FooterFacts footer)
    {
        footer.Line = lineNumber;
        var max = footerColumns.Max >= 0 ? footerColumns.Max : columns.Max;
        var self = footerColumns.Self >= 0 ? footerColumns.Self : columns.Self;
        var appraised = footerColumns.Appraised >= 0 ? footerColumns.Appraised : columns.Appraised;
        footer.Max = Number(Cell(plain, max), "Điểm chuẩn (tổng)", lineNumber, "tổng", file, problems);
        footer.Self = Number(Cell(plain, self), "Điểm tự đánh giá (tổng)", lineNumber, "tổng", file, problems);
        footer.Appraised = appraised >= 0 ? Number(Cell(plain, appraised), "Điểm thẩm định (tổng)", lineNumber, "tổng", file, problems) : null;
    }

    private static string Cell(string[] cells, int index) => index >= 0 && index < cells.Length ? cells[index] : "";

    private static decimal? Number(string text, string column, int line, string code, string file, List<Problem> problems)
    {
        if (PointsText.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add(Problem.Error(ProblemCodes.BadNumber, file, line,
            $"'{text}' ở cột {column} của dòng {code} không phải là số điểm."));
        return null;
    }

    /// <summary>The lines a report's letter is read from: blank before <c>start</c> (the previous report's), digits
    /// folded to ASCII, with the file's line numbers.</summary>
    private sealed class LetterView(string[] lines, int start) : IReadOnlyList<string>
    {
        public int Count => lines.Length;

        public string this[int index] => index < start ? "" : Digits.Fold(lines[index]);

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < lines.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class FooterFacts
    {
        public decimal? Max { get; set; }

        public decimal? Self { get; set; }

        public decimal? Appraised { get; set; }

        public int? Line { get; set; }
    }

    private sealed class RowBuilder(int line, string code)
    {
        public int Line { get; } = line;

        public string Code { get; } = code;

        public string Name { get; set; } = "";

        public decimal? Max { get; set; }

        public decimal? Self { get; set; }

        public decimal? Appraised { get; set; }

        public string? Evidence { get; set; }

        public bool HadOwnEvidence { get; set; }

        public string? Pending { get; set; }
    }
}
