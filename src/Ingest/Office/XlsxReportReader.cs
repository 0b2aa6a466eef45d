using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcAnalytics.Ingest.Office;

/// <summary>Reads a Bảng tổng hợp from an Excel workbook (.xlsx): the first worksheet that holds a Bảng tổng hợp
/// header, with the same rules and problems as the text layout.</summary>
/// <remarks>
/// <para>Layout: title rows may stand above the header ("UBND HUYỆN HOẰNG HÓA", "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ,
/// CHẤM ĐIỂM … NĂM 2017"); the header is one row, or two when a merged "Tổng điểm đánh giá" stands over
/// "Điểm tự chấm" | "Điểm thẩm định". Columns are found by their header text (STT, Lĩnh vực/Tiêu chí, Điểm chuẩn,
/// Điểm tự chấm, Điểm thẩm định, Tài liệu kiểm chứng); other columns are ignored. A merged cell's value is its
/// top-left cell's; the cells it covers read as empty. A row with an empty STT continues the row above (more
/// evidence). A result row ("Kết quả đạt được | 100 | 92") under the table is the summary footer.</para>
/// <para>Cells: numbers may be stored as numbers or as text with a decimal comma ("15,5") or point; shared and inline
/// strings are both read. An empty cell is no points (null), never 0. A formula's cached value is read, with a
/// <c>formula-cell</c> warning; a formula without one is a <c>formula-no-value</c> error.</para>
/// <para>Unit and year: from the title rows (the text layout's letter rules, plus a one-line "UBND HUYỆN …" letterhead
/// and a title that ends in "NĂM 2017"); failing that, from the file name
/// <c>&lt;unit-id-or-slug&gt;-&lt;year&gt;[-anything].xlsx</c>, e.g. <c>hoang-hoa-2017.xlsx</c> (warning
/// <c>from-file-name</c>); failing that, the validator asks for --unit / --year.</para>
/// <para>Where: <see cref="ParsedRow.Line"/> and every problem's line are the spreadsheet row number; the cell is named
/// "D14" ("Sheet2!D14" when the workbook has several worksheets). Limits are in <see cref="OfficePackage"/>.</para>
/// </remarks>
public static partial class XlsxReportReader
{
    private const int MaxFormulaWarnings = 10;

    // The last row of an Excel worksheet.
    private const int MaxSheetRow = 1_048_576;

    /// <summary>Reads <paramref name="bytes"/>; returns the first Bảng tổng hợp (see <see cref="ReadAll"/>), or null
    /// (with errors in <paramref name="problems"/>) when the workbook cannot be read or holds none.</summary>
    public static ParsedReport? Read(byte[] bytes, string file, List<Problem> problems) =>
        ReadAll(bytes, file, problems) is [var first, ..] ? first : null;

    /// <summary>Reads every visible worksheet that holds a Bảng tổng hợp with rows, each as one report, in the
    /// workbook's order; a sheet before them (instructions, a blank template) does not stop them from being read.
    /// Empty (with errors in <paramref name="problems"/>) when the workbook cannot be read or holds none.</summary>
    public static IReadOnlyList<ParsedReport> ReadAll(byte[] bytes, string file, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(problems);
        if (!OfficePackage.Check(bytes, file, ".xlsx", problems))
        {
            return [];
        }

        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false, OfficePackage.Settings);
            return ReadWorkbook(document, bytes, file, problems);
        }
        catch (Exception ex) when (OfficePackage.IsDamagedPackage(ex))
        {
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null, $"Tệp không phải là bảng tính Excel đọc được: {ReadErrorText.OfPackage(ex)}.")
                with { Detail = $"{ex.GetType().Name}: {ex.Message}" });
            return [];
        }
    }

    private static List<ParsedReport> ReadWorkbook(SpreadsheetDocument document, byte[] bytes, string file, List<Problem> problems)
    {
        var workbookPart = document.WorkbookPart;
        if (workbookPart?.Workbook?.Sheets is not { } sheets)
        {
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                "Tệp là gói ZIP nhưng không phải bảng tính Excel (không có trang tính nào). Có phải một văn bản Word hoặc tệp khác đã bị đổi đuôi thành .xlsx không?"));
            return [];
        }

        var shared = SharedStrings(workbookPart);
        var sheetList = sheets.Elements<Sheet>().ToList();
        var allText = new StringBuilder();
        var reports = new List<ParsedReport>();
        var hidden = 0;
        var ambiguous = false;
        var skipped = new List<Problem>();
        foreach (var sheet in sheetList)
        {
            if (sheet.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
            {
                continue;
            }

            if (sheet.State?.InnerText is "hidden" or "veryHidden")
            {
                // A sheet nobody sees is not data (issue 12, §4).
                hidden++;
                continue;
            }

            var name = sheet.Name?.Value ?? "";
            var prefix = sheetList.Count > 1 ? SheetPrefix(name) : "";
            var grid = SheetGrid.Read(worksheet, shared, prefix, name, file, problems);
            if (grid is null)
            {
                return [];
            }

            var header = GridTableReader.FindHeader(grid.Rows);
            if (header is null)
            {
                allText.AppendJoin('\n', grid.Rows.SelectMany(r => r.Cells)).Append('\n');
                continue;
            }

            if (GridTableReader.AmbiguityProblems(grid.Rows, header, file) is { Count: > 0 } unclear)
            {
                problems.AddRange(unclear);
                ambiguous = true;
                continue;
            }

            // A header without coded rows under it is a blank template or an instructions sheet: not a report.
            var sheetProblems = new List<Problem>();
            var report = ReadTable(grid, header, bytes, file, sheetProblems, reports.Count > 0 ? reports[^1] : null);
            if (report.Rows.Count == 0)
            {
                // Said only when no sheet holds a report: then what went wrong here may be why.
                skipped.AddRange(sheetProblems);
                continue;
            }

            problems.AddRange(sheetProblems);
            reports.Add(report with { Part = $"trang tính '{name}'" });
        }

        if (reports.Count == 0 && skipped.Any(p => p.Severity == Severity.Error))
        {
            problems.AddRange(skipped);
        }
        else if (reports.Count == 0 && !ambiguous)
        {
            var searched = sheetList.Count == 1 ? "trang tính" : $"{sheetList.Count} trang tính";
            problems.Add(GridTableReader.NoHeaderProblem(file, hidden > 0 ? $"{searched} ({hidden} trang tính ẩn không được đọc)" : searched, allText.ToString()));
        }

        return reports;
    }

    private static ParsedReport ReadTable(SheetGrid grid, GridTableReader.Header header, byte[] bytes, string file, List<Problem> problems, ParsedReport? previous)
    {
        grid.ReportCellProblems(file, problems);
        var lines = grid.Rows.Take(header.TopIndex)
            .SelectMany(row => row.Cells.Where(c => c.Length > 0).SelectMany(c => c.Split('\n')).Select(text => new LetterLine(Digits.Fold(text), row.Line)))
            .ToList();
        var letter = LetterReader.Read(lines);
        // A sheet without a title of its own belongs to the workbook's report: the same unit and year as the sheet
        // before it, so two such sheets are refused as the same submission twice, never guessed apart.
        letter.InheritFrom(previous);
        GridTableReader.WithFoldedFileName(file, problems, name => OfficeLetter.FillFromFileName(letter, name, problems));
        var table = GridTableReader.Read(grid.Rows, header, file, problems);
        return letter.ToReport(file, "xlsx", IngestRunner.HashOf(bytes), table.Rows) with
        {
            FooterMax = table.Footer?.Max,
            FooterSelf = table.Footer?.Self,
            FooterAppraised = table.Footer?.Appraised,
            FooterLine = table.Footer?.Line,
        };
    }

    private static List<string> SharedStrings(WorkbookPart workbookPart) =>
        workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(RichText).ToList() ?? [];

    /// <summary>The text of a shared string item or an inline string: plain text, or rich-text runs (phonetic hints left out).</summary>
    private static string RichText(OpenXmlElement item)
    {
        var builder = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is DocumentFormat.OpenXml.Spreadsheet.Text text)
            {
                builder.Append(text.Text);
            }
            else if (child is Run run)
            {
                builder.Append(run.Text?.Text);
            }
        }

        return builder.ToString();
    }

    /// <summary>"A" → 1, "AB" → 28 from a reference such as "AB12"; null when it has no column letters.</summary>
    private static int? ColumnOf(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (++letters > 3)
            {
                return null;
            }
        }

        return letters == 0 ? null : column;
    }

    private static int? RowOf(string reference) =>
        int.TryParse(reference.AsSpan(reference.TakeWhile(char.IsAsciiLetter).Count()), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;

    /// <summary>1 → "A", 28 → "AB".</summary>
    private static string ColumnName(int column)
    {
        var name = "";
        while (column > 0)
        {
            column--;
            name = (char)('A' + (column % 26)) + name;
            column /= 26;
        }

        return name;
    }

    private static string SheetPrefix(string name) =>
        (name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'") + "!";

    /// <summary>Numbers are stored in invariant form, possibly with binary noise ("4.4999999999999991"): rounded to 9
    /// decimals and written without trailing zeros, so "15.5" reads as 15.5 and a real fraction of a point stays visible.</summary>
    private static string NumberText(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? Math.Round(value, 9).ToString("0.#########", CultureInfo.InvariantCulture)
            : raw;

    /// <summary>Plain NFC text, as every reader stores it. Excel escapes some characters as _xHHHH_ (a carriage return
    /// is _x000D_).</summary>
    private static string Plain(string text)
    {
        var decoded = EscapedCharacter().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        decoded = decoded.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return VietnameseText.Nfc(HtmlText.ToPlainText(WithoutBrokenSurrogates(decoded)));
    }

    /// <summary>An escape such as _xD835_ without its other half is half a character: normalising it throws, and it
    /// is no text anyway. It becomes U+FFFD, which validation rejects as a lost character.</summary>
    private static string WithoutBrokenSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex EscapedCharacter();

    /// <summary>A formula cell: where, its formula, and whether the file stores its calculated value.</summary>
    private sealed record FormulaCell(int Row, int Column, string Formula, bool HasValue);

    /// <summary>One worksheet as rows of plain text, merged cells resolved, plus what needs reporting if it is the one read.</summary>
    private sealed class SheetGrid
    {
        private readonly SortedDictionary<int, SortedDictionary<int, string>> cells = [];
        private readonly SortedDictionary<int, SortedDictionary<int, FormulaCell>> formulas = [];
        private readonly List<(int Row, int Column, string Index)> missingStrings = [];
        private readonly List<(int Row, int Column, int Length)> longCells = [];
        private readonly HashSet<int> hiddenColumns = [];
        private readonly string prefix;

        private SheetGrid(string prefix) => this.prefix = prefix;

        public IReadOnlyList<GridRow> Rows { get; private set; } = [];

        /// <summary>Reads a worksheet row by row (never the whole sheet as one tree); null, with a too-large error,
        /// when it has more rows or merged ranges than a report can have.</summary>
        public static SheetGrid? Read(WorksheetPart part, IReadOnlyList<string> shared, string prefix, string sheetName, string file, List<Problem> problems)
        {
            var grid = new SheetGrid(prefix);
            var merges = new List<string>();
            using var reader = OpenXmlReader.Create(part);
            var rowNumber = 0;
            var more = reader.Read();
            while (more && !reader.EOF)
            {
                if (reader.IsStartElement && reader.ElementType == typeof(Column))
                {
                    grid.AddColumns((Column)reader.LoadCurrentElement()!);
                }
                else if (reader.IsStartElement && reader.ElementType == typeof(Row))
                {
                    var row = (Row)reader.LoadCurrentElement()!;
                    if (RowNumber(row, rowNumber) is not { } number)
                    {
                        problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                            string.Create(CultureInfo.InvariantCulture, $"Trang tính '{sheetName}' của tệp {Path.GetFileName(file)} có một dòng (ngay sau dòng {rowNumber}) mang số dòng '{row.RowIndex?.InnerText}', không phải số dòng của Excel (1–{IngestLimits.Count(MaxSheetRow)}): tệp đã bị hỏng hoặc do một chương trình lỗi tạo ra. Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại."),
                            prefix + "dòng " + row.RowIndex?.InnerText));
                        return null;
                    }

                    rowNumber = number;
                    if (IsHidden(row))
                    {
                        // A hidden row is not what a person sees: not data (issue 12, §4).
                        continue;
                    }

                    grid.AddRow(row, rowNumber, shared);
                    if (grid.cells.Count > IngestLimits.MaxTableRows)
                    {
                        problems.Add(Problem.Error(ProblemCodes.TooManyRows, file, rowNumber,
                            $"Trang tính '{sheetName}' của tệp {Path.GetFileName(file)} có hơn {IngestLimits.Count(IngestLimits.MaxTableRows)} dòng có dữ liệu, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxTableRows)} dòng; một Bảng tổng hợp có khoảng 150 dòng. Không có gì được ghi."));
                        return null;
                    }
                }
                else if (reader.IsStartElement && reader.ElementType == typeof(MergeCell))
                {
                    merges.Add(((MergeCell)reader.LoadCurrentElement()!).Reference?.Value ?? "");
                    if (merges.Count > IngestLimits.MaxMergedRanges)
                    {
                        problems.Add(Problem.Error(ProblemCodes.TooLarge, file, null,
                            $"Một trang tính có hơn {VietnameseText.Number(IngestLimits.MaxMergedRanges)} vùng ô gộp; một Bảng tổng hợp có nhiều nhất vài trăm vùng."));
                        return null;
                    }
                }
                else
                {
                    more = reader.Read();
                }
            }

            foreach (var merge in merges)
            {
                grid.Unmerge(merge);
            }

            grid.Rows = grid.cells.Select(row => grid.ToGridRow(row.Key, row.Value)).ToList();
            return grid;
        }

        /// <summary>Cells too long to read, formula cells (a warning each, an error without a cached value) and shared strings that do not exist.</summary>
        public void ReportCellProblems(string file, List<Problem> problems)
        {
            foreach (var (row, column, length) in longCells)
            {
                var name = Name(row, column);
                problems.Add(Problem.Error(ProblemCodes.TextTooLong, file, row,
                    $"Ô {name} của tệp {Path.GetFileName(file)} chứa {IngestLimits.Count(length)} ký tự, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxCellCharacters)} ký tự một ô; không có gì được ghi.", name));
            }

            foreach (var (row, column, index) in missingStrings)
            {
                problems.Add(Problem.Error(ProblemCodes.Unreadable, file, row,
                    $"Ô {Name(row, column)} tham chiếu tới chuỗi dùng chung số {index}, nhưng bảng tính không có chuỗi này; tệp đã bị hỏng.", Name(row, column)));
            }

            var cached = 0;
            var moreCells = new List<string>();
            foreach (var formula in formulas.Values.SelectMany(row => row.Values))
            {
                var name = Name(formula.Row, formula.Column);
                var shown = formula.Formula.Length > 0 ? $" (={formula.Formula})" : "";
                if (!formula.HasValue)
                {
                    problems.Add(Problem.Error(ProblemCodes.FormulaNoValue, file, formula.Row,
                        $"Ô {name} chứa công thức{shown} nhưng chưa có giá trị đã tính. Hãy mở bảng tính bằng Excel hoặc LibreOffice rồi lưu lại để các giá trị được tính.", name));
                }
                else if (++cached <= MaxFormulaWarnings)
                {
                    problems.Add(Problem.Warning(ProblemCodes.FormulaCell, file, formula.Row,
                        $"Ô {name} chứa công thức{shown}; đã đọc giá trị Excel tính lần gần nhất. Hãy kiểm tra bảng tính đã được tính lại trước khi lưu.", name));
                }
                else
                {
                    moreCells.Add(name);
                }
            }

            if (moreCells.Count > 0)
            {
                problems.Add(Problem.Warning(ProblemCodes.FormulaCell, file, null,
                    $"Còn {moreCells.Count} ô khác chứa công thức, đã đọc giá trị tính lần gần nhất của chúng: {string.Join(", ", moreCells.Take(12))}{(moreCells.Count > 12 ? ", …" : "")}."));
            }
        }

        /// <summary>The row's number: its <c>r</c> attribute, or the one after the previous row when it has none;
        /// null when <c>r</c> is not a row number Excel can have (negative, 0, past 1,048,576, not a number).</summary>
        private static int? RowNumber(Row row, int previous)
        {
            if (row.RowIndex is null)
            {
                return previous + 1;
            }

            return long.TryParse(row.RowIndex.InnerText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index is >= 1 and <= MaxSheetRow
                ? (int)index
                : null;
        }

        private static bool IsHidden(Row row) =>
            Flag(row.Hidden?.InnerText)
            || Flag(row.CustomHeight?.InnerText) && row.Height?.InnerText is { } height && double.TryParse(height, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && h <= 0;

        private static bool Flag(string? value) => value is "1" or "true";

        /// <summary>Remembers the columns a <c>&lt;col&gt;</c> element hides (hidden, or of zero width).</summary>
        private void AddColumns(Column column)
        {
            var hiddenColumn = Flag(column.Hidden?.InnerText)
                || column.Width?.InnerText is { } width && double.TryParse(width, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w <= 0;
            if (!hiddenColumn
                || !int.TryParse(column.Min?.InnerText, NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                || !int.TryParse(column.Max?.InnerText, NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                return;
            }

            for (var c = Math.Max(min, 1); c <= Math.Min(max, OfficePackage.MaxColumns); c++)
            {
                hiddenColumns.Add(c);
            }
        }

        private void AddRow(Row row, int rowNumber, IReadOnlyList<string> shared)
        {
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference && ColumnOf(reference) is { } at ? at : column + 1;
                if (column > OfficePackage.MaxColumns || hiddenColumns.Contains(column))
                {
                    // Past the columns a report has, or in a hidden column (not what a person sees: issue 12, §4).
                    continue;
                }

                var raw = CellText(cell, shared, rowNumber, column);
                if (raw.Length > IngestLimits.MaxCellCharacters)
                {
                    // Too long to clean up (HTML, escapes): reported if this sheet is the table's, never read.
                    longCells.Add((rowNumber, column, raw.Length));
                    continue;
                }

                if (cell.CellFormula is { } formula)
                {
                    if (!formulas.TryGetValue(rowNumber, out var rowFormulas))
                    {
                        formulas[rowNumber] = rowFormulas = [];
                    }

                    rowFormulas[column] = new FormulaCell(rowNumber, column, formula.Text ?? "", cell.CellValue is not null);
                }

                var text = Plain(raw);
                if (text.Length == 0)
                {
                    continue;
                }

                if (!cells.TryGetValue(rowNumber, out var rowCells))
                {
                    cells[rowNumber] = rowCells = [];
                }

                rowCells[column] = text;
            }
        }

        private string CellText(Cell cell, IReadOnlyList<string> shared, int row, int column)
        {
            var raw = cell.CellValue?.Text ?? "";
            var type = cell.DataType?.Value;
            if (type == CellValues.SharedString)
            {
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count)
                {
                    return shared[index];
                }

                missingStrings.Add((row, column, raw));
                return "";
            }

            if (type == CellValues.InlineString)
            {
                return cell.InlineString is { } inline ? RichText(inline) : "";
            }

            if (type == CellValues.Boolean)
            {
                return raw == "1" ? "TRUE" : "FALSE";
            }

            return type is null || type == CellValues.Number ? NumberText(raw) : raw;
        }

        /// <summary>Keeps a merged range's value in its top-left cell only.</summary>
        private void Unmerge(string range)
        {
            var parts = range.Split(':');
            if (parts.Length != 2 || ColumnOf(parts[0]) is not { } left || ColumnOf(parts[1]) is not { } right
                || RowOf(parts[0]) is not { } top || RowOf(parts[1]) is not { } bottom)
            {
                return;
            }

            ClearCovered(cells, top, left, bottom, right);
            ClearCovered(formulas, top, left, bottom, right);
        }

        private static void ClearCovered<T>(SortedDictionary<int, SortedDictionary<int, T>> byRow, int top, int left, int bottom, int right)
        {
            // Walk whichever is shorter: the range's rows or the rows that exist (a range may span a whole column).
            var rows = bottom - top + 1 <= byRow.Count
                ? Enumerable.Range(top, bottom - top + 1).Where(byRow.ContainsKey).ToList()
                : byRow.Keys.Where(r => r >= top && r <= bottom).ToList();
            foreach (var row in rows)
            {
                var rowCells = byRow[row];
                foreach (var column in rowCells.Keys.Where(c => c >= left && c <= right && (row, c) != (top, left)).ToList())
                {
                    rowCells.Remove(column);
                }
            }
        }

        private GridRow ToGridRow(int row, SortedDictionary<int, string> rowCells)
        {
            var texts = new string[rowCells.Count == 0 ? 0 : rowCells.Keys.Last()];
            Array.Fill(texts, "");
            foreach (var (column, text) in rowCells)
            {
                texts[column - 1] = text;
            }

            return new GridRow(row, texts, column => Name(row, column + 1));
        }

        private string Name(int row, int column) => prefix + ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
    }
}
