using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Pdf;
using CchcAnalytics.Ingest.Tests.Office;
using UglyToad.PdfPig;

namespace CchcAnalytics.Ingest.Tests.Pdf;

/// <summary>The PDF reader on the real report printed to PDF, and on each way a real PDF makes reading hard.</summary>
public sealed partial class PdfReportReaderTests
{
    private static readonly ParsedReport Text = ReportWorkbook.RealReport();

    private static readonly Lazy<(ParsedReport? Report, List<Problem> Problems)> PrintedRead = new(() => PdfFixtures.Read(PdfFixtures.Printed));

    private static ParsedReport Printed => PrintedRead.Value.Report.ShouldNotBeNull();

    private static IEnumerable<object> Content(ParsedReport report) =>
        report.Rows.Select(r => new { r.Code, r.Name, r.MaxPoints, r.SelfPoints, r.AppraisedPoints, r.Evidence });

    private static ParsedRow Row(ParsedReport report, string code) => report.Rows.Single(r => r.Code == code);

    private static string Squeezed(string? text) => string.Join(' ', (text ?? "").Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Read_PrintedReport_SameRowsAsTextReader()
    {
        var (report, problems) = PrintedRead.Value;

        problems.ShouldBeEmpty();
        report.ShouldNotBeNull();
        report.Format.ShouldBe("pdf");
        report.Rows.Count.ShouldBe(111);
        Content(report).ShouldBe(Content(Text));
    }

    [Fact]
    public void Read_PrintedReport_LetterFactsWithTheirLines()
    {
        var report = Printed;
        var lines = PdfFixtures.Lines(File.ReadAllBytes(PdfFixtures.Printed));

        report.UnitText.ShouldBe("UBND HUYỆN HOẰNG HÓA");
        report.UnitLine.ShouldBe(1); // the letterhead's left half; "CỘNG HÒA …" stands on the same line
        report.ReportNumber.ShouldBe("293/BC-UBND");
        report.ReportDate.ShouldBe(new DateOnly(2017, 11, 20));
        report.Year.ShouldBe(2017);
        // "Tự đánh giá, … Chỉ số cải cách hành chính" over "năm 2017": the wrapped subject is read whole, at its first line.
        lines[report.YearLine!.Value - 1].Text.ShouldBe("Tự đánh giá, chấm điểm tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính");
        // "… là: 92 (điểm)." wraps in the PDF; the sentence is read whole and located at its first line.
        report.StatedSelfTotal.ShouldBe(92m);
        lines[report.StatedSelfTotalLine!.Value - 1].Text.ShouldStartWith("- Tổng số điểm tự đánh giá");
        lines[report.StatedSelfTotalLine.Value - 1].Text.ShouldNotContain("92");
    }

    [Fact]
    public void Read_PrintedReport_FooterTotalsFromItsOwnTable()
    {
        var report = Printed;
        var lines = PdfFixtures.Lines(File.ReadAllBytes(PdfFixtures.Printed));

        report.FooterMax.ShouldBe(100m);
        report.FooterSelf.ShouldBe(92m);
        report.FooterAppraised.ShouldBeNull();
        lines[report.FooterLine!.Value - 1].Text.ShouldStartWith("Kết quả đạt được");
    }

    [Fact]
    public void Read_RowsLocatedByPageAndLine()
    {
        var report = Printed;
        var lines = PdfFixtures.Lines(File.ReadAllBytes(PdfFixtures.Printed));

        foreach (var row in report.Rows)
        {
            var line = lines[row.Line - 1];
            row.Cell.ShouldBe($"trang {line.Page}, dòng {line.LineOnPage}");
            line.Text.ShouldStartWith(row.Code.Split('.')[0]);
        }

        Row(report, "1").Cell.ShouldBe("trang 2, dòng 10"); // under the running header, the title and the two-row header
    }

    [Fact]
    public void Read_RowSplitAcrossTwoPages_ReadAsOneRow()
    {
        // 1.2.1's evidence starts at the foot of page 2 and ends at the top of page 3, under the repeated header.
        PdfFixtures.PageText(PdfFixtures.Printed, 2).ShouldContain("Báo cáo số 23/BC-UBND");
        PdfFixtures.PageText(PdfFixtures.Printed, 3).ShouldContain("nhiệm vụ trọng tâm năm 2018.");

        var row = Row(Printed, "1.2.1");

        row.Cell.ShouldBe("trang 2, dòng 29");
        row.Evidence.ShouldBe(Row(Text, "1.2.1").Evidence);
        row.Evidence.ShouldEndWith("nhiệm vụ trọng tâm năm 2018.");
    }

    [Fact]
    public void Read_HeaderRepeatedOnEachPage_NotReadAsText()
    {
        var withHeader = Enumerable.Range(2, 19).Count(page => PdfFixtures.PageText(PdfFixtures.Printed, page).Contains("Tài liệu kiểm chứng", StringComparison.Ordinal));
        withHeader.ShouldBe(19);

        var report = Printed;

        PrintedRead.Value.Problems.ShouldBeEmpty();
        report.Rows.ShouldAllBe(r => !r.Name.Contains("kiểm chứng") && !(r.Evidence ?? "").Contains("Điểm thẩm định"));
        // The first row under page 3's repeated header, and the row the page break cut before it.
        Row(report, "1.2.2").Cell.ShouldBe("trang 3, dòng 10");
        Row(report, "1.2.2").Name.ShouldBe(Row(Text, "1.2.2").Name);
    }

    [Fact]
    public void Read_CodeWrappedInNarrowSttColumn_JoinedBack()
    {
        var lines = PdfFixtures.Lines(File.ReadAllBytes(PdfFixtures.Printed));
        // The STT column is too narrow for "1.2.2": LibreOffice printed "1.2." and "2" under it.
        var first = lines.Single(l => l.Page == 3 && l.LineOnPage == 10);
        first.Segments(PdfHeader.CellGapEm).Select(PdfLine.Join).First().ShouldBe("1.2.");
        lines[first.DocumentLine].Segments(PdfHeader.CellGapEm).Select(PdfLine.Join).First().ShouldBe("2");

        var report = Printed;

        report.Rows.Select(r => r.Code).ShouldBe(Text.Rows.Select(r => r.Code));
        Row(report, "1.2.2").SelfPoints.ShouldBe(1m);
        // 1.4.1 is cut by a page break inside its code: "1.4." at the foot of page 3, "1" at the top of page 4.
        Row(report, "1.4.1").Cell.ShouldBe("trang 3, dòng 35");
        Row(report, "1.4.1").Name.ShouldBe(Row(Text, "1.4.1").Name);
    }

    [Fact]
    public void Read_NameAndEvidenceOverSeveralLines_JoinedAsTheTextHasThem()
    {
        var report = Printed;

        // Wrapped lines join with a space, a new paragraph in the cell with a line break, a hyphen at a wrap with nothing.
        Row(report, "1.3.1").Name.ShouldBe("Kế hoạch kiểm tra CCHC đối với các cơ quan, đơn vị thuộc huyện: Phòng, ban, xã, thị trấn (có kế hoạch kiểm tra riêng hoặc nằm trong kế hoạch CCHC năm)");
        Row(report, "1.3.2").Evidence.ShouldStartWith("Thực hiện đạt 100% số đơn vị theo kế hoạch kiểm tra.\n- Công văn số 01/BCĐ-ISO ngày 15/8/2017");
        Row(report, "1.3.1").Evidence.ShouldBe(Row(Text, "1.3.1").Evidence);
    }

    [Fact]
    public void Read_PageHeadersFootersAndNumbers_Skipped()
    {
        PdfFixtures.PageText(PdfFixtures.Printed, 5).ShouldContain("Trang 5/21");
        PdfFixtures.PageText(PdfFixtures.Printed, 5).ShouldContain("UBND huyện Hoằng Hóa – Báo cáo số 293/BC-UBND");

        var report = Printed;

        report.Rows.ShouldAllBe(r => !PageFooter().IsMatch(r.Name + " " + r.Evidence) && !(r.Evidence ?? "").Contains("– Báo cáo số"));
        // Area 5 is the last row of page 11: its name runs down to "Trang 11/21" and ends ("CHỨC") on page 12.
        Row(report, "5").Cell.ShouldBe("trang 11, dòng 33");
        report.Rows.Last(r => r.Cell!.StartsWith("trang 11,", StringComparison.Ordinal)).Code.ShouldBe("5");
        var lines = PdfFixtures.Lines(File.ReadAllBytes(PdfFixtures.Printed));
        lines.Where(l => l.Page == 11).Select(l => l.Text).TakeLast(2).ShouldBe(["BỘ, CÔNG CHỨC, VIÊN", "Trang 11/21"]);
        Row(report, "5").Name.ShouldBe("XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC");
    }

    [Fact]
    public void Read_DecimalCommas_ReadAsPoints()
    {
        var report = Printed;

        Row(report, "5").SelfPoints.ShouldBe(15.5m);     // printed "15,5"
        Row(report, "7.1.3").SelfPoints.ShouldBe(1.5m);  // "1,5"
        Row(report, "1.4.2").MaxPoints.ShouldBe(0.5m);   // "0.5": the maximum column uses a decimal point
        Row(report, "1.4.2").SelfPoints.ShouldBe(0.5m);  // "0,5"
        Row(report, "7.1.4").SelfPoints.ShouldBe(0m);
    }

    [Fact]
    public void Read_SignatureBlockAndStampAfterTable_NotRead()
    {
        using (var document = PdfDocument.Open(File.ReadAllBytes(PdfFixtures.Printed)))
        {
            document.GetPage(document.NumberOfPages).NumberOfImages.ShouldBe(1); // the red stamp
        }

        PdfFixtures.PageText(PdfFixtures.Printed, 21).ShouldContain("Lê Văn Nhuần");

        var report = Printed;

        report.Rows[^1].Code.ShouldBe(Text.Rows[^1].Code);
        report.Rows[^1].Evidence.ShouldBe(Text.Rows[^1].Evidence);
        report.Rows.ShouldAllBe(r => !r.Name.Contains("Nhuần") && !(r.Evidence ?? "").Contains("CHỦ TỊCH"));
    }

    [Fact]
    public void Read_TextDrawnGlyphByGlyph_SpacesFoundFromPositions()
    {
        var bytes = GlyphByGlyphPdf.RealReport();
        using (var document = PdfDocument.Open(bytes))
        {
            // No space is drawn: each glyph is placed on its own.
            document.GetPages().SelectMany(p => p.Letters).ShouldAllBe(l => l.Value != " ");
        }

        var (report, problems) = PdfFixtures.Read(bytes);

        problems.ShouldBeEmpty();
        report.ShouldNotBeNull();
        report.Rows.Select(r => (r.Code, r.Name, r.MaxPoints, r.SelfPoints)).ShouldBe(Text.Rows.Select(r => (r.Code, r.Name, r.MaxPoints, r.SelfPoints)));
        // Words and line breaks inside evidence: a paragraph that ends where the next word would not have fitted reads
        // as wrapped, so the evidence is compared without its line breaks.
        report.Rows.Select(r => Squeezed(r.Evidence)).ShouldBe(Text.Rows.Select(r => Squeezed(r.Evidence)));
        (report.UnitText, report.Year, report.StatedSelfTotal, report.FooterMax, report.FooterSelf).ShouldBe(("UBND HUYỆN HOẰNG HÓA", (int?)2017, (decimal?)92m, (decimal?)100m, (decimal?)92m));
    }

    [Fact]
    public void Read_NarrowColumnsNoRules_SameCodesNamesAndPoints()
    {
        var (report, problems) = PdfFixtures.Read(PdfFixtures.NarrowColumns);

        problems.ShouldBeEmpty();
        report.ShouldNotBeNull();
        report.Rows.Select(r => (r.Code, r.MaxPoints, r.SelfPoints, r.AppraisedPoints)).ShouldBe(Text.Rows.Select(r => (r.Code, r.MaxPoints, r.SelfPoints, r.AppraisedPoints)));
        (report.FooterMax, report.FooterSelf, report.StatedSelfTotal).ShouldBe(((decimal?)100m, (decimal?)92m, (decimal?)92m));
        // Names are exact but for numbers broken inside in a column too narrow for them ("9001:200" over "8").
        report.Rows.Count(r => r.Name != Row(Text, r.Code).Name).ShouldBe(2);
        Row(report, "7.2").Name.ShouldEndWith("TCVN ISO 9001:200 8");
    }

    [Fact]
    public void Read_BadNumber_LocatedByPageAndLine()
    {
        var bytes = GlyphByGlyphPdf.RealReport(selfText: new() { ["7.1.3"] = "1,5 điểm" });

        var (report, problems) = PdfFixtures.Read(bytes);

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.BadNumber);
        problem.Message.ShouldBe($"'1,5 điểm' ở cột Điểm tự chấm của dòng 7.1.3 ({problem.Cell}) không phải là số điểm.");
        var line = PdfFixtures.Lines(bytes)[problem.Line!.Value - 1];
        problem.Cell.ShouldBe($"trang {line.Page}, dòng {line.LineOnPage}");
        line.Text.ShouldStartWith("7.1.3 Tỷ lệ văn bản trao đổi dưới dạng điện tử 2 1,5 điểm");
        report.ShouldNotBeNull();
    }

    [Fact]
    public void Read_ScannedPdf_NoTextLayerAndWhatToSend()
    {
        var (report, problems) = PdfFixtures.Read(GlyphByGlyphPdf.Scanned(), "hoang-hoa-2017.pdf");

        report.ShouldBeNull();
        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.NoTextLayer);
        problem.Severity.ShouldBe(Severity.Error);
        problem.Message.ShouldBe("Tệp PDF hoang-hoa-2017.pdf chỉ có ảnh (bản quét hoặc ảnh chụp), không có lớp chữ: không có chữ nào để đọc, và chương trình không nhận dạng chữ từ ảnh (OCR). Hãy gửi tệp Word (.docx) hoặc Excel (.xlsx) của báo cáo, hoặc xuất lại PDF từ Word (Lưu thành PDF) để PDF có chữ.");
    }

    [Fact]
    public void Read_PasswordToOpen_RefusedAsUnreadable()
    {
        var (report, problems) = PdfFixtures.Read(PdfFixtures.Password);

        report.ShouldBeNull();
        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.Unreadable);
        problem.Message.ShouldBe("Tệp PDF hoang-hoa-2017-bc293-password.pdf được đặt mật khẩu (mã hoá) nên không đọc được chữ. Hãy gửi tệp Word (.docx) hoặc Excel (.xlsx) của báo cáo, hoặc xuất lại PDF từ Word (Lưu thành PDF) để PDF có chữ.");
    }

    [Fact]
    public void Read_OwnerPasswordOnly_ReadLikeThePrintedReport()
    {
        using (var document = PdfDocument.Open(File.ReadAllBytes(PdfFixtures.OwnerLocked)))
        {
            document.IsEncrypted.ShouldBeTrue();
        }

        var (report, problems) = PdfFixtures.Read(PdfFixtures.OwnerLocked);

        problems.ShouldBeEmpty();
        Content(report.ShouldNotBeNull()).ShouldBe(Content(Text));
    }

    [Fact]
    public void Read_NotAPdf_Unreadable()
    {
        var (report, problems) = PdfFixtures.Read(File.ReadAllBytes(CchcAnalytics.Tests.TestFiles.RealReport), "bao-cao.pdf");

        report.ShouldBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.Unreadable);
        problems[0].Message.ShouldBe("Tệp bao-cao.pdf không phải là tệp PDF (không bắt đầu bằng '%PDF-'). Có phải một tệp khác đã bị đổi đuôi thành .pdf không?");
    }

    [Fact]
    public void Read_TruncatedPdf_UnreadableInVietnameseOnly()
    {
        var bytes = File.ReadAllBytes(PdfFixtures.Printed);

        var (report, problems) = PdfFixtures.Read(bytes[..(bytes.Length / 3)]);

        report.ShouldBeNull();
        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.Unreadable);
        problem.Message.ShouldBe("Tệp PDF bao-cao.pdf bị hỏng hoặc có cấu trúc không đọc được. Hãy gửi tệp Word (.docx) hoặc Excel (.xlsx) của báo cáo, hoặc xuất lại PDF từ Word (Lưu thành PDF) để PDF có chữ.");
    }

    [Fact]
    public void Read_NoBangTongHop_NoTableNamingThePages()
    {
        using var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText("Bao cao tinh hinh kinh te - xa hoi nam 2017", 11, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);

        var (report, problems) = PdfFixtures.Read(builder.Build());

        report.ShouldBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.NoTable);
        problems[0].Message.ShouldBe("Không tìm thấy Bảng tổng hợp trong 1 trang của tệp PDF: cần có dòng tiêu đề với các cột 'STT', 'Tiêu chí', 'Điểm chuẩn' và 'Điểm tự chấm'.");
    }

    [GeneratedRegex(@"Trang \d+/21")]
    private static partial Regex PageFooter();
}
