using Bunit;
using System.Security.Claims;
using CchcAnalytics.Accounts;
using CchcAnalytics.Dashboard.Components.Shared;
using CchcAnalytics.Dashboard.Services;
using CchcAnalytics.Dashboard.Services.Security;
using CchcAnalytics.Ingest.Tests.Office;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>The upload preview: what a file holds, its problems and what storing it would do, from the dashboard's own
/// UploadService over the shared database (the preview writes nothing).</summary>
[Collection(SharedDashboardData.Name)]
public sealed class UploadPreviewViewTests(DashboardData data) : DashboardContext(data)
{
    private static readonly ClaimsPrincipal Province = CchcClaims.For(new UserAccount("so-noi-vu", "Chuyên viên Sở Nội vụ", Role.Province, null, "stamp", DateTime.UnixEpoch, "test", false), "test-session");

    private static readonly ClaimsPrincipal District = CchcClaims.For(new UserAccount("hoang-hoa.ubnd", "UBND huyện Hoằng Hóa", Role.District, "hoang-hoa", "stamp", DateTime.UnixEpoch, "test", false), "test-session");

    private IReadOnlyDictionary<string, string> UnitNames => Data.Provider.Data.Units.ToDictionary(u => u.Id, u => u.FullName);

    /// <summary>The dashboard's own preview of a file uploaded by <paramref name="user"/>.</summary>
    private UploadPreview PreviewAs(ClaimsPrincipal user, string name, byte[] bytes) => new UploadService(Data.Provider).Preview(name, bytes, user);

    [Fact]
    public void Preview_RealReportAlreadyStored_OneUnchangedSheetAndThe54Warning()
    {
        var preview = PreviewAs(Province, "hoang-hoa-2017-bc293.txt", File.ReadAllBytes(TestFiles.RealReport));

        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview).Add(v => v.UnitNames, UnitNames));

        cut.Find("h2").TextContent.ShouldBe("Xem trước: hoang-hoa-2017-bc293.txt");
        cut.Find("[data-testid=upload-status]").TextContent.ShouldBe("Tệp hợp lệ: 1 bảng điểm, 1 cảnh báo.");
        Html.Rows(cut.Find("[data-testid=upload-preview]")).ShouldHaveSingleItem()
            .ShouldBe(["huyện Hoằng Hóa", "2017", "tự chấm", "111", "92", "100", "không đổi (đã có đúng nội dung này)"]);
        var warning = Html.Rows(cut.Find("[data-testid=upload-problems]")).ShouldHaveSingleItem();
        warning[..3].ShouldBe(["cảnh báo", "parent-sum-mismatch", "138"]);
        warning[3].ShouldBe("Dòng 5.4 ghi Điểm tự chấm 4 nhưng các dòng con cộng lại được 4,5; giữ nguyên giá trị đã ghi.");
        cut.FindAll(".badge.sample").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("hoang-hoa-2017.xlsx")]
    [InlineData("hoang-hoa-2017.docx")]
    public void Preview_RealReportAsExcelOrWord_SameSheetAsTheText(string name)
    {
        var bytes = name.EndsWith(".xlsx", StringComparison.Ordinal) ? ReportWorkbook.FromRealReport().ToBytes() : ReportDocument.FromRealReport();
        var preview = PreviewAs(Province, name, bytes);

        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview).Add(v => v.UnitNames, UnitNames));

        cut.Find("h2").TextContent.ShouldBe($"Xem trước: {name}");
        Html.Text(cut.Find("[data-testid=upload-status]")).ShouldStartWith("Tệp hợp lệ: 1 bảng điểm");
        Html.Rows(cut.Find("[data-testid=upload-preview]")).ShouldHaveSingleItem()
            .ShouldBe(["huyện Hoằng Hóa", "2017", "tự chấm", "111", "92", "100", "không đổi (đã có đúng nội dung này)"]);
        Html.Rows(cut.Find("[data-testid=upload-problems]")).ShouldContain(r => r[0] == "cảnh báo" && r[1] == "parent-sum-mismatch");
    }

    [Fact]
    public void Preview_RealReportAsPdf_SameSheetAsTheTextAndTheWarningOnItsPage()
    {
        var pdf = Path.Combine(TestFiles.RepositoryRoot, "tests", "Ingest.Tests", "Pdf", "Fixtures", "hoang-hoa-2017-bc293.pdf");
        var preview = PreviewAs(Province, "hoang-hoa-2017-bc293.pdf", File.ReadAllBytes(pdf));

        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview).Add(v => v.UnitNames, UnitNames));

        cut.Find("h2").TextContent.ShouldBe("Xem trước: hoang-hoa-2017-bc293.pdf");
        cut.Find("[data-testid=upload-status]").TextContent.ShouldBe("Tệp hợp lệ: 1 bảng điểm, 1 cảnh báo.");
        // The same content as the stored text layout, names and evidence included: nothing would change.
        Html.Rows(cut.Find("[data-testid=upload-preview]")).ShouldHaveSingleItem()
            .ShouldBe(["huyện Hoằng Hóa", "2017", "tự chấm", "111", "92", "100", "không đổi (đã có đúng nội dung này)"]);
        var warning = Html.Rows(cut.Find("[data-testid=upload-problems]")).ShouldHaveSingleItem();
        warning[..2].ShouldBe(["cảnh báo", "parent-sum-mismatch"]);
        warning[2].ShouldEndWith("trang 13, dòng 32");
        warning[3].ShouldBe("Dòng 5.4 ghi Điểm tự chấm 4 nhưng các dòng con cộng lại được 4,5; giữ nguyên giá trị đã ghi.");
    }

    [Fact]
    public void Preview_PointsAboveMax_RejectedWithTheLineAndNoSheetTable()
    {
        var bad = TestFiles.WithRow(TestFiles.RealReportText, "7.1.4", c => { c[3] = "9"; return c; });
        var line = Array.FindIndex(TestFiles.RealReportText.Split('\n'), l => l.StartsWith("7.1.4\t", StringComparison.Ordinal)) + 1;

        var preview = PreviewAs(Province, "sai.txt", System.Text.Encoding.UTF8.GetBytes(bad));
        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview));

        cut.Find("[data-testid=upload-status]").TextContent.ShouldBe("Tệp bị từ chối, không có gì được ghi. Sửa các lỗi dưới đây rồi tải lên lại.");
        cut.FindAll("[data-testid=upload-preview]").ShouldBeEmpty();
        Html.Rows(cut.Find("[data-testid=upload-problems]"))
            .ShouldContain(r => r[0] == "lỗi" && r[1] == "points-above-max" && r[2] == line.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Preview_MoreProblemsThanShown_ErrorsFirstAndTheRestCountedByCode()
    {
        var bad = TestFiles.WithRow(TestFiles.RealReportText, "7.1.4", c => { c[3] = "9"; return c; });
        bad = TestFiles.WithRow(bad, "7.1.5", c => { c[3] = "9"; return c; });
        var preview = PreviewAs(Province, "sai.txt", System.Text.Encoding.UTF8.GetBytes(bad));
        var problems = preview.Validation.Problems;
        problems.Count.ShouldBeGreaterThan(2);

        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview).Add(v => v.Shown, 2));

        cut.Find("[data-testid=upload-problems-cut]").TextContent
            .ShouldStartWith($"Tệp có {problems.Count} vấn đề; dưới đây là 2 vấn đề đầu tiên (lỗi trước).");
        Html.Rows(cut.Find("[data-testid=upload-problems]")).Select(r => (r[0], r[1])).ShouldBe(
            [("lỗi", "points-above-max"), ("lỗi", "points-above-max")]);
        var codes = Html.Rows(cut.Find("[data-testid=upload-problem-codes]"));
        codes.ShouldContain(r => r[0] == "lỗi" && r[1] == "points-above-max" && r[2] == "2");
        codes.Sum(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(problems.Count);
        cut.Markup.ShouldContain($"… và {problems.Count - 2} vấn đề khác không hiển thị.");
    }

    [Fact]
    public void Preview_FewProblems_ListedWholeWithoutCountsByCode()
    {
        var bad = TestFiles.WithRow(TestFiles.RealReportText, "7.1.4", c => { c[3] = "9"; return c; });
        var preview = PreviewAs(Province, "sai.txt", System.Text.Encoding.UTF8.GetBytes(bad));

        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview));

        Html.Rows(cut.Find("[data-testid=upload-problems]")).Count.ShouldBe(preview.Validation.Problems.Count);
        cut.FindAll("[data-testid=upload-problems-cut]").ShouldBeEmpty();
        cut.FindAll("[data-testid=upload-problem-codes]").ShouldBeEmpty();
    }

    [Fact]
    public void Preview_RealFileWithTheSamplesNumbers_SaysItReplacesTheSampleNotUnchanged()
    {
        // The sample's own 2018 self-assessment of Nga Sơn, sent as real data: same numbers, so the same content hash,
        // yet storing it retires the sample unit-year (both stages), which the preview must say.
        var sample = File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, "data", "sample", "thanh-hoa-district-2018-sample.csv"));
        var real = sample.Take(1).Concat(sample.Skip(1).Where(l => l.StartsWith("nga-son,", StringComparison.Ordinal) && l.Contains(",2018,self,", StringComparison.Ordinal))
            .Select(l => l[..l.LastIndexOf(',')] + ",false")).ToList();
        real.Count.ShouldBeGreaterThan(100);
        var preview = PreviewAs(Province, "nga-son-2018.csv", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', real)));

        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview).Add(v => v.UnitNames, UnitNames));

        var row = Html.Rows(cut.Find("[data-testid=upload-preview]")).ShouldHaveSingleItem();
        row[..3].ShouldBe(["huyện Nga Sơn", "2018", "tự chấm"]);
        row[6].ShouldBe("thay dữ liệu mẫu bằng số liệu thật (mọi bảng mẫu của đơn vị – năm này được bỏ)");
    }

    [Fact]
    public void Preview_SampleFileAlreadyLoaded_EverySheetMarkedAndUnchanged()
    {
        var path = Path.Combine(TestFiles.RepositoryRoot, "data", "sample", "thanh-hoa-district-2023-sample.csv");
        var preview = PreviewAs(Province, Path.GetFileName(path), File.ReadAllBytes(path));

        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview).Add(v => v.UnitNames, UnitNames));

        var rows = Html.Rows(cut.Find("[data-testid=upload-preview]"));
        rows.Count.ShouldBe(54); // 27 units × 2 stages
        cut.FindAll("[data-testid=upload-preview] .badge.sample").Count.ShouldBe(54);
        rows.ShouldAllBe(r => r[6] == "không đổi (đã có đúng nội dung này)");
        var dongSon = rows.Where(r => r[0].StartsWith("huyện Đông Sơn", StringComparison.Ordinal)).ToList();
        dongSon.Select(r => (r[0], r[2], r[4])).ShouldBe([("huyện Đông Sơn dữ liệu mẫu", "tự chấm", dongSon[0][4]), ("huyện Đông Sơn dữ liệu mẫu", "thẩm định", "92,15")]);
    }

    [Fact]
    public void Preview_CorrectedReportOverTheStoredRealOne_SaysLoudlyWhichVersionAndTheTotalChange()
    {
        // The database holds the real report as version 1 (92 points); the corrected one has 93.
        var preview = PreviewAs(District, "hoang-hoa-2017-dinh-chinh.txt", System.Text.Encoding.UTF8.GetBytes(TestFiles.CorrectedReportText));

        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview).Add(v => v.UnitNames, UnitNames));

        Html.Rows(cut.Find("[data-testid=upload-preview]")).ShouldHaveSingleItem()
            .ShouldBe(["huyện Hoằng Hóa", "2017", "tự chấm", "111", "93", "100", "THAY SỐ LIỆU THẬT: phiên bản 1 → phiên bản 2, tổng điểm +1 (bản cũ được giữ trong lịch sử)"]);
        var box = cut.Find("[data-testid=upload-replaces-real]");
        Html.Text(box.QuerySelector("p")!).ShouldBe("Chú ý: lưu tệp này sẽ thay số liệu thật đã lưu.");
        box.QuerySelectorAll("li").Select(Html.Text).ShouldBe(
            ["hoang-hoa 2017 tự chấm: THAY số liệu thật đã lưu — phiên bản 1 (92/100 điểm) thành phiên bản 2 (93/100 điểm), tổng điểm +1. Phiên bản 1 được giữ trong lịch sử."]);
    }

    [Fact]
    public void Preview_RealReportStoredUnchanged_NoReplacementWarning()
    {
        var preview = PreviewAs(District, "hoang-hoa-2017-bc293.txt", File.ReadAllBytes(TestFiles.RealReport));

        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview));

        cut.FindAll("[data-testid=upload-replaces-real]").ShouldBeEmpty();
    }

    [Fact]
    public void Preview_DistrictFileOfAnotherUnit_NotStorableWithoutALookAtStoredData()
    {
        // The 2023 sample is stored exactly: the province's preview says "không đổi"; a district's says only that it may
        // not store it, neither whether the file matches what is stored nor which versions exist (issue 12 §7).
        var path = Path.Combine(TestFiles.RepositoryRoot, "data", "sample", "thanh-hoa-district-2023-sample.csv");

        var preview = PreviewAs(District, Path.GetFileName(path), File.ReadAllBytes(path));
        var cut = Render<UploadPreviewView>(p => p.Add(v => v.Preview, preview).Add(v => v.UnitNames, UnitNames));

        var rows = Html.Rows(cut.Find("[data-testid=upload-preview]"));
        rows.Count.ShouldBe(54);
        rows.ShouldAllBe(r => r[6] == UploadService.NotStorable);
        cut.Markup.ShouldNotContain("không đổi");
        cut.Markup.ShouldNotContain("phiên bản");
    }
}
