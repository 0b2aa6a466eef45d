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
        // One row per year and level (data/levels.csv order), never a sum of departments and districts.
        rows.Select(r => $"{r[0]} {r[1]}").ShouldBe(
        [
            "2017 Cấp huyện", "2018 Cấp huyện", "2019 Cấp huyện", "2020 Cấp huyện", "2021 Cấp huyện", "2022 Cấp huyện",
            "2023 Sở, ban, ngành", "2023 Cấp huyện", "2024 Sở, ban, ngành", "2024 Cấp huyện",
            "2025 Sở, ban, ngành", "2025 Cấp xã", "2026 Sở, ban, ngành", "2026 Cấp xã",
        ]);
        // 2017: the real Hoằng Hóa report (self-assessed only) and 26 sample units.
        rows[0][2..6].ShouldBe(["27", "1", "26", "26"]);
        rows[0][6].ShouldBe("bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND)");
        rows.Skip(1).Take(5).ShouldAllBe(r => r[2] == "27" && r[3] == "0" && r[4] == "27");
        // 2023–2026: the 20 departments' sample; 2024: Đông Sơn has joined Thanh Hóa city.
        foreach (var departments in (int[])[6, 8, 10])
        {
            rows[departments][2..6].ShouldBe(["20", "0", "20", "20"]);
        }

        rows[7][2..6].ShouldBe(["27", "0", "27", "27"]);
        rows[9][2..6].ShouldBe(["26", "0", "26", "26"]);
        // 2025: the 166 communes, appraised; 2026: self-assessed only, the assessment under way.
        rows[11][2..6].ShouldBe(["166", "0", "166", "166"]);
        rows[12][2..6].ShouldBe(["20", "0", "20", "0"]);
        rows[13][2..6].ShouldBe(["166", "0", "166", "0"]);
        // Published results: 600/QĐ-UBND prints four departments and four districts (2023), 482 the twenty departments (2024).
        rows.Select(r => r[7]).ShouldBe(["0", "0", "0", "0", "0", "0", "4", "4", "20", "0", "0", "0", "0", "0"]);
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
