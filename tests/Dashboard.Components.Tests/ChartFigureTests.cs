using Bunit;
using CchcAnalytics.Charts;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Components.Shared;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>A chart figure: the SVG picture and its PNG, SVG and CSV downloads, all with the page's query.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class ChartFigureTests(DashboardData data) : DashboardContext(data)
{
    [Fact]
    public void ChartFigure_RankingOf2023_PictureAndThreeDownloadsWithTheQuery()
    {
        var cut = Render<ChartFigure>(p => p
            .Add(c => c.Kind, "ranking")
            .Add(c => c.Query, "nam=2023")
            .Add(c => c.Alt, "Biểu đồ xếp hạng năm 2023"));

        var figure = cut.Find("figure[data-testid=chart-ranking]");
        var img = figure.QuerySelector("img")!;
        img.GetAttribute("src").ShouldBe("/export/charts/ranking.svg?nam=2023");
        img.GetAttribute("alt").ShouldBe("Biểu đồ xếp hạng năm 2023");
        img.GetAttribute("loading").ShouldBe("lazy");
        var links = figure.QuerySelectorAll("figcaption a");
        links.Select(a => (a.TextContent, a.GetAttribute("href"))).ShouldBe(
        [
            ("PNG", "/export/charts/ranking.png?nam=2023"),
            ("SVG", "/export/charts/ranking.svg?nam=2023"),
            ("dữ liệu (CSV)", "/export/charts/ranking.csv?nam=2023"),
        ]);
        links.ShouldAllBe(a => a.HasAttribute("download"));
        ChartOf(figure).Title.ShouldBe("Xếp hạng Chỉ số CCHC năm 2023");
    }

    [Fact]
    public void ChartFigure_SeveralUnits_QueryKeptWholeAndEscapedOnce()
    {
        var cut = Render<ChartFigure>(p => p.Add(c => c.Kind, "compare-areas").Add(c => c.Query, "nam=2023&dv=hoang-hoa&dv=muong-lat"));

        cut.Find("a[download]").GetAttribute("href").ShouldBe("/export/charts/compare-areas.png?nam=2023&dv=hoang-hoa&dv=muong-lat");
        cut.Markup.ShouldContain("compare-areas.csv?nam=2023&amp;dv=hoang-hoa&amp;dv=muong-lat");
        var spec = ChartOf(cut.Find("figure"));
        spec.Kind.ShouldBe(ChartKind.CompareAreas);
        spec.Title.ShouldContain("2023");
    }

    [Fact]
    public void ChartFigure_OnOverview2023_EveryFigureIsAChartTheExportEndpointDraws()
    {
        GoTo("/?nam=2023");

        var cut = Render<Overview>();

        var figures = cut.FindComponents<ChartFigure>();
        figures.Select(f => (f.Instance.Kind, f.Instance.Query)).ShouldBe([("ranking", "cap=huyen&nam=2023"), ("area-distribution", "cap=huyen&nam=2023")]);
        foreach (var figure in cut.FindAll("figure.chart"))
        {
            var spec = ChartOf(figure);
            spec.Title.ShouldContain("2023");
            // 27 units, all of them the calibrated sample, so the chart says so too.
            (spec.Status.Results, spec.Status.Synthetic).ShouldBe((27, 27));
            spec.Subtitle.ShouldContain("dữ liệu mẫu");
        }
    }
}
