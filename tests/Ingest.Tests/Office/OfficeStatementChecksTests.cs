using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CchcAnalytics.Ingest.Tests.Office;

/// <summary>The year and unit of an Excel or Word report are cross-checked like a text report's: the fixtures built
/// from the real report (<see cref="ReportWorkbook"/>, <see cref="ReportDocument"/>), edited, ingested into a real
/// DuckDB (in memory).</summary>
public sealed class OfficeStatementChecksTests : IDisposable
{
    // The workbook's row 1 holds the letterhead (A1:B1) and the national motto (D1:G1); C1 is free for a sentence.
    private const string Citation2017 =
        "Thực hiện Công văn số 1586/SNV-CCHC ngày 31/10/2017 của Sở Nội vụ về việc xác định chỉ số cải cách hành chính năm 2017.";

    private const string Total2017 =
        "Tổng số điểm tự đánh giá Chỉ số cải cách hành chính năm 2017 của UBND huyện Hoằng Hóa là: 92 (điểm).";

    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public OfficeStatementChecksTests()
    {
        store = new ScoreStore(connections);
        runner = new IngestRunner(store, ReferenceData.Embedded);
    }

    public void Dispose()
    {
        connections.Dispose();
        folder.Dispose();
    }

    private static byte[] Workbook(string? title = null, string? letterhead = null, string? sentence = null)
    {
        var book = ReportWorkbook.FromRealReport();
        if (title is not null)
        {
            book.Set("A2", FixtureCell.Shared(title));
        }

        if (letterhead is not null)
        {
            book.Set("A1", FixtureCell.Shared(letterhead));
        }

        if (sentence is not null)
        {
            book.Set("C1", FixtureCell.Shared(sentence));
        }

        return book.ToBytes();
    }

    /// <summary>The Word report with text replaced in its runs; each replacement must apply at least once.</summary>
    private static byte[] Document(params (string From, string To)[] edits)
    {
        using var stream = new MemoryStream();
        stream.Write(ReportDocument.FromRealReport());
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var texts = document.MainDocumentPart!.Document!.Body!.Descendants<W.Text>().ToList();
            foreach (var (from, to) in edits)
            {
                var hits = texts.Where(t => t.Text.Contains(from, StringComparison.Ordinal)).ToList();
                hits.ShouldNotBeEmpty($"'{from}' is not in the Word report");
                hits.ForEach(t => t.Text = t.Text.Replace(from, to, StringComparison.Ordinal));
            }
        }

        return stream.ToArray();
    }

    private FileReport Run(string name, byte[] bytes, IngestOptions? options = null) =>
        runner.Run(folder.Write(name, bytes), options ?? new IngestOptions());

    [Fact]
    public void Ingest_Workbook2018CitingA2017Document_StoredAs2018()
    {
        var bytes = Workbook(title: ReportWorkbook.Title.Replace("NĂM 2017", "NĂM 2018", StringComparison.Ordinal), sentence: Citation2017);

        var report = Run("bao-cao.xlsx", bytes);

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var outcome = report.Outcomes.ShouldHaveSingleItem();
        (outcome.UnitId, outcome.Year).ShouldBe(("hoang-hoa", 2018));
    }

    [Fact]
    public void Ingest_WorkbookTitleSays2018TotalSays2017_RejectedNamingBothRows()
    {
        var bytes = Workbook(title: ReportWorkbook.Title.Replace("NĂM 2017", "NĂM 2018", StringComparison.Ordinal), sentence: Total2017);

        var report = Run("bao-cao.xlsx", bytes);

        report.Accepted.ShouldBeFalse();
        var conflict = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        conflict.Code.ShouldBe(ProblemCodes.YearConflict);
        conflict.Message.ShouldContain("dòng 1 (câu tổng số điểm)");
        conflict.Message.ShouldContain("»: năm 2017");
        conflict.Message.ShouldContain("dòng 2 (tiêu đề Bảng tổng hợp)");
        conflict.Message.ShouldContain("»: năm 2018");
        store.Submissions.GetSubmissions().ShouldBeEmpty();

        var given = Run("bao-cao.xlsx", bytes, new IngestOptions(YearOverride: 2018));
        given.Accepted.ShouldBeTrue(string.Join("\n", given.Problems));
        given.Problems.Single(p => p.Code == ProblemCodes.YearConflict).Severity.ShouldBe(Severity.Warning);
        given.Outcomes.ShouldHaveSingleItem().Year.ShouldBe(2018);
    }

    [Fact]
    public void Ingest_WorkbookLetterheadOneDistrictTotalAnother_RejectedThenWarningWithUnit()
    {
        var bytes = Workbook(letterhead: "UBND HUYỆN HẬU LỘC", sentence: Total2017);

        var report = Run("bao-cao.xlsx", bytes);

        var conflict = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        conflict.Code.ShouldBe(ProblemCodes.UnitConflict);
        conflict.Message.ShouldContain("«UBND HUYỆN HẬU LỘC»: huyện Hậu Lộc");
        conflict.Message.ShouldContain("huyện Hoằng Hóa là: 92 (điểm).»: huyện Hoằng Hóa");

        var given = Run("bao-cao.xlsx", bytes, new IngestOptions(UnitOverride: "hoang-hoa"));
        given.Accepted.ShouldBeTrue(string.Join("\n", given.Problems));
        given.Problems.Single(p => p.Code == ProblemCodes.UnitConflict).Severity.ShouldBe(Severity.Warning);
        given.Outcomes.ShouldHaveSingleItem().UnitId.ShouldBe("hoang-hoa");
    }

    [Fact]
    public void Ingest_Document2018CitingA2017Document_StoredAs2018()
    {
        // As in the real report: the subject states no year, the first sentence cites a 2017 Công văn, then the unit
        // reports on 2018; the total sentence, the title and the date say 2018.
        var bytes = Document(
            ("Chỉ số cải cách hành chính năm 2017", "Chỉ số cải cách hành chính năm 2018"),
            ("chấm điểm tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2018", "chấm điểm tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính"),
            ("của UBND tỉnh, UBND huyện", "của UBND tỉnh; Công văn số 1586/SNV-CCHC ngày 31/10/2017 của Sở Nội vụ về việc xác định chỉ số cải cách hành chính năm 2017, UBND huyện"),
            ("NĂM 2017", "NĂM 2018"),
            ("tháng 11 năm 2017", "tháng 11 năm 2018"));

        var report = Run("bao-cao.docx", bytes);

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var outcome = report.Outcomes.ShouldHaveSingleItem();
        (outcome.UnitId, outcome.Year).ShouldBe(("hoang-hoa", 2018));
    }

    [Fact]
    public void Ingest_DocumentTitleSays2018TotalSays2017_RejectedNamingBothParagraphs()
    {
        var bytes = Document(("NĂM 2017", "NĂM 2018"));

        var report = Run("bao-cao.docx", bytes);

        var conflict = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        conflict.Code.ShouldBe(ProblemCodes.YearConflict);
        conflict.Line.ShouldBe(10);  // the title's paragraph
        conflict.Message.ShouldContain("dòng 9 (câu tổng số điểm)");
        conflict.Message.ShouldContain("dòng 10 (tiêu đề Bảng tổng hợp)");

        var given = Run("bao-cao.docx", bytes, new IngestOptions(YearOverride: 2017));
        given.Accepted.ShouldBeTrue(string.Join("\n", given.Problems));
        given.Problems.Single(p => p.Code == ProblemCodes.YearConflict).Severity.ShouldBe(Severity.Warning);
        given.Outcomes.ShouldHaveSingleItem().Year.ShouldBe(2017);
    }

    [Fact]
    public void Ingest_DocumentLetterheadOneDistrictTotalAnother_RejectedThenWarningWithUnit()
    {
        var bytes = Document(("UBND HUYỆN HOẰNG HÓA", "UBND HUYỆN HẬU LỘC"));

        var report = Run("bao-cao.docx", bytes);

        var conflict = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        conflict.Code.ShouldBe(ProblemCodes.UnitConflict);
        conflict.Line.ShouldBe(1);
        conflict.Message.ShouldContain("dòng 1 (tên cơ quan ở đầu văn bản) «UBND HUYỆN HẬU LỘC»: huyện Hậu Lộc");
        conflict.Message.ShouldContain("dòng 9 (câu tổng số điểm)");

        var given = Run("bao-cao.docx", bytes, new IngestOptions(UnitOverride: "hau-loc"));
        given.Accepted.ShouldBeTrue(string.Join("\n", given.Problems));
        given.Problems.Single(p => p.Code == ProblemCodes.UnitConflict).Severity.ShouldBe(Severity.Warning);
        given.Outcomes.ShouldHaveSingleItem().UnitId.ShouldBe("hau-loc");
    }
}
