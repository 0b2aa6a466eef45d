using System.Text;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>The printable report (/bao-cao) as the browser prints it: A4 portrait with page numbers, no navigation, a
/// header with the unit, year and data status, the charts as pictures, the unit's section on a new page, and a PDF that
/// Chromium's own print path produces with those pages.</summary>
[Collection(SharedDashboard.Name)]
public sealed partial class PrintReportTests(DashboardApp app)
{
    [BrowserFact]
    public async Task PrintReport_PrintMedia_NoNavigationChartsAndTheUnitOnANewPage()
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
        // Province sections follow each other (a short table is not left alone on a page); the unit starts a page.
        breaks.Take(3).ShouldAllBe(b => b != "page");
        breaks[3].ShouldBe("page");
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('section.keep')).breakInside")).ShouldBe("avoid");
        await Expect(page.GetByTestId("print-header")).ToHaveTextAsync("Chỉ số CCHC 2023 — huyện Hoằng Hóa — dữ liệu mẫu (không phải số liệu thật)");
        (await browser.LoadImagesAsync()).ShouldBeEmpty();
        var charts = await page.GetByTestId("print-chart").CountAsync();
        charts.ShouldBe(3);
        var widths = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('img.print-chart')].map(i => i.naturalWidth)");
        widths.ShouldAllBe(w => w == 1400);
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task PrintReport_PrintMediaOnA4Width_NoNumberOrWordBrokenInATable()
    {
        // An A4 page less the margins is 182 mm, about 688 CSS pixels: narrower than the phone layout's 760 px.
        await using var browser = await BrowserSession.OpenAsync(app, 688, 1000);
        await browser.GotoAsync("/bao-cao?nam=2023&dv=hoang-hoa");
        await browser.Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });

        (await browser.BrokenWordsInTablesAsync()).ShouldBeEmpty();
        (await browser.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('table.data')].map(t => getComputedStyle(t).display)"))
            .ShouldAllBe(d => d == "table");
        // Area names keep a readable column: at most three lines each (headers of number columns wrap instead; a QA
        // run found "7. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ…" one word a line over two pages).
        var lines = await browser.Page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('[data-testid=print-areas] tbody td:first-child')].map(td => { const r = document.createRange(); r.selectNodeContents(td); return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size; })");
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(n => n <= 3);
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task PrintReport_SavedAsPdf_AtLeastOnePagePerSection()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/bao-cao?nam=2023&dv=hoang-hoa");
        await browser.LoadImagesAsync();

        // The page's own CSS chooses the paper: A4 portrait, not the browser's default Letter.
        var pdf = await browser.Page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true, DisplayHeaderFooter = false });

        var text = Encoding.Latin1.GetString(pdf);
        text.ShouldStartWith("%PDF-");
        // A4 is 595,28 × 841,89 points (Chromium writes 594 × 841); Letter would be 612 × 792.
        MediaBox().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).Distinct().ShouldBe([("594", "841")]);
        var pages = PageObject().Count(text);
        var sections = await browser.Page.Locator("main section").CountAsync();
        sections.ShouldBeGreaterThanOrEqualTo(4);
        pages.ShouldBeGreaterThanOrEqualTo(sections);
        browser.Errors.ShouldBeEmpty();
    }

    /// <summary>Unit, year and data status head every printed page, not only the first (issue 16 §2).</summary>
    [BrowserFact]
    public async Task PrintReport_SavedAsPdf_HeaderOnEveryPage()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/bao-cao?nam=2023&dv=hoang-hoa");
        await browser.LoadImagesAsync();

        var pdf = await browser.Page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true, DisplayHeaderFooter = false });

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBeGreaterThan(2);
        foreach (var page in document.GetPages())
        {
            var words = string.Join(" ", page.GetWords().Select(w => w.Text));
            words.ShouldContain("Chỉ số CCHC 2023 — huyện Hoằng Hóa — dữ liệu mẫu (không phải số liệu thật)", customMessage: $"page {page.Number}");
            words.ShouldContain($"Trang {page.Number}/{document.NumberOfPages}", customMessage: $"page {page.Number}");
        }
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+(\d+)(?:\.\d+)?\s+(\d+)(?:\.\d+)?\s*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}
