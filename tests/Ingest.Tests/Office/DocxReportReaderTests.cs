using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Office;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcAnalytics.Ingest.Tests.Office;

/// <summary>The Word reader on the real report as the Word document it came from, and on broken documents.</summary>
public sealed class DocxReportReaderTests
{
    private static (ParsedReport? Report, List<Problem> Problems) Read(byte[] bytes, string name = "bao-cao.docx")
    {
        var problems = new List<Problem>();
        var report = DocxReportReader.Read(bytes, name, problems);
        return (report, problems);
    }

    private static IEnumerable<object> Content(ParsedReport report) =>
        report.Rows.Select(r => new { r.Code, r.Name, r.MaxPoints, r.SelfPoints, r.AppraisedPoints, r.Evidence });

    [Fact]
    public void Read_RealReportDocument_SameRowsAsTextReader()
    {
        var (report, problems) = Read(ReportDocument.FromRealReport());

        problems.ShouldBeEmpty();
        report.ShouldNotBeNull();
        report.Format.ShouldBe("docx");
        report.Rows.Count.ShouldBe(111);
        Content(report).ShouldBe(Content(ReportWorkbook.RealReport()));
    }

    [Fact]
    public void Read_RealReportDocument_LetterFacts()
    {
        var (report, _) = Read(ReportDocument.FromRealReport());

        report!.UnitText.ShouldBe("UBND HUYỆN HOẰNG HÓA");
        report.UnitLine.ShouldBe(1);        // paragraph 1: the letterhead table's first cell
        report.ReportNumber.ShouldBe("293/BC-UBND");
        report.ReportDate.ShouldBe(new DateOnly(2017, 11, 20));
        report.Year.ShouldBe(2017);
        report.YearLine.ShouldBe(7);        // "Tự đánh giá, … Chỉ số cải cách hành chính năm 2017"
        report.StatedSelfTotal.ShouldBe(92m); // "là: " + bold "92" + " (điểm)."
        report.StatedSelfTotalLine.ShouldBe(9);
    }

    [Fact]
    public void Read_FooterInATableOfItsOwn_TotalsRead()
    {
        var (report, _) = Read(ReportDocument.FromRealReport());

        report!.FooterMax.ShouldBe(100m);
        report.FooterSelf.ShouldBe(92m);
        report.FooterAppraised.ShouldBeNull();
        report.FooterLine.ShouldBe(3); // row 3 of table 3
    }

    [Fact]
    public void Read_MergedHeaderAndCells_RowsNamedByTableAndRow()
    {
        var (report, _) = Read(ReportDocument.FromRealReport());

        // Table 1 is the letterhead; the Bảng tổng hợp's two header rows come before area 1.
        var area1 = report!.Rows.Single(r => r.Code == "1");
        area1.Line.ShouldBe(3);
        area1.Cell.ShouldBe("bảng 2, dòng 3");
        area1.Evidence.ShouldBeNull(); // evidence spans the note column: nothing shifts into it
        report.Rows.Single(r => r.Code == "1.1.1").Cell.ShouldBe("bảng 2, dòng 5");
    }

    [Fact]
    public void Read_MultiParagraphEvidence_JoinedWithLineBreaks()
    {
        var (report, _) = Read(ReportDocument.FromRealReport());

        report!.Rows.Single(r => r.Code == "1.3.2").Evidence!.ShouldStartWith("Thực hiện đạt 100% số đơn vị theo kế hoạch kiểm tra.\n");
        // 1.3.1 goes on in a second row whose other cells continue a vertical merge.
        report.Rows.Single(r => r.Code == "1.3.1").Evidence.ShouldBe(ReportWorkbook.RealReport().Rows.Single(r => r.Code == "1.3.1").Evidence);
    }

    [Fact]
    public void Read_EmptySelfCell_IsNullNotZero()
    {
        var (report, problems) = Read(ReportDocument.FromRealReport(selfText: new() { ["7.1.4"] = "" }));

        problems.ShouldBeEmpty();
        report!.Rows.Single(r => r.Code == "7.1.4").SelfPoints.ShouldBeNull();
    }

    [Fact]
    public void Read_BadNumberInACell_ErrorNamesTableRowAndCell()
    {
        var (_, problems) = Read(ReportDocument.FromRealReport(selfText: new() { ["1.1.2"] = "1 điểm" }));

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.BadNumber);
        problem.Line.ShouldBe(6);
        problem.Cell.ShouldBe("bảng 2, dòng 6, ô 4");
        problem.Message.ShouldContain("'1 điểm' ở cột Điểm tự chấm của dòng 1.1.2");
    }

    [Fact]
    public void Read_NoTable_NoTable()
    {
        var (report, problems) = Read(ReportDocument.FromRealReport(letter: false, tables: false));

        report.ShouldBeNull();
        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.NoTable);
        problem.Severity.ShouldBe(Severity.Error);
        problem.Message.ShouldStartWith("Văn bản không có bảng nào.");
    }

    [Fact]
    public void Read_OnlyTablesWithoutHeader_NoTableNamingHowManyWereSearched()
    {
        // The letterhead is a table, but not a Bảng tổng hợp.
        var (report, problems) = Read(ReportDocument.FromRealReport(letter: true, tables: false));

        report.ShouldBeNull();
        problems.ShouldHaveSingleItem().Message.ShouldContain("bảng duy nhất của văn bản");
    }

    [Fact]
    public void Read_NoLetter_UnitAndYearFromFileName()
    {
        var (report, problems) = Read(ReportDocument.FromRealReport(letter: false), "hoang-hoa-2017-bc293.docx");

        report!.UnitText.ShouldBe("hoang-hoa");
        report.Year.ShouldBe(2017);
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.FromFileName);
    }

    [Fact]
    public void Read_NoLetter_YearFromTheTableTitle()
    {
        // Without the letter, the title "BẢNG TỔNG HỢP … / THÀNH PHẦN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017" (one paragraph
        // with a line break) still gives the year.
        var (report, _) = Read(ReportDocument.FromRealReport(letter: false), "bao-cao.docx");

        report!.Year.ShouldBe(2017);
        report.YearLine.ShouldBe(1);
        report.UnitText.ShouldBeNull();
    }

    [Fact]
    public void Read_WorkbookRenamedToDocx_Unreadable()
    {
        var (report, problems) = Read(ReportWorkbook.FromRealReport().ToBytes());

        report.ShouldBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.Unreadable);
    }

    [Fact]
    public void Read_NotAZip_Unreadable()
    {
        var (_, problems) = Read("Bảng tổng hợp"u8.ToArray());

        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.Unreadable);
    }

    [Fact]
    public void Read_ZipDeclaringHugeUncompressedSize_TooLarge()
    {
        var (_, problems) = Read(ZipBomb.Forge(ReportDocument.FromRealReport(), "word/document.xml", declaredBytes: 3_000_000_000));

        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.TooLarge);
    }

    [Fact]
    public void Read_GridBeforeAndSpans_CellsKeepTheirGridColumns()
    {
        // A hand-made table: a header, then a row that starts one grid column in (gridBefore) with no STT cell at all.
        var body = new Body(new Table(
            new TableGrid(new GridColumn(), new GridColumn(), new GridColumn(), new GridColumn()),
            new TableRow(Cell("STT"), Cell("Tiêu chí"), Cell("Điểm chuẩn"), Cell("Điểm tự chấm")),
            new TableRow(Cell("1"), Cell("Lĩnh vực"), Cell("2"), Cell("2")),
            new TableRow(new TableRowProperties(new GridBefore { Val = 1 }), Cell("tên tiếp"), Cell(""), Cell(""))));

        var (report, problems) = Read(ReportDocument.ToBytes(body));

        problems.ShouldBeEmpty();
        var row = report!.Rows.ShouldHaveSingleItem();
        row.Name.ShouldBe("Lĩnh vực tên tiếp");
        row.MaxPoints.ShouldBe(2m);
    }

    [Fact]
    public void Read_VerticalMergeContinuationHoldingText_ReadsAsEmpty()
    {
        // Word keeps a merged value in the merge's first cell; text left in a continuing cell is not a second row.
        var body = new Body(new Table(
            new TableGrid(new GridColumn(), new GridColumn(), new GridColumn(), new GridColumn(), new GridColumn()),
            new TableRow(Cell("STT"), Cell("Tiêu chí"), Cell("Điểm chuẩn"), Cell("Điểm tự chấm"), Cell("Tài liệu kiểm chứng")),
            new TableRow(Merged("1", MergedCellValues.Restart), Cell("Lĩnh vực"), Cell("2"), Cell("2"), Cell("Kế hoạch số 1")),
            new TableRow(Merged("1", MergedCellValues.Continue), Cell(""), Cell(""), Cell(""), Cell("Báo cáo số 2"))));

        var (report, problems) = Read(ReportDocument.ToBytes(body));

        problems.ShouldBeEmpty();
        report!.Rows.ShouldHaveSingleItem().Evidence.ShouldBe("Kế hoạch số 1\nBáo cáo số 2");
    }

    private static TableCell Cell(string text) => new(ReportDocument.Paragraph(text));

    private static TableCell Merged(string text, MergedCellValues merge) =>
        new(new TableCellProperties(new VerticalMerge { Val = merge }), ReportDocument.Paragraph(text));
}
