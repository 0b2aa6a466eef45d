using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Issue 16 §4 in Chromium: a chart's bars are links laid over the picture, exactly on the bars; hovering or
/// focusing one shows its value, and clicking it (or Enter) opens the unit's page. Hoằng Hóa's 2023 index, 91,92, and
/// place, 2/27, are the published ones (Quyết định 600/QĐ-UBND) the sample is calibrated to.</summary>
[Collection(SharedDashboard.Name)]
public sealed class ChartMarksBrowserTests(DashboardApp app)
{
    private const string HoangHoa = "huyện Hoằng Hóa — 2023: 91,92 (hạng 2/27; dữ liệu mẫu)";

    [BrowserFact]
    public async Task RankingChart_EveryMark_LiesOnItsBarInThePicture()
    {
        // Tall enough for the whole chart to be in the window, where the pointer can meet every mark.
        await using var browser = await BrowserSession.OpenAsync(app, 1440, 1400);
        await browser.GotoAsync("/?nam=2023");
        (await browser.LoadImagesAsync()).ShouldBeEmpty();
        var figure = browser.Page.GetByTestId("chart-ranking");
        var marks = figure.Locator("a.mark");
        await Expect(marks).ToHaveCountAsync(27);
        var img = figure.Locator("img");
        await img.ScrollIntoViewIfNeededAsync();
        var picture = (await img.BoundingBoxAsync())!;
        using var shot = SKBitmap.Decode(await img.ScreenshotAsync());

        for (var i = 0; i < 27; i++)
        {
            var box = (await marks.Nth(i).BoundingBoxAsync())!;
            var (x, y) = ((double)box.X + (box.Width / 2), (double)box.Y + (box.Height / 2));
            // The browser's own drawing of the SVG has the bar's blue under the middle of its mark (all 27 are sample data).
            var pixel = shot.GetPixel((int)(x - picture.X), (int)(y - picture.Y));
            ((int)pixel.Red).ShouldBeInRange(0x00, 0x04, $"mark {i}");
            ((int)pixel.Green).ShouldBeInRange(0x70, 0x74, $"mark {i}");
            ((int)pixel.Blue).ShouldBeInRange(0xB0, 0xB4, $"mark {i}");
            // And the mark, not the picture, is what the pointer meets there.
            (await browser.Page.EvaluateAsync<string?>("p => document.elementFromPoint(p.x, p.y)?.closest('a.mark')?.getAttribute('href')", new { x, y }))
                .ShouldBe(await marks.Nth(i).GetAttributeAsync("href"));
        }

        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task RankingChart_HoverABar_ShowsItsValueAndClickOpensTheUnitPage()
    {
        await using var browser = await BrowserSession.OpenAsync(app, 1440, 900);
        await browser.GotoAsync("/?nam=2023");
        await browser.LoadImagesAsync();
        var page = browser.Page;
        var mark = page.GetByTestId("chart-ranking").Locator("a.mark[href='/don-vi/hoang-hoa?nam=2023']");
        var tip = mark.Locator(".tip");
        await Expect(mark).ToHaveAccessibleNameAsync(HoangHoa);
        (await tip.BoundingBoxAsync())!.Width.ShouldBeLessThan(2, "hidden until hovered");

        await mark.HoverAsync();

        await Expect(tip).ToHaveTextAsync(HoangHoa);
        var shown = (await tip.BoundingBoxAsync())!;
        shown.Width.ShouldBeGreaterThan(150);
        (shown.X + shown.Width).ShouldBeLessThanOrEqualTo(1440, "the value stays on the page");
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "chart-mark-hover-1440.png") });

        await mark.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/don-vi/hoang-hoa\\?nam=2023$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Hoằng Hóa");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task RankingChart_TabToABar_ShowsItsValueAndEnterOpensTheUnitPage()
    {
        await using var browser = await BrowserSession.OpenAsync(app, 1440, 900);
        await browser.GotoAsync("/?nam=2023");
        await browser.LoadImagesAsync();
        var page = browser.Page;
        var marks = page.GetByTestId("chart-ranking").Locator("a.mark");
        await marks.First.FocusAsync();

        // From Đông Sơn's bar (first) the Tab key goes to Hoằng Hóa's (second), in the order of the ranking.
        await page.Keyboard.PressAsync("Tab");

        (await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('href')")).ShouldBe("/don-vi/hoang-hoa?nam=2023");
        var tip = marks.Nth(1).Locator(".tip");
        await Expect(tip).ToHaveTextAsync(HoangHoa);
        (await tip.BoundingBoxAsync())!.Width.ShouldBeGreaterThan(150, "shown on keyboard focus as on hover");
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "chart-mark-focus-1440.png") });

        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/don-vi/hoang-hoa\\?nam=2023$"));
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task HeatmapChart_ClickACell_OpensTheUnitsSheetAtThatArea()
    {
        await using var browser = await BrowserSession.OpenAsync(app, 1440, 900);
        await browser.GotoAsync("/tieu-chi?nam=2023");
        await browser.LoadImagesAsync();
        var page = browser.Page;
        var cell = page.GetByTestId("chart-heatmap").Locator("a.mark[href='/don-vi/hoang-hoa?nam=2023&bang-diem=1#ma-7']");

        await cell.HoverAsync();
        await Expect(cell.Locator(".tip")).ToContainTextAsync("huyện Hoằng Hóa — 7. ");
        await Expect(cell.Locator(".tip")).ToContainTextAsync(", 2023: 66,67% điểm chuẩn (10/15 điểm)");
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "chart-mark-heatmap-1440.png") });
        await cell.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/don-vi/hoang-hoa\\?nam=2023&bang-diem=1#ma-7$"));
        await Expect(page.GetByTestId("sheet-toggle")).ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("tr[id='ma-7']")).ToBeInViewportAsync();
        browser.Errors.ShouldBeEmpty();
    }
}
