using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Dữ liệu in Chromium: what the app loaded from the repository's data folder on first start.</summary>
[Collection(SharedDashboard.Name)]
public sealed class DataPageTests(DashboardApp app)
{
    [BrowserFact]
    public async Task DataPage_Loaded_CountsRealAndSampleUnitYears()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/du-lieu");
        var page = browser.Page;

        var loaded = await BrowserSession.RowsAsync(page.GetByTestId("loaded"));
        // One row per year and level: districts 2017–2024, departments 2023–2026, communes 2025–2026 (data/levels.csv order).
        loaded.Select(r => $"{r[0]} {r[1]}").ShouldBe(
        [
            "2017 Cấp huyện", "2018 Cấp huyện", "2019 Cấp huyện", "2020 Cấp huyện", "2021 Cấp huyện", "2022 Cấp huyện",
            "2023 Sở, ban, ngành", "2023 Cấp huyện", "2024 Sở, ban, ngành", "2024 Cấp huyện",
            "2025 Sở, ban, ngành", "2025 Cấp xã", "2026 Sở, ban, ngành", "2026 Cấp xã",
        ]);
        // Units, real, sample, appraised: the one real report is Hoằng Hóa 2017; 2024 has 26 districts after the Đông Sơn
        // merger; 166 communes from 2025, 2026 self-assessed only.
        loaded[0][2..6].ShouldBe(["27", "1", "26", "26"]);
        loaded[7][2..6].ShouldBe(["27", "0", "27", "27"]);
        loaded[9][2..6].ShouldBe(["26", "0", "26", "26"]);
        loaded[11][2..6].ShouldBe(["166", "0", "166", "166"]);
        loaded[13][2..6].ShouldBe(["166", "0", "166", "0"]);
        // Published: QĐ 600 prints four districts and four departments for 2023, QĐ 482 the twenty departments for 2024.
        (loaded[6][7], loaded[7][7], loaded[8][7], loaded[9][7]).ShouldBe(("4", "4", "20", "0"));
        await Expect(page.Locator(".hint .badge.sample")).ToHaveTextAsync("dữ liệu mẫu");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task DataPage_Frameworks_BothIllustrativeOnesMarked()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/du-lieu");

        var frameworks = await BrowserSession.RowsAsync(browser.Page.GetByTestId("frameworks"));
        frameworks.Select(r => (r[0], r[1], r[2])).ShouldBe(
        [
            ("Bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND)", "2017–2019", "suy ra từ báo cáo thực"),
            ("Khung minh họa 2020–2022", "2020–2022", "khung minh họa"),
            ("Khung minh họa 2023–2026", "2023–2026", "khung minh họa"),
            ("Khung minh họa 2023–2024", "2023–2024", "khung minh họa"),
            ("Khung minh họa 2025–2026", "2025–2026", "khung minh họa"),
        ]);
        await Expect(browser.Page.GetByTestId("frameworks").Locator(".badge.illustrative")).ToHaveCountAsync(4);
    }

    [BrowserFact]
    public async Task DataPage_Lineage_ListsSuccessionAndMerger()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/du-lieu");

        var lineage = await browser.Page.GetByTestId("lineage").Locator("li").AllInnerTextsAsync();
        lineage.Count.ShouldBe(4);
        lineage.ShouldContain(e => e.StartsWith("2020: ", StringComparison.Ordinal) && e.Contains("huyện Tĩnh Gia → thị xã Nghi Sơn", StringComparison.Ordinal));
        lineage.ShouldContain(e => e.StartsWith("2024: ", StringComparison.Ordinal) && e.Contains("huyện Đông Sơn → thành phố Thanh Hóa", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task DataPage_Warnings_ShowRealReportRow54Slip()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/du-lieu");

        // 293/BC-UBND states 4 for row 5.4 while its sub-rows add up to 4,5; the stated value is kept, with a warning.
        var warnings = await BrowserSession.RowsAsync(browser.Page.GetByTestId("warnings"));
        var slip = warnings.ShouldHaveSingleItem();
        slip[..5].ShouldBe(["huyện Hoằng Hóa", "2017", "tự chấm", "parent-sum-mismatch", "hoang-hoa-2017-bc293.txt:138"]);
        slip[5].ShouldContain("5.4");
    }

    [BrowserFact]
    public async Task DataPage_Audit_RecordsStartupIngest()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/du-lieu");

        var audit = await BrowserSession.RowsAsync(browser.Page.GetByTestId("audit"));
        // The newest 50 of the 1067 submissions stored on first start (and, before them, the test accounts' creation).
        audit.Count.ShouldBe(50);
        audit.ShouldAllBe(r => r[1] == "nạp tự động khi khởi động" && r[4] == "thêm mới");
        // Times as readers in Viet Nam read them (UTC+7), never UTC.
        (await browser.Page.GetByTestId("audit").Locator("th").First.InnerTextAsync()).ShouldBe("Thời điểm (giờ Việt Nam)");
    }
}
