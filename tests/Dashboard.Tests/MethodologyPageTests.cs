using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Phương pháp in Chromium: docs/methodology.md as a page.</summary>
[Collection(SharedDashboard.Name)]
public sealed class MethodologyPageTests(DashboardApp app)
{
    [BrowserFact]
    public async Task MethodologyPage_ShowsMeasuresWithRealReportExample()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/phuong-phap");
        var methodology = browser.Page.GetByTestId("methodology");

        await Expect(methodology.Locator("h1").First).ToHaveTextAsync("Phương pháp tính / Methodology");
        await Expect(methodology.Locator("h2")).ToHaveCountAsync(10);
        await Expect(methodology).ToContainTextAsync("Hoằng Hóa 2017 (tự chấm): 92 / 100 → chỉ số 92; lĩnh vực 7: 6,5 / 13 = 50%");
        await Expect(methodology.Locator("script")).ToHaveCountAsync(0);
        browser.Errors.ShouldBeEmpty();
    }
}
