using System.Net;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Every page of the dashboard in Chromium, as a person opens it: Vietnamese, no error bar, nothing failing in
/// the browser, and a full-page screenshot in artifacts/screenshots/ for a reviewer to look at.</summary>
[Collection(SharedDashboard.Name)]
public sealed class PageTourTests(DashboardApp app)
{
    [BrowserTheory]
    [InlineData("/", "tong-quan")]
    [InlineData("/?nam=2023", "tong-quan-2023")]
    [InlineData("/?nam=2017", "tong-quan-2017")]
    [InlineData("/don-vi", "don-vi")]
    [InlineData("/don-vi/hoang-hoa?nam=2017", "don-vi-hoang-hoa-2017")]
    [InlineData("/don-vi/hoang-hoa?nam=2023", "don-vi-hoang-hoa-2023")]
    [InlineData("/don-vi/dong-son?nam=2024", "don-vi-dong-son-2024")]
    [InlineData("/don-vi/tinh-gia?nam=2021", "don-vi-tinh-gia-2021")]
    [InlineData("/don-vi/khong-co-don-vi-nay?nam=2023", "don-vi-khong-co")]
    [InlineData("/du-lieu", "du-lieu")]
    [InlineData("/phuong-phap", "phuong-phap")]
    [InlineData("/so-sanh", "so-sanh")]
    [InlineData("/tieu-chi", "tieu-chi")]
    [InlineData("/khong-co-trang-nay", "khong-tim-thay")]
    public async Task Page_Opened_VietnameseWithoutErrors(string path, string screenshot)
    {
        await using var browser = await BrowserSession.OpenAsync(app);

        var response = await browser.GotoAsync(path);

        response.Status.ShouldBe(screenshot == "khong-tim-thay" ? (int)HttpStatusCode.NotFound : (int)HttpStatusCode.OK);
        await Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(browser.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(" — Chỉ số CCHC$"));
        await Expect(browser.Page.Locator("header.top nav a")).ToHaveCountAsync(6);
        await Expect(browser.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await browser.ScreenshotAsync(screenshot);
        browser.Errors.ShouldBeEmpty();
    }
}
