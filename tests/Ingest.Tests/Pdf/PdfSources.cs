using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Tests.Office;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace CchcAnalytics.Ingest.Tests.Pdf;

/// <summary>The Word documents behind the committed PDF fixtures (make-fixtures.sh prints them with LibreOffice), by
/// the fixture's file name without extension.</summary>
/// <remarks>
/// <c>hoang-hoa-2017-bc293</c> is the real report laid out as a district prints it: the letter on a portrait A4 page
/// (a letterhead table, the stated total in a sentence that wraps), then a landscape section with the Bảng tổng hợp
/// under a running header ("UBND huyện Hoằng Hóa – Báo cáo số 293/BC-UBND") and a footer "Trang N/M" on every page; the
/// table has ruled cells, a two-row header repeated on each page, an STT column so narrow that codes wrap ("1.1" over
/// ".1"), rows that break across pages, names and evidence over many lines, points with decimal commas; then the
/// summary footer table and a signature block with a red stamp image.
/// <c>hoang-hoa-2017-bc293-narrow-columns</c> is <see cref="ReportDocument"/>'s layout as it is: seven equal narrow
/// columns on 84 letter pages, no ruled cells, words broken inside ("21/12/20" over "16").
/// </remarks>
internal static class PdfSources
{
    // Landscape A4 with 2 cm margins leaves 14,570 twips: STT, name, three points columns, evidence, note.
    private static readonly int[] Widths = [560, 3380, 900, 900, 900, 7000, 930];

    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        yield return ("hoang-hoa-2017-bc293", PrintedReport());
        yield return ("hoang-hoa-2017-bc293-narrow-columns", ReportDocument.FromRealReport());
    }

    /// <summary>The real report as a district prints it (see the remarks).</summary>
    public static byte[] PrintedReport()
    {
        var report = ReportWorkbook.RealReport();
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Paragraph("UBND huyện Hoằng Hóa – Báo cáo số 293/BC-UBND ngày 20/11/2017", size: 18, justify: JustificationValues.Right));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new W.Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                Run("Trang ", 20), new SimpleField(Run("1", 20)) { Instruction = " PAGE " }, Run("/", 20), new SimpleField(Run("1", 20)) { Instruction = " NUMPAGES " }));
            var image = main.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(TestPng.Stamp()))
            {
                image.FeedData(png);
            }

            var body = new Body();
            AddLetter(body, main.GetIdOfPart(footer));
            body.Append(Paragraph("BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017", bold: true, justify: JustificationValues.Center));
            body.Append(Paragraph("(Kèm theo Báo cáo số: 293/BC-UBND ngày 20/11/2017 của UBND huyện)", justify: JustificationValues.Center, italic: true));
            body.Append(ScoreTable(report.Rows));
            body.Append(Paragraph(""));
            body.Append(FooterTable(report.FooterMax!.Value, report.FooterSelf!.Value));
            body.Append(Paragraph(""));
            body.Append(Signature(main.GetIdOfPart(image)));
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new W.PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static void AddLetter(Body body, string footerId)
    {
        body.Append(new Table(
            new TableProperties(new TableWidth { Width = "9600", Type = TableWidthUnitValues.Dxa }),
            new TableGrid(new GridColumn { Width = "3800" }, new GridColumn { Width = "5800" }),
            new TableRow(Cell("UBND HUYỆN HOẰNG HÓA", 3800, bold: true), Cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 5800, bold: true)),
            new TableRow(Cell("Số: 293/BC-UBND", 3800), Cell("Độc lập - Tự do - Hạnh phúc", 5800, bold: true)),
            new TableRow(Cell("", 3800), Cell("Hoằng Hóa, ngày 20 tháng 11 năm 2017", 5800, italic: true))));
        body.Append(Paragraph(""));
        body.Append(Paragraph("BÁO CÁO", bold: true, justify: JustificationValues.Center));
        body.Append(Paragraph("Tự đánh giá, chấm điểm tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2017", bold: true, justify: JustificationValues.Center));
        body.Append(Paragraph("Thực hiện Quyết định số 3965/2017/QĐ-UBND ngày 18/10/2017 của UBND tỉnh; Công văn số 1586/SNV-CCHC ngày 31/10/2017 của Sở Nội vụ, UBND huyện Hoằng Hóa báo cáo kết quả tự đánh giá, chấm điểm các tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2017 như sau:"));
        body.Append(Paragraph("- Bảng tổng hợp kết quả tự đánh giá, chấm điểm tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2017 của UBND huyện (có phụ lục kèm theo)."));
        body.Append(Paragraph("- Các tài liệu kiểm chứng được photo đầy đủ gửi kèm theo Bảng tổng hợp."));
        body.Append(new W.Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Both }),
            Run("- Tổng số điểm tự đánh giá theo các tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2017 của UBND huyện Hoằng Hóa là: ", 26),
            Run("92", 26, bold: true),
            Run(" (điểm).", 26)));
        body.Append(Paragraph("UBND huyện báo cáo kết quả tự đánh giá chấm điểm tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2017 để Sở Nội vụ tổng hợp./."));
        // The letter's section: portrait A4 with the page-number footer; the table's section starts on a new page.
        body.Append(new W.Paragraph(new ParagraphProperties(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new W.PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }))));
    }

    private static Table ScoreTable(IReadOnlyList<ParsedRow> rows)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                Borders()),
            new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(new TableRow(
            new TableRowProperties(new TableHeader()),
            Cell("STT", Widths[0], bold: true, vMerge: MergedCellValues.Restart),
            Cell("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", Widths[1], bold: true, vMerge: MergedCellValues.Restart),
            Cell("Điểm chuẩn", Widths[2], bold: true, vMerge: MergedCellValues.Restart),
            Cell("Tổng điểm đánh giá", Widths[3] + Widths[4], bold: true, span: 2),
            Cell("Tài liệu kiểm chứng", Widths[5], bold: true, vMerge: MergedCellValues.Restart),
            Cell("Ghi chú", Widths[6], bold: true, vMerge: MergedCellValues.Restart)));
        table.Append(new TableRow(
            new TableRowProperties(new TableHeader()),
            Continue(Widths[0]), Continue(Widths[1]), Continue(Widths[2]),
            Cell("Điểm tự chấm", Widths[3], bold: true),
            Cell("Điểm thẩm định", Widths[4], bold: true),
            Continue(Widths[5]), Continue(Widths[6])));
        foreach (var row in rows)
        {
            var area = CriterionCode.Depth(row.Code) == 1;
            var evidence = row.Evidence?.Split('\n') ?? [];
            table.Append(new TableRow(
                Cell(row.Code, Widths[0], bold: area),
                Cell(row.Name, Widths[1], bold: area),
                Cell(Points(row.MaxPoints, "."), Widths[2], bold: area, center: true),
                Cell(Points(row.SelfPoints, ","), Widths[3], bold: area, center: true),
                Cell(Points(row.AppraisedPoints, ","), Widths[4], center: true),
                Cell(evidence, Widths[5]),
                Cell(row.SelfPoints == row.MaxPoints ? "Đạt" : "", Widths[6], center: true)));
        }

        return table;
    }

    private static Table FooterTable(decimal max, decimal self)
    {
        int[] widths = [4000, 2000, 2000, 2000, 2400, 2170];
        return new Table(
            new TableProperties(new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed }, Borders()),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })),
            new TableRow(
                Cell("", widths[0], vMerge: MergedCellValues.Restart),
                Cell("Điểm chuẩn", widths[1], bold: true, vMerge: MergedCellValues.Restart),
                Cell("Tổng điểm đánh giá", widths[2] + widths[3], bold: true, span: 2),
                Cell("Tổng điểm đạt được", widths[4], bold: true, vMerge: MergedCellValues.Restart),
                Cell("Chỉ số CCHC", widths[5], bold: true, vMerge: MergedCellValues.Restart)),
            new TableRow(Continue(widths[0]), Continue(widths[1]), Cell("Điểm tự đánh giá", widths[2], bold: true), Cell("Điểm thẩm định", widths[3], bold: true), Continue(widths[4]), Continue(widths[5])),
            new TableRow(
                Cell("Kết quả đạt được", widths[0], bold: true),
                Cell(Points(max, "."), widths[1], center: true),
                Cell(Points(self, ","), widths[2], center: true),
                Cell("", widths[3]),
                Cell("", widths[4]),
                Cell("", widths[5])));
    }

    /// <summary>The signatures under the table: who drew it up, and the vice-chairman with the unit's red stamp.</summary>
    private static Table Signature(string imageId)
    {
        const long Emu = 914400L * 3 / 4; // 0.75 inch
        var drawing = new Drawing(new Wp.Inline(
            new Wp.Extent { Cx = Emu, Cy = Emu },
            new Wp.DocProperties { Id = 1U, Name = "Dấu" },
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = "dau.png" }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = imageId }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = Emu, Cy = Emu }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        var stamp = new W.Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing));
        var right = new TableCell(
            new TableCellProperties(new TableCellWidth { Width = "7000", Type = TableWidthUnitValues.Dxa }),
            Paragraph("KT. CHỦ TỊCH", bold: true, justify: JustificationValues.Center),
            Paragraph("PHÓ CHỦ TỊCH", bold: true, justify: JustificationValues.Center),
            stamp,
            Paragraph("Lê Văn Nhuần", bold: true, justify: JustificationValues.Center));
        return new Table(
            new TableProperties(new TableWidth { Width = "14000", Type = TableWidthUnitValues.Dxa }),
            new TableGrid(new GridColumn { Width = "7000" }, new GridColumn { Width = "7000" }),
            new TableRow(Cell("Người lập biểu", 7000, bold: true, center: true), right));
    }

    private static TableBorders Borders() => new(
        new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
        new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });

    private static string Points(decimal? value, string separator) =>
        value?.ToString(CultureInfo.InvariantCulture).Replace(".", separator, StringComparison.Ordinal) ?? "";

    private static Run Run(string text, int size, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Run(properties, new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static W.Paragraph Paragraph(string text, int size = 26, bool bold = false, bool italic = false, JustificationValues? justify = null)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "264", LineRule = LineSpacingRuleValues.Auto });
        if (justify is { } value)
        {
            properties.Append(new Justification { Val = value });
        }

        return text.Length == 0 ? new W.Paragraph(properties) : new W.Paragraph(properties, Run(text, size, bold, italic));
    }

    private static TableCell Cell(string text, int width, bool bold = false, bool italic = false, bool center = false, int span = 1, MergedCellValues? vMerge = null) =>
        Cell([text], width, bold, italic, center, span, vMerge);

    private static TableCell Cell(string[] paragraphs, int width, bool bold = false, bool italic = false, bool center = false, int span = 1, MergedCellValues? vMerge = null)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (vMerge is { } merge)
        {
            properties.Append(new VerticalMerge { Val = merge });
        }

        var cell = new TableCell(properties);
        foreach (var text in paragraphs.Length == 0 ? [""] : paragraphs)
        {
            cell.Append(Paragraph(text, 22, bold, italic, center ? JustificationValues.Center : null));
        }

        return cell;
    }

    private static TableCell Continue(int width) => new(
        new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, new VerticalMerge()),
        new W.Paragraph());
}
