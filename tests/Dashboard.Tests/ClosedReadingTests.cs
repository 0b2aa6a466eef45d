using System.Net;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>A province that sets <c>Cchc:OpenReading</c> to false: nothing is readable without signing in (pages and
/// exports send an anonymous reader to the sign-in page, without any data), while the sign-in page and the static
/// files stay reachable so that signing in is possible; any signed-in account then reads.</summary>
[Collection(ClosedReadingDashboard.Name)]
public sealed class ClosedReadingTests(ClosedReadingDashboardApp app)
{
    [Theory]
    [InlineData("/", "%2F")]
    [InlineData("/don-vi/hoang-hoa?nam=2017", "%2Fdon-vi%2Fhoang-hoa%3Fnam%3D2017")]
    [InlineData("/du-lieu", "%2Fdu-lieu")]
    [InlineData("/export/scores.csv", "%2Fexport%2Fscores.csv")]
    [InlineData("/export/charts/ranking.png?nam=2017", "%2Fexport%2Fcharts%2Franking.png%3Fnam%3D2017")]
    public async Task Get_Anonymous_SentToSignInWithoutData(string path, string back)
    {
        using var client = await TestAccounts.ClientAsync(app, null);

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe($"/dang-nhap?quay-lai={back}");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Hoằng Hóa");
    }

    [Theory]
    [InlineData("/dang-nhap")]
    [InlineData("/app.css")]
    public async Task Get_AnonymousSignInPageAndStyles_Served(string path)
    {
        using var client = await TestAccounts.ClientAsync(app, null);

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_SignedInViewer_ReadsThePagesAndTheRealReport()
    {
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Viewer);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/don-vi/hoang-hoa?nam=2017"));
        page.ShouldContain("92/100 điểm");
        using var folder = TestFiles.NewTempFolder();
        var csv = folder.File("scores.csv");
        await File.WriteAllBytesAsync(csv, await client.GetByteArrayAsync("/export/scores.csv"));
        var (_, rows) = ScoresCsv.Read(csv);
        rows.Count.ShouldBe(111); // the real report only: this instance has no sample
        rows.ShouldAllBe(r => r["unit_id"] == "hoang-hoa" && r["year"] == "2017");
        rows.Single(r => r["code"] == "7.1.4")["points"].ShouldBe("0");
    }
}
