using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Tiêu chí in Chromium: drilling from the areas to area 7, to criterion 7.1 and its sub-criteria, then one
/// sub-criterion's history, by clicking the heatmap's column codes; every step is an address of its own.</summary>
[Collection(SharedDashboard.Name)]
public sealed class CriteriaPageTests(DashboardApp app)
{
    [BrowserFact]
    public async Task Criteria_DrillAreaCriterionSubCriterionThenHistory_RealHoangHoaValues()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/tieu-chi?nam=2017");
        var page = browser.Page;
        var heatmap = page.GetByTestId("heatmap");
        await Expect(heatmap.Locator("thead th")).ToHaveTextAsync(["Đơn vị", "1", "2", "3", "4", "5", "6", "7", "8"]);

        await heatmap.Locator("thead").GetByRole(AriaRole.Link, new() { Name = "7", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/tieu-chi\?cap=huyen&nam=2017&linh-vuc=7$"));
        await Expect(heatmap.Locator("thead th")).ToHaveTextAsync(["Đơn vị", "7.1", "7.2"]);

        await heatmap.Locator("thead").GetByRole(AriaRole.Link, new() { Name = "7.1", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/tieu-chi\?cap=huyen&nam=2017&linh-vuc=7&tieu-chi=7\.1$"));
        await Expect(heatmap.Locator("thead th")).ToHaveTextAsync(["Đơn vị", "7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5"]);
        await Expect(page.GetByTestId("criteria-crumbs").Locator("a")).ToHaveTextAsync(["Các lĩnh vực", "Lĩnh vực 7", "Tiêu chí 7.1"]);
        var rows = await BrowserSession.RowsAsync(heatmap);
        // 293/BC-UBND: 2/2, 1/1, 1,5/2, 0/2, 0/3 — the one real row has no sample badge.
        rows.Single(r => r[0] == "huyện Hoằng Hóa")[1..].ShouldBe(["100,00", "100,00", "75,00", "0,00", "0,00"]);
        rows.Count(r => r[0].EndsWith("dữ liệu mẫu", StringComparison.Ordinal)).ShouldBe(26);
        (await browser.LoadImagesAsync()).ShouldBeEmpty("images that did not load");
        await browser.ScreenshotAsync("tieu-chi-2017-7-1");

        await heatmap.Locator("thead").GetByRole(AriaRole.Link, new() { Name = "7.1.4", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/tieu-chi\?cap=huyen&nam=2017&linh-vuc=7&tieu-chi=7\.1&khai-niem=online-services-level-3$"));
        await Expect(page.Locator("section h2")).ToHaveTextAsync("Lịch sử: Mức độ cung cấp dịch vụ công trực tuyến mức độ 3");
        var history = await BrowserSession.RowsAsync(page.GetByTestId("concept-history"));
        history.Single(r => r[0] == "huyện Hoằng Hóa")[1].ShouldBe("0,00");
        await Expect(heatmap.Locator("thead th")).ToHaveTextAsync(["Đơn vị", "7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5"]);

        // Back up one level through the breadcrumb.
        await page.GetByTestId("criteria-crumbs").GetByRole(AriaRole.Link, new() { Name = "Lĩnh vực 7", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/tieu-chi\?cap=huyen&nam=2017&linh-vuc=7$"));
        browser.Errors.ShouldBeEmpty();
    }
}
