using CchcAnalytics.Tests;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>The canonical scores CSV, downloaded through the browser from the overview's downloads, then parsed.</summary>
[Collection(SharedDashboard.Name)]
public sealed class ScoresExportTests(DashboardApp app)
{
    [BrowserFact]
    public async Task ScoresCsv_DownloadedFromOverview_HoldsEveryCurrentRow()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/?nam=2023");
        using var folder = TestFiles.NewTempFolder();

        var link = browser.Page.GetByTestId("downloads").Locator("a[href='/export/scores.csv']");
        await Expect(link).ToContainTextAsync("CSV");

        var download = await browser.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe("cchc-scores.csv");
        var path = folder.File(download.SuggestedFilename);
        await download.SaveAsAsync(path);
        (await download.FailureAsync()).ShouldBeNull();

        var (header, rows) = ScoresCsv.Read(path);
        string.Join(',', header).ShouldBe(ScoresCsv.Header);
        // Every current row of every level (districts 2017–2024, departments 2023–2026, communes 2025–2026): README, "Data".
        rows.Count.ShouldBe(71000);

        // The real report (293/BC-UBND): 7.1.4, online services at level 3, got 0 of 2 points.
        var row = rows.Where(r => r["unit_id"] == "hoang-hoa" && r["year"] == "2017" && r["stage"] == "self" && r["code"] == "7.1.4").ShouldHaveSingleItem();
        row["unit_name"].ShouldBe("Hoằng Hóa");
        row["level"].ShouldBe("sub_criterion");
        row["max_points"].ShouldBe("2");
        row["points"].ShouldBe("0");
        row["synthetic"].ShouldBe("false");

        // Its 111 coded rows are the only real ones; everything else is the sample.
        var real = rows.Where(r => r["synthetic"] == "false").ToList();
        real.Count.ShouldBe(111);
        real.ShouldAllBe(r => r["unit_id"] == "hoang-hoa" && r["year"] == "2017" && r["stage"] == "self");
        rows.Where(r => r["synthetic"] != "false").ShouldAllBe(r => r["synthetic"] == "true");
    }
}
