using System.Text;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>The printable report (/bao-cao) as the browser prints it: no navigation, each section on a new page, and a
/// PDF that Chromium's own print path produces with those pages.</summary>
[Collection(SharedDashboard.Name)]
public sealed partial class PrintReportTests(DashboardApp app)
{
    [BrowserFact]
    public async Task PrintReport_PrintMedia_NoNavigationAndEachSectionOnANewPage()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/bao-cao?nam=2023&dv=hoang-hoa");
        var page = browser.Page;
        await Expect(page.Locator("header.top")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });

        await Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await Expect(page.Locator(".no-print").First).ToBeHiddenAsync();
        var headings = await page.Locator("main h2").AllTextContentsAsync();
        headings.Take(4).ShouldBe(["1. Xếp hạng", "2. Theo lĩnh vực (toàn tỉnh)", "3. Điểm yếu kéo dài nhiều đơn vị cùng gặp", "4. huyện Hoằng Hóa"]);
        var breaks = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main section')].map(s => getComputedStyle(s).breakBefore)");
        breaks[0].ShouldNotBe("page");
        breaks.Skip(1).Take(3).ShouldAllBe(b => b == "page");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task PrintReport_SavedAsPdf_AtLeastOnePagePerSection()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/bao-cao?nam=2023&dv=hoang-hoa");
        await browser.LoadImagesAsync();

        var pdf = await browser.Page.PdfAsync(new() { Format = "A4", PrintBackground = true });

        var text = Encoding.Latin1.GetString(pdf);
        text.ShouldStartWith("%PDF-");
        var pages = PageObject().Count(text);
        var sections = await browser.Page.Locator("main section").CountAsync();
        sections.ShouldBeGreaterThanOrEqualTo(4);
        pages.ShouldBeGreaterThanOrEqualTo(sections);
        browser.Errors.ShouldBeEmpty();
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}
