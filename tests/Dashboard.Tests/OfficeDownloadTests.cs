using CchcAnalytics.Exports.Tests;
using CchcAnalytics.Tests;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>The workbooks and meeting packs, downloaded by clicking their links on Tổng quan and Đơn vị in Chromium,
/// then opened with the Open XML SDK: no schema errors, the sheets and slides a reader expects, and known values.</summary>
[Collection(SharedDashboard.Name)]
public sealed class OfficeDownloadTests(DashboardApp app)
{
    [BrowserFact]
    public async Task ScoresWorkbook_DownloadedFromOverview_SheetPerYearWithTheRealReport()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/?nam=2023");
        using var folder = TestFiles.NewTempFolder();

        var (name, path) = await Downloads.ClickAsync(Link(browser, "toàn bộ điểm (Excel)"), folder);

        name.ShouldBe("cchc-scores.xlsx");
        using var book = new OpenedWorkbook(await File.ReadAllBytesAsync(path));
        ShouldBeValid(book.Document);
        book.SheetNames.ShouldBe(["Ghi chú", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]);
        var rows = Table(book, "2017");
        rows.Count.ShouldBe(rows.Count(r => r["Năm"] == "2017"));
        // The real report (293/BC-UBND): 7.1.4, online services at level 3, got 0 of 2 points; not marked as sample.
        var row = rows.Single(r => r["Mã đơn vị"] == "hoang-hoa" && r["Giai đoạn (tự chấm/thẩm định)"] == "tự chấm" && r["Mã tiêu chí"] == "7.1.4");
        (row["Đơn vị"], row["Điểm chuẩn"], row["Điểm"], row["Dữ liệu mẫu"]).ShouldBe(("Hoằng Hóa", "2", "0", null));
        rows.Count(r => r["Dữ liệu mẫu"] is null).ShouldBe(111);
        rows.Where(r => r["Mã đơn vị"] != "hoang-hoa").ShouldAllBe(r => r["Dữ liệu mẫu"] == "có");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task RankingWorkbook_DownloadedFromOverview2023_RanksThePublishedPlaces()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/?nam=2023");
        using var folder = TestFiles.NewTempFolder();

        var (name, path) = await Downloads.ClickAsync(Link(browser, "xếp hạng (Excel)"), folder);

        name.ShouldBe("cchc-xep-hang-huyen-2023.xlsx");
        using var book = new OpenedWorkbook(await File.ReadAllBytesAsync(path));
        ShouldBeValid(book.Document);
        book.SheetNames.ShouldBe(["Xếp hạng 2023", "Ghi chú"]);
        var rows = Table(book, "Xếp hạng 2023");
        rows.Count.ShouldBe(27);
        rows.Select(r => (r["Hạng"], r["Đơn vị"], r["Chỉ số"], r["Mã đơn vị"])).Take(3).ShouldBe(
        [
            ("1", "huyện Đông Sơn", "92.15", "dong-son"),
            ("2", "huyện Hoằng Hóa", "91.92", "hoang-hoa"),
            ("3", "thành phố Thanh Hóa", "91.46", "thanh-hoa"),
        ]);
        (rows[26]["Hạng"], rows[26]["Đơn vị"], rows[26]["Chỉ số"]).ShouldBe(("27", "huyện Mường Lát", "86.09"));
        rows.ShouldAllBe(r => r["Dữ liệu mẫu"] == "có" && r["Đồng hạng"] == null);
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task YearsWorkbook_DownloadedFromTheYearsPage_EveryUnitAndYearWithTheRealReport()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/qua-cac-nam");
        using var folder = TestFiles.NewTempFolder();

        var (name, path) = await Downloads.ClickAsync(browser.Page.GetByTestId("years-downloads").GetByRole(AriaRole.Link, new() { Name = "Excel", Exact = true }), folder);

        name.ShouldBe("cchc-qua-cac-nam-huyen-2017-2024.xlsx");
        using var book = new OpenedWorkbook(await File.ReadAllBytesAsync(path));
        ShouldBeValid(book.Document);
        book.SheetNames.ShouldBe(["Chỉ số", "Hạng", "Chi tiết", "Lĩnh vực", "Ghi chú"]);
        var rows = Table(book, "Chỉ số");
        rows.Count.ShouldBe(27);
        var hoangHoa = rows.Single(r => r["Mã đơn vị"] == "hoang-hoa");
        (hoangHoa["2017"], hoangHoa["2023"]).ShouldBe(("92", "91.92"));
        rows.Single(r => r["Mã đơn vị"] == "dong-son")["2024"].ShouldBeNull();
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task MeetingPack_DownloadedFromOverview2023_ValidWithItsSlides()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/?nam=2023");
        using var folder = TestFiles.NewTempFolder();

        var (name, path) = await Downloads.ClickAsync(Link(browser, "bộ slide họp (PowerPoint)"), folder);

        name.ShouldBe("chi-so-cchc-2023-thanh-hoa.pptx");
        using var pack = new OpenedPresentation(await File.ReadAllBytesAsync(path));
        ShouldBeValid(pack.Document);
        var titles = pack.Slides.Select(OpenedPresentation.Title).ToList();
        // Without chosen units: the province's pack; sample data said once, in the source line of every slide.
        titles.ShouldBe(
        [
            "Chỉ số CCHC 2023 — tỉnh Thanh Hóa",
            "Năm 2023: toàn cảnh",
            "Xếp hạng năm 2023",
            "Thay đổi thứ hạng so với năm 2022",
            "Các lĩnh vực toàn tỉnh năm 2023",
            "Điểm yếu kéo dài ở nhiều đơn vị",
            "Ghi chú về số liệu",
        ]);
        pack.Slides.ShouldAllBe(s => s.Slide.InnerText.Contains("Dữ liệu mẫu, không phải số liệu thật"));
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task MeetingPack_DownloadedFromUnitPage_HoangHoa2017Unmarked()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/don-vi/hoang-hoa?nam=2017");
        using var folder = TestFiles.NewTempFolder();

        var (name, path) = await Downloads.ClickAsync(
            browser.Page.GetByTestId("unit-downloads").GetByRole(AriaRole.Link, new() { Name = "bộ slide họp của đơn vị (PowerPoint)", Exact = true }), folder);

        name.ShouldBe("chi-so-cchc-2017-hoang-hoa.pptx");
        using var pack = new OpenedPresentation(await File.ReadAllBytesAsync(path));
        ShouldBeValid(pack.Document);
        var titles = pack.Slides.Select(OpenedPresentation.Title).ToList();
        // The chosen unit's section follows the province slides; 2017 has no year before it, so no movement slide.
        titles.ShouldBe(
        [
            "Chỉ số CCHC 2017 — huyện Hoằng Hóa",
            "Năm 2017: toàn cảnh",
            "Xếp hạng năm 2017",
            "Các lĩnh vực toàn tỉnh năm 2017",
            "Điểm yếu kéo dài ở nhiều đơn vị",
            "huyện Hoằng Hóa: chỉ số qua các năm",
            "huyện Hoằng Hóa: các lĩnh vực so với toàn tỉnh",
            "huyện Hoằng Hóa: tiêu chí mất nhiều điểm nhất",
            "huyện Hoằng Hóa: cần gì để lên hạng",
            "Ghi chú về số liệu",
        ]);
        OpenedPresentation.Bullets(pack.Slides[5]).ShouldContain(b => b.StartsWith("Năm 2017: chỉ số 92,00% (tự chấm), hạng ", StringComparison.Ordinal));
        OpenedPresentation.Notes(pack.Slides[5])!.ShouldContain("Năm 2017, huyện Hoằng Hóa đạt 92/100 điểm");
        browser.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task MeetingPack_ScriptAddressWithYearAndUnit_SameDeckAsTheVietnameseParameters()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };

        using var english = new OpenedPresentation(await client.GetByteArrayAsync("/export/pack.pptx?year=2017&unit=hoang-hoa"));
        using var vietnamese = new OpenedPresentation(await client.GetByteArrayAsync("/export/pack.pptx?nam=2017&dv=hoang-hoa"));

        ShouldBeValid(english.Document);
        var titles = english.Slides.Select(OpenedPresentation.Title).ToList();
        titles[0].ShouldBe("Chỉ số CCHC 2017 — huyện Hoằng Hóa");
        titles[5].ShouldBe("huyện Hoằng Hóa: chỉ số qua các năm");
        titles.ShouldBe(vietnamese.Slides.Select(OpenedPresentation.Title).ToList());
        (await client.GetByteArrayAsync("/export/charts/unit-areas.csv?year=2017&unit=hoang-hoa"))
            .ShouldBe(await client.GetByteArrayAsync("/export/charts/unit-areas.csv?nam=2017&dv=hoang-hoa"));
    }

    private static ILocator Link(BrowserSession browser, string text) =>
        browser.Page.GetByTestId("downloads").GetByRole(AriaRole.Link, new() { Name = text, Exact = true });

    /// <summary>The rows of a sheet under its header row, as values by header text (null for an empty cell).</summary>
    private static List<Dictionary<string, string?>> Table(OpenedWorkbook book, string sheet)
    {
        var rows = book.Rows(sheet);
        var header = rows[0].ToDictionary(c => c.Key, c => book.Value(c.Value)!, StringComparer.Ordinal);
        return rows.Skip(1).Select(r => header.ToDictionary(h => h.Value, h => book.Value(r.GetValueOrDefault(h.Key)), StringComparer.Ordinal)).ToList();
    }

    private static void ShouldBeValid(OpenXmlPackage document) =>
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
}
