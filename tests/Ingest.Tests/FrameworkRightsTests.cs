using System.Security.Cryptography;
using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>Issue 12 §1–2 on a real DuckDB (in memory): only the province (or the command line's operator) makes a
/// year's draft framework, a district's table for such a year is checked against the nearest framework or waits for the
/// province, drafts carry their origin and audit rows and can be removed, and replacing real data says which version
/// and what changed in the total.</summary>
public sealed class FrameworkRightsTests : IDisposable
{
    /// <summary>A district account's upload: no right to define a framework (the default).</summary>
    private static readonly IngestOptions District = new(Actor: "user:hoang-hoa.ubnd");

    /// <summary>A province account's upload.</summary>
    private static readonly IngestOptions Province = new(Actor: "user:so-noi-vu", MayDefineFramework: true);

    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public FrameworkRightsTests()
    {
        store = new ScoreStore(connections);
        runner = new IngestRunner(store, ReferenceData.Embedded);
    }

    public void Dispose()
    {
        connections.Dispose();
        folder.Dispose();
    }

    /// <summary>Hoằng Hóa's report for 2021 whose table is not the 2017 tree: 1.1.1 and 1.1.2 swap their maxima and
    /// points (2 and 1), so every sum and total still holds.</summary>
    private static string Unlike2017(int year)
    {
        var text = TestFiles.WithRow(TestFiles.ReportOf(year), "1.1.1", c => { c[2] = "1"; c[3] = "1"; return c; });
        return TestFiles.WithRow(text, "1.1.2", c => { c[2] = "2"; c[3] = "2"; return c; });
    }

    [Fact]
    public void Ingest_DistrictTableUnlikeTheNearestFramework_WaitsForTheProvinceAndNoDraft()
    {
        var before = store.Submissions.TableCounts();

        var report = runner.Run(folder.Write("hoang-hoa-2021.txt", Unlike2017(2021)), District);

        report.Accepted.ShouldBeFalse();
        report.Problems.Where(p => p.Severity == Severity.Error).Select(p => p.Code)
            .ShouldBe([ProblemCodes.MaxPointsDiffer, ProblemCodes.MaxPointsDiffer, ProblemCodes.FrameworkNeeded]);
        report.Problems.Single(p => p.Code == ProblemCodes.FrameworkNeeded).Message.ShouldBe(
            "Năm 2021 chưa có bộ tiêu chí cho đơn vị cấp huyện (khung minh họa không bao giờ dùng cho số liệu thật), và chỉ Sở Nội vụ được lập bộ tiêu chí của một năm. " +
            "Bảng này không khớp bộ tiêu chí gần nhất, bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND), suy ra từ báo cáo thực (xem các lỗi trên), nên chưa lưu được: chờ Sở Nội vụ lập bộ tiêu chí năm 2021 rồi tải lại tệp này.");
        store.Submissions.TableCounts().ShouldBe(before);
        store.Reference.LoadFrameworks().ShouldNotContain(f => f.Status == FrameworkStatus.Draft);
    }

    [Fact]
    public void Ingest_DistrictReportForAYearWithoutFramework_CheckedAgainstTheNearestNeverADraft()
    {
        var report = runner.Run(folder.Write("hoang-hoa-2021.txt", TestFiles.ReportOf(2021)), District);

        report.Accepted.ShouldBeTrue();
        report.Problems.Single(p => p.Code == ProblemCodes.NearestFramework).Message.ShouldBe(
            "Năm 2021 chưa có bộ tiêu chí cho đơn vị cấp huyện (khung minh họa không bao giờ dùng cho số liệu thật), và chỉ Sở Nội vụ được lập bộ tiêu chí của một năm. " +
            "Bảng được kiểm tra theo bộ tiêu chí gần nhất về thời gian, bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND), suy ra từ báo cáo thực, và khớp từng dòng và từng Điểm chuẩn; số liệu được lưu theo bộ tiêu chí đó.");
        report.Problems.ShouldNotContain(p => p.Code == ProblemCodes.DraftFramework);
        var stored = store.Submissions.GetSubmissions().ShouldHaveSingleItem();
        (stored.UnitId, stored.Year, stored.FrameworkId, stored.PointsTotal, stored.MaxTotal).ShouldBe(("hoang-hoa", 2021, "thanh-hoa-district-2017", (decimal?)92m, 100m));
        store.Reference.LoadFrameworks().ShouldNotContain(f => f.Status == FrameworkStatus.Draft);
        store.Submissions.GetDraftOrigins().ShouldBeEmpty();
        // The warning is stored with the submission, as every warning is.
        store.Submissions.GetProblems(stored.Id).ShouldContain(p => p.Code == ProblemCodes.NearestFramework);
    }

    [Fact]
    public void Ingest_AnotherDistrictsCorrectReportAfterAnUnlikeOne_StillAccepted()
    {
        // Issue 12: Hoằng Hóa's table used to become the 2021 framework, and every other district's correct report failed against it.
        runner.Run(folder.Write("hoang-hoa-2021.txt", Unlike2017(2021)), District).Accepted.ShouldBeFalse();

        var other = runner.Run(folder.Write("thieu-hoa-2021.txt", TestFiles.ReportOf(2021, "Thiệu Hóa")), District with { Actor = "user:thieu-hoa.ubnd" });

        other.Accepted.ShouldBeTrue();
        other.UnitId.ShouldBe("thieu-hoa");
        other.SelfPoints.ShouldBe(92m);
        store.Submissions.GetSubmissions().ShouldHaveSingleItem().FrameworkId.ShouldBe("thanh-hoa-district-2017");
    }

    [Fact]
    public void Ingest_DistrictReportBeforeTheFirstFramework_TheLaterOneIsNearest()
    {
        var report = runner.Run(folder.Write("hoang-hoa-2016.txt", TestFiles.ReportOf(2016)), District);

        report.Accepted.ShouldBeTrue();
        report.Problems.Single(p => p.Code == ProblemCodes.NearestFramework).Message.ShouldContain("Năm 2016 chưa có bộ tiêu chí");
        store.Submissions.GetSubmissions().ShouldHaveSingleItem().FrameworkId.ShouldBe("thanh-hoa-district-2017");
    }

    [Fact]
    public void Ingest_DistrictReportWithAProvinceDraftNearerInTime_CheckedAgainstTheDraft()
    {
        // The province made 2020's draft from a table unlike 2017's; for 2021 that draft (one year away) is nearer than
        // the 2017 framework (two years away), so a 2021 table must match the draft.
        runner.Run(folder.Write("hoang-hoa-2020.txt", Unlike2017(2020)), Province).Accepted.ShouldBeTrue();

        var like2017 = runner.Run(folder.Write("thieu-hoa-2021.txt", TestFiles.ReportOf(2021, "Thiệu Hóa")), District);
        var likeTheDraft = runner.Run(folder.Write("hoang-hoa-2021.txt", Unlike2017(2021)), District);

        like2017.Accepted.ShouldBeFalse();
        like2017.Problems.Single(p => p.Code == ProblemCodes.FrameworkNeeded).Message.ShouldContain("bộ tiêu chí gần nhất, khung tạm 2020 (chờ xác nhận) (xem các lỗi trên)");
        likeTheDraft.Accepted.ShouldBeTrue();
        store.Submissions.GetSubmissions(year: 2021).ShouldHaveSingleItem().FrameworkId.ShouldBe("thanh-hoa-district-2020-draft");
    }

    [Fact]
    public void Ingest_ProvinceReportForAYearWithoutFramework_DraftWithItsOriginAndAnAuditRow()
    {
        var bytes = Encoding.UTF8.GetBytes(TestFiles.ReportOf(2021));
        var path = folder.Write("hoang-hoa-2021.txt", bytes);

        var report = runner.Run(path, Province);

        report.Accepted.ShouldBeTrue();
        report.Problems.ShouldContain(p => p.Code == ProblemCodes.DraftFramework);
        var draft = store.Reference.LoadFrameworks().Single(f => f.Status == FrameworkStatus.Draft);
        (draft.Id, draft.YearFrom, draft.YearTo, draft.Criteria.Count, draft.TotalMax).ShouldBe(("thanh-hoa-district-2021-draft", 2021, (int?)2021, 111, 100m));
        // A framework's source is shown to every reader: it names neither the file nor the unit.
        draft.Source.ShouldBe("Bản nháp: cây tiêu chí của một báo cáo thật năm 2021 (111 dòng), chưa phải bộ tiêu chí chính thức");
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var origin = store.Submissions.GetDraftOrigins().ShouldHaveSingleItem();
        (origin.FrameworkId, origin.UnitId, origin.Year, origin.SourceFile, origin.SourceHash, origin.CreatedBy)
            .ShouldBe(("thanh-hoa-district-2021-draft", "hoang-hoa", 2021, path, hash, "user:so-noi-vu"));
        var events = store.Audit.GetEvents(10);
        var created = events.Single(e => e.Outcome == "framework-draft");
        (created.Actor, created.File, created.Hash).ShouldBe(("user:so-noi-vu", path, hash));
        created.Detail.ShouldBe("hoang-hoa 2021: bảng của tệp này được lấy làm bộ tiêu chí tạm thanh-hoa-district-2021-draft (111 dòng, 100 điểm)");
        events.Single(e => e.Outcome == "added").Detail.ShouldStartWith("hoang-hoa 2021 self v1:");
    }

    [Fact]
    public void RemoveDraftFramework_CurrentSubmissionsUseItAndNoWithdrawal_RefusedAndNothingChanges()
    {
        runner.Run(folder.Write("hoang-hoa-2021.txt", TestFiles.ReportOf(2021)), Province).Accepted.ShouldBeTrue();
        var before = store.Submissions.TableCounts();

        var removal = store.Submissions.RemoveDraftFramework("thanh-hoa-district-2021-draft", withdrawSubmissions: false, "user:so-noi-vu");

        removal.Status.ShouldBe(DraftRemovalStatus.InUse);
        removal.Submissions.Select(s => (s.UnitId, s.Year, s.Stage, s.Version)).ShouldBe([("hoang-hoa", 2021, Stage.Self, 1)]);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void RemoveDraftFramework_WithWithdrawal_DraftGoneSubmissionsKeptAsHistoryAndAudited()
    {
        var path = folder.Write("hoang-hoa-2021.txt", TestFiles.ReportOf(2021));
        runner.Run(path, Province).Accepted.ShouldBeTrue();

        var removal = store.Submissions.RemoveDraftFramework("thanh-hoa-district-2021-draft", withdrawSubmissions: true, "user:so-noi-vu");

        removal.Status.ShouldBe(DraftRemovalStatus.Removed);
        store.Reference.LoadFrameworks().ShouldNotContain(f => f.Id == "thanh-hoa-district-2021-draft");
        store.Submissions.GetDraftOrigins().ShouldBeEmpty();
        store.Submissions.GetSubmissions(currentOnly: true, "hoang-hoa", 2021).ShouldBeEmpty();
        var history = store.Submissions.GetSubmissions(currentOnly: false, "hoang-hoa", 2021).ShouldHaveSingleItem();
        history.PointsTotal.ShouldBe(92m);
        store.Submissions.GetScores(history.Id).Count.ShouldBe(111);
        var events = store.Audit.GetEvents(2);
        (events[0].Outcome, events[0].Actor, events[0].File, events[0].Detail).ShouldBe(("framework-removed", "user:so-noi-vu", "",
            "thanh-hoa-district-2021-draft: bộ tiêu chí tạm năm 2021 bị xóa; các bảng điểm đã kiểm tra theo nó thôi là số liệu hiện hành"));
        (events[1].Outcome, events[1].File).ShouldBe(("withdrawn", path));
        events[1].Detail.ShouldBe("hoang-hoa 2021 self v1: thôi là số liệu hiện hành vì bộ tiêu chí tạm thanh-hoa-district-2021-draft bị xóa (giữ trong lịch sử)");

        // The same file from the province again (through a new runner, as the dashboard makes one per file): a new
        // draft, and the table is current again as version 2.
        var again = new IngestRunner(store, null).Run(path, Province);
        again.Outcomes.ShouldHaveSingleItem().ShouldSatisfyAllConditions(o => o.Action.ShouldBe(SaveAction.Added), o => o.Version.ShouldBe(2));
        store.Submissions.GetDraftOrigins().ShouldHaveSingleItem().FrameworkId.ShouldBe("thanh-hoa-district-2021-draft");
    }

    [Fact]
    public void RemoveDraftFramework_ReferenceOrUnknownFramework_RefusedAndNothingChanges()
    {
        var before = store.Submissions.TableCounts();

        store.Submissions.RemoveDraftFramework("thanh-hoa-district-2017", withdrawSubmissions: true, "user:so-noi-vu").Status.ShouldBe(DraftRemovalStatus.NotDraft);
        store.Submissions.RemoveDraftFramework("thanh-hoa-district-2020-illustrative", withdrawSubmissions: true, "user:so-noi-vu").Status.ShouldBe(DraftRemovalStatus.NotDraft);
        store.Submissions.RemoveDraftFramework("khong-co", withdrawSubmissions: true, "user:so-noi-vu").Status.ShouldBe(DraftRemovalStatus.NotFound);

        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void Ingest_CorrectedReportOverTheRealOne_WarnsWithTheVersionsAndTheTotalAndAudits()
    {
        runner.Run(TestFiles.RealReport, District).Accepted.ShouldBeTrue();
        var path = folder.Write("hoang-hoa-2017-dinh-chinh.txt", TestFiles.CorrectedReportText);

        var report = runner.Run(path, District);

        var outcome = report.Outcomes.ShouldHaveSingleItem();
        (outcome.Action, outcome.Version, outcome.Previous).ShouldBe((SaveAction.Replaced, 2, new ReplacedVersion(1, 92m, 100m, false)));
        report.Problems.Single(p => p.Code == ProblemCodes.RealDataReplaced).ShouldSatisfyAllConditions(
            p => p.Severity.ShouldBe(Severity.Warning),
            p => p.Message.ShouldBe("hoang-hoa 2017 tự chấm: THAY số liệu thật đã lưu — phiên bản 1 (92/100 điểm) thành phiên bản 2 (93/100 điểm), tổng điểm +1. Phiên bản 1 được giữ trong lịch sử."));
        var audit = store.Audit.GetEvents(1).ShouldHaveSingleItem();
        (audit.Outcome, audit.Actor, audit.File).ShouldBe(("replaced", "user:hoang-hoa.ubnd", path));
        audit.Detail.ShouldBe("hoang-hoa 2017 self v2: 111 dòng, điểm 93/100; thay v1 (số liệu thật, điểm 92/100; tổng điểm +1)");

        // Back to the original: the change is a loss this time.
        runner.Run(TestFiles.RealReport, District).Problems.Single(p => p.Code == ProblemCodes.RealDataReplaced).Message
            .ShouldContain("phiên bản 2 (93/100 điểm) thành phiên bản 3 (92/100 điểm), tổng điểm −1.");
    }

    [Fact]
    public void Ingest_RealReportOverTheSample_RetiresItWithoutTheReplacementWarning()
    {
        var sample = Path.Combine(TestFiles.RepositoryRoot, "data", "sample", "thanh-hoa-district-2017-sample.csv");
        runner.Run(sample, Province).Accepted.ShouldBeTrue();

        var report = runner.Run(folder.Write("nga-son-2017.txt", TestFiles.ReportOf(2017, "Nga Sơn")), District);

        report.Accepted.ShouldBeTrue();
        report.Outcomes.ShouldHaveSingleItem().Previous!.Synthetic.ShouldBeTrue();
        report.Problems.ShouldContain(p => p.Code == ProblemCodes.SampleRetired);
        report.Problems.ShouldNotContain(p => p.Code == ProblemCodes.RealDataReplaced);
        store.Audit.GetEvents(2).Select(e => e.Detail).ShouldContain(d => d.StartsWith("nga-son 2017 self v2: 111 dòng, điểm 92/100; thay v1 (dữ liệu mẫu, điểm ", StringComparison.Ordinal));
    }
}
