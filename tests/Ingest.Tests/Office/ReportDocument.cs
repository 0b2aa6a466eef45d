using System.Globalization;
using CchcAnalytics.Core;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CchcAnalytics.Ingest.Tests.Office;

/// <summary>Builds .docx fixtures: the real Hoằng Hóa 2017 report (read with the text reader) as the Word document it
/// was converted from.</summary>
/// <remarks>
/// Layout: a borderless letterhead table ("UBND HUYỆN HOẰNG HÓA" | "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 293/BC-UBND"
/// | "Độc lập - Tự do - Hạnh phúc"); the letter's paragraphs (date, subject with the index year, the stated total "là:
/// 92 (điểm)" with 92 in a bold run of its own); the title; the Bảng tổng hợp as table 2 with a two-row header (vMerge
/// on STT, name, Điểm chuẩn, evidence and note; "Tổng điểm đánh giá" spanning two grid columns), evidence as one
/// paragraph per line, area rows' evidence spanning the note column, 1.3.1 split over two rows with vMerge, and an
/// extra "Ghi chú" column; then the summary footer as table 3 with its own merged header; then the signatures.
/// </remarks>
internal static class ReportDocument
{
    private const int GridColumns = 7;

    /// <param name="change">Edits the real report's rows before they are laid out.</param>
    /// <param name="letter">Whether the letterhead and letter (which state unit and year) are included.</param>
    /// <param name="tables">Whether the Bảng tổng hợp and footer tables are included.</param>
    /// <param name="selfText">Text written in the Điểm tự chấm cell of the rows with these codes, instead of their points.</param>
    public static byte[] FromRealReport(Func<IReadOnlyList<ParsedRow>, IReadOnlyList<ParsedRow>>? change = null, bool letter = true, bool tables = true, Dictionary<string, string>? selfText = null)
    {
        var report = ReportWorkbook.RealReport();
        var rows = change is null ? report.Rows : change(report.Rows);
        var body = new Body();
        if (letter)
        {
            AddLetter(body);
        }

        body.Append(Paragraph("BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM TIÊU CHÍ, TIÊU CHÍ", "THÀNH PHẦN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017"));
        body.Append(Paragraph("(Kèm theo Báo cáo số: 293/BC-UBND ngày 20/11/2017 của UBND huyện)"));
        if (tables)
        {
            body.Append(ScoreTable(rows, selfText ?? []));
            body.Append(Paragraph(""));
            body.Append(FooterTable(report.FooterMax!.Value, report.FooterSelf!.Value));
        }

        body.Append(Paragraph("Người lập biểu"));
        body.Append(Paragraph("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"));
        return ToBytes(body);
    }

    /// <summary>A document holding only <paramref name="body"/>'s content.</summary>
    public static byte[] ToBytes(Body body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    public static Paragraph Paragraph(params string[] lines)
    {
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new W.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return new Paragraph(run);
    }

    private static void AddLetter(Body body)
    {
        var letterhead = new Table(
            new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None })),
            new TableGrid(new GridColumn { Width = "4000" }, new GridColumn { Width = "5000" }),
            new TableRow(Cell("UBND HUYỆN HOẰNG HÓA"), Cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
            new TableRow(Cell("Số: 293/BC-UBND"), Cell("Độc lập - Tự do - Hạnh phúc")));
        body.Append(letterhead);
        body.Append(Paragraph("Hoằng Hóa, ngày 20 tháng 11 năm 2017"));
        body.Append(Paragraph("BÁO CÁO"));
        body.Append(Paragraph("Tự đánh giá, chấm điểm tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2017"));
        body.Append(Paragraph("Thực hiện Quyết định số 3965/2017/QĐ-UBND ngày 18/10/2017 của UBND tỉnh, UBND huyện Hoằng Hóa báo cáo kết quả tự đánh giá, chấm điểm với các nội dung sau:"));
        body.Append(new Paragraph(
            new Run(new W.Text("- Tổng số điểm tự đánh giá theo các tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2017 của UBND huyện Hoằng Hóa là: ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties(new Bold()), new W.Text("92")),
            new Run(new W.Text(" (điểm).") { Space = SpaceProcessingModeValues.Preserve })));
    }

    private static Table ScoreTable(IReadOnlyList<ParsedRow> rows, Dictionary<string, string> selfText)
    {
        var table = new Table(
            new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single })),
            new TableGrid(Enumerable.Range(0, GridColumns).Select(_ => new GridColumn { Width = "1300" })));
        table.Append(new TableRow(
            Cell("STT", vMerge: MergedCellValues.Restart),
            Cell("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", vMerge: MergedCellValues.Restart),
            Cell("Điểm chuẩn", vMerge: MergedCellValues.Restart),
            Cell("Tổng điểm đánh giá", span: 2),
            Cell("Tài liệu kiểm chứng", vMerge: MergedCellValues.Restart),
            Cell("Ghi chú", vMerge: MergedCellValues.Restart)));
        table.Append(new TableRow(
            Continue(), Continue(), Continue(),
            Cell("Điểm tự chấm"),
            Cell("Điểm thẩm định"),
            Continue(), Continue()));
        foreach (var row in rows)
        {
            AddRow(table, row, selfText.GetValueOrDefault(row.Code) ?? Points(row.SelfPoints, ","));
        }

        return table;
    }

    private static void AddRow(Table table, ParsedRow row, string self)
    {
        var area = CriterionCode.Depth(row.Code) == 1;
        var printed = row.Code.StartsWith('7') ? row.Code + "." : row.Code;
        var evidence = row.Evidence?.Split('\n') ?? [];
        var note = row.SelfPoints == row.MaxPoints ? "Đạt" : "";
        if (row.Code == "1.3.1" && evidence.Length > 1)
        {
            // Evidence continued in a second row; the row's other cells are merged down over it.
            var restart = MergedCellValues.Restart;
            table.Append(new TableRow(
                Cell(printed, vMerge: restart), Cell(row.Name, vMerge: restart), Cell(Points(row.MaxPoints, "."), vMerge: restart),
                Cell(self, vMerge: restart), Cell(Points(row.AppraisedPoints, ","), vMerge: restart),
                Cell(evidence[0]), Cell(note, vMerge: restart)));
            table.Append(new TableRow(Continue(), Continue(), Continue(), Continue(), Continue(), Cell(evidence[1..]), Continue()));
            return;
        }

        var cells = new List<TableCell>
        {
            Cell(printed), Cell(row.Name), Cell(Points(row.MaxPoints, ".")), Cell(self), Cell(Points(row.AppraisedPoints, ",")),
        };
        if (area)
        {
            cells.Add(Cell(evidence, span: 2));
        }
        else
        {
            cells.Add(Cell(evidence));
            cells.Add(Cell(note));
        }

        table.Append(new TableRow(cells));
    }

    private static Table FooterTable(decimal max, decimal self) => new(
        new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })),
        new TableGrid(Enumerable.Range(0, GridColumns).Select(_ => new GridColumn { Width = "1300" })),
        new TableRow(
            Cell("", vMerge: MergedCellValues.Restart),
            Cell("", vMerge: MergedCellValues.Restart),
            Cell("Điểm chuẩn", vMerge: MergedCellValues.Restart),
            Cell("Tổng điểm đánh giá", span: 2),
            Cell("Tổng điểm đạt được", vMerge: MergedCellValues.Restart),
            Cell("Chỉ số CCHC", vMerge: MergedCellValues.Restart)),
        new TableRow(Continue(), Continue(), Continue(), Cell("Điểm tự đánh giá"), Cell("Điểm thẩm định"), Continue(), Continue()),
        new TableRow(Cell(""), Cell("Kết quả đạt được"), Cell(Points(max, ".")), Cell(Points(self, ",")), Cell(""), Cell(""), Cell("")));

    /// <summary>Points as a district writes them in Word: "15,5" in the self column, "0.5" in the maximum column.</summary>
    private static string Points(decimal? value, string separator) =>
        value?.ToString(CultureInfo.InvariantCulture).Replace(".", separator, StringComparison.Ordinal) ?? "";

    private static TableCell Cell(string text, int span = 1, MergedCellValues? vMerge = null) => Cell([text], span, vMerge);

    private static TableCell Cell(string[] paragraphs, int span = 1, MergedCellValues? vMerge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (vMerge is { } merge)
        {
            properties.Append(new VerticalMerge { Val = merge });
        }

        var cell = new TableCell(properties);
        if (paragraphs.Length == 0)
        {
            cell.Append(new Paragraph());
        }

        foreach (var paragraph in paragraphs)
        {
            cell.Append(Paragraph(paragraph));
        }

        return cell;
    }

    /// <summary>A cell that continues the vertical merge above it (Word writes an empty paragraph in it).</summary>
    private static TableCell Continue() => new(new TableCellProperties(new VerticalMerge()), new Paragraph());
}
