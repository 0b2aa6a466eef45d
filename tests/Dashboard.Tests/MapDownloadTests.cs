using System.Net;
using System.Xml.Linq;
using SkiaSharp;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>The map download over HTTP (issue 13): <c>/export/charts/map.{svg,png,csv}?cap=xa&amp;nam=2025</c> with an
/// optional area (<c>linh-vuc=</c>) or criterion (<c>ma=</c>) draws the 166 communes of the committed outlines; a level
/// without an honest map answers 400 with the reason.</summary>
[Collection(SharedDashboard.Name)]
public sealed class MapDownloadTests(DashboardApp app)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task Svg_Communes2025_166LinkedOutlines()
    {
        using var response = await app.Http.GetAsync(new Uri("/export/charts/map.svg?cap=xa&nam=2025", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("map-xa-2025.svg");
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var links = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == "ban-do").Elements(Svg + "a").ToList();
        links.Count.ShouldBe(166);
        links.Select(a => (string)a.Attribute("href")!).ShouldAllBe(href => href.StartsWith("/don-vi/thanh-hoa-", StringComparison.Ordinal) && href.EndsWith("?nam=2025", StringComparison.Ordinal));
        links.Single(a => (string?)a.Attribute("data-unit") == "thanh-hoa-xa-hoang-hoa").Value.ShouldStartWith("xã Hoằng Hóa: ");
        string.Join('\n', svg.Descendants(Svg + "text").Select(t => t.Value)).ShouldContain("Bản đồ Chỉ số CCHC — cấp xã, năm 2025");
    }

    [Fact]
    public async Task Png_Communes2025_IsTheMapAtItsSize()
    {
        using var response = await app.Http.GetAsync(new Uri("/export/charts/map.png?cap=xa&nam=2025&w=800&h=640", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        (bitmap.Width, bitmap.Height).ShouldBe((800, 640));
    }

    [Theory]
    [InlineData("", "index", "", "map-xa-2025.csv")]
    [InlineData("&linh-vuc=3", "area", "3", "map-xa-2025-linh-vuc-3.csv")]
    [InlineData("&ma=3.3", "criterion", "3.3", "map-xa-2025-tieu-chi-3.3.csv")]
    public async Task Csv_Communes2025_OneRowPerCommuneWithTheMeasure(string measure, string kind, string code, string file)
    {
        using var response = await app.Http.GetAsync(new Uri("/export/charts/map.csv?cap=xa&nam=2025" + measure, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe(file);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("year,measure,code,unit_id,unit_name,official_code,value,class,class_min,class_max");
        lines.Length.ShouldBe(167);
        lines.Skip(1).ShouldAllBe(l => l.StartsWith($"2025,{kind},{code},thanh-hoa-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cap=huyen&nam=2024", "Không có bản đồ cấp huyện năm 2024: ranh giới các huyện, thị xã, thành phố không dựng lại được trung thực từ ranh giới các xã, phường năm 2025 (chỉ 12/26 đơn vị ghép được trọn vẹn).")]
    [InlineData("cap=so&nam=2024", "Không có bản đồ sở, ban, ngành: các sở, ban, ngành không có địa giới hành chính, nên không tô màu được trên bản đồ.")]
    [InlineData("cap=xa&nam=2025&linh-vuc=9", "Không có lĩnh vực '9' trong khung minh họa 2025–2026 (năm 2025; các lĩnh vực: 1, 2, 3, 4, 5, 6, 7, 8).")]
    [InlineData("cap=xa&nam=2025&linh-vuc=3&ma=3.3", "Bản đồ tô màu theo một thứ: lĩnh vực (linh-vuc=3) hoặc tiêu chí (ma=3.3), không cả hai.")]
    public async Task Get_MapThatCannotBeDrawn_400WithTheReason(string query, string reason)
    {
        foreach (var extension in new[] { "svg", "png", "csv" })
        {
            using var response = await app.Http.GetAsync(new Uri($"/export/charts/map.{extension}?{query}", UriKind.Relative));

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, extension);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
            (await response.Content.ReadAsStringAsync()).ShouldStartWith(reason, Case.Sensitive, extension);
        }
    }

    [Fact]
    public async Task Svg_RankingWithAHighlightedCommune_NamesItInTheTitle()
    {
        using var response = await app.Http.GetAsync(new Uri("/export/charts/ranking.svg?cap=xa&nam=2025&dv=thanh-hoa-xa-hoang-hoa", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        string.Join('\n', XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Svg + "text").Select(t => t.Value))
            .ShouldMatch(@"Xếp hạng Chỉ số CCHC năm 2025 — xã Hoằng Hóa hạng \d+/166");
    }
}
