using System.Text.RegularExpressions;
using System.Xml.Linq;
using CchcAnalytics.Tests;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Every chart figure's three downloads, clicked in Chromium on the pages that show them and opened: the PNG
/// decoded by SkiaSharp at the chart's size, the SVG parsed as XML with its Vietnamese title, the CSV read as a table.</summary>
[Collection(SharedDashboard.Name)]
public sealed partial class ChartDownloadTests(DashboardApp app)
{
    /// <summary>The height of each chart kind's picture when the URL asks for no size (every kind is 1000 wide).</summary>
    private static readonly Dictionary<string, int> Heights = new(StringComparer.Ordinal)
    {
        ["ranking"] = 750,
        ["area-distribution"] = 600,
        ["unit-trend"] = 600,
        ["unit-areas"] = 600,
        ["compare-areas"] = 750,
        ["compare-trends"] = 600,
        ["heatmap"] = 800,
        ["concept-history"] = 800,
        ["self-vs-appraised"] = 600,
        ["rank-bump"] = 800,
        ["area-means"] = 700,
    };

    [BrowserTheory]
    [InlineData("/?nam=2023", "ranking,area-distribution")]
    [InlineData("/don-vi/hoang-hoa?nam=2017", "unit-trend,unit-areas")]
    [InlineData("/don-vi/hoang-hoa?nam=2023", "self-vs-appraised,unit-trend,unit-areas")]
    [InlineData("/so-sanh?nam=2023&dv=hoang-hoa&dv=muong-lat", "compare-areas,compare-trends")]
    [InlineData("/tieu-chi?nam=2019&linh-vuc=7&khai-niem=online-services-level-3", "heatmap,concept-history")]
    [InlineData("/qua-cac-nam", "rank-bump,area-means")]
    public async Task ChartFigures_EachDownloadClicked_OpensAsPngSvgAndCsv(string path, string kinds)
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync(path);
        using var folder = TestFiles.NewTempFolder();
        // The small multiples of /qua-cac-nam are figures of their own (panel-…); the charts here are the page's main ones.
        var figures = browser.Page.Locator("figure.chart[data-testid^='chart-']");
        (await figures.EvaluateAllAsync<string[]>("fs => fs.map(f => f.dataset.testid)")).ShouldBe(kinds.Split(',').Select(k => "chart-" + k));

        foreach (var kind in kinds.Split(','))
        {
            var figure = browser.Page.GetByTestId("chart-" + kind);
            var query = new Uri(app.BaseAddress, await figure.Locator("img").GetAttributeAsync("src")).Query;
            var name = FileName(kind, query);

            var (pngName, png) = await Downloads.ClickAsync(figure.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "PNG", Exact = true }), folder);
            pngName.ShouldBe(name + ".png");
            using (var bitmap = SKBitmap.Decode(png))
            {
                bitmap.ShouldNotBeNull($"{pngName} is not a PNG SkiaSharp can decode");
                (bitmap.Width, bitmap.Height).ShouldBe((1000, Heights[kind]), pngName);
            }

            var (svgName, svg) = await Downloads.ClickAsync(figure.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "SVG", Exact = true }), folder);
            svgName.ShouldBe(name + ".svg");
            var texts = SvgTexts(svg);
            texts.ShouldContain(t => VietnameseLetter().IsMatch(t), $"{svgName} has no Vietnamese text: {string.Join(" | ", texts)}");
            if (Year(query) is { } year)
            {
                texts.ShouldContain(t => t.Contains(year, StringComparison.Ordinal), $"{svgName} does not name {year}");
            }

            var (csvName, csv) = await Downloads.ClickAsync(figure.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "dữ liệu (CSV)", Exact = true }), folder);
            csvName.ShouldBe(name + ".csv");
            var (header, rows) = ScoresCsv.Read(csv);
            header.Length.ShouldBeGreaterThan(1, csvName);
            header.ShouldAllBe(h => Regex.IsMatch(h, "^[a-z][a-z0-9_]*$"), csvName);
            rows.ShouldNotBeEmpty(csvName);
        }

        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task RankingChart_Overview2023_TitleInSvgAndPublishedPlacesInCsv()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/?nam=2023");
        using var folder = TestFiles.NewTempFolder();
        var figure = browser.Page.GetByTestId("chart-ranking");
        await Expect(figure.Locator("img")).ToHaveAttributeAsync("src", "/export/charts/ranking.svg?cap=huyen&nam=2023");

        var (_, svg) = await Downloads.ClickAsync(figure.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "SVG", Exact = true }), folder);
        var document = XDocument.Load(svg);
        document.Root.ShouldNotBeNull().Name.ShouldBe(XName.Get("svg", "http://www.w3.org/2000/svg"));
        document.Root.Attribute("width")?.Value.ShouldBe("1000");
        var texts = SvgTexts(svg);
        texts.ShouldContain("Xếp hạng Chỉ số CCHC năm 2023");
        texts.ShouldContain(t => t.Contains("dữ liệu mẫu", StringComparison.Ordinal));
        texts.ShouldAllBe(t => t.IsNormalized(System.Text.NormalizationForm.FormC));

        var (_, csv) = await Downloads.ClickAsync(figure.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "dữ liệu (CSV)", Exact = true }), folder);
        var (header, rows) = ScoresCsv.Read(csv);
        header.ShouldBe(["year", "rank", "rank_of", "tied", "unit_id", "unit_name", "index", "points", "max_points", "stage_used", "synthetic", "framework_id", "framework_status", "band"]);
        rows.Count.ShouldBe(27);
        rows.Select(r => (r["rank"], r["unit_name"], r["index"])).Take(3).ShouldBe(
            [("1", "huyện Đông Sơn", "92.15"), ("2", "huyện Hoằng Hóa", "91.92"), ("3", "thành phố Thanh Hóa", "91.46")]);
        rows[26]["unit_id"].ShouldBe("muong-lat");
        rows[26]["index"].ShouldBe("86.09");
        rows.ShouldAllBe(r => r["year"] == "2023" && r["rank_of"] == "27" && r["synthetic"] == "true");
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task UnitTrendChart_HoangHoa2017_CsvHoldsTheRealReport()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/don-vi/hoang-hoa?nam=2017");
        using var folder = TestFiles.NewTempFolder();
        var figure = browser.Page.GetByTestId("chart-unit-trend");

        var (name, csv) = await Downloads.ClickAsync(figure.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "dữ liệu (CSV)", Exact = true }), folder);

        name.ShouldBe("unit-trend-hoang-hoa.csv");
        var (header, rows) = ScoresCsv.Read(csv);
        header[..5].ShouldBe(["series_unit_id", "year", "unit_id", "unit_name", "index"]);
        rows.Select(r => r["year"]).ShouldBe(["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        // The real self-assessment report 293/BC-UBND: 92 of 100 points, not sample data.
        var real = rows[0];
        (real["unit_name"], real["index"], real["points"], real["max_points"], real["stage_used"], real["synthetic"], real["rank"])
            .ShouldBe(("huyện Hoằng Hóa", "92", "92", "100", "self", "false", "1"));
        rows.Skip(1).ShouldAllBe(r => r["synthetic"] == "true");
        browser.Errors.ShouldBeEmpty();
    }

    /// <summary>The file name the export endpoint suggests: kind, year and units joined by '-'.</summary>
    private static string FileName(string kind, string query) =>
        string.Join('-', new[] { kind, Year(query) }.Concat(Values(query, "dv")).OfType<string>());

    private static string? Year(string query) => Values(query, "nam").SingleOrDefault();

    private static IEnumerable<string> Values(string query, string name) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1]));

    /// <summary>Every text run of an SVG, each &lt;text&gt; element's content in document order.</summary>
    private static List<string> SvgTexts(string path) =>
        XDocument.Load(path).Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Select(t => t.Value.Trim()).Where(t => t.Length > 0).ToList();

    /// <summary>A letter with a Vietnamese tone or vowel mark, e.g. "ạ", "ế", "ơ", "đ".</summary>
    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();
}
