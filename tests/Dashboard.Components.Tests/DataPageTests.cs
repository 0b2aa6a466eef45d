using Bunit;
using Microsoft.AspNetCore.Http;
using CchcAnalytics.Dashboard.Components.Pages;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Dữ liệu: what is loaded per year, the frameworks, lineage, the stored data-quality warning and the audit
/// trail. The page is static server-rendered and reads the signed-in user from the cascading <see cref="HttpContext"/>,
/// so the tests supply an anonymous one, as the endpoint does for a reader who has not signed in. The upload section is
/// not tested here: the upload flow (forms, preview, roles) has its own HTTP and browser tests in Dashboard.Tests.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class DataPageTests(DashboardData data) : DashboardContext(data)
{
    [Fact]
    public void DataPage_Loaded_RealSampleAndPublishedPerYear()
    {
        var cut = RenderAnonymous();

        var rows = Html.Rows(cut.Find("[data-testid=loaded]"));
        rows.Select(r => r[0]).ShouldBe(["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]);
        // 2017: the real Hoằng Hóa report (self-assessed only) and 26 sample units.
        rows[0][1..5].ShouldBe(["27", "1", "26", "26"]);
        rows[0][5].ShouldBe("bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND)");
        rows.Skip(1).Take(5).ShouldAllBe(r => r[1] == "27" && r[2] == "0" && r[3] == "27");
        // 2023–2024: the 20 departments' sample beside the districts'; 2024: Đông Sơn has joined Thanh Hóa city.
        rows[6][1..5].ShouldBe(["47", "0", "47", "47"]);
        rows[7][1..5].ShouldBe(["46", "0", "46", "46"]);
        // 2025: departments and the 166 communes, appraised; 2026: self-assessed only, the assessment under way.
        rows[8][1..5].ShouldBe(["186", "0", "186", "186"]);
        rows[9][1..5].ShouldBe(["186", "0", "186", "0"]);
        // Published results: 8 rows in 600/QĐ-UBND (2023), 20 in 482 (2024).
        rows.Select(r => r[6]).ShouldBe(["0", "0", "0", "0", "0", "0", "8", "20", "0", "0"]);
    }

    [Fact]
    public void DataPage_Frameworks_OfficialAndIllustrative()
    {
        var cut = RenderAnonymous();

        var rows = Html.Rows(cut.Find("[data-testid=frameworks]"));
        rows.Select(r => (r[0], r[1], r[2], r[4])).ShouldBe(
        [
            ("Bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND)", "2017–2019", "suy ra từ báo cáo thực", "111"),
            ("Khung minh họa 2020–2022", "2020–2022", "khung minh họa", "113"),
            ("Khung minh họa 2023–2026", "2023–2026", "khung minh họa", "33"),
            ("Khung minh họa 2023–2024", "2023–2024", "khung minh họa", "113"),
            ("Khung minh họa 2025–2026", "2025–2026", "khung minh họa", "36"),
        ]);
        rows[0][3].ShouldBe("3965/2017/QĐ-UBND");
        cut.FindAll("[data-testid=frameworks] .badge.illustrative").Count.ShouldBe(4);
    }

    [Fact]
    public void DataPage_StoredWarning_TheRealReportsRow54()
    {
        var cut = RenderAnonymous();

        var row = Html.Rows(cut.Find("[data-testid=warnings]")).ShouldHaveSingleItem();
        row[..5].ShouldBe(["huyện Hoằng Hóa", "2017", "tự chấm", "parent-sum-mismatch", "hoang-hoa-2017-bc293.txt:138"]);
        row[5].ShouldBe("Dòng 5.4 ghi Điểm tự chấm 4 nhưng các dòng con cộng lại được 4,5; giữ nguyên giá trị đã ghi.");
    }

    [Fact]
    public void DataPage_LineageAndAudit_FromTheDatabaseBuild()
    {
        var cut = RenderAnonymous();

        var lineage = cut.FindAll("[data-testid=lineage] li").Select(Html.Text).ToList();
        lineage.Count.ShouldBe(4);
        lineage.ShouldContain(l => l.StartsWith("2024:", StringComparison.Ordinal) && l.Contains("huyện Đông Sơn → thành phố Thanh Hóa", StringComparison.Ordinal));
        var audit = Html.Rows(cut.Find("[data-testid=audit]"));
        audit.Count.ShouldBe(50);
        audit.ShouldAllBe(r => r[1] == "nạp tự động khi khởi động" && r[3].Length == 12);
        // Where the files are is for the operator (a province account), not for every reader.
        cut.FindAll("[data-testid=data-location]").ShouldBeEmpty();
    }

    private IRenderedComponent<DataPage> RenderAnonymous() =>
        Render<DataPage>(p => p.AddCascadingValue<HttpContext>(new DefaultHttpContext()));
}
