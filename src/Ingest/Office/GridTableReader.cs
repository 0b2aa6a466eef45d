using System.Globalization;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Text;

namespace CchcAnalytics.Ingest.Office;

/// <summary>Reads a Bảng tổng hợp laid out as rows of cells (a worksheet, a Word table): its header, its coded rows and
/// its summary footer. The rules are the text layout's (columns found by their Vietnamese headers, the same footer, the
/// same problems), without the repairs only a text conversion needs (collapsed cells, evidence printed before its row):
/// in a grid, every cell stays in its column.</summary>
internal static partial class GridTableReader
{
    // Header cells are short; a longer cell is a title ("BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, …"), never a column header,
    // and a footer label is short too (a long evidence text that mentions "tổng điểm" must not end the table).
    private const int MaxHeaderCellLength = 80;

    /// <summary>Finds the first header: one row, or two when a merged cell ("Tổng điểm đánh giá") stands over sub-columns
    /// ("Điểm tự chấm" | "Điểm thẩm định"). Null when no row is a Bảng tổng hợp header.</summary>
    public static Header? FindHeader(IReadOnlyList<GridRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            var upper = HeaderCells(rows[i]);
            if (upper.Count(c => c.Length > 0) < 2)
            {
                // A title row (one merged cell) is never a header, nor the top half of one.
                continue;
            }

            var single = TableColumns.FromHeader(upper);
            // The two rows of a header are next to each other (an instructions sheet's text two rows down is not its lower half).
            if (i + 1 < rows.Count && rows[i + 1].Line == rows[i].Line + 1 && TwoRowHeader(upper, rows[i + 1], single) is { } combined)
            {
                return new Header(combined, i, i + 2);
            }

            if (single is not null)
            {
                return new Header(single, i, i + 1);
            }
        }

        return null;
    }

    /// <summary>Reads the rows under <paramref name="header"/> up to the footer's result row (rows after it, such as
    /// signatures, are not read).</summary>
    public static Table Read(IReadOnlyList<GridRow> rows, Header header, string file, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(problems);
        var columns = header.Columns;
        var parsed = new List<ParsedRow>();
        var footerColumns = new FooterColumns();
        RowBuilder? current = null;
        var inFooter = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nextCode = NextCodes(rows, header);
        var headerRows = Enumerable.Range(header.TopIndex, header.DataIndex - header.TopIndex).Select(r => Signature(rows[r])).ToHashSet(StringComparer.Ordinal);
        for (var i = header.DataIndex; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsEmpty)
            {
                continue;
            }

            if (!inFooter && CriterionCode.Normalize(row.Cell(columns.Code)) is null
                && (IsColumnNumberRow(row) || headerRows.Contains(Signature(row)) || TableColumns.FromHeader(HeaderCells(row)) is not null))
            {
                // "(1) (2) (3) …" under the header numbers the columns (it is not area 1), and the header repeated at
                // the top of a page (Word repeats it; so do people, in Excel) is not data (issue 12, §8).
                continue;
            }

            var codeCell = row.Cell(columns.Code);
            var code = CriterionCode.Normalize(codeCell);
            var isFooterHeader = codeCell.Length == 0 && IsFooterHeader(row);
            var isResult = code is null && IsResultRow(row);
            if (!inFooter && (isFooterHeader || isResult) && nextCode[i] is { } following && !seen.Contains(following))
            {
                // Followed by rows this table has not had yet: a "Tổng cộng" subtotal of an area, not its end.
                continue;
            }

            if (isFooterHeader || isResult || inFooter)
            {
                if (!inFooter)
                {
                    Flush(ref current, parsed);
                    inFooter = true;
                }

                if (isResult)
                {
                    return new Table(parsed, ReadResult(row, footerColumns, columns, file, problems));
                }

                footerColumns.Update(row);
                continue;
            }

            if (code is not null)
            {
                Flush(ref current, parsed);
                current = ReadCodedRow(row, code, columns, file, problems);
                seen.Add(code);
            }
            else if (codeCell.Length > 0)
            {
                problems.Add(Problem.Error(ProblemCodes.BadCode, file, row.Line,
                    $"'{codeCell}' ở cột STT không phải là mã tiêu chí (mã đúng có dạng 7, 7.1 hoặc 7.1.4).", row.CellName(columns.Code)));
            }
            else if (current is not null)
            {
                ReadContinuation(row, columns, current, file, problems);
            }
        }

        Flush(ref current, parsed);
        return new Table(parsed, null);
    }

    /// <summary>One <c>ambiguous-column</c> error per role two header cells claim (two "Điểm tự chấm"), naming both
    /// cells; empty when every role has one column. Hidden columns are gone before this is asked, so a hidden second
    /// column is no ambiguity.</summary>
    public static List<Problem> AmbiguityProblems(IReadOnlyList<GridRow> rows, Header header, string file)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(header);
        var problems = new List<Problem>();
        foreach (var ambiguous in header.Columns.Ambiguous)
        {
            var first = HeaderCellName(rows, header, ambiguous.First);
            var second = HeaderCellName(rows, header, ambiguous.Second);
            problems.Add(Problem.Error(ProblemCodes.AmbiguousColumn, file, rows[header.TopIndex].Line,
                $"Bảng có hai cột '{ambiguous.Role}' ({first} và {second}): không biết cột nào chứa số liệu, nên bảng không được đọc. Hãy xoá, ẩn hoặc đổi tên một trong hai cột.",
                $"{first}, {second}"));
        }

        return problems;
    }

    /// <summary>Runs <paramref name="fill"/> (the file-name convention) on the file name with its digits folded to
    /// ASCII, so "hoang-hoa-٢٠١٧.xlsx" gives 2017 instead of an exception; the problems it adds name the file as given.</summary>
    public static void WithFoldedFileName(string file, List<Problem> problems, Action<string> fill)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(fill);
        var folded = Digits.Fold(file);
        var start = problems.Count;
        fill(folded);
        for (var i = start; i < problems.Count; i++)
        {
            problems[i] = problems[i] with { File = file };
        }
    }

    /// <summary>The header cell of <paramref name="column"/>: in the lower header row when it has text there.</summary>
    private static string HeaderCellName(IReadOnlyList<GridRow> rows, Header header, int column)
    {
        for (var r = header.DataIndex - 1; r > header.TopIndex; r--)
        {
            if (rows[r].Cell(column).Length > 0)
            {
                return rows[r].CellName(column);
            }
        }

        return rows[header.TopIndex].CellName(column);
    }

    /// <summary>A row's cells as one string, to recognise the header rows repeated further down.</summary>
    private static string Signature(GridRow row) => string.Join('\u001F', row.Cells).TrimEnd('\u001F');

    /// <summary>For each row, the code of the next coded row under it (null when none), found in one pass from the end.</summary>
    private static string?[] NextCodes(IReadOnlyList<GridRow> rows, Header header)
    {
        var next = new string?[rows.Count];
        string? following = null;
        for (var i = rows.Count - 1; i >= header.DataIndex; i--)
        {
            next[i] = following;
            if (CriterionCode.Normalize(rows[i].Cell(header.Columns.Code)) is { } code)
            {
                following = code;
            }
        }

        return next;
    }

    /// <summary>Reads a summary footer that stands in a table of its own (Word reports put "Kết quả đạt được" under the
    /// Bảng tổng hợp in a second table). Null when <paramref name="rows"/> hold no result row under a footer header.</summary>
    public static Footer? ReadFooter(IReadOnlyList<GridRow> rows, string file, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var footerColumns = new FooterColumns();
        foreach (var row in rows)
        {
            if (IsResultRow(row))
            {
                // Without its own header the numbers cannot be told apart: no footer rather than a guess.
                return footerColumns.Max >= 0 || footerColumns.Self >= 0 ? ReadResult(row, footerColumns, null, file, problems) : null;
            }

            if (IsFooterHeader(row))
            {
                footerColumns.Update(row);
            }
        }

        return null;
    }

    /// <summary>The error for a document in which no Bảng tổng hợp header was found anywhere in <paramref name="searched"/>.</summary>
    public static Problem NoHeaderProblem(string file, string searched, string allText) =>
        TextDecoder.LooksLikeLegacyFontEncoding(allText)
            ? Problem.Error(ProblemCodes.Mojibake, file, null,
                $"Không tìm thấy dòng tiêu đề của Bảng tổng hợp trong {searched}, và văn bản có vẻ dùng bảng mã phông chữ tiếng Việt cũ (TCVN3/ABC hoặc VNI). Hãy chuyển văn bản sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi lưu lại.")
            : Problem.Error(ProblemCodes.NoTable, file, null,
                $"Không tìm thấy Bảng tổng hợp trong {searched}: cần có dòng tiêu đề với các cột 'Điểm chuẩn', 'Điểm tự chấm' và 'Tiêu chí'.");

    private static TableColumns? TwoRowHeader(string[] upper, GridRow next, TableColumns? single)
    {
        var lower = HeaderCells(next);
        if (lower.All(c => c.Length == 0) || TableColumns.FromHeader(lower) is not null)
        {
            // No lower half, or the next row is a complete header itself (the row above it was a title).
            return null;
        }

        var width = Math.Max(upper.Length, lower.Length);
        var combined = new string[width];
        for (var c = 0; c < width; c++)
        {
            var top = c < upper.Length ? upper[c] : "";
            var bottom = c < lower.Length ? lower[c] : "";
            combined[c] = top.Length == 0 || top == bottom ? bottom : bottom.Length == 0 ? top : top + " " + bottom;
        }

        var columns = TableColumns.FromHeader(combined);
        var nextIsData = columns is not null && IsDataRow(next, columns) || single is not null && IsDataRow(next, single);
        return nextIsData ? null : columns;
    }

    private static string[] HeaderCells(GridRow row) =>
        row.Cells.Select(c => c.Length > MaxHeaderCellLength ? "" : c).ToArray();

    private static bool IsDataRow(GridRow row, TableColumns columns) => CriterionCode.Normalize(row.Cell(columns.Code)) is not null;

    private static bool IsColumnNumberRow(GridRow row)
    {
        var values = row.Cells.Where(c => c.Length > 0).ToList();
        if (values.Count < 3)
        {
            return false;
        }

        var previous = 0;
        foreach (var value in values)
        {
            var match = ColumnNumber().Match(Digits.Fold(value));
            if (!match.Success)
            {
                return false;
            }

            var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (number <= previous)
            {
                return false;
            }

            previous = number;
        }

        return true;
    }

    private static IEnumerable<string> ShortLowerCells(GridRow row) =>
        row.Cells.Where(c => c.Length is > 0 and <= MaxHeaderCellLength).Select(c => c.ToLowerInvariant());

    private static bool IsFooterHeader(GridRow row) =>
        ShortLowerCells(row).Any(c => c.Contains("điểm chuẩn", StringComparison.Ordinal) || c.Contains("tổng điểm", StringComparison.Ordinal) || c.Contains("điểm tự đánh giá", StringComparison.Ordinal));

    private static bool IsResultRow(GridRow row) =>
        ShortLowerCells(row).Any(c => c.StartsWith("kết quả", StringComparison.Ordinal) || c.StartsWith("tổng cộng", StringComparison.Ordinal) || c == "tổng" || c.StartsWith("tổng số điểm", StringComparison.Ordinal))
        && row.Cells.Any(PointsText.IsNumber);

    private static RowBuilder ReadCodedRow(GridRow row, string code, TableColumns columns, string file, List<Problem> problems) => new(row.Line, code, row.RowName(columns.Code))
    {
        Name = OneLine(row.Cell(columns.Name)),
        Max = Number(row, columns.Max, "Điểm chuẩn", code, file, problems),
        Self = Number(row, columns.Self, "Điểm tự chấm", code, file, problems),
        Appraised = columns.Appraised >= 0 ? Number(row, columns.Appraised, "Điểm thẩm định", code, file, problems) : null,
        Evidence = row.Cell(columns.Evidence),
    };

    /// <summary>A row with an empty STT continues the row above: a name wrapped onto it, more evidence.</summary>
    private static void ReadContinuation(GridRow row, TableColumns columns, RowBuilder current, string file, List<Problem> problems)
    {
        current.Name = HtmlText.Join(current.Name, OneLine(row.Cell(columns.Name)), " ");
        current.Evidence = HtmlText.Join(current.Evidence, row.Cell(columns.Evidence), "\n");
        foreach (var column in new[] { columns.Max, columns.Self, columns.Appraised })
        {
            if (PointsText.IsNumber(row.Cell(column)))
            {
                problems.Add(Problem.Error(ProblemCodes.BadRow, file, row.Line,
                    $"Có một số ({row.Cell(column)}) nằm ở dòng không có mã tiêu chí, bên dưới dòng {current.Code}; không thể gán số này cho tiêu chí nào.",
                    row.CellName(column)));
            }
        }
    }

    private static void Flush(ref RowBuilder? current, List<ParsedRow> rows)
    {
        if (current is null)
        {
            return;
        }

        rows.Add(new ParsedRow(
            current.Line,
            current.Code,
            current.Name,
            current.Max,
            current.Self,
            current.Appraised,
            string.IsNullOrWhiteSpace(current.Evidence) ? null : current.Evidence,
            current.Cell));
        current = null;
    }

    private static Footer ReadResult(GridRow row, FooterColumns footerColumns, TableColumns? table, string file, List<Problem> problems)
    {
        var max = footerColumns.Max >= 0 ? footerColumns.Max : table?.Max ?? -1;
        var self = footerColumns.Self >= 0 ? footerColumns.Self : table?.Self ?? -1;
        var appraised = footerColumns.Appraised >= 0 ? footerColumns.Appraised : table?.Appraised ?? -1;
        return new Footer(
            Number(row, max, "Điểm chuẩn (tổng)", "tổng", file, problems),
            Number(row, self, "Điểm tự đánh giá (tổng)", "tổng", file, problems),
            appraised >= 0 ? Number(row, appraised, "Điểm thẩm định (tổng)", "tổng", file, problems) : null,
            row.Line);
    }

    private static decimal? Number(GridRow row, int column, string columnName, string code, string file, List<Problem> problems)
    {
        var text = row.Cell(column);
        if (PointsText.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add(Problem.Error(ProblemCodes.BadNumber, file, row.Line,
            $"'{text}' ở cột {columnName} của dòng {code} không phải là số điểm.", row.CellName(column)));
        return null;
    }

    /// <summary>A name is one line: paragraphs or line breaks inside its cell become spaces.</summary>
    private static string OneLine(string text) => text.Replace('\n', ' ');

    [GeneratedRegex(@"^\(?([0-9]{1,2})\)?$")]
    private static partial Regex ColumnNumber();

    /// <summary>Where the header is: its columns, its first row, and the first row under it.</summary>
    internal sealed record Header(TableColumns Columns, int TopIndex, int DataIndex);

    /// <summary>The coded rows, and the footer when the table has one.</summary>
    internal sealed record Table(IReadOnlyList<ParsedRow> Rows, Footer? Footer);

    /// <summary>The summary footer's totals ("Kết quả đạt được | 100 | 92") and where its result row is.</summary>
    internal sealed record Footer(decimal? Max, decimal? Self, decimal? Appraised, int Line);

    private sealed class FooterColumns
    {
        public int Max { get; private set; } = -1;

        public int Self { get; private set; } = -1;

        public int Appraised { get; private set; } = -1;

        /// <summary>The footer has its own header ("Điểm chuẩn | Tổng điểm đánh giá (Điểm tự đánh giá | Điểm thẩm định)").</summary>
        public void Update(GridRow row)
        {
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c].Length <= MaxHeaderCellLength ? row.Cells[c].ToLowerInvariant() : "";
                if (cell.Contains("điểm chuẩn", StringComparison.Ordinal))
                {
                    Max = c;
                }
                else if (cell.Contains("tự đánh giá", StringComparison.Ordinal) || cell.Contains("tự chấm", StringComparison.Ordinal))
                {
                    Self = c;
                }
                else if (cell.Contains("thẩm định", StringComparison.Ordinal))
                {
                    Appraised = c;
                }
            }
        }
    }

    private sealed class RowBuilder(int line, string code, string cell)
    {
        public int Line { get; } = line;

        public string Code { get; } = code;

        public string Cell { get; } = cell;

        public string Name { get; set; } = "";

        public decimal? Max { get; init; }

        public decimal? Self { get; init; }

        public decimal? Appraised { get; init; }

        public string Evidence { get; set; } = "";
    }
}
