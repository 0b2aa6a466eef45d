using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Office;
using CchcAnalytics.Ingest.Tests.Office;
using CchcAnalytics.Ingest.Text;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>The checks on the text a document would store (<see cref="TextChecks"/>), and the reader bugs the bad-input
/// corpus found: mojibake that was stored, and inputs that crashed ingest.</summary>
public sealed class TextChecksTests
{
    private static ParsedReport ReadReal() =>
        TextReportReader.Read(File.ReadAllBytes(TestFiles.RealReport), "real.txt", []).ShouldNotBeNull();

    [Fact]
    public void LooksLikeLegacyFont_RealReportAndSample_No()
    {
        var report = ReadReal();
        TextChecks.LooksLikeLegacyFont(report.Rows.Select(r => r.Name)).ShouldBeFalse();
        TextChecks.LooksLikeLegacyFont(report.Rows.Select(r => r.Evidence ?? "")).ShouldBeFalse();
        var sample = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "data", "sample", "thanh-hoa-district-2023-sample.csv"), Encoding.UTF8);
        TextChecks.LooksLikeLegacyFont([sample]).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Ban hµnh kÕ ho¹ch CCHC n¨m kÞp thêi")]          // TCVN3 (ABC) read as Windows-1252
    [InlineData("Ban haønh keá hoaïch CCHC naêm kòp thôøi")]    // VNI read as Windows-1252
    [InlineData("C¤NG T¸C CHØ §¹O, §IÒU HµNH CCHC")]
    public void LooksLikeLegacyFont_LegacyFontText_Yes(string text) =>
        TextChecks.LooksLikeLegacyFont([text]).ShouldBeTrue();

    [Theory]
    [InlineData("Xác định rõ trách nhiệm tổ chức, cá nhân")]      // õ is a Vietnamese letter
    [InlineData("ÐIỀU HÀNH: nhiệt độ 30°C, diện tích 25 m², tỷ lệ ½ hồ sơ «đạt» theo § 3")] // Ð typed for Đ, and signs
    public void LooksLikeLegacyFont_VietnameseWithAFewSigns_No(string text) =>
        TextChecks.LooksLikeLegacyFont([text]).ShouldBeFalse();

    [Fact]
    public void Read_DateInYear0000_IsNoDateInsteadOfACrash()
    {
        var text = TestFiles.Replace(TestFiles.RealReportText, "ngày 20 tháng 11 năm 2017", "ngày 20 tháng 11 năm 0000");
        var problems = new List<Problem>();

        var report = TextReportReader.Read(Encoding.UTF8.GetBytes(text), "date.txt", problems);

        report.ShouldNotBeNull().ReportDate.ShouldBeNull();
        report.Year.ShouldBe(2017);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Read_XlsxEscapeOfHalfACharacter_IsALostCharacterInsteadOfACrash()
    {
        var book = ReportWorkbook.FromRealReport();
        book.Set("B" + book.RowOf("2.3.2"), FixtureCell.Shared("Ban hành kế hoạch_xD835_"));
        var problems = new List<Problem>();

        var report = XlsxReportReader.Read(book.ToBytes(), "half.xlsx", problems);

        report.ShouldNotBeNull().Rows.Single(r => r.Code == "2.3.2").Name.ShouldBe("Ban hành kế hoạch\uFFFD");
    }

    [Fact]
    public void Validate_ReplacementCharacterInOneName_RejectsAtThatRow()
    {
        var text = TestFiles.WithRow(TestFiles.RealReportText, "1.3", c => { c[1] = "Ki\uFFFDm tra"; return c; });

        var result = new IngestRunner(Reference.ReferenceData.Embedded).Run("fffd.txt", Encoding.UTF8.GetBytes(text), new IngestOptions());

        result.Accepted.ShouldBeFalse();
        var problem = result.Problems.Single(p => p.Severity == Severity.Error);
        (problem.Code, problem.Line).ShouldBe((ProblemCodes.Mojibake, 60));
        problem.Message.ShouldStartWith("Mục 1.3 (dòng 60) trong tệp fffd.txt có ký tự thay thế");
    }
}
