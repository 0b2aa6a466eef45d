using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>The year and unit of a text report are cross-checked across every place the report states them, never
/// taken from the first mention: ingested into a real DuckDB (in memory), edits of the real Hoằng Hóa 2017 report.</summary>
public sealed class StatementChecksTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public StatementChecksTests()
    {
        store = new ScoreStore(connections);
        runner = new IngestRunner(store, ReferenceData.Embedded);
    }

    public void Dispose()
    {
        connections.Dispose();
        folder.Dispose();
    }

    /// <summary>The real report with its table title alone saying 2018 (the letter's sentences and the total sentence
    /// still say 2017).</summary>
    private static string TitleSays2018 =>
        TestFiles.Replace(TestFiles.RealReportText, "CẢI CÁCH HÀNH CHÍNH NĂM 2017", "CẢI CÁCH HÀNH CHÍNH NĂM 2018");

    /// <summary>The real report with its letterhead alone naming Hậu Lộc (the letter, the total sentence and the place
    /// before the date still name Hoằng Hóa).</summary>
    private static string LetterheadSaysHauLoc =>
        TestFiles.Replace(TestFiles.RealReportText, "HUYỆN HOÀNG HÓA**", "HUYỆN HẬU LỘC**");

    private FileReport Run(string name, string text, IngestOptions? options = null) =>
        runner.Run(folder.Write(name, text), options ?? new IngestOptions());

    [Fact]
    public void Ingest_RealReport_2017HoangHoaWithOnlyItsOneWarning()
    {
        var report = runner.Run(TestFiles.RealReport, new IngestOptions());

        report.Accepted.ShouldBeTrue();
        var outcome = report.Outcomes.ShouldHaveSingleItem();
        (outcome.UnitId, outcome.Year).ShouldBe(("hoang-hoa", 2017));
        report.Problems.Select(p => (p.Code, p.Line)).ShouldBe([(ProblemCodes.ParentSumMismatch, (int?)138)]);
    }

    [Fact]
    public void Ingest_2018ReportCitingA2017Document_StoredAs2018AndThe2017ReportKept()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions()).Accepted.ShouldBeTrue();
        // A corrected copy made into a 2018 report: its own statements say 2018; its first sentence still cites
        // Công văn 1586/SNV-CCHC "về việc xác định chỉ số cải cách hành chính năm 2017" (line 18).
        var text = TestFiles.WithYear(TestFiles.CorrectedReportText, 2018);
        text.Split('\n')[17].ShouldContain("về việc xác định chỉ số cải cách hành chính năm 2017");

        var report = Run("hoang-hoa-2018.txt", text);

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var outcome = report.Outcomes.ShouldHaveSingleItem();
        (outcome.UnitId, outcome.Year, outcome.Action, outcome.Version).ShouldBe(("hoang-hoa", 2018, SaveAction.Added, 1));
        var real2017 = store.Submissions.GetSubmissions(currentOnly: false).Where(s => s.Year == 2017).ShouldHaveSingleItem();
        (real2017.Version, real2017.IsCurrent, real2017.PointsTotal).ShouldBe((1, true, (decimal?)92m));
        store.Submissions.GetSubmissions().Single(s => s.Year == 2018).PointsTotal.ShouldBe(93m);
    }

    [Fact]
    public void Ingest_TitleSays2018TotalSays2017_RejectedNamingBothLines()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var before = store.Submissions.TableCounts();

        var report = Run("tieu-de-2018.txt", TitleSays2018);

        report.Accepted.ShouldBeFalse();
        var conflict = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        conflict.Code.ShouldBe(ProblemCodes.YearConflict);
        conflict.Line.ShouldBe(46);  // the title, which departs from the others
        conflict.Message.ShouldContain("dòng 46 (tiêu đề Bảng tổng hợp)");
        conflict.Message.ShouldContain("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018»: năm 2018");
        conflict.Message.ShouldContain("dòng 26 (câu tổng số điểm)");
        conflict.Message.ShouldContain("của UBND huyện Hoàng Hoá là: 92 (điểm).»: năm 2017");
        conflict.Message.ShouldContain("dòng 11 (ngày ký)");
        conflict.Message.ShouldContain("--year");
        conflict.Message.ShouldNotContain("dòng 18 (lời văn) «…Sở Nội vụ"); // the citation is not a statement
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void Ingest_ManyStatementsDisagree_MessageListsTheDissentAndCountsTheRest()
    {
        var repeated = string.Concat(Enumerable.Repeat("\n- Kết quả Chỉ số cải cách hành chính năm 2017 của UBND huyện Hoàng Hoá.", 15));
        var text = TestFiles.Replace(TitleSays2018, "- Các tài liệu kiểm chứng được photo đầy đủ gửi kèm theo Bảng tổng hợp.",
            "- Các tài liệu kiểm chứng được photo đầy đủ gửi kèm theo Bảng tổng hợp." + repeated);

        var report = Run("nhieu-cau.txt", text);

        // 21 statements: the date line, 19 sentences saying 2017, the title saying 2018; 12 are listed.
        var conflict = report.Problems.Single(p => p.Code == ProblemCodes.YearConflict);
        conflict.Line.ShouldBe(61);
        conflict.Message.ShouldContain("dòng 61 (tiêu đề Bảng tổng hợp)");
        conflict.Message.ShouldContain("… (và 9 chỗ khác)");
    }

    [Theory]
    [InlineData(2018)]
    [InlineData(2017)]
    public void Ingest_TitleAndTotalDisagreeYearGiven_WarningAndStoredUnderTheGivenYear(int year)
    {
        var report = Run("tieu-de-2018.txt", TitleSays2018, new IngestOptions(YearOverride: year));

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var warning = report.Problems.Single(p => p.Code == ProblemCodes.YearConflict);
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Line.ShouldBe(46);
        warning.Message.ShouldContain($"Đã dùng năm {year} theo --year");
        report.Outcomes.ShouldHaveSingleItem().Year.ShouldBe(year);
        store.Submissions.GetProblems(store.Submissions.GetSubmissions().Single().Id).ShouldContain(p => p.Code == ProblemCodes.YearConflict);
    }

    [Fact]
    public void Ingest_StatementsDisagreeYearGivenMatchingNone_OverrideConflict()
    {
        var report = Run("tieu-de-2018.txt", TitleSays2018, new IngestOptions(YearOverride: 2019));

        report.Accepted.ShouldBeFalse();
        var problem = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.OverrideConflict);
        problem.Message.ShouldStartWith("--year 2019 không khớp với năm nào văn bản ghi");
    }

    [Fact]
    public void Ingest_SignedTwoYearsAfterTheStatedYear_YearConflictOnTheDateLine()
    {
        // A report for year Y is signed in Y or early in Y + 1; signed in 2019, it cannot be 2017's.
        var text = TestFiles.Replace(TestFiles.RealReportText, "ngày 20 tháng 11 năm 2017", "ngày 20 tháng 11 năm 2019");

        var report = Run("ky-2019.txt", text);

        var conflict = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        conflict.Code.ShouldBe(ProblemCodes.YearConflict);
        conflict.Line.ShouldBe(11);
        conflict.Message.ShouldContain("dòng 11 (ngày ký) «Hoàng Hoá, ngày 20 tháng 11 năm 2019»: năm 2018 hoặc 2019");
    }

    [Fact]
    public void Ingest_SignedEarlyTheNextYear_Accepted()
    {
        var text = TestFiles.Replace(TestFiles.RealReportText, "ngày 20 tháng 11 năm 2017", "ngày 15 tháng 1 năm 2018");

        var report = Run("ky-2018.txt", text);

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Outcomes.ShouldHaveSingleItem().Year.ShouldBe(2017);
    }

    [Fact]
    public void Ingest_OnlyTheDateLineStatesAYear_NoYearAndAContradictingOptionRefused()
    {
        var text = TestFiles.Replace(TestFiles.Replace(TestFiles.RealReportText, "cải cách hành chính năm 2017", "cải cách hành chính"), "CẢI CÁCH HÀNH CHÍNH NĂM 2017", "CẢI CÁCH HÀNH CHÍNH");
        var path = folder.Write("khong-nam.txt", text);

        var without = runner.Run(path, new IngestOptions());
        var noYear = without.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        noYear.Code.ShouldBe(ProblemCodes.NoYear);
        noYear.Message.ShouldContain("ngày ký ở dòng 11 («Hoàng Hoá, ngày 20 tháng 11 năm 2017») cho biết đó là báo cáo Chỉ số năm 2016 hoặc 2017");

        // The date alone does not decide, but --year must fit it: signed in November 2017, it is no 2020 report.
        var wrong = runner.Run(path, new IngestOptions(YearOverride: 2020));
        wrong.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.OverrideConflict);

        runner.Run(path, new IngestOptions(YearOverride: 2017)).Outcomes.ShouldHaveSingleItem().Year.ShouldBe(2017);
    }

    [Fact]
    public void Ingest_LetterheadOneDistrictTotalAnother_RejectedNamingBoth()
    {
        var report = Run("hau-loc.txt", LetterheadSaysHauLoc);

        report.Accepted.ShouldBeFalse();
        var conflict = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        conflict.Code.ShouldBe(ProblemCodes.UnitConflict);
        conflict.Line.ShouldBe(4);
        conflict.Message.ShouldContain("dòng 4 (tên cơ quan ở đầu văn bản) «HUYỆN HẬU LỘC»: huyện Hậu Lộc");
        conflict.Message.ShouldContain("dòng 26 (câu tổng số điểm)");
        conflict.Message.ShouldContain("huyện Hoàng Hoá là: 92 (điểm).»: huyện Hoằng Hóa");
        conflict.Message.ShouldContain("dòng 11 (địa danh nơi ký)");
        conflict.Message.ShouldContain("--unit");
        store.Submissions.GetSubmissions().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("hoang-hoa")]
    [InlineData("hau-loc")]
    public void Ingest_LetterheadOneDistrictTotalAnotherUnitGiven_WarningAndStoredUnderTheGivenUnit(string unit)
    {
        var report = Run("hau-loc.txt", LetterheadSaysHauLoc, new IngestOptions(UnitOverride: unit));

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var warning = report.Problems.Single(p => p.Code == ProblemCodes.UnitConflict);
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Line.ShouldBe(4);
        report.Outcomes.ShouldHaveSingleItem().UnitId.ShouldBe(unit);
    }

    [Fact]
    public void Ingest_StatementsDisagreeUnitGivenMatchingNone_OverrideConflict()
    {
        var report = Run("hau-loc.txt", LetterheadSaysHauLoc, new IngestOptions(UnitOverride: "bim-son"));

        var problem = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.OverrideConflict);
        problem.Message.ShouldStartWith("--unit thị xã Bỉm Sơn không khớp với đơn vị nào văn bản ghi");
    }

    [Fact]
    public void Ingest_SignedInAnotherDistrict_UnitConflictOnThePlace()
    {
        var text = TestFiles.Replace(TestFiles.RealReportText, "Hoàng Hoá, ngày", "Hậu Lộc, ngày");

        var report = Run("noi-ky.txt", text);

        var conflict = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        conflict.Code.ShouldBe(ProblemCodes.UnitConflict);
        conflict.Line.ShouldBe(11);
    }

    [Fact]
    public void Ingest_SignedInTheSeatsTown_PlaceSaysNothing()
    {
        // Bút Sơn, the district's seat, is no unit's name.
        var text = TestFiles.Replace(TestFiles.RealReportText, "Hoàng Hoá, ngày", "Bút Sơn, ngày");

        var report = Run("but-son.txt", text);

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Outcomes.ShouldHaveSingleItem().UnitId.ShouldBe("hoang-hoa");
    }

    [Fact]
    public void Ingest_SignedWithTheProvincesName_PlaceSaysNothing()
    {
        // "Thanh Hóa" is the province's name as well as the city's: a department signs "Thanh Hóa, ngày …".
        var text = TestFiles.Replace(TestFiles.RealReportText, "Hoàng Hoá, ngày", "Thanh Hóa, ngày");

        var report = Run("thanh-hoa.txt", text);

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Outcomes.ShouldHaveSingleItem().UnitId.ShouldBe("hoang-hoa");
    }

    [Fact]
    public void Ingest_OtherUnitsInACitationAndUnderNoiNhan_NotTheDocumentsUnit()
    {
        // A sentence citing another district's Công văn about another year, and two districts among the recipients.
        var text = TestFiles.Replace(TestFiles.RealReportText, "\n\n- Bảng tổng hợp kết quả",
            "\n\nCăn cứ Công văn số 12/UBND-NV ngày 02/11/2016 của UBND huyện Hậu Lộc về việc trao đổi kinh nghiệm tự đánh giá Chỉ số cải cách hành chính năm 2016.\n\n- Bảng tổng hợp kết quả");
        text = TestFiles.Replace(text, "- Sở Nội vụ (B/c);", "- Sở Nội vụ (B/c);\n- UBND huyện Hậu Lộc;\n- UBND thị xã Bỉm Sơn;");

        var report = Run("noi-nhan.txt", text);

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Outcomes.ShouldHaveSingleItem().UnitId.ShouldBe("hoang-hoa");
        report.Problems.Select(p => p.Code).ShouldBe([ProblemCodes.ParentSumMismatch]);
    }
}
