using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Tổng quan in Chromium. Expected 2023 places and points are the published results (Quyết định
/// 600/QĐ-UBND) that the synthetic sample is calibrated to; 2017 holds the one real report, Hoằng Hóa's.</summary>
[Collection(SharedDashboard.Name)]
public sealed class OverviewPageTests(DashboardApp app)
{
    [BrowserFact]
    public async Task Overview_2023_RanksPublishedResultsMarkedAsSample()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/?nam=2023");
        var page = browser.Page;

        await Expect(page.Locator("h1")).ToContainTextAsync("Tổng quan năm 2023");
        await Expect(page.Locator("h1 .badge.sample")).ToHaveTextAsync("dữ liệu mẫu");
        var ranking = await BrowserSession.RowsAsync(page.GetByTestId("ranking"));
        ranking.Count.ShouldBe(27);
        ShouldBeRanked(ranking[0], "1", "huyện Đông Sơn", "92,15");
        ShouldBeRanked(ranking[1], "2", "huyện Hoằng Hóa", "91,92");
        ShouldBeRanked(ranking[2], "3", "thành phố Thanh Hóa", "91,46");
        ShouldBeRanked(ranking[26], "27", "huyện Mường Lát", "86,09");
        ranking.ShouldAllBe(row => row[1].EndsWith(" dữ liệu mẫu", StringComparison.Ordinal));
        await Expect(page.GetByTestId("ranking").Locator("tbody tr:not(.synthetic)")).ToHaveCountAsync(0);

        var published = await BrowserSession.RowsAsync(page.GetByTestId("published"));
        published.Select(r => (r[0], r[1], r[3], r[4], r[5])).ShouldBe(
        [
            ("huyện Đông Sơn", "92,15", "1/27", "1/27", "600/QĐ-UBND"),
            ("huyện Hoằng Hóa", "91,92", "2/27", "2/27", "600/QĐ-UBND"),
            ("thành phố Thanh Hóa", "91,46", "3/27", "3/27", "600/QĐ-UBND"),
            ("huyện Mường Lát", "86,09", "27/27", "27/27", "600/QĐ-UBND"),
        ]);
        await Expect(page.GetByTestId("improved").Locator("li")).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("declined").Locator("li")).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("improved").Locator("li").First).ToContainTextAsync("▲");
        await Expect(page.GetByTestId("declined").Locator("li").First).ToContainTextAsync("▼");
        (await BrowserSession.RowsAsync(page.GetByTestId("shared-weaknesses"))).ShouldNotBeEmpty();
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task Overview_NoYear_ShowsLatestYear()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/");
        var page = browser.Page;

        await Expect(page.Locator("h1")).ToContainTextAsync("Tổng quan năm 2024");
        await Expect(page.GetByTestId("year-picker").Locator("select")).ToHaveValueAsync("2024");
        // Đông Sơn joined Thanh Hóa city in 2024: 26 district-level units.
        await Expect(page.GetByTestId("ranking").Locator("tbody tr")).ToHaveCountAsync(26);
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task Overview_YearPicked_UrlAndRankingChange()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/?nam=2023");
        var page = browser.Page;

        await page.GetByTestId("year-picker").Locator("select").SelectOptionAsync("2017");

        await Expect(page).ToHaveURLAsync(YearInUrl(2017));
        await Expect(page.Locator("h1")).ToContainTextAsync("Tổng quan năm 2017");
        await Expect(page.GetByTestId("year-picker").Locator("select")).ToHaveValueAsync("2017");
        await Expect(page.GetByTestId("published")).ToHaveCountAsync(0);
        var ranking = await BrowserSession.RowsAsync(page.GetByTestId("ranking"));
        ranking.Count.ShouldBe(27);

        // The real report (self-assessed 92/100) is the only row not marked as sample data.
        var real = ranking.Single(r => r[1].StartsWith("huyện Hoằng Hóa", StringComparison.Ordinal));
        real[1].ShouldBe("huyện Hoằng Hóa");
        real[2].ShouldBe("92");
        real[7].ShouldBe("tự chấm");
        ranking.Where(r => r != real).ShouldAllBe(r => r[1].EndsWith(" dữ liệu mẫu", StringComparison.Ordinal));
        var unmarked = page.GetByTestId("ranking").Locator("tbody tr:not(.synthetic)");
        await Expect(unmarked).ToHaveCountAsync(1);
        await Expect(unmarked).ToContainTextAsync("huyện Hoằng Hóa");
        await Expect(page.Locator("p.note").Filter(new() { HasText = "chỉ có điểm tự chấm" })).ToContainTextAsync("huyện Hoằng Hóa");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task Overview_RankingLinkFollowed_OpensUnitPageForThatYear()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/?nam=2023");
        var page = browser.Page;

        await page.GetByTestId("ranking").GetByRole(AriaRole.Link, new() { Name = "huyện Hoằng Hóa", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/don-vi/hoang-hoa\\?nam=2023$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("huyện Hoằng Hóa — năm 2023");
        await Expect(page.GetByTestId("headline")).ToContainTextAsync("91,92/100 điểm");
        await Expect(page.GetByTestId("headline")).ToContainTextAsync("xếp thứ 2/27");
        browser.Errors.ShouldBeEmpty();
    }

    private static void ShouldBeRanked(string[] row, string rank, string unit, string points)
    {
        row[0].ShouldBe(rank);
        row[1].ShouldStartWith(unit + " ");
        row[2].ShouldBe(points);
        row[3].ShouldBe("100");
        row[4].ShouldBe(points);
    }

    private static Regex YearInUrl(int year) => new($"/\\?cap=huyen&nam={year}$");
}
