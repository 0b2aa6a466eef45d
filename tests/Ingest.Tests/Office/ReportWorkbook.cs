using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Text;
using CchcAnalytics.Tests;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace CchcAnalytics.Ingest.Tests.Office;

/// <summary>How a fixture cell is stored in the workbook.</summary>
internal enum FixtureCellKind
{
    Number,
    SharedString,
    InlineString,
    Formula,
}

/// <summary>One cell of a fixture workbook: a number, a shared or inline string, or a formula with an optional cached value.</summary>
internal sealed record FixtureCell(FixtureCellKind Kind, string? Value, string? Formula = null)
{
    public static FixtureCell Number(decimal value) => new(FixtureCellKind.Number, value.ToString(CultureInfo.InvariantCulture));

    public static FixtureCell Shared(string text) => new(FixtureCellKind.SharedString, text);

    public static FixtureCell Inline(string text) => new(FixtureCellKind.InlineString, text);

    public static FixtureCell WithFormula(string formula, decimal? cached) =>
        new(FixtureCellKind.Formula, cached?.ToString(CultureInfo.InvariantCulture), formula);
}

/// <summary>Builds .xlsx fixtures: the real Hoằng Hóa 2017 report (read with the text reader) laid out the way a district
/// types it into Excel, which tests then break one cell at a time.</summary>
/// <remarks>
/// Layout: title rows 1–2 ("UBND HUYỆN HOẰNG HÓA", "BẢNG TỔNG HỢP … NĂM 2017"); a two-row header on rows 3–4 with a
/// merged "Tổng điểm đánh giá" over "Điểm tự chấm" | "Điểm thẩm định"; data from row 5 with area codes stored as
/// numbers, area rows' evidence and note cells merged, fractional self points as text with a decimal comma ("15,5"),
/// fractional maxima as inline text with a point ("0.5"); an extra "Ghi chú" column; 1.3.1's evidence split over two
/// rows whose other cells are merged vertically; a blank row, then "Kết quả đạt được | 100 | 92" and a signature row.
/// </remarks>
internal sealed class ReportWorkbook
{
    public const string Title = "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017";

    /// <summary>Code, name, max, self, appraised, evidence, note: the default column letters.</summary>
    public const string DefaultColumns = "ABCDEFG";

    private readonly SortedDictionary<int, SortedDictionary<string, FixtureCell>> rows = [];
    private readonly Dictionary<string, int> codeRows = new(StringComparer.Ordinal);

    public List<string> Merges { get; } = [];

    public string SheetName { get; set; } = "Sheet1";

    /// <summary>Worksheets placed before the table's sheet, each with one text cell in A1.</summary>
    public List<(string Name, string Text)> SheetsBefore { get; } = [];

    /// <summary>Whole worksheets placed before the table's sheet (an instructions sheet), each under its <see cref="SheetName"/>.</summary>
    public List<ReportWorkbook> BooksBefore { get; } = [];

    /// <summary>Whole worksheets placed after the table's sheet (a second report), each under its <see cref="SheetName"/>.</summary>
    public List<ReportWorkbook> BooksAfter { get; } = [];

    /// <summary>Column letters this sheet hides (<c>&lt;col hidden="1"&gt;</c>).</summary>
    public List<string> HiddenColumns { get; } = [];

    /// <summary>Rows this sheet hides (<c>&lt;row hidden="1"&gt;</c>).</summary>
    public List<int> HiddenRows { get; } = [];

    /// <summary>Whether the sheet itself is hidden (<c>state="hidden"</c>).</summary>
    public bool Hidden { get; set; }

    /// <summary>An empty sheet to fill cell by cell.</summary>
    public static ReportWorkbook Empty(string sheetName) => new() { SheetName = sheetName };

    /// <summary>The real report's rows, in the order and with the values the text reader gives.</summary>
    public static ParsedReport RealReport()
    {
        var problems = new List<Problem>();
        var report = TextReportReader.Read(File.ReadAllBytes(TestFiles.RealReport), "real.txt", problems);
        problems.ShouldBeEmpty();
        return report.ShouldNotBeNull();
    }

    /// <param name="columns">Seven column letters for code, name, max, self, appraised, evidence and note.</param>
    /// <param name="titleRows">Whether rows 1–2 hold the letterhead and the title (which state unit and year).</param>
    /// <param name="numberRow">Whether a "(1) (2) … (7)" row numbers the columns under the header.</param>
    public static ReportWorkbook FromRealReport(string columns = DefaultColumns, bool titleRows = true, bool numberRow = false)
    {
        var report = RealReport();
        var book = new ReportWorkbook();
        var c = new Layout(columns);
        if (titleRows)
        {
            book.Set("A1", FixtureCell.Shared("UBND HUYỆN HOẰNG HÓA"));
            book.Merges.Add("A1:B1");
            book.Set("D1", FixtureCell.Shared("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
            book.Merges.Add("D1:G1");
            book.Set("A2", FixtureCell.Shared(Title));
            book.Merges.Add("A2:G2");
        }
        else
        {
            book.Set("A1", FixtureCell.Shared("Biểu số 01"));
        }

        book.Header(c);
        var row = 5;
        if (numberRow)
        {
            foreach (var (letter, number) in new[] { c.Code, c.Name, c.Max, c.Self, c.Appraised, c.Evidence, c.Note }.Select((l, i) => (l, i + 1)))
            {
                book.Set(letter + 5, FixtureCell.Shared($"({number})"));
            }

            row++;
        }

        foreach (var parsed in report.Rows)
        {
            row = book.AddRow(c, row, parsed);
        }

        row++;
        book.Set($"{c.Name}{row}", FixtureCell.Shared("Kết quả đạt được"));
        book.Set($"{c.Max}{row}", FixtureCell.Number(report.FooterMax!.Value));
        book.Set($"{c.Self}{row}", FixtureCell.Number(report.FooterSelf!.Value));
        row += 2;
        book.Set($"{c.Name}{row}", FixtureCell.Shared("Người lập biểu"));
        book.Set($"{c.Evidence}{row}", FixtureCell.Shared("KT. CHỦ TỊCH"));
        return book;
    }

    /// <summary>The spreadsheet row of the row with canonical code <paramref name="code"/>.</summary>
    public int RowOf(string code) => codeRows[code];

    public void Set(string reference, FixtureCell? cell)
    {
        var row = int.Parse(reference.AsSpan(reference.TakeWhile(char.IsAsciiLetter).Count()), CultureInfo.InvariantCulture);
        if (!rows.TryGetValue(row, out var cells))
        {
            rows[row] = cells = new SortedDictionary<string, FixtureCell>(Comparer<string>.Create((a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b)));
        }

        if (cell is null)
        {
            cells.Remove(reference);
        }
        else
        {
            cells[reference] = cell;
        }
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var strings = new SharedStrings();
            uint sheetId = 1;
            foreach (var (name, text) in SheetsBefore)
            {
                var other = new SortedDictionary<int, SortedDictionary<string, FixtureCell>> { [1] = new() { ["A1"] = FixtureCell.Shared(text) } };
                AddSheet(workbookPart, sheets, sheetId++, name, other, [], strings);
            }

            foreach (var book in BooksBefore.Append(this).Concat(BooksAfter))
            {
                AddSheet(workbookPart, sheets, sheetId++, book.SheetName, book.rows, book.Merges, strings, book);
            }
            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedPart.SharedStringTable = new SharedStringTable(strings.Items.Select(s => new SharedStringItem(new S.Text(s))));
        }

        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, SortedDictionary<int, SortedDictionary<string, FixtureCell>> cells, List<string> merges, SharedStrings strings, ReportWorkbook? book = null)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var (number, rowCells) in cells)
        {
            var row = new Row { RowIndex = (uint)number };
            if (book?.HiddenRows.Contains(number) == true)
            {
                row.Hidden = true;
            }

            foreach (var (reference, cell) in rowCells)
            {
                row.Append(ToCell(reference, cell, strings));
            }

            data.Append(row);
        }

        var worksheet = new Worksheet();
        if (book?.HiddenColumns.Count > 0)
        {
            worksheet.Append(new Columns(book.HiddenColumns.Select(letter =>
            {
                var index = (uint)(letter[0] - 'A' + 1);
                return new Column { Min = index, Max = index, Width = 12, CustomWidth = true, Hidden = true };
            })));
        }

        worksheet.Append(data);
        if (merges.Count > 0)
        {
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        }

        part.Worksheet = worksheet;
        var sheet = new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = name };
        if (book?.Hidden == true)
        {
            sheet.State = SheetStateValues.Hidden;
        }

        sheets.Append(sheet);
    }

    private static Cell ToCell(string reference, FixtureCell cell, SharedStrings strings) => cell.Kind switch
    {
        FixtureCellKind.Number => new Cell { CellReference = reference, CellValue = new CellValue(cell.Value!) },
        FixtureCellKind.SharedString => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(cell.Value!).ToString(CultureInfo.InvariantCulture)) },
        FixtureCellKind.InlineString => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new S.Text(cell.Value!)) },
        _ => new Cell { CellReference = reference, CellFormula = new CellFormula(cell.Formula!), CellValue = cell.Value is null ? null : new CellValue(cell.Value) },
    };

    private void Header(Layout c)
    {
        Set(c.Code + 3, FixtureCell.Shared("STT"));
        Set(c.Name + 3, FixtureCell.Shared("Lĩnh vực/Tiêu chí/Tiêu chí thành phần"));
        Set(c.Max + 3, FixtureCell.Shared("Điểm chuẩn"));
        Set(c.Self + 3, FixtureCell.Shared("Tổng điểm đánh giá"));
        Set(c.Self + 4, FixtureCell.Shared("Điểm tự chấm"));
        Set(c.Appraised + 4, FixtureCell.Shared("Điểm thẩm định"));
        Set(c.Evidence + 3, FixtureCell.Shared("Tài liệu kiểm chứng"));
        Set(c.Note + 3, FixtureCell.Shared("Ghi chú"));
        foreach (var single in new[] { c.Code, c.Name, c.Max, c.Evidence, c.Note })
        {
            Merges.Add($"{single}3:{single}4");
        }

        // "Tổng điểm đánh giá" spans the two points columns when they are side by side.
        if (Math.Abs(c.Self[0] - c.Appraised[0]) == 1)
        {
            Merges.Add(c.Self[0] < c.Appraised[0] ? $"{c.Self}3:{c.Appraised}3" : $"{c.Appraised}3:{c.Self}3");
        }
    }

    private int AddRow(Layout c, int row, ParsedRow parsed)
    {
        codeRows[parsed.Code] = row;
        var area = CriterionCode.Depth(parsed.Code) == 1;
        var printed = parsed.Code.StartsWith('7') ? parsed.Code + "." : parsed.Code; // the report prints "7.", "7.1.1."
        Set(c.Code + row, area && !parsed.Code.StartsWith('7') ? FixtureCell.Number(int.Parse(parsed.Code, CultureInfo.InvariantCulture)) : FixtureCell.Shared(printed));
        Set(c.Name + row, FixtureCell.Shared(parsed.Name));
        Set(c.Max + row, Points(parsed.MaxPoints, area ? FixtureCellKind.InlineString : FixtureCellKind.Number, "."));
        Set(c.Self + row, Points(parsed.SelfPoints, FixtureCellKind.Number, ","));
        Set(c.Appraised + row, Points(parsed.AppraisedPoints, FixtureCellKind.Number, ","));
        var evidence = parsed.Evidence?.Split('\n') ?? [];
        if (area)
        {
            Merges.Add($"{c.Evidence}{row}:{c.Note}{row}");
        }
        else if (parsed.SelfPoints == parsed.MaxPoints)
        {
            Set(c.Note + row, FixtureCell.Shared("Đạt"));
        }

        if (parsed.Code == "1.3.1" && evidence.Length > 1)
        {
            // A cell grown too tall: the evidence goes on in the row below, the row's other cells merged over both rows.
            Set(c.Evidence + row, FixtureCell.Shared(evidence[0]));
            Set(c.Evidence + (row + 1), FixtureCell.Shared(string.Join('\n', evidence.Skip(1))));
            foreach (var column in new[] { c.Code, c.Name, c.Max, c.Self, c.Appraised, c.Note })
            {
                Merges.Add($"{column}{row}:{column}{row + 1}");
            }

            return row + 2;
        }

        Set(c.Evidence + row, parsed.Evidence is null ? null : FixtureCell.Shared(parsed.Evidence));
        return row + 1;
    }

    /// <summary>Whole points as numbers (or inline text); fractions as text with the given decimal separator.</summary>
    private static FixtureCell? Points(decimal? value, FixtureCellKind whole, string separator)
    {
        if (value is not { } points)
        {
            return null;
        }

        if (points == decimal.Truncate(points))
        {
            return whole == FixtureCellKind.InlineString ? FixtureCell.Inline(points.ToString(CultureInfo.InvariantCulture)) : FixtureCell.Number(points);
        }

        var text = points.ToString(CultureInfo.InvariantCulture).Replace(".", separator, StringComparison.Ordinal);
        return separator == "," ? FixtureCell.Shared(text) : FixtureCell.Inline(text);
    }

    private sealed class Layout(string letters)
    {
        public string Code { get; } = letters[0].ToString();

        public string Name { get; } = letters[1].ToString();

        public string Max { get; } = letters[2].ToString();

        public string Self { get; } = letters[3].ToString();

        public string Appraised { get; } = letters[4].ToString();

        public string Evidence { get; } = letters[5].ToString();

        public string Note { get; } = letters[6].ToString();
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

        public List<string> Items { get; } = [];

        public int IndexOf(string text)
        {
            if (!index.TryGetValue(text, out var at))
            {
                index[text] = at = Items.Count;
                Items.Add(text);
            }

            return at;
        }
    }
}
