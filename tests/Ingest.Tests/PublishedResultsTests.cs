using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>Published results are read strictly, stored all or nothing, and never overwritten; generated data never
/// replaces real data.</summary>
public sealed class PublishedResultsTests : IDisposable
{
    private const string Header = "unit_id,unit_name,year,points,max_points,index_percent,rank,rank_of,decision,decision_date,reported_on,source_url,note";
    private static readonly string Qd600 = Path.Combine(TestFiles.RepositoryRoot, "data", "published", "thanh-hoa-2023-qd600.csv");

    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public PublishedResultsTests()
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
    public void RunPublished_RealFile_StoresTheExactPrintedValues()
    {
        var report = runner.RunPublished(Qd600, "test");

        report.Accepted.ShouldBeTrue();
        (report.Rows, report.Added, report.Unchanged).ShouldBe((8, 8, 0));
        var banDanToc = store.Published.LoadPublished(2023).Single(p => p.UnitId == "thanh-hoa-ban-dan-toc");
        (banDanToc.Points, banDanToc.IndexPercent, banDanToc.Rank, banDanToc.RankOf).ShouldBe(((decimal?)68.32m, (decimal?)81.33m, (int?)20, (int?)20));
        store.Published.LoadPublished(2023).Single(p => p.UnitId == "thanh-hoa-bql-kkt-nghi-son").Points.ShouldBe(91.651m);
        store.Published.LoadPublished(2023).Single(p => p.UnitId == "muong-lat").ReportedOn.ShouldBe(new DateOnly(2024, 2, 6));
    }

    [Fact]
    public void RunPublished_ChangedValueForAStoredRow_ConflictAndNothingWritten()
    {
        runner.RunPublished(Qd600, "test");
        var before = store.Submissions.TableCounts();
        var changed = File.ReadAllText(Qd600)
            .Replace("dong-son,Huyện Đông Sơn,2023,92.15,,92.15,1", "dong-son,Huyện Đông Sơn,2023,92.5,,92.5,1", StringComparison.Ordinal)
            + "bim-son,Thị xã Bỉm Sơn,2023,90,,90,5,27,600/QĐ-UBND,,2024-02-06,https://example.org,\n";

        var report = runner.RunPublished(folder.Write("qd600-edited.csv", changed), "test");

        report.Accepted.ShouldBeFalse();
        var conflict = report.Problems.ShouldHaveSingleItem();
        conflict.Code.ShouldBe(ProblemCodes.PublishedConflict);
        conflict.Message.ShouldContain("dong-son năm 2023 (600/QĐ-UBND) đã được lưu với giá trị khác (điểm 92,15 → 92,5, chỉ số 92,15 → 92,5");
        store.Submissions.TableCounts().ShouldBe(before);
        store.Published.LoadPublished(2023).Single(p => p.UnitId == "dong-son").Points.ShouldBe(92.15m);
        store.Published.LoadPublished(2023).ShouldNotContain(p => p.UnitId == "bim-son");
    }

    [Theory]
    [InlineData("nowhere,Huyện Đông Sơn,2023,92.15,,,1,27,600/QĐ-UBND,,,https://x.org,", "unknown-unit", "unit_id")]
    [InlineData("dong-son,Huyện Hoằng Hóa,2023,92.15,,,1,27,600/QĐ-UBND,,,https://x.org,", "unknown-unit", "unit_name")]
    [InlineData("dong-son,Huyện Đông Sơn,2023,\"92,15\",,,1,27,600/QĐ-UBND,,,https://x.org,", "bad-number", "points")]
    [InlineData("dong-son,Huyện Đông Sơn,2023,92.15,,,28,27,600/QĐ-UBND,,,https://x.org,", "bad-number", "rank")]
    [InlineData("dong-son,Huyện Đông Sơn,2023,92.15,90,,1,27,600/QĐ-UBND,,,https://x.org,", "points-above-max", "points")]
    [InlineData("dong-son,Huyện Đông Sơn,2023,,,,1,27,600/QĐ-UBND,,,https://x.org,", "missing-points", "points")]
    [InlineData("dong-son,Huyện Đông Sơn,2023,92.15,,,1,27,,,,https://x.org,", "bad-row", "decision")]
    [InlineData("dong-son,Huyện Đông Sơn,,92.15,,,1,27,600/QĐ-UBND,,,https://x.org,", "no-year", "year")]
    [InlineData("dong-son,Huyện Đông Sơn,2023,92.15,,,1,27,600/QĐ-UBND,6/2/2024,,https://x.org,", "bad-number", "decision_date")]
    [InlineData("dong-son,Huyện Đông Sơn,2023,92.1234,,,1,27,600/QĐ-UBND,,,https://x.org,", "bad-number", "points")]
    [InlineData("dong-son,Huyện Đông Sơn,2024,92.15,,,1,26,482/QĐ-UBND,,,https://x.org,", "unknown-unit", "unit_id")]
    [InlineData("tinh-gia,Huyện Tĩnh Gia,2023,90,,,5,27,600/QĐ-UBND,,,https://x.org,", "unknown-unit", "unit_id")]
    [InlineData("dong-son,\"Huyện Đông Sơn,2023,92.15,,,1,27,600/QĐ-UBND,,,https://x.org,", "bad-row", null)]
    public void RunPublished_BadRow_RejectedNamingFileLineAndColumn(string row, string code, string? column)
    {
        var before = store.Submissions.TableCounts();
        var path = folder.Write("bad.csv", $"{Header}\nhoang-hoa,Huyện Hoằng Hóa,2023,91.92,,91.92,2,27,600/QĐ-UBND,,,https://x.org,\n{row}\n");

        var report = runner.RunPublished(path, "test");

        report.Accepted.ShouldBeFalse();
        var error = report.Problems.First(p => p.Severity == Severity.Error);
        (error.Code, error.File, error.Line, error.Cell).ShouldBe((code, path, (int?)3, column));
        store.Submissions.TableCounts().ShouldBe(before);
    }

    private const string CommuneRow = "thanh-hoa-xa-hoang-hoa,xã Hoằng Hóa,2025,86,100,86,1,166,1/QĐ-UBND,,,https://x.org,";

    [Fact]
    public void RunPublished_ComponentsColumn_StoredAsPrintedAndUnchangedOnReload()
    {
        var path = folder.Write("communes-2025.csv", $"{Header},components\n{CommuneRow},survey=15.50|bonus=2|penalty=1\nhoang-hoa,Huyện Hoằng Hóa,2023,91.92,,91.92,2,27,600/QĐ-UBND,,,https://x.org,,\n");

        var report = runner.RunPublished(path, "test");

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var commune = store.Published.LoadPublished(2025).ShouldHaveSingleItem();
        commune.Components.ShouldBe([new PublishedComponent("survey", 15.5m), new PublishedComponent("bonus", 2m), new PublishedComponent("penalty", 1m)]);
        commune.ComponentsText.ShouldBe("survey=15.5|bonus=2|penalty=1");
        store.Published.LoadPublished(2023).ShouldHaveSingleItem().Components.ShouldBeEmpty();
        var again = runner.RunPublished(path, "test");
        (again.Accepted, again.Added, again.Unchanged).ShouldBe((true, 0, 2));
    }

    [Theory]
    [InlineData("sipas=3", ProblemCodes.UnknownComponent)]
    [InlineData("survey=25", ProblemCodes.PointsAboveMax)]
    [InlineData("survey=1|survey=2", ProblemCodes.DuplicateComponent)]
    [InlineData("survey", ProblemCodes.BadRow)]
    [InlineData("survey=15,5", ProblemCodes.BadNumber)]
    [InlineData("survey=abc", ProblemCodes.BadNumber)]
    [InlineData("survey=-1", ProblemCodes.BadNumber)]
    public void RunPublished_BadComponents_RejectedNamingLineAndColumn(string components, string code)
    {
        var before = store.Submissions.TableCounts();
        var path = folder.Write("bad-components.csv", $"{Header},components\nhoang-hoa,Huyện Hoằng Hóa,2023,91.92,,91.92,2,27,600/QĐ-UBND,,,https://x.org,,\n{CommuneRow},\"{components}\"\n");

        var report = runner.RunPublished(path, "test");

        report.Accepted.ShouldBeFalse();
        var error = report.Problems.First(p => p.Severity == Severity.Error);
        (error.Code, error.Line, error.Cell).ShouldBe((code, (int?)3, "components"));
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void RunPublished_ComponentsOfADistrictFrameworkWithoutThem_Rejected()
    {
        var path = folder.Write("district.csv", $"{Header},components\nhoang-hoa,Huyện Hoằng Hóa,2023,91.92,,91.92,2,27,600/QĐ-UBND,,,https://x.org,,survey=10\n");

        var report = runner.RunPublished(path, "test");

        var error = report.Problems.ShouldHaveSingleItem();
        (error.Code, error.Line, error.Cell).ShouldBe((ProblemCodes.UnknownComponent, (int?)2, "components"));
        error.Message.ShouldBe("Bộ tiêu chí của huyện Hoằng Hóa năm 2023 không có thành phần 'survey'; các thành phần là criteria.");
    }

    [Fact]
    public void Run_PublishedFileAsScores_RejectedWithAHint()
    {
        var report = runner.Run(Qd600, new IngestOptions());

        report.Problems.ShouldHaveSingleItem().Message.ShouldEndWith("Đây là tệp kết quả công bố: hãy đặt tệp vào thư mục published/ của thư mục dữ liệu và nạp cả thư mục (cchc ingest data).");
    }

    [Fact]
    public void RunPublished_WrongHeader_Rejected()
    {
        var report = runner.RunPublished(folder.Write("bad.csv", "unit,points\ndong-son,92.15\n"), "test");

        report.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.BadHeader);
        store.Submissions.TableCounts()["published_result"].ShouldBe(0);
    }

    [Fact]
    public void Run_SyntheticFileOverARealSubmission_SkippedWithAWarningAndRealDataUntouched()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var real = store.Submissions.GetSubmissions().ShouldHaveSingleItem();
        var sample = folder.File("sample.csv");
        using (var writer = new StreamWriter(sample))
        {
            CanonicalCsv.Write(writer, store.Submissions.GetCurrentRows().Select(r => r with { Synthetic = true, Points = r.Code == "7.1.4" ? 1m : r.Points }).ToList());
        }

        var before = store.Submissions.TableCounts();
        var report = runner.Run(sample, new IngestOptions());

        report.Accepted.ShouldBeTrue();
        report.Outcomes.ShouldBeEmpty();
        report.Problems.ShouldContain(p => p.Code == ProblemCodes.RealDataKept && p.Message == "hoang-hoa 2017: đơn vị-năm này đã có số liệu thật, nên bỏ qua số liệu của dữ liệu mẫu.");
        store.Submissions.TableCounts().ShouldBe(before);
        store.Submissions.GetSubmissions().ShouldHaveSingleItem().ShouldBe(real);
    }

    [Fact]
    public void Run_RealReportForASampleUnitYear_RetiresBothSyntheticStages()
    {
        // The sample holds hoang-hoa 2017 self and appraised; the real report (self only) arrives afterwards.
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var rows = store.Submissions.GetCurrentRows().Select(r => r with { Synthetic = true, Points = r.Code == "7.1.4" ? 1m : r.Points }).ToList();
        var sample = folder.File("sample.csv");
        using (var writer = new StreamWriter(sample))
        {
            CanonicalCsv.Write(writer, [.. rows, .. rows.Select(r => r with { Stage = "appraised" })]);
        }

        using var fresh = new DuckDbConnectionFactory(":memory:");
        var freshStore = new ScoreStore(fresh);
        var freshRunner = new IngestRunner(freshStore, ReferenceData.Embedded);
        freshRunner.Run(sample, new IngestOptions()).Accepted.ShouldBeTrue();
        freshStore.Submissions.GetSubmissions().Count.ShouldBe(2);

        var report = freshRunner.Run(TestFiles.RealReport, new IngestOptions());

        report.Problems.ShouldContain(p => p.Code == ProblemCodes.SampleRetired);
        var current = freshStore.Submissions.GetSubmissions().ShouldHaveSingleItem();
        (current.Stage, current.Synthetic, current.PointsTotal).ShouldBe((Stage.Self, false, (decimal?)92m));
        freshStore.Submissions.GetSubmissions(currentOnly: false).Count(s => s.Synthetic && !s.IsCurrent).ShouldBe(2);
    }

    [Fact]
    public void Run_CsvMixingSyntheticAndRealWithinOneUnitYear_RejectedNamingTheLine()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var rows = store.Submissions.GetCurrentRows().Select((r, i) => r with { Synthetic = i == 5 }).ToList();
        var path = folder.File("half.csv");
        using (var writer = new StreamWriter(path))
        {
            CanonicalCsv.Write(writer, rows);
        }

        var report = runner.Run(path, new IngestOptions());

        var error = report.Problems.ShouldHaveSingleItem();
        (error.Code, error.Line, error.Cell).ShouldBe((ProblemCodes.MixedSubmission, (int?)7, "synthetic"));
        error.Message.ShouldBe("hoang-hoa năm 2017 có cả dòng dữ liệu mẫu lẫn dòng số liệu thật; mỗi đơn vị-năm chỉ có thể hoặc toàn là dữ liệu mẫu, hoặc toàn là số liệu thật.");
    }
}
