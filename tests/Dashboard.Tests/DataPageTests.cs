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
        loaded.Select(r => r[0]).ShouldBe(["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        // Year, units, real, sample: the one real report is Hoằng Hóa 2017; 2024 has 26 units after the Đông Sơn merger.
        loaded[0][..4].ShouldBe(["2017", "27", "1", "26"]);
        loaded[6][..4].ShouldBe(["2023", "27", "0", "27"]);
        loaded[7][..4].ShouldBe(["2024", "26", "0", "26"]);
        loaded[6][6].ShouldBe("8");
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
