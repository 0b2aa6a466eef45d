using System.IO.Compression;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Office;

namespace CchcAnalytics.Ingest.Tests.Office;

/// <summary>The Excel reader on the real report laid out as a workbook, and on workbooks broken one cell at a time.</summary>
public sealed class XlsxReportReaderTests
{
    private static (ParsedReport? Report, List<Problem> Problems) Read(ReportWorkbook book, string name = "bang-tong-hop.xlsx") => Read(book.ToBytes(), name);

    private static (ParsedReport? Report, List<Problem> Problems) Read(byte[] bytes, string name = "bang-tong-hop.xlsx")
    {
        var problems = new List<Problem>();
        var report = XlsxReportReader.Read(bytes, name, problems);
        return (report, problems);
    }

    /// <summary>What a row says, without where it says it (lines differ between formats).</summary>
    private static IEnumerable<object> Content(ParsedReport report) =>
        report.Rows.Select(r => new { r.Code, r.Name, r.MaxPoints, r.SelfPoints, r.AppraisedPoints, r.Evidence });

    [Fact]
    public void Read_RealReportWorkbook_SameRowsAsTextReader()
    {
        var (report, problems) = Read(ReportWorkbook.FromRealReport());

        problems.ShouldBeEmpty();
        report.ShouldNotBeNull();
        report.Format.ShouldBe("xlsx");
        report.Rows.Count.ShouldBe(111);
        Content(report).ShouldBe(Content(ReportWorkbook.RealReport()));
        report.FooterMax.ShouldBe(100m);
        report.FooterSelf.ShouldBe(92m);
        report.FooterAppraised.ShouldBeNull();
    }

    [Fact]
    public void Read_RealReportWorkbook_UnitAndYearFromTitleRows()
    {
        var (report, _) = Read(ReportWorkbook.FromRealReport());

        report!.UnitText.ShouldBe("UBND HUYỆN HOẰNG HÓA");
        report.UnitLine.ShouldBe(1);
        report.Year.ShouldBe(2017);
        report.YearLine.ShouldBe(2);
    }

    [Fact]
    public void Read_RealReportWorkbook_RowsNamedBySpreadsheetRowAndCodeCell()
    {
        var book = ReportWorkbook.FromRealReport();

        var (report, _) = Read(book);

        var area1 = report!.Rows.Single(r => r.Code == "1");
        area1.Line.ShouldBe(5); // title rows 1–2, header rows 3–4
        area1.Cell.ShouldBe("A5");
        var row714 = report.Rows.Single(r => r.Code == "7.1.4");
        row714.Line.ShouldBe(book.RowOf("7.1.4"));
        row714.Cell.ShouldBe($"A{book.RowOf("7.1.4")}");
        row714.SelfPoints.ShouldBe(0m); // a real 0 stays 0
    }

    [Fact]
    public void Read_NumbersAsNumbersOrTextWithCommaOrPoint_AllRead()
    {
        var (report, _) = Read(ReportWorkbook.FromRealReport());

        report!.Rows.Single(r => r.Code == "5").SelfPoints.ShouldBe(15.5m);    // shared string "15,5"
        report.Rows.Single(r => r.Code == "5").MaxPoints.ShouldBe(16m);        // inline string "16"
        report.Rows.Single(r => r.Code == "1.4.2").MaxPoints.ShouldBe(0.5m);   // inline string "0.5"
        report.Rows.Single(r => r.Code == "1.1.1").MaxPoints.ShouldBe(2m);     // number
    }

    [Fact]
    public void Read_EvidenceContinuedInMergedRowBelow_JoinedLikeTheTextReader()
    {
        var (report, _) = Read(ReportWorkbook.FromRealReport());

        var evidence = report!.Rows.Single(r => r.Code == "1.3.1").Evidence!;
        evidence.ShouldContain("\n");
        evidence.ShouldBe(ReportWorkbook.RealReport().Rows.Single(r => r.Code == "1.3.1").Evidence);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrder_FoundByHeaderText()
    {
        // Evidence first after the name, then self before max, the note between them.
        var (report, problems) = Read(ReportWorkbook.FromRealReport(columns: "AGEBFCD"));

        problems.ShouldBeEmpty();
        Content(report!).ShouldBe(Content(ReportWorkbook.RealReport()));
    }

    [Fact]
    public void Read_ColumnNumberRowUnderHeader_IsNotArea1()
    {
        var (report, problems) = Read(ReportWorkbook.FromRealReport(numberRow: true));

        problems.ShouldBeEmpty();
        Content(report!).ShouldBe(Content(ReportWorkbook.RealReport()));
    }

    [Fact]
    public void Read_MergedRangeWithStaleValuesInCoveredCells_OnlyTopLeftCounts()
    {
        var book = ReportWorkbook.FromRealReport();
        var row = book.RowOf("1.3.1");
        // Some exporters copy a merged value into every cell it covers; the covered copy must not read as a second 1.3.1.
        book.Set($"A{row + 1}", FixtureCell.Shared("1.3.1"));
        book.Set($"D{row + 1}", FixtureCell.Number(1));

        var (report, problems) = Read(book);

        problems.ShouldBeEmpty();
        report!.Rows.Count(r => r.Code == "1.3.1").ShouldBe(1);
        Content(report).ShouldBe(Content(ReportWorkbook.RealReport()));
    }

    [Fact]
    public void Read_EmptyScoreCell_IsNullNotZero()
    {
        var book = ReportWorkbook.FromRealReport();
        book.Set($"D{book.RowOf("7.1.4")}", null);

        var (report, problems) = Read(book);

        problems.ShouldBeEmpty();
        report!.Rows.Single(r => r.Code == "7.1.4").SelfPoints.ShouldBeNull();
    }

    [Theory]
    [InlineData("mười lăm")]
    [InlineData("1,5,5")]
    [InlineData("#VALUE!")]
    public void Read_BadNumberInCell_ErrorNamesTheCellAndRow(string text)
    {
        var book = ReportWorkbook.FromRealReport();
        var row = book.RowOf("1.1.2");
        book.Set($"D{row}", FixtureCell.Shared(text));

        var (_, problems) = Read(book);

        var problem = problems.ShouldHaveSingleItem();
        problem.Severity.ShouldBe(Severity.Error);
        problem.Code.ShouldBe(ProblemCodes.BadNumber);
        problem.Cell.ShouldBe($"D{row}");
        problem.Line.ShouldBe(row);
        problem.Message.ShouldContain("1.1.2");
        problem.Message.ShouldContain("Điểm tự chấm");
    }

    [Fact]
    public void Read_FormulaWithCachedValue_ValueReadWithWarningNamingTheCell()
    {
        var book = ReportWorkbook.FromRealReport();
        var row = book.RowOf("1.1");
        book.Set($"D{row}", FixtureCell.WithFormula($"SUM(D{row + 1}:D{row + 4})", 5));

        var (report, problems) = Read(book);

        report!.Rows.Single(r => r.Code == "1.1").SelfPoints.ShouldBe(5m);
        var warning = problems.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Code.ShouldBe(ProblemCodes.FormulaCell);
        warning.Cell.ShouldBe($"D{row}");
        warning.Line.ShouldBe(row);
        warning.Message.ShouldContain($"=SUM(D{row + 1}:D{row + 4})");
    }

    [Fact]
    public void Read_ManyFormulas_TenWarningsThenOneSummary()
    {
        var book = ReportWorkbook.FromRealReport();
        foreach (var code in new[] { "1", "2", "3", "4", "5", "6", "7", "8", "1.1", "1.2", "1.3", "1.4" })
        {
            var points = ReportWorkbook.RealReport().Rows.Single(r => r.Code == code).SelfPoints;
            book.Set($"D{book.RowOf(code)}", FixtureCell.WithFormula("1+1", points));
        }

        var (_, problems) = Read(book);

        problems.Count.ShouldBe(11);
        problems.ShouldAllBe(p => p.Code == ProblemCodes.FormulaCell && p.Severity == Severity.Warning);
        problems[^1].Message.ShouldStartWith("Còn 2 ô khác chứa công thức");
    }

    [Fact]
    public void Read_FormulaWithoutCachedValue_ErrorNamingTheCell()
    {
        var book = ReportWorkbook.FromRealReport();
        var row = book.RowOf("5.4");
        book.Set($"D{row}", FixtureCell.WithFormula($"SUM(D{row + 1}:D{row + 5})", null));

        var (_, problems) = Read(book);

        var error = problems.ShouldHaveSingleItem();
        error.Severity.ShouldBe(Severity.Error);
        error.Code.ShouldBe(ProblemCodes.FormulaNoValue);
        error.Cell.ShouldBe($"D{row}");
        error.Line.ShouldBe(row);
    }

    [Fact]
    public void Read_TableOnSecondWorksheet_ReadsItAndNamesCellsWithTheSheet()
    {
        var book = ReportWorkbook.FromRealReport();
        book.SheetsBefore.Add(("Hướng dẫn", "Điền điểm tự chấm vào Bảng tổng hợp."));
        book.SheetName = "Bảng tổng hợp";
        var row = book.RowOf("1.1.2");
        book.Set($"D{row}", FixtureCell.Shared("x"));

        var (_, problems) = Read(book);

        problems.ShouldHaveSingleItem().Cell.ShouldBe($"'Bảng tổng hợp'!D{row}");
    }

    [Fact]
    public void Read_TitleEndingInYearWithoutIndexName_YearFromTitle()
    {
        var book = ReportWorkbook.FromRealReport();
        book.Set("A2", FixtureCell.Shared("BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM NĂM 2017"));

        var (report, problems) = Read(book);

        problems.ShouldBeEmpty();
        report!.Year.ShouldBe(2017);
        report.YearLine.ShouldBe(2);
    }

    [Fact]
    public void Read_NoTitleRowsAndNoConvention_LeavesUnitAndYearUnknown()
    {
        var (report, problems) = Read(ReportWorkbook.FromRealReport(titleRows: false), "bang-tong-hop.xlsx");

        problems.ShouldBeEmpty();
        report!.UnitText.ShouldBeNull();
        report.Year.ShouldBeNull();
    }

    [Theory]
    [InlineData("hoang-hoa-2017.xlsx", "hoang-hoa", 2017)]
    [InlineData("hoang-hoa-2017-bc293.xlsx", "hoang-hoa", 2017)]
    [InlineData("Thieu-Hoa-2019-ban-sua.xlsx", "thieu-hoa", 2019)]
    public void Read_NoTitleRows_FileNameGivesUnitAndYearWithWarning(string name, string unit, int year)
    {
        var (report, problems) = Read(ReportWorkbook.FromRealReport(titleRows: false), name);

        report!.UnitText.ShouldBe(unit);
        report.Year.ShouldBe(year);
        var warning = problems.ShouldHaveSingleItem();
        warning.Code.ShouldBe(ProblemCodes.FromFileName);
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Message.ShouldContain(name);
    }

    [Fact]
    public void Read_TitleRowsStateUnitAndYear_FileNameIgnored()
    {
        var (report, problems) = Read(ReportWorkbook.FromRealReport(), "thieu-hoa-2019.xlsx");

        problems.ShouldBeEmpty();
        report!.UnitText.ShouldBe("UBND HUYỆN HOẰNG HÓA");
        report.Year.ShouldBe(2017);
    }

    [Fact]
    public void Read_NotAZip_Unreadable()
    {
        var (report, problems) = Read("STT\tTiêu chí\tĐiểm chuẩn\n"u8.ToArray());

        report.ShouldBeNull();
        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.Unreadable);
        problem.Message.ShouldContain("không phải gói ZIP");
    }

    [Fact]
    public void Read_OldBinaryExcelFile_UnreadableWithHint()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var (_, problems) = Read(xls);

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.Unreadable);
        problem.Message.ShouldContain("văn bản Office nhị phân kiểu cũ (.xls/.doc) hoặc đã được đặt mật khẩu");
    }

    [Fact]
    public void Read_WordDocumentRenamedToXlsx_Unreadable()
    {
        var (report, problems) = Read(ReportDocument.FromRealReport());

        report.ShouldBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.Unreadable);
    }

    [Fact]
    public void Read_ZipDeclaringHugeUncompressedSize_TooLargeBeforeInflating()
    {
        var bytes = ZipBomb.Forge(ReportWorkbook.FromRealReport().ToBytes(), "xl/worksheets/sheet1.xml", declaredBytes: 4_000_000_000);

        var (report, problems) = Read(bytes);

        report.ShouldBeNull();
        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.TooLarge);
        problem.Message.ShouldContain("100 MB");
    }

    [Fact]
    public void Read_PartsDeclaringMoreThanTheTotalLimitTogether_TooLarge()
    {
        // Six parts of 19 MB each: every one under the part limit, 114 MB together.
        var bytes = ZipBomb.Forge(ReportWorkbook.FromRealReport().ToBytes(), entryName: null, declaredBytes: 19_000_000);
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            zip.Entries.Count.ShouldBe(6);
        }

        var (_, problems) = Read(bytes);

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.TooLarge);
        problem.Message.ShouldContain("lớn hơn 100 MB");
    }

    [Fact]
    public void Read_OnePartDeclaringMoreThanThePartLimit_TooLarge()
    {
        var bytes = ZipBomb.Forge(ReportWorkbook.FromRealReport().ToBytes(), "xl/sharedStrings.xml", declaredBytes: 30_000_000);

        var (_, problems) = Read(bytes);

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.TooLarge);
        problem.Message.ShouldContain("'xl/sharedStrings.xml'");
    }

    [Fact]
    public void Read_SheetWithTooManyRows_TooManyRows()
    {
        var book = ReportWorkbook.FromRealReport();
        for (var row = 1000; row < 1000 + IngestLimits.MaxTableRows; row++)
        {
            book.Set($"H{row}", FixtureCell.Number(1));
        }

        var (report, problems) = Read(book);

        report.ShouldBeNull();
        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.TooManyRows);
        problem.Line.ShouldNotBeNull().ShouldBeGreaterThan(1000);
        problem.Message.ShouldContain("10.000");
    }

    [Fact]
    public void Read_WorkbookWithoutTable_NoTable()
    {
        var book = new ReportWorkbook();
        book.Set("A1", FixtureCell.Shared("Danh sách đơn vị"));

        var (report, problems) = Read(book);

        report.ShouldBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.NoTable);
    }

    [Fact]
    public void ZipBomb_Forge_DeclaresTheSizeInTheCentralDirectory()
    {
        var bytes = ZipBomb.Forge(ReportWorkbook.FromRealReport().ToBytes(), "xl/worksheets/sheet1.xml", declaredBytes: 4_000_000_000);

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        zip.GetEntry("xl/worksheets/sheet1.xml")!.Length.ShouldBe(4_000_000_000);
    }
}
