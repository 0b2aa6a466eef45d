using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using System.Text.Json;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Every page on a phone (390 × 844) and a desktop (1440 × 900): nothing wider than the screen (tables scroll
/// inside their box, charts scale, the navigation wraps), and axe-core finds no serious or critical accessibility
/// violation, and no number or word in a table is broken over two lines. Screenshots of both sizes go to artifacts/screenshots/ (…-390.png, …-1440.png).</summary>
[Collection(SharedDashboard.Name)]
public sealed class LayoutAccessibilityTests(DashboardApp app)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/?nam=2023", "tong-quan-2023" },
        { "/don-vi/hoang-hoa?nam=2017", "don-vi-hoang-hoa-2017" },
        { "/so-sanh?nam=2023&dv=dong-son&dv=hoang-hoa&dv=muong-lat", "so-sanh-2023" },
        { "/tieu-chi?nam=2023", "tieu-chi-2023" },
        { "/tieu-chi?nam=2023&linh-vuc=7", "tieu-chi-2023-linh-vuc-7" },
        { "/du-lieu", "du-lieu" },
        { "/phuong-phap", "phuong-phap" },
        { "/bao-cao?nam=2023&dv=hoang-hoa", "bao-cao-2023" },
        { "/dang-nhap", "dang-nhap" },
        { "/qua-cac-nam", "qua-cac-nam" },
        { "/thuat-ngu", "thuat-ngu" },
        // The 166 communes (issue 13): long rankings, the map, grouped heatmaps, many trend panels.
        { "/?cap=xa&nam=2025", "tong-quan-xa-2025" },
        { "/don-vi/thanh-hoa-xa-hoang-hoa?nam=2025", "don-vi-xa-hoang-hoa-2025" },
        { "/so-sanh?cap=xa&nam=2025&dv=thanh-hoa-xa-hoang-hoa&dv=thanh-hoa-phuong-ham-rong", "so-sanh-xa-2025" },
        { "/tieu-chi?cap=xa&nam=2025", "tieu-chi-xa-2025" },
        { "/qua-cac-nam?cap=xa", "qua-cac-nam-xa" },
        { "/bao-cao?cap=xa&nam=2025", "bao-cao-xa-2025" },
        // The 20 departments.
        { "/?cap=so&nam=2024", "tong-quan-so-2024" },
        { "/don-vi/thanh-hoa-so-noi-vu?nam=2024", "don-vi-so-noi-vu-2024" },
        { "/tieu-chi?cap=so&nam=2024", "tieu-chi-so-2024" },
        { "/qua-cac-nam?cap=so", "qua-cac-nam-so" },
    };

    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Axe", "axe.min.js")));

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Page_Phone390_NoSidewaysScrollAndNoSeriousAxeViolation(string path, string name) =>
        await CheckAsync(path, name, 390, 844);

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Page_Desktop1440_NoSidewaysScrollAndNoSeriousAxeViolation(string path, string name) =>
        await CheckAsync(path, name, 1440, 900);

    /// <summary>On a phone the navigation folds under one button and opens on a tap; on a desktop it is listed.</summary>
    [BrowserFact]
    public async Task Navigation_Phone390_FoldedUnderOneButtonThatOpensIt()
    {
        await using var browser = await BrowserSession.OpenAsync(app, 390, 844);
        await browser.GotoAsync("/?nam=2023");
        var page = browser.Page;

        var toggle = page.GetByTestId("menu-toggle");
        await Expect(toggle).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.GetByTestId("nav")).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await browser.ScreenshotAsync("nav-open-390");
        await Expect(page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "Tiêu chí" })).ToBeVisibleAsync();
        await page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "Tiêu chí" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Tiêu chí");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task Navigation_Desktop1440_ListedWithoutAButton()
    {
        await using var browser = await BrowserSession.OpenAsync(app, 1440, 900);
        await browser.GotoAsync("/?nam=2023");

        await Expect(browser.Page.GetByTestId("menu-toggle")).ToBeHiddenAsync();
        await Expect(browser.Page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "Tiêu chí" })).ToBeVisibleAsync();
    }

    private async Task CheckAsync(string path, string name, int width, int height)
    {
        await using var browser = await BrowserSession.OpenAsync(app, width, height);
        (await browser.GotoAsync(path)).Status.ShouldBe(200);
        await browser.LoadImagesAsync();

        var documentWidth = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var wide = await browser.Page.EvaluateAsync<string[]>(
            "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('table.data, .scroll, nav'))"
            + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))", width);
        await browser.ScreenshotAsync($"{name}-{width}");

        documentWidth.ShouldBe(width, $"{path} at {width} px: wider elements {string.Join("; ", wide)}");
        // A table scrolls in its box rather than break a number or a word over two lines.
        (await browser.BrokenWordsInTablesAsync()).ShouldBeEmpty($"{path} at {width} px");
        // The axe script is evaluated through DevTools, which the Content-Security-Policy (no inline script) does not block.
        await browser.Page.EvaluateAsync(Axe.Value);
        var json = await browser.Page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
        json.EnumerateArray().Select(v => v.GetString()).ShouldBeEmpty($"{path} at {width} px");
        browser.Errors.ShouldBeEmpty();
    }
}
