using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Ingest.Tests.Office;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests.Trust;

/// <summary>One file, several reports (issue 12, §3): every report is stored as its own submission, or the file is
/// refused naming where the other one is; none is ever dropped silently.</summary>
public sealed class SeveralReportsTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public SeveralReportsTests()
    {
        store = new ScoreStore(connections);
        runner = new IngestRunner(store, ReferenceData.Embedded);
    }

    public void Dispose()
    {
        connections.Dispose();
        folder.Dispose();
    }

    /// <summary>The real report as Nga Sơn's: another district, the same numbers.</summary>
    private static string NgaSonText => TestFiles.WithUnit(TestFiles.RealReportText, "Nga Sơn");

    private static ReportWorkbook NgaSonBook(string sheetName)
    {
        var book = ReportWorkbook.FromRealReport();
        book.SheetName = sheetName;
        book.Set("A1", FixtureCell.Shared("UBND HUYỆN NGA SƠN"));
        return book;
    }

    private FileReport Ingest(string name, byte[] bytes) => runner.Run(folder.Write(name, bytes), new IngestOptions());

    /// <summary>Both the real report (Hoằng Hóa) and its Nga Sơn copy were stored, each with the real report's numbers.</summary>
    private void BothStored(FileReport report)
    {
        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Outcomes.Count.ShouldBe(2);
        var submissions = store.Submissions.GetSubmissions().OrderBy(s => s.UnitId, StringComparer.Ordinal).ToList();
        submissions.Select(s => (s.UnitId, s.Year, s.Stage)).ShouldBe([("hoang-hoa", 2017, Stage.Self), ("nga-son", 2017, Stage.Self)]);
        foreach (var submission in submissions)
        {
            submission.RowCount.ShouldBe(111);
            submission.MaxTotal.ShouldBe(100m);
            submission.PointsTotal.ShouldBe(92m);
            store.Submissions.GetScores(submission.Id).Single(s => s.Code == "5").Points.ShouldBe(15.5m);
        }
    }

    private void RefusedNaming(FileReport report, params string[] parts)
    {
        report.Accepted.ShouldBeFalse();
        report.Outcomes.ShouldBeEmpty();
        store.Submissions.GetSubmissions().ShouldBeEmpty();
        var problem = report.Problems.Single(p => p.Severity == Severity.Error);
        problem.Code.ShouldBe(ProblemCodes.MixedSubmission);
        foreach (var part in parts)
        {
            problem.Message.ShouldContain(part);
        }
    }

    [Fact]
    public void Run_TwoReportsInOneTextFile_BothStored()
    {
        var text = TestFiles.RealReportText + "\n" + NgaSonText;

        BothStored(Ingest("hai-bao-cao.txt", Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Run_SameReportTwiceInOneTextFile_RefusedNamingTheSecondTable()
    {
        var text = TestFiles.RealReportText + "\n" + TestFiles.RealReportText;
        var lines = text.Split('\n');
        var headers = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("STT\t", StringComparison.Ordinal)).Select(x => x.i + 1).ToList();
        headers.Count.ShouldBe(2);

        RefusedNaming(Ingest("hai-lan.txt", Encoding.UTF8.GetBytes(text)), $"dòng {headers[0]}", $"dòng {headers[1]}");
    }

    [Fact]
    public void Run_TwoDataSheetsInOneWorkbook_BothStored()
    {
        var book = ReportWorkbook.FromRealReport();
        book.SheetName = "Hoằng Hóa";
        book.BooksAfter.Add(NgaSonBook("Nga Sơn"));

        BothStored(Ingest("hai-trang.xlsx", book.ToBytes()));
    }

    [Fact]
    public void Run_SecondDataSheetWithoutTitle_RefusedNamingBothSheets()
    {
        var book = ReportWorkbook.FromRealReport();
        var copy = ReportWorkbook.FromRealReport(titleRows: false);
        copy.SheetName = "Bản sao";
        book.BooksAfter.Add(copy);

        RefusedNaming(Ingest("ban-sao.xlsx", book.ToBytes()), "trang tính 'Sheet1'", "trang tính 'Bản sao'");
    }

    [Fact]
    public void Run_InstructionsSheetBeforeTheDataSheet_DataSheetRead()
    {
        var instructions = ReportWorkbook.Empty("Hướng dẫn");
        instructions.Set("A1", FixtureCell.Shared("HƯỚNG DẪN ĐIỀN BẢNG TỔNG HỢP"));
        instructions.Set("A3", FixtureCell.Shared("STT"));
        instructions.Set("B3", FixtureCell.Shared("Lĩnh vực/Tiêu chí/Tiêu chí thành phần"));
        instructions.Set("C3", FixtureCell.Shared("Điểm chuẩn"));
        instructions.Set("D3", FixtureCell.Shared("Điểm tự chấm"));
        instructions.Set("E3", FixtureCell.Shared("Tài liệu kiểm chứng"));
        instructions.Set("A5", FixtureCell.Shared("Ghi điểm vào cột Điểm tự chấm của trang tính Bảng tổng hợp; số lẻ viết 15,5."));
        var book = ReportWorkbook.FromRealReport();
        book.SheetName = "Bảng tổng hợp";
        book.BooksBefore.Add(instructions);

        var report = Ingest("co-huong-dan.xlsx", book.ToBytes());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var submission = store.Submissions.GetSubmissions().ShouldHaveSingleItem();
        (submission.UnitId, submission.Year, submission.RowCount, submission.PointsTotal, submission.MaxTotal).ShouldBe(("hoang-hoa", 2017, 111, 92m, 100m));
    }

    [Fact]
    public void Run_TwoReportTablesInOneWordDocument_BothStored()
    {
        var real = ReportDocument.FromRealReport();
        var bytes = OfficeEdit.Concatenate(real, OfficeEdit.DocxForUnit(real, "NGA SƠN", "Nga Sơn"));

        BothStored(Ingest("hai-bang.docx", bytes));
    }

    [Fact]
    public void Run_SameTableTwiceInOneWordDocument_RefusedNamingBothTables()
    {
        var real = ReportDocument.FromRealReport();
        var bytes = OfficeEdit.Concatenate(real, real);

        // Table 1 is the letterhead, 2 the Bảng tổng hợp, 3 its footer; the copy's are 4, 5 and 6.
        RefusedNaming(Ingest("hai-lan.docx", bytes), "bảng 2", "bảng 5");
    }
}
