using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Office;
using CchcAnalytics.Ingest.Tests.Office;
using CchcAnalytics.Ingest.Text;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>Every place a report states its own year and unit, with its line, as the text, Word and Excel readers
/// find them (through <see cref="LetterReader"/>); citations of other documents and "Nơi nhận" left out.</summary>
public sealed class LetterReaderTests
{
    private static ParsedReport ReadText(string text)
    {
        var problems = new List<Problem>();
        var report = TextReportReader.Read(Encoding.UTF8.GetBytes(text), "bao-cao.txt", problems).ShouldNotBeNull();
        problems.ShouldBeEmpty();
        return report;
    }

    private static (StatementKind, int, int?)[] Years(ParsedReport report) =>
        [.. report.YearStatements.Select(s => (s.Kind, s.Year, s.Line))];

    private static (StatementKind, string, int?)[] Units(ParsedReport report) =>
        [.. report.UnitStatements.Select(s => (s.Kind, s.Name, s.Line))];

    [Fact]
    public void Read_RealReport_EveryStatementOfYearAndUnitWithItsLine()
    {
        var report = ReadText(TestFiles.RealReportText);

        // Line 18 opens with a citation ("Công văn số 1586/SNV- CCHC … về việc xác định chỉ số cải cách hành chính năm
        // 2017 …"): only the sentence after it ("UBND huyện Hoàng Hoá báo cáo … năm 2017 trên địa bàn huyện") counts.
        Years(report).ShouldBe(
        [
            (StatementKind.Date, 2017, 11),
            (StatementKind.Letter, 2017, 18),
            (StatementKind.Letter, 2017, 20),
            (StatementKind.Total, 2017, 26),
            (StatementKind.Letter, 2017, 28),
            (StatementKind.Title, 2017, 46),   // the title wraps over lines 45–46
        ]);
        Units(report).ShouldBe(
        [
            (StatementKind.Letterhead, "HUYỆN HOÀNG HÓA", 4),
            (StatementKind.Place, "Hoàng Hoá", 11),
            (StatementKind.Letter, "huyện Hoàng Hoá", 18),
            (StatementKind.Total, "huyện Hoàng Hoá", 26),
            (StatementKind.Letter, "huyện Hoàng Hoá", 28),
        ]);
        report.YearStatements.Single(s => s.Line == 18).Text.ShouldBe("…phần Chỉ số cải cách hành chính năm 2017 trên địa bàn huyện, với các nội dung…");
        report.YearStatements.Single(s => s.Kind == StatementKind.Title).Text.ShouldEndWith("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017");
        (report.UnitText, report.UnitLine, report.Year, report.YearLine).ShouldBe(("HUYỆN HOÀNG HÓA", (int?)4, (int?)2017, (int?)18));
    }

    [Fact]
    public void Read_2018ReportCitingA2017Document_ItsYearIs2018()
    {
        var report = ReadText(TestFiles.WithYear(TestFiles.RealReportText, 2018));

        report.Year.ShouldBe(2018);
        report.YearLine.ShouldBe(18);
        report.YearStatements.ShouldAllBe(s => s.Year == 2018);
    }

    [Fact]
    public void Read_OtherUnitsInACitationAndUnderNoiNhan_NotStatements()
    {
        var text = TestFiles.Replace(TestFiles.RealReportText, "- Sở Nội vụ (B/c);", "- Sở Nội vụ (B/c);\n- UBND huyện Hậu Lộc;");
        text = TestFiles.Replace(text, "thị xã, thành phố. UBND huyện Hoàng Hoá",
            "thị xã, thành phố; Công văn số 12/UBND-NV của UBND huyện Nga Sơn về việc trao đổi kinh nghiệm, UBND huyện Hoàng Hoá");

        var report = ReadText(text);

        report.UnitStatements.ShouldAllBe(s => s.Name.EndsWith("HOÀNG HÓA", StringComparison.Ordinal) || s.Name.EndsWith("Hoàng Hoá", StringComparison.Ordinal));
        report.UnitStatements.Count.ShouldBe(5);
    }

    [Fact]
    public void Read_PartyCommitteeLine_NotALetterhead()
    {
        // "HUYỆN ỦY" is the district's Party committee; read as a letterhead it would be an unknown unit.
        var report = ReadText(TestFiles.Replace(TestFiles.RealReportText, "Số: 293 /BC - UBND", "HUYỆN ỦY HOẰNG HÓA\n\nSố: 293 /BC - UBND"));

        report.UnitStatements.ShouldNotContain(s => s.Name.Contains("ỦY", StringComparison.Ordinal));
        report.UnitStatements.Count.ShouldBe(5);
    }

    [Fact]
    public void Read_RealReportDocument_EveryStatementWithItsParagraph()
    {
        var problems = new List<Problem>();
        var report = DocxReportReader.Read(ReportDocument.FromRealReport(), "bao-cao.docx", problems).ShouldNotBeNull();

        Years(report).ShouldBe(
        [
            (StatementKind.Date, 2017, 5),      // "Hoằng Hóa, ngày 20 tháng 11 năm 2017"
            (StatementKind.Subject, 2017, 7),   // the paragraph under "BÁO CÁO"
            (StatementKind.Total, 2017, 9),
            (StatementKind.Title, 2017, 10),
        ]);
        Units(report).ShouldBe(
        [
            (StatementKind.Letterhead, "UBND HUYỆN HOẰNG HÓA", 1),
            (StatementKind.Place, "Hoằng Hóa", 5),
            (StatementKind.Letter, "huyện Hoằng Hóa", 8),   // "Thực hiện Quyết định số …, UBND huyện Hoằng Hóa báo cáo …"
            (StatementKind.Total, "huyện Hoằng Hóa", 9),
        ]);
    }

    [Fact]
    public void Read_RealReportWorkbook_TitleRowAndLetterhead()
    {
        var problems = new List<Problem>();
        var report = XlsxReportReader.Read(ReportWorkbook.FromRealReport().ToBytes(), "bao-cao.xlsx", problems).ShouldNotBeNull();

        Years(report).ShouldBe([(StatementKind.Title, 2017, 2)]);
        Units(report).ShouldBe([(StatementKind.Letterhead, "UBND HUYỆN HOẰNG HÓA", 1)]);
    }
}
