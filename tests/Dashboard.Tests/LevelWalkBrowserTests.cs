using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Issue 13 in Chromium: for each level, a reader switches to it in the header, opens the overview, a unit of
/// that level from the ranking, then the unit's weakest criterion in its score sheet — and every step shows the level
/// chosen (the switcher's current level, the unit's kind), never silently another.</summary>
[Collection(SharedDashboard.Name)]
public sealed class LevelWalkBrowserTests(DashboardApp app)
{
    [BrowserTheory]
    [InlineData("so", "Sở, ban, ngành", "department")]
    [InlineData("huyen", "Cấp huyện", "district")]
    [InlineData("xa", "Cấp xã", "commune")]
    public async Task SwitcherOverviewUnitCriterion_EachLevel_ShowsThatLevelAtEveryStep(string code, string label, string level)
    {
        await using var browser = await BrowserSession.OpenAsync(app, 1440, 900);
        var page = browser.Page;
        var current = page.GetByTestId("level-switcher").Locator("a.level.current");
        await browser.GotoAsync("/");

        // The switcher in the header.
        await page.GetByTestId("level-switcher").Locator($"a[data-level={code}]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($@"/\?cap={code}$"));
        await Expect(current).ToHaveAttributeAsync("data-level", code);
        await Expect(page.Locator("h1")).ToContainTextAsync($"— {label}");

        // The overview's ranking: the first unit (the top ten of a long ranking).
        var ranking = page.Locator("[data-testid=ranking-top], [data-testid=ranking]").First;
        var unitLink = ranking.Locator("tbody tr").First.Locator("td").Nth(1).Locator("a");
        var unitName = (await unitLink.TextContentAsync())!.Trim();
        var unitHref = (await unitLink.GetAttributeAsync("href"))!;
        await unitLink.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(unitHref) + "$"));
        var unitId = Regex.Match(unitHref, "/don-vi/([^?]+)").Groups[1].Value;
        // The unit opened is of the level chosen, as data/units.csv says (its kind → its level).
        CchcAnalytics.Ingest.Reference.ReferenceData.Embedded.Units.Single(u => u.Id == unitId).Level.ShouldBe(level, unitId);

        await Expect(current).ToHaveAttributeAsync("data-level", code);
        await Expect(page.Locator("h1")).ToContainTextAsync(unitName);

        // The unit's weakest criterion, in its score sheet.
        var criterion = page.GetByTestId("weakest").Locator("tbody tr").First.Locator("td").First.Locator("a");
        var criterionCode = (await criterion.TextContentAsync())!.Trim();
        await criterion.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($@"/don-vi/{Regex.Escape(unitId)}\?nam=\d{{4}}&bang-diem=1#ma-{Regex.Escape(criterionCode)}$"));
        await Expect(page.Locator($"tr[id='ma-{criterionCode}']")).ToBeVisibleAsync();
        await Expect(current).ToHaveAttributeAsync("data-level", code);
        await Expect(page.Locator("h1")).ToContainTextAsync(unitName);
        await browser.ScreenshotAsync($"cap-{code}-{unitId}-{criterionCode}");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task MapOfCommunes_HoverAndClickAUnit_OpensItsPage()
    {
        await using var browser = await BrowserSession.OpenAsync(app, 1440, 1400);
        await browser.GotoAsync("/?cap=xa&nam=2025");
        (await browser.LoadImagesAsync()).ShouldBeEmpty();
        var page = browser.Page;
        var shapes = page.GetByTestId("chart-map").GetByTestId("chart-shape");
        await Expect(shapes).ToHaveCountAsync(166);
        var hoangHoa = page.GetByTestId("chart-map").Locator("a[data-unit=thanh-hoa-xa-hoang-hoa]");
        await Expect(hoangHoa).ToHaveAccessibleNameAsync(new Regex(@"^xã Hoằng Hóa: \d+,\d\d$"));
        await hoangHoa.ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("tong-quan-xa-2025-ban-do");

        // The outline, not the picture under it, is what the pointer meets inside the unit.
        var box = (await hoangHoa.BoundingBoxAsync())!;
        var inside = await page.EvaluateAsync<string?>(
            "b => { for (let dy = 0.3; dy <= 0.7; dy += 0.1) for (let dx = 0.3; dx <= 0.7; dx += 0.1) { const a = document.elementFromPoint(b[0] + b[2] * dx, b[1] + b[3] * dy)?.closest('a'); if (a?.dataset.unit === 'thanh-hoa-xa-hoang-hoa') return a.getAttribute('href'); } return null; }",
            new[] { (double)box.X, box.Y, box.Width, box.Height });
        inside.ShouldBe("/don-vi/thanh-hoa-xa-hoang-hoa?nam=2025");

        await hoangHoa.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/don-vi/thanh-hoa-xa-hoang-hoa\?nam=2025$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("xã Hoằng Hóa");
        browser.Errors.ShouldBeEmpty();
    }
}
