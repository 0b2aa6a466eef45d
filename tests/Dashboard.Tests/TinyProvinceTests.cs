using System.Net;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>A second province from data alone renders every page (issue 13 §1): its name, its level words, its two
/// units — and nothing of Thanh Hóa, whose name is in data/, not in the code.</summary>
[Collection(TinyProvinceDashboard.Name)]
public sealed class TinyProvinceTests(TinyProvinceDashboardApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/don-vi")]
    [InlineData("/don-vi/ba-be")]
    [InlineData("/don-vi?tim=pac nam")]
    [InlineData("/so-sanh?dv=ba-be&dv=pac-nam")]
    [InlineData("/tieu-chi")]
    [InlineData("/tieu-chi?linh-vuc=2")]
    [InlineData("/qua-cac-nam")]
    [InlineData("/bao-cao")]
    [InlineData("/bao-cao?dv=ba-be")]
    [InlineData("/du-lieu")]
    public async Task Get_EveryPage_ThatProvinceOnly(string path)
    {
        using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("Chỉ số CCHC — Bắc Kạn");
        html.ShouldNotContain("Thanh Hóa");
        html.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Get_Overview_RanksItsTwoUnitsAtItsOneLevel()
    {
        var html = WebUtility.HtmlDecode(await app.Http.GetStringAsync(new Uri("/", UriKind.Relative)));

        html.ShouldContain("Tổng quan năm 2023 — Cấp huyện");
        html.ShouldContain("huyện Ba Bể");
        html.ShouldContain("huyện Pác Nặm");
        html.ShouldContain("86,00");
        html.ShouldContain("72,00");
        html.ShouldContain("data-level=\"huyen\"");
        html.ShouldNotContain("data-level=\"xa\"");
    }

    [Theory]
    [InlineData("/export/charts/ranking.svg?nam=2023")]
    [InlineData("/export/charts/heatmap.png?nam=2023")]
    [InlineData("/export/ranking.xlsx?cap=huyen")]
    [InlineData("/export/scores.csv")]
    public async Task Get_Downloads_200(string path)
    {
        using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_RankingChart_NamesTheProvince()
    {
        var svg = await app.Http.GetStringAsync(new Uri("/export/charts/ranking.svg?nam=2023", UriKind.Relative));

        svg.ShouldContain("Ba Bể");
        svg.ShouldNotContain("Thanh Hóa");
    }
}
