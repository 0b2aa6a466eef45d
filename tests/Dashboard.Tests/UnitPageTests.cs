using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Đơn vị in Chromium: the real Hoằng Hóa 2017 report (293/BC-UBND: 92/100, area 7 at 6,5 of 13), the sample
/// calibrated to the published 2023 results, the unit and year pickers, and the lineage (Tĩnh Gia became thị xã Nghi
/// Sơn in 2020; Đông Sơn joined thành phố Thanh Hóa in 2024).</summary>
[Collection(SharedDashboard.Name)]
public sealed class UnitPageTests(DashboardApp app)
{
    [BrowserFact]
    public async Task UnitPage_HoangHoa2017_ShowsRealReportUnmarked()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/don-vi/hoang-hoa?nam=2017");
        var page = browser.Page;

        await Expect(page.Locator("h1")).ToHaveTextAsync("huyện Hoằng Hóa — năm 2017");
        await Expect(page.Locator("h1 .badge")).ToHaveCountAsync(0);
        var headline = page.GetByTestId("headline");
        await Expect(headline).ToContainTextAsync("92/100 điểm — chỉ số 92,00%");
        await Expect(headline).ToContainTextAsync("điểm tự chấm (chưa thẩm định)");
        await Expect(page.GetByTestId("findings").Locator("li").First).ToHaveTextAsync(new Regex("^Năm 2017, huyện Hoằng Hóa đạt 92/100 điểm"));
        await Expect(page.GetByTestId("findings")).Not.ToContainTextAsync("Dữ liệu mẫu");

        var areas = await BrowserSession.RowsAsync(page.GetByTestId("areas"));
        var area7 = areas.Single(r => r[0].StartsWith("7. ", StringComparison.Ordinal));
        area7[1..4].ShouldBe(["6,5", "13", "50,00"]);

        var weakest = await BrowserSession.RowsAsync(page.GetByTestId("weakest"));
        (weakest[0][0], weakest[0][2], weakest[0][3], weakest[0][4]).ShouldBe(("7.1.5", "0", "3", "3"));
        (weakest[1][0], weakest[1][2], weakest[1][3], weakest[1][4]).ShouldBe(("7.1.4", "0", "2", "2"));

        // The trend: 2017 is the real report, every later year is sample data and says so.
        var trend = page.GetByTestId("trend").Locator("tbody tr");
        await Expect(trend.First).ToContainTextAsync("2017");
        await Expect(trend.First).Not.ToHaveClassAsync("synthetic");
        await Expect(trend.First.Locator(".badge.sample")).ToHaveCountAsync(0);
        await Expect(trend.Nth(1)).ToHaveClassAsync("synthetic");
        await Expect(trend.Nth(1).Locator(".badge.sample")).ToHaveTextAsync("dữ liệu mẫu");
        await Expect(page.GetByTestId("cuts")).ToHaveCountAsync(0);
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task UnitPage_WeakestCriterionClicked_FullSheetOpensAtItWithItsEvidence()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/don-vi/hoang-hoa?nam=2017");
        var page = browser.Page;
        await Expect(page.GetByTestId("sheet")).Not.ToBeVisibleAsync();

        await page.GetByTestId("weakest").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "7.1.5", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/don-vi/hoang-hoa\?nam=2017&bang-diem=1#ma-7\.1\.5$"));
        var row = page.Locator("tr[id='ma-7.1.5']");
        await Expect(row).ToBeInViewportAsync();
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("3");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("0");
        var evidence = row.Locator(".evidence");
        await Expect(evidence).Not.ToBeVisibleAsync();
        await row.GetByText("xem").ClickAsync();
        await Expect(evidence).ToHaveTextAsync("Dưới 10% số hồ sơ TTHC");
        await Expect(page.GetByTestId("sheet").Locator("tbody tr")).ToHaveCountAsync(111);
        await browser.ScreenshotAsync("don-vi-hoang-hoa-2017-bang-diem");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task UnitPage_QueryForm_SameReportAsPath()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/don-vi?dv=hoang-hoa&nam=2017");
        var page = browser.Page;

        await Expect(page.Locator("h1")).ToHaveTextAsync("huyện Hoằng Hóa — năm 2017");
        await Expect(page.GetByTestId("headline")).ToContainTextAsync("92/100 điểm — chỉ số 92,00%");
        await Expect(page.GetByTestId("unit-picker").Locator("select[name=dv]")).ToHaveValueAsync("hoang-hoa");
        await Expect(page.GetByTestId("unit-picker").Locator("select[name=nam]")).ToHaveValueAsync("2017");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task UnitPage_HoangHoa2023_SampleWithWeaknessesCutsAndNextRank()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/don-vi/hoang-hoa?nam=2023");
        var page = browser.Page;

        await Expect(page.Locator("h1 .badge.sample")).ToHaveTextAsync("dữ liệu mẫu");
        await Expect(page.Locator("h1 .badge.illustrative")).ToHaveTextAsync("khung minh họa");
        await Expect(page.GetByTestId("headline")).ToContainTextAsync("91,92/100 điểm — chỉ số 91,92% — xếp thứ 2/27");
        var findings = await page.GetByTestId("findings").Locator("li").AllInnerTextsAsync();
        findings.ShouldNotBeEmpty();
        findings.ShouldAllBe(f => f.StartsWith("[Dữ liệu mẫu] ", StringComparison.Ordinal));

        // Online public services (7.2) are redefined in 2023 (both sub-criteria new): no earlier year joins them, so
        // they are no persistent weakness of 2023 (the bug of issue 15 §2); in 2022 they were one.
        await Expect(page.GetByTestId("weaknesses")).ToHaveCountAsync(0);
        (await BrowserSession.RowsAsync(page.GetByTestId("cuts"))).ShouldNotBeEmpty();
        // 92,15 (Đông Sơn, rank 1) − 91,92 = 0,23 points to rank 1.
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Để lên hạng 1" })).ToBeVisibleAsync();
        await Expect(page.Locator("section").Filter(new() { Has = page.GetByTestId("next-rank") })).ToContainTextAsync("Cần thêm 0,23 điểm");
        await Expect(page.GetByTestId("next-rank").Locator("li")).Not.ToHaveCountAsync(0);
        await browser.GotoAsync("/don-vi/hoang-hoa?nam=2022");
        var weaknesses = await BrowserSession.RowsAsync(page.GetByTestId("weaknesses"));
        weaknesses.ShouldContain(r => r[0] == "7.2" && r[2] == "yếu kéo dài");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task UnitPage_UnitThenYearPicked_UrlAndReportFollow()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/don-vi/hoang-hoa?nam=2023");
        var page = browser.Page;
        var picker = page.GetByTestId("unit-picker");

        await picker.Locator("select[name=dv]").SelectOptionAsync("dong-son");

        await Expect(page).ToHaveURLAsync(new Regex("/don-vi\\?cap=huyen&dv=dong-son&nam=2023$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("huyện Đông Sơn — năm 2023");
        await Expect(page.GetByTestId("headline")).ToContainTextAsync("92,15/100 điểm — chỉ số 92,15% — xếp thứ 1/27");
        await Expect(page.Locator("h1 .badge.sample")).ToHaveTextAsync("dữ liệu mẫu");

        await picker.Locator("select[name=nam]").SelectOptionAsync("2024");

        // Đông Sơn joined thành phố Thanh Hóa in 2024: no 2024 report, and the page says where the series ended.
        await Expect(page).ToHaveURLAsync(new Regex("/don-vi\\?cap=huyen&dv=dong-son&nam=2024$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("huyện Đông Sơn");
        await Expect(page.GetByTestId("headline")).ToHaveCountAsync(0);
        await Expect(page.Locator("p.note")).ToContainTextAsync("Không có số liệu của đơn vị này năm 2024");
        await Expect(page.Locator("p.note")).ToContainTextAsync("Chuỗi số liệu kết thúc năm 2023");
        await Expect(picker.Locator("select[name=dv]")).ToHaveValueAsync("dong-son");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task UnitPage_DongSon2024_SaysSeriesEnded()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/don-vi/dong-son?nam=2024");
        var page = browser.Page;

        await Expect(page.Locator("p.note")).ToHaveTextAsync(
            "Không có số liệu của đơn vị này năm 2024. Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task UnitPage_TinhGia2021_ShowsNghiSon()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/don-vi/tinh-gia?nam=2021");
        var page = browser.Page;

        await Expect(page.Locator("h1")).ToContainTextAsync("thị xã Nghi Sơn — năm 2021");
        await Expect(page.Locator("h1 .badge.sample")).ToHaveTextAsync("dữ liệu mẫu");
        await Expect(page.GetByTestId("unit-picker").Locator("select[name=dv]")).ToHaveValueAsync("nghi-son");
        await Expect(page.GetByTestId("page-notice")).ToContainTextAsync("Huyện Tĩnh Gia không còn là đơn vị riêng năm 2021");
        await Expect(page.GetByTestId("headline")).ToContainTextAsync("/100 điểm");
        var trend = await BrowserSession.RowsAsync(page.GetByTestId("trend"));
        trend.Where(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture) < 2020)
            .ShouldAllBe(r => r[1].StartsWith("huyện Tĩnh Gia", StringComparison.Ordinal));
        trend.Where(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture) >= 2020)
            .ShouldAllBe(r => r[1].StartsWith("thị xã Nghi Sơn", StringComparison.Ordinal));
        trend.Select(r => r[0]).ShouldBe(["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task UnitPage_UnknownUnit_404PageWithTheReasonAndAWayBack()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        var response = await browser.GotoAsync("/don-vi/khong-co-don-vi-nay?nam=2023");
        var page = browser.Page;

        response.Status.ShouldBe(404);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không tìm thấy trang");
        await Expect(page.GetByTestId("status-reason")).ToContainTextAsync("Không có đơn vị “khong-co-don-vi-nay”.");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Chọn đơn vị" }).ClickAsync();
        await Expect(page.GetByTestId("unit-picker")).ToBeVisibleAsync();
    }
}
