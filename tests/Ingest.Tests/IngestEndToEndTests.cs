using System.Globalization;
using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>Ingest into a real DuckDB (in memory): exact numbers of the real report, all-or-nothing rejections,
/// versioning and the CSV round trip.</summary>
public sealed class IngestEndToEndTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public IngestEndToEndTests()
    {
        store = new ScoreStore(connections);
        runner = new IngestRunner(store, ReferenceData.Embedded);
    }

    public void Dispose()
    {
        connections.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Ingest_RealReport_StoresExactPerAreaPoints()
    {
        var report = runner.Run(TestFiles.RealReport, new IngestOptions());

        report.Accepted.ShouldBeTrue();
        report.Outcomes.ShouldHaveSingleItem().Action.ShouldBe(SaveAction.Added);
        var submission = store.Submissions.GetSubmissions().ShouldHaveSingleItem();
        submission.UnitId.ShouldBe("hoang-hoa");
        submission.Year.ShouldBe(2017);
        submission.Stage.ShouldBe(Stage.Self);
        submission.ReportNumber.ShouldBe("293/BC-UBND");
        submission.ReportDate.ShouldBe(new DateOnly(2017, 11, 20));
        submission.MaxTotal.ShouldBe(100m);
        submission.PointsTotal.ShouldBe(92m);
        submission.StatedTotal.ShouldBe(92m);
        submission.FrameworkId.ShouldBe("thanh-hoa-district-2017");
        submission.Synthetic.ShouldBeFalse();

        var scores = store.Submissions.GetScores(submission.Id);
        var areas = scores.Where(s => s.Level == CriterionLevel.Area).ToDictionary(s => s.Code, s => (s.MaxPoints, s.Points));
        areas.ShouldBe(new Dictionary<string, (decimal, decimal?)>
        {
            ["1"] = (16m, 16m),
            ["2"] = (12m, 12m),
            ["3"] = (12m, 12m),
            ["4"] = (12m, 12m),
            ["5"] = (16m, 15.5m),
            ["6"] = (5m, 5m),
            ["7"] = (13m, 6.5m),
            ["8"] = (14m, 13m),
        });
        scores.Count.ShouldBe(111);
        var leaves = scores.Where(s => !scores.Any(c => c.ParentCode == s.Code)).ToList();
        leaves.Count.ShouldBe(80);
        leaves.ShouldAllBe(l => l.Points != null);
        scores.Single(s => s.Code == "7.1.4").Points.ShouldBe(0m);   // a real 0, not a missing value
        scores.Single(s => s.Code == "7.1.5").Lost.ShouldBe(3m);
    }

    [Fact]
    public void Ingest_RealReport_FindsThe54SlipAndStoresItAsWarning()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());

        var submission = store.Submissions.GetSubmissions().Single();
        var warnings = store.Submissions.GetProblems(submission.Id);
        // The Điểm chuẩn slip (4 over sub-rows worth 4.5) is the framework's own, so only the points slip is this document's.
        warnings.Count.ShouldBe(1);
        warnings.ShouldAllBe(w => w.Severity == Severity.Warning && w.Code == ProblemCodes.ParentSumMismatch && w.Line == 138);
        warnings[0].Message.ShouldBe("Dòng 5.4 ghi Điểm tự chấm 4 nhưng các dòng con cộng lại được 4,5; giữ nguyên giá trị đã ghi.");
        // The stated values are kept as written: 5.4 stays 4 / 4, area 5 stays 16 / 15.5.
        var scores = store.Submissions.GetScores(submission.Id);
        scores.Single(s => s.Code == "5.4").MaxPoints.ShouldBe(4m);
        scores.Single(s => s.Code == "5.4").Points.ShouldBe(4m);
    }

    [Fact]
    public void Ingest_SameContentTwice_IsNoOp()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var before = store.Submissions.TableCounts();

        var again = runner.Run(TestFiles.RealReport, new IngestOptions());

        again.Outcomes.ShouldHaveSingleItem().Action.ShouldBe(SaveAction.Unchanged);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void Ingest_ChangedDocument_AddsVersionAndKeepsHistory()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        // A corrected report: 7.1.4 gets 1 point, and every total above it follows (7.1: 5.5, 7: 7.5, total 93).
        var text = TestFiles.WithRow(TestFiles.RealReportText, "7.1.4", c => { c[3] = "1"; return c; });
        text = TestFiles.WithRow(text, "7.1.", c => { c[3] = "5.5"; return c; });
        text = TestFiles.WithRow(text, "7.", c => { c[3] = "7,5"; return c; });
        text = TestFiles.Replace(text, "**92** (điểm)", "**93** (điểm)");
        text = TestFiles.Replace(text, "Kết quả đạt được\t100\t92", "Kết quả đạt được\t100\t93");

        var report = runner.Run(folder.Write("hoang-hoa-2017-v2.txt", text), new IngestOptions());

        report.Accepted.ShouldBeTrue();
        var outcome = report.Outcomes.ShouldHaveSingleItem();
        outcome.Action.ShouldBe(SaveAction.Replaced);
        outcome.Version.ShouldBe(2);
        store.Submissions.GetSubmissions().ShouldHaveSingleItem().PointsTotal.ShouldBe(93m);
        var history = store.Submissions.GetSubmissions(currentOnly: false);
        history.Count.ShouldBe(2);
        var old = history.Single(s => s.Version == 1);
        old.IsCurrent.ShouldBeFalse();
        old.PointsTotal.ShouldBe(92m);
        store.Submissions.GetScores(old.Id).Single(s => s.Code == "7.1.4").Points.ShouldBe(0m);
    }

    public static TheoryData<string, Func<string, string>, string> BrokenReports => new()
    {
        { "truncated after 7.1.5", t => string.Join('\n', t.Split('\n').TakeWhile(l => !l.StartsWith("7.2\t", StringComparison.Ordinal))), ProblemCodes.MissingCriterion },
        { "points above max", t => TestFiles.WithRow(t, "1.1.1", c => { c[3] = "3"; return c; }), ProblemCodes.PointsAboveMax },
        { "negative points", t => TestFiles.WithRow(t, "7.1.4", c => { c[3] = "-1"; return c; }), ProblemCodes.NegativePoints },
        { "duplicate code", t => TestFiles.WithRow(t, "7.1.5", c => { c[0] = "7.1.4"; return c; }), ProblemCodes.DuplicateCode },
        { "letter total 93", t => TestFiles.Replace(t, "**92** (điểm)", "**93** (điểm)"), ProblemCodes.StatedTotalMismatch },
        { "footer max 99", t => TestFiles.Replace(t, "Kết quả đạt được\t100\t92", "Kết quả đạt được\t99\t92"), ProblemCodes.StatedTotalMismatch },
        { "unknown unit", t => TestFiles.Replace(t, "HUYỆN HOÀNG HÓA**", "HUYỆN KHÔNG CÓ**"), ProblemCodes.UnknownUnit },
        { "no year", t => TestFiles.Replace(TestFiles.Replace(t, "cải cách hành chính năm 2017", "cải cách hành chính"), "CẢI CÁCH HÀNH CHÍNH NĂM 2017", "CẢI CÁCH HÀNH CHÍNH"), ProblemCodes.NoYear },
        { "year 2099", t => TestFiles.WithYear(t, 2099), ProblemCodes.YearOutOfRange },
        { "title 2018, letter 2017", t => TestFiles.Replace(t, "CẢI CÁCH HÀNH CHÍNH NĂM 2017", "CẢI CÁCH HÀNH CHÍNH NĂM 2018"), ProblemCodes.YearConflict },
        { "letterhead Hậu Lộc, letter Hoằng Hóa", t => TestFiles.Replace(t, "HUYỆN HOÀNG HÓA**", "HUYỆN HẬU LỘC**"), ProblemCodes.UnitConflict },
        { "extra criterion", t => TestFiles.Replace(t, "8.7\tCông khai xin lỗi", "8.8\tThêm\t0\t0\t\t\n8.7\tCông khai xin lỗi"), ProblemCodes.ExtraCriterion },
        { "max differs from framework", t => TestFiles.WithRow(TestFiles.WithRow(t, "7.1.4", c => { c[2] = "3"; return c; }), "7.1.5", c => { c[2] = "2"; return c; }), ProblemCodes.MaxPointsDiffer },
        { "number in a continuation line", t => TestFiles.Replace(t, "\tkế hoạch CCHC năm)\t\t\t\t", "\tkế hoạch CCHC năm)\t1\t\t\t"), ProblemCodes.BadRow },
        { "letter only", t => t.Split("**BẢNG TỔNG HỢP")[0], ProblemCodes.NoTable },
        { "binary", _ => "\0\u0001\u0002PKgarbage\0\0\0", ProblemCodes.Binary },
        { "empty", _ => "", ProblemCodes.Empty },
    };

    [Theory]
    [MemberData(nameof(BrokenReports))]
    public void Ingest_BrokenReport_RejectedAndDatabaseUnchanged(string name, Func<string, string> breakIt, string expectedCode)
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var before = store.Submissions.TableCounts();
        var rows = store.Submissions.GetCurrentRows();

        var report = runner.Run(folder.Write(VietnameseText.Slug(name) + ".txt", breakIt(TestFiles.RealReportText)), new IngestOptions());

        report.Accepted.ShouldBeFalse(name);
        report.Outcomes.ShouldBeEmpty();
        report.Problems.ShouldContain(p => p.Severity == Severity.Error && p.Code == expectedCode, name);
        report.Problems.ShouldAllBe(p => p.File.EndsWith(".txt") && p.Message.Length > 20);
        store.Submissions.TableCounts().ShouldBe(before);
        store.Submissions.GetCurrentRows().ShouldBe(rows);
    }

    [Fact]
    public void Ingest_AppraisedColumnFilled_StoresBothStagesFromOneFile()
    {
        var text = WithAppraisal(TestFiles.RealReportText);

        var report = runner.Run(folder.Write("appraised.txt", text), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Outcomes.Count.ShouldBe(2);
        var submissions = store.Submissions.GetSubmissions();
        submissions.Single(s => s.Stage == Stage.Self).PointsTotal.ShouldBe(92m);
        var appraised = submissions.Single(s => s.Stage == Stage.Appraised);
        appraised.PointsTotal.ShouldBe(91.5m);
        appraised.StatedTotal.ShouldBe(91.5m);
        var scores = store.Submissions.GetScores(appraised.Id);
        scores.Single(s => s.Code == "7.1.3").Points.ShouldBe(1m);
        scores.Single(s => s.Code == "7.1.3").Evidence!.ShouldStartWith("Từ 80% - dưới 100%");
    }

    [Fact]
    public void Ingest_RealYearWithOnlyAnIllustrativeFramework_DocumentBecomesDraftThenChecksLaterFiles()
    {
        // 2021 is covered only by the khung minh họa, which real data is never checked against.
        var year2021 = TestFiles.WithYear(TestFiles.RealReportText, 2021);

        var first = runner.Run(folder.Write("hoang-hoa-2021.txt", year2021), new IngestOptions(MayDefineFramework: true));

        first.Accepted.ShouldBeTrue();
        first.Problems.ShouldContain(p => p.Code == ProblemCodes.DraftFramework);
        store.Submissions.GetSubmissions().Single().FrameworkId.ShouldBe("thanh-hoa-district-2021-draft");
        var draft = store.Reference.LoadFrameworks().Single(f => f.Id == "thanh-hoa-district-2021-draft");
        draft.Status.ShouldBe(FrameworkStatus.Draft);
        draft.Criteria.Count.ShouldBe(111);
        draft.TotalMax.ShouldBe(100m);

        var truncated = string.Join('\n', year2021.Split('\n').TakeWhile(l => !l.StartsWith("8\t", StringComparison.Ordinal)));
        var second = runner.Run(folder.Write("thieu-hoa-2021.txt", TestFiles.WithUnit(truncated, "Thiệu Hóa")), new IngestOptions());
        second.Accepted.ShouldBeFalse();
        second.Problems.ShouldContain(p => p.Code == ProblemCodes.MissingCriterion);
    }

    [Fact]
    public void RunPlan_FileDefiningADraftThenFilesOfThatYear_LaterFilesCheckedAgainstTheDraftAsFileByFile()
    {
        // A plan validates the next file while it writes one (issue 15); a file that defines a draft framework must still
        // be what the files after it are checked against, as when they are ingested one by one.
        var year2021 = TestFiles.WithYear(TestFiles.RealReportText, 2021);
        var truncated = string.Join('\n', year2021.Split('\n').TakeWhile(l => !l.StartsWith("8\t", StringComparison.Ordinal)));
        var files = new[]
        {
            folder.Write("a-hoang-hoa-2021.txt", year2021),
            folder.Write("b-thieu-hoa-2021.txt", TestFiles.WithUnit(truncated, "Thiệu Hóa")),
            folder.Write("c-nga-son-2021.txt", TestFiles.WithUnit(year2021, "Nga Sơn")),
        };
        var plan = new IngestPlan(ReferenceData.Embedded, [], files, FromDataFolder: false);

        var report = runner.RunPlan(plan, new IngestOptions(MayDefineFramework: true));

        report.Documents.Select(d => d.Accepted).ShouldBe([true, false, true]);
        report.Documents[0].Problems.ShouldContain(p => p.Code == ProblemCodes.DraftFramework);
        report.Documents[1].Problems.ShouldContain(p => p.Code == ProblemCodes.MissingCriterion);
        report.Documents[2].Problems.ShouldNotContain(p => p.Code == ProblemCodes.DraftFramework);
        store.Submissions.GetSubmissions().Select(s => (s.UnitId, s.FrameworkId)).Order().ShouldBe(
            [("hoang-hoa", "thanh-hoa-district-2021-draft"), ("nga-son", "thanh-hoa-district-2021-draft")]);
    }

    [Fact]
    public void Ingest_NewYearWhoseAreasDoNotMakeTheTotal_Rejected()
    {
        var text = TestFiles.WithYear(TestFiles.RealReportText, 2021);
        text = TestFiles.WithRow(text, "6", c => { c[2] = "4"; c[3] = "4"; return c; });
        text = TestFiles.Replace(text, "**92** (điểm)", "**91** (điểm)");
        text = TestFiles.Replace(text, "Kết quả đạt được\t100\t92", "Kết quả đạt được\t\t91");
        var before = store.Submissions.TableCounts();

        var report = runner.Run(folder.Write("hoang-hoa-2021-99.txt", text), new IngestOptions(MayDefineFramework: true));

        report.Problems.ShouldContain(p => p.Code == ProblemCodes.FrameworkTotalMismatch);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void Ingest_UnitAndYearOverrides_WhenDocumentDoesNotSay()
    {
        var text = TestFiles.Replace(TestFiles.RealReportText, "HUYỆN HOÀNG HÓA**", "**");
        text = TestFiles.Replace(text, "UBND huyện Hoàng Hoá", "UBND huyện");
        text = TestFiles.Replace(TestFiles.Replace(text, "cải cách hành chính năm 2017", "cải cách hành chính"), "CẢI CÁCH HÀNH CHÍNH NĂM 2017", "CẢI CÁCH HÀNH CHÍNH");
        var path = folder.Write("anonymous.txt", text);

        var without = runner.Run(path, new IngestOptions());
        without.Problems.Where(p => p.Severity == Severity.Error).Select(p => p.Code).ShouldBe([ProblemCodes.NoYear, ProblemCodes.UnknownUnit], ignoreOrder: true);
        without.Problems.ShouldContain(p => p.Message.Contains("--year"));
        without.Problems.ShouldContain(p => p.Message.Contains("--unit"));

        var with = runner.Run(path, new IngestOptions(UnitOverride: "hoang-hoa", YearOverride: 2017));
        with.Accepted.ShouldBeTrue();
        store.Submissions.GetSubmissions().Single().PointsTotal.ShouldBe(92m);
    }

    private static readonly string[] FormulaRows = ["1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2"];

    [Fact]
    public void Export_FormulaLikeEvidence_NeutralisedInTheCsvAndRestoredOnIngest()
    {
        // Evidence that a spreadsheet would run: OWASP's CSV-injection starts, and a text that already starts with "'".
        string[] evidence = ["=HYPERLINK(\"http://x.example\",\"bấm\")", "+1+1", "-2+3", "@SUM(A1)", "'=đã có nháy"];
        var text = TestFiles.RealReportText;
        foreach (var (code, value) in FormulaRows.Zip(evidence))
        {
            text = TestFiles.WithRow(text, code, c => [.. c[..4], "", value]);
        }

        runner.Run(folder.Write("formulas.txt", text), new IngestOptions()).Accepted.ShouldBeTrue();
        var exported = Export(store);

        // Evidence is the last column.
        exported.ShouldContain(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"bấm\"\")\"\n");
        exported.ShouldContain(",'+1+1\n");
        exported.ShouldContain(",'-2+3\n");
        exported.ShouldContain(",'@SUM(A1)\n");
        exported.ShouldContain(",''=đã có nháy\n");
        using var otherConnections = new DuckDbConnectionFactory(":memory:");
        var otherStore = new ScoreStore(otherConnections);
        new IngestRunner(otherStore, ReferenceData.Embedded).Run(folder.Write("export.csv", exported), new IngestOptions()).Accepted.ShouldBeTrue();
        var scores = otherStore.Submissions.GetScores(otherStore.Submissions.GetSubmissions().ShouldHaveSingleItem().Id);
        FormulaRows.Select(code => scores.Single(s => s.Code == code).Evidence).ShouldBe(evidence);
    }

    [Fact]
    public void ExportThenIngest_RoundTripsExactly()
    {
        runner.Run(folder.Write("appraised.txt", WithAppraisal(TestFiles.RealReportText)), new IngestOptions());
        var exported = Export(store);

        using var otherConnections = new DuckDbConnectionFactory(":memory:");
        var otherStore = new ScoreStore(otherConnections);
        var report = new IngestRunner(otherStore, ReferenceData.Embedded).Run(folder.Write("export.csv", exported), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Outcomes.Count.ShouldBe(2);
        Export(otherStore).ShouldBe(exported);
        otherStore.Submissions.GetSubmissions().Select(s => s.Sheet()).ShouldBe(store.Submissions.GetSubmissions().Select(s => s.Sheet()));
        // Same content, same hash: ingesting the export into the original database changes nothing.
        var before = store.Submissions.TableCounts();
        runner.Run(folder.File("export.csv"), new IngestOptions()).Outcomes.ShouldAllBe(o => o.Action == SaveAction.Unchanged);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Theory]
    [InlineData("unit_id,unit_name,year,stage,code,level,name,max,points,evidence\n", ProblemCodes.BadHeader)]
    [InlineData("unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence\nhoang-hoa,Hoằng Hóa,2017,self,1,area,A,\"16,5\",16,\n", ProblemCodes.BadNumber)]
    [InlineData("unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence\nhoang-hoa,Hoằng Hóa,2017,draft,1,area,A,16,16,\n", ProblemCodes.BadRow)]
    [InlineData("unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence\nhoang-hoa,Hoằng Hóa,2017,self,1.1,area,A,16,16,\n", ProblemCodes.BadRow)]
    [InlineData("unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence\nnowhere,Nowhere,2017,self,1,area,A,16,16,\n", ProblemCodes.UnknownUnit)]
    public void Ingest_BadCsv_RejectedWithLineAndColumn(string csv, string expectedCode)
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var before = store.Submissions.TableCounts();

        var report = runner.Run(folder.Write("bad.csv", csv), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        report.Problems.ShouldContain(p => p.Code == expectedCode && p.Severity == Severity.Error);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void Ingest_CsvWithOneBadSubmission_RejectsTheWholeFile()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var good = Export(store);
        var second = good.Split('\n').Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Replace("hoang-hoa,Hoằng Hóa,2017", "thieu-hoa,Thiệu Hóa,2017", StringComparison.Ordinal)).ToList();
        second[5] = second[5].Replace(",1,1,", ",1,7,", StringComparison.Ordinal); // 1.1.4: 7 points of 1
        var before = store.Submissions.TableCounts();

        var report = runner.Run(folder.Write("two.csv", good + string.Join('\n', second) + "\n"), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        // Evidence cells span several physical lines, so the row is found by the line where its record starts.
        var problem = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.PointsAboveMax);
        problem.Message.ShouldContain("1.1.4");
        var lines = (good + string.Join('\n', second)).Split('\n');
        lines[problem.Line!.Value - 1].ShouldStartWith("thieu-hoa,Thiệu Hóa,2017,self,1.1.4,");
        store.Submissions.TableCounts().ShouldBe(before);
    }

    private static string Export(ScoreStore source)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CanonicalCsv.Write(writer, source.Submissions.GetCurrentRows());
        return writer.ToString();
    }

    /// <summary>The real report with the appraisal column filled: equal to the self score everywhere except
    /// 7.1.3, cut from 1,5 to 1 (so 7.1: 4, area 7: 6, total 91,5).</summary>
    private static string WithAppraisal(string text)
    {
        var cut = new Dictionary<string, string> { ["7.1.3."] = "1", ["7.1."] = "4", ["7."] = "6" };
        var lines = text.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("STT\t", StringComparison.Ordinal));
        for (var i = header + 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split('\t');
            if (CriterionCode.Normalize(cells[0]) is null || cells.Length < 4)
            {
                continue;
            }

            var appraised = cut.GetValueOrDefault(cells[0], cells[3]);
            var evidence = cells.Length == 6 ? cells[5] : cells.Length == 5 ? cells[4] : "";
            lines[i] = string.Join('\t', cells[0], cells[1], cells[2], cells[3], appraised, evidence);
        }

        var result = string.Join('\n', lines);
        return TestFiles.Replace(result, "Kết quả đạt được\t100\t92\t", "Kết quả đạt được\t100\t92\t91,5");
    }
}

internal static class SubmissionTestExtensions
{
    /// <summary>The parts of a submission that must survive export → ingest.</summary>
    public static (string, int, Stage, decimal, decimal?, string) Sheet(this Submission s) =>
        (s.UnitId, s.Year, s.Stage, s.MaxTotal, s.PointsTotal, s.ContentHash);
}

public sealed class IngestOverrideTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();

    public void Dispose()
    {
        connections.Dispose();
        folder.Dispose();
    }

    [Theory]
    [InlineData("bim-son", null)]
    [InlineData(null, 2018)]
    public void Ingest_OverrideContradictingTheDocument_Rejected(string? unit, int? year)
    {
        var store = new ScoreStore(connections);
        var runner = new IngestRunner(store, ReferenceData.Embedded);
        var before = store.Submissions.TableCounts();

        var report = runner.Run(TestFiles.RealReport, new IngestOptions(UnitOverride: unit, YearOverride: year));

        report.Problems.ShouldContain(p => p.Code == ProblemCodes.OverrideConflict);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void Ingest_Windows1258_LegacyWarningStoredWithSubmission()
    {
        var store = new ScoreStore(connections);
        var runner = new IngestRunner(store, ReferenceData.Embedded);

        var report = runner.Run(folder.Write("legacy.txt", Windows1258.Encode(TestFiles.RealReportText)), new IngestOptions());

        report.Accepted.ShouldBeTrue();
        var submission = store.Submissions.GetSubmissions().Single();
        store.Submissions.GetProblems(submission.Id).Select(p => p.Code).ShouldBe(
            [ProblemCodes.LegacyEncoding, ProblemCodes.ParentSumMismatch]);
        submission.PointsTotal.ShouldBe(92m);
        store.Submissions.GetScores(submission.Id).Single(s => s.Code == "7.1.4").Name.ShouldBe("Mức độ cung cấp dịch vụ công trực tuyến mức độ 3");
    }
}
