using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Every page of the dashboard in Chromium, as a person opens it: Vietnamese, no error bar, every chart image
/// loaded, nothing failing in the browser, and a full-page screenshot in artifacts/screenshots/ for a reviewer to look at.</summary>
[Collection(SharedDashboard.Name)]
public sealed class PageTourTests(DashboardApp app)
{
    [BrowserTheory]
    [InlineData("/", 200, "tong-quan")]
    [InlineData("/?nam=2023", 200, "tong-quan-2023")]
    [InlineData("/?nam=2017", 200, "tong-quan-2017")]
    [InlineData("/don-vi", 200, "don-vi")]
    [InlineData("/don-vi/hoang-hoa?nam=2017", 200, "don-vi-hoang-hoa-2017")]
    [InlineData("/don-vi/hoang-hoa?nam=2023", 200, "don-vi-hoang-hoa-2023")]
    [InlineData("/don-vi/dong-son?nam=2024", 200, "don-vi-dong-son-2024")]
    [InlineData("/don-vi/tinh-gia?nam=2021", 200, "don-vi-tinh-gia-2021")]
    [InlineData("/don-vi/khong-co-don-vi-nay?nam=2023", 404, "don-vi-khong-co")]
    [InlineData("/du-lieu", 200, "du-lieu")]
    [InlineData("/phuong-phap", 200, "phuong-phap")]
    [InlineData("/so-sanh", 200, "so-sanh")]
    [InlineData("/so-sanh?nam=2023&dv=dong-son&dv=hoang-hoa&dv=muong-lat", 200, "so-sanh-2023")]
    [InlineData("/tieu-chi", 200, "tieu-chi")]
    [InlineData("/tieu-chi?nam=2023&linh-vuc=7", 200, "tieu-chi-2023-linh-vuc-7")]
    [InlineData("/bao-cao?nam=2023&dv=hoang-hoa", 200, "bao-cao-2023")]
    [InlineData("/khong-co-trang-nay", 404, "khong-tim-thay")]
    public async Task Page_Opened_VietnameseWithoutErrors(string path, int status, string screenshot)
    {
        await using var browser = await BrowserSession.OpenAsync(app);

        var response = await browser.GotoAsync(path);

        response.Status.ShouldBe(status);
        await Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(browser.Page).ToHaveTitleAsync(new Regex(" — Chỉ số CCHC$"));
        await Expect(browser.Page.Locator("header.top nav a")).ToHaveCountAsync(6);
        await Expect(browser.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        (await browser.LoadImagesAsync()).ShouldBeEmpty("images that did not load");
        await browser.ScreenshotAsync(screenshot);
        browser.Errors.ShouldBeEmpty();
    }
}
