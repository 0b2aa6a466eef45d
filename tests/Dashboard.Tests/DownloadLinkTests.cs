using CchcAnalytics.Tests;
using Microsoft.Playwright;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Clicking a download keeps the page where it is and asks the server once.</summary>
[Collection(SharedDashboard.Name)]
public sealed class DownloadLinkTests(DashboardApp app)
{
    // Blazor's enhanced navigation intercepts same-origin links: without a download attribute it fetched each file, then
    // fell back to a document navigation, so every file was built twice and the address bar was left on /export/….
    [BrowserTheory]
    [InlineData("/?nam=2023", "downloads", "xếp hạng (Excel)")]
    [InlineData("/?nam=2023", "downloads", "toàn bộ điểm (Excel)")]
    [InlineData("/?nam=2023", "downloads", "toàn bộ điểm (CSV chuẩn)")]
    [InlineData("/?nam=2023", "downloads", "bộ slide họp (PowerPoint)")]
    [InlineData("/don-vi/hoang-hoa?nam=2017", "unit-downloads", "bộ slide họp của đơn vị (PowerPoint)")]
    [InlineData("/qua-cac-nam", "years-downloads", "Excel")]
    public async Task DownloadLink_Clicked_OneRequestAndThePageStays(string path, string testId, string text)
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync(path);
        await browser.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var page = browser.Page.Url;
        var requests = new List<string>();
        browser.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/export/", StringComparison.Ordinal))
            {
                requests.Add($"{request.ResourceType} {request.Url}");
            }
        };
        using var folder = TestFiles.NewTempFolder();

        await Downloads.ClickAsync(browser.Page.GetByTestId(testId).GetByRole(AriaRole.Link, new() { Name = text, Exact = true }), folder);

        requests.Count.ShouldBeLessThanOrEqualTo(1, string.Join("; ", requests));
        browser.Page.Url.ShouldBe(page);
        browser.Errors.ShouldBeEmpty();
    }
}
