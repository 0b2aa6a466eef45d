using Bunit;
using CchcAnalytics.Analytics;
using CchcAnalytics.Dashboard.Components.Pages;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>The views of the 166 communes of 2025 (issue 13): the overview's summary, map and highlighted search, the
/// criteria heatmap grouped by former district, the province-over-years panels cut to the top and bottom ten; and the
/// same pages at the district and department levels, which have no map and say why.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class CommuneViewsTests(DashboardData data) : DashboardContext(data)
{
    private Ranking Communes2025 => Ranker.For(Data.Provider.Data, 2025, "thanh-hoa", "commune", Data.Provider.Options);

    [Fact]
    public void Overview_Communes2025_SummaryTopAndBottomTenAndTheMap()
    {
        GoTo("/?cap=xa&nam=2025");

        var cut = Render<Overview>();

        var ranking = Communes2025;
        cut.Find("h2").TextContent.ShouldBe("Xếp hạng 166 đơn vị");
        Html.Rows(cut.Find("[data-testid=distribution]")).Sum(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(166);
        Html.Rows(cut.Find("[data-testid=ranking-top]")).Select(r => r[1]).ShouldBe(ranking.Units.Take(10).Select(u => u.Result.Unit.FullName + " dữ liệu mẫu"));
        Html.Rows(cut.Find("[data-testid=ranking-bottom]")).Select(r => r[1]).ShouldBe(ranking.Units.TakeLast(10).Select(u => u.Result.Unit.FullName + " dữ liệu mẫu"));
        Html.Rows(cut.Find("[data-testid=ranking-bottom]"))[^1][0].ShouldBe("166");

        // The ranking chart is the distribution (more than 40 units); the map of the index follows the summary.
        ChartOf(cut.Find("[data-testid=chart-ranking]")).Notes.ShouldContain(n => n.StartsWith("Với 166 đơn vị", StringComparison.Ordinal));
        var map = cut.Find("[data-testid=map-section]");
        map.QuerySelector("h2")!.TextContent.ShouldBe("Bản đồ");
        map.QuerySelector("img")!.GetAttribute("src").ShouldBe("/export/charts/map.svg?cap=xa&nam=2025");
        ChartOf(map.QuerySelector("[data-testid=chart-map]")!).Title.ShouldBe("Bản đồ Chỉ số CCHC — cấp xã, năm 2025");
        // Each commune is a linked outline over the picture, named with its index.
        var shapes = map.QuerySelectorAll("[data-testid=chart-shape]");
        shapes.Length.ShouldBe(166);
        var hoangHoa = shapes.Single(s => s.GetAttribute("data-unit") == "thanh-hoa-xa-hoang-hoa");
        hoangHoa.GetAttribute("href").ShouldBe("/don-vi/thanh-hoa-xa-hoang-hoa?nam=2025");
        hoangHoa.GetAttribute("aria-label").ShouldBe($"xã Hoằng Hóa: {Core.VietnameseText.Percent(ranking.Find("thanh-hoa-xa-hoang-hoa")!.Index)}");
        map.QuerySelectorAll("[data-testid=map-none]").ShouldBeEmpty();
        // Index, then the areas, then the criteria of the year's framework.
        var options = map.QuerySelectorAll("select[name=ma] option").Select(o => o.GetAttribute("value")).ToList();
        options[0].ShouldBe("");
        options.ShouldContain("3");
        options.ShouldContain("3.3");
    }

    [Fact]
    public void Overview_Communes2025Search_HighlightsTheFoundUnitInTheRankingChart()
    {
        GoTo("/?cap=xa&nam=2025&tim=hoang%20hoa");

        var cut = Render<Overview>();

        var hoangHoa = Communes2025.Find("thanh-hoa-xa-hoang-hoa")!;
        var figure = cut.Find("[data-testid=chart-ranking]");
        figure.QuerySelector("img")!.GetAttribute("src").ShouldBe("/export/charts/ranking.svg?cap=xa&nam=2025&dv=thanh-hoa-xa-hoang-hoa");
        ChartOf(figure).Title.ShouldBe($"Xếp hạng Chỉ số CCHC năm 2025 — xã Hoằng Hóa hạng {hoangHoa.Rank}/166");
        Html.Text(cut.Find("[data-testid=ranking-highlight]")).ShouldBe($"Biểu đồ đánh dấu xã Hoằng Hóa (hạng {hoangHoa.Rank}/166) bằng màu đỏ cam.");
        Html.Rows(cut.Find("[data-testid=ranking-found]")).Select(r => r[1]).ShouldBe(["xã Hoằng Hóa dữ liệu mẫu"]);
    }

    [Theory]
    [InlineData("&ma=3", "&linh-vuc=3", "Bản đồ lĩnh vực 3.")]
    [InlineData("&linh-vuc=3", "&linh-vuc=3", "Bản đồ lĩnh vực 3.")]
    [InlineData("&ma=3.3", "&ma=3.3", "Bản đồ tiêu chí 3.3 ")]
    public void Overview_MapByAreaOrCriterion_DrawsThatMapAndSelectsIt(string asked, string drawn, string title)
    {
        GoTo("/?cap=xa&nam=2025" + asked);

        var cut = Render<Overview>();

        var figure = cut.Find("[data-testid=chart-map]");
        figure.QuerySelector("img")!.GetAttribute("src").ShouldBe("/export/charts/map.svg?cap=xa&nam=2025" + drawn);
        ChartOf(figure).Title.ShouldStartWith(title);
        cut.Find("select[name=ma] option[selected]").GetAttribute("value").ShouldBe(asked.Split('=')[1]);
        cut.FindAll("[data-testid=page-notice]").ShouldBeEmpty();
    }

    [Fact]
    public void Overview_MapCodeNotInTheFramework_SaysSoAndMapsTheIndex()
    {
        GoTo("/?cap=xa&nam=2025&ma=9.9");

        var cut = Render<Overview>();

        cut.Markup.ShouldContain("Không có lĩnh vực hoặc tiêu chí “9.9” trong khung minh họa 2025–2026 để tô bản đồ. Bản đồ đang tô theo Chỉ số CCHC.");
        cut.Find("[data-testid=chart-map] img").GetAttribute("src").ShouldBe("/export/charts/map.svg?cap=xa&nam=2025");
    }

    [Theory]
    [InlineData("/?cap=huyen&nam=2024", "Không có bản đồ cấp huyện năm 2024: ranh giới các huyện, thị xã, thành phố không dựng lại được trung thực từ ranh giới các xã, phường năm 2025 (chỉ 12/26 đơn vị ghép được trọn vẹn).")]
    [InlineData("/?cap=so&nam=2024", "Không có bản đồ sở, ban, ngành: các sở, ban, ngành không có địa giới hành chính, nên không tô màu được trên bản đồ.")]
    public void Overview_LevelWithoutAMap_SaysWhyInOneLine(string path, string reason)
    {
        GoTo(path);

        var cut = Render<Overview>();

        Html.Text(cut.Find("[data-testid=map-none]")).ShouldBe(reason);
        cut.FindAll("[data-testid=chart-map]").ShouldBeEmpty();
        cut.FindAll("[data-testid=map-picker]").ShouldBeEmpty();
    }

    [Fact]
    public void Criteria_Communes2025_GroupedByFormerDistrictInAScrollingTable()
    {
        GoTo("/tieu-chi?cap=xa&nam=2025");

        var cut = Render<Criteria>();

        var table = cut.Find("[data-testid=heatmap]");
        var groups = table.QuerySelectorAll("[data-testid=criteria-group]");
        var byGroup = new Dictionary<string, List<string>>();
        string? current = null;
        foreach (var row in table.QuerySelectorAll("tbody tr"))
        {
            if (row.GetAttribute("data-testid") == "criteria-group")
            {
                current = row.GetAttribute("data-group")!;
                byGroup[current] = [];
            }
            else
            {
                byGroup[current!].Add(row.GetAttribute("data-unit")!);
            }
        }

        // Every commune at least once; the 26 former district-level units of 2024 and the communes no source places.
        byGroup.Values.SelectMany(v => v).Distinct().Count().ShouldBe(166);
        byGroup.Keys.Count.ShouldBe(27);
        Html.Text(groups.Single(g => g.GetAttribute("data-group") == "hoang-hoa")).ShouldStartWith("Khu vực huyện cũ Hoằng Hóa (");
        Html.Text(groups.Single(g => g.GetAttribute("data-group") == "bim-son")).ShouldStartWith("Khu vực thị xã cũ Bỉm Sơn (");
        Html.Text(groups[^1]).ShouldStartWith("Chưa rõ khu vực huyện cũ");
        byGroup["hoang-hoa"].ShouldContain("thanh-hoa-xa-hoang-hoa");
        byGroup["chua-ro"].ShouldBe(["thanh-hoa-xa-phu-xuan"]);
        // A commune formed from two former districts is under both, and says so.
        byGroup["bim-son"].ShouldContain("thanh-hoa-phuong-bim-son");
        byGroup["ha-trung"].ShouldContain("thanh-hoa-phuong-bim-son");
        Html.Text(table.QuerySelectorAll("tr[data-unit=thanh-hoa-phuong-bim-son] td")[0]).ShouldContain("cũng ở khu vực huyện cũ Hà Trung");
        // Within a group, best first.
        var index = Data.Provider.Data.ResultsOf(2025, "thanh-hoa", "commune").ToDictionary(r => r.Unit.Id, r => r.Index!.Value);
        byGroup["hoang-hoa"].Select(id => index[id]).ShouldBeInOrder(SortDirection.Descending);

        // 166 rows: no heatmap picture, the table is the heatmap and scrolls in its box; a link to the map.
        cut.FindAll("[data-testid=chart-heatmap]").ShouldBeEmpty();
        Html.Text(cut.Find("[data-testid=heatmap-replaced]")).ShouldStartWith("Với 166 đơn vị, biểu đồ nhiệt quá dày để đọc trên trang");
        table.ParentElement!.ClassList.ShouldContain("tall");
        cut.Find("[data-testid=criteria-map-link] a").GetAttribute("href").ShouldBe("/?cap=xa&nam=2025#ban-do");
    }

    [Fact]
    public void Criteria_CommunesArea3_LinksTheAreasMap()
    {
        GoTo("/tieu-chi?cap=xa&nam=2025&linh-vuc=3");

        var cut = Render<Criteria>();

        var link = cut.Find("[data-testid=criteria-map-link] a");
        link.GetAttribute("href").ShouldBe("/?cap=xa&nam=2025&linh-vuc=3#ban-do");
        Html.Text(link).ShouldBe("Xem lĩnh vực 3 của các xã, phường trên bản đồ");
    }

    [Fact]
    public void Criteria_Districts2023_UngroupedWithTheHeatmapPictureAndNoMap()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2023");

        var cut = Render<Criteria>();

        cut.FindAll("[data-testid=criteria-group]").ShouldBeEmpty();
        cut.FindAll("[data-testid=chart-heatmap]").Count.ShouldBe(1);
        cut.FindAll("[data-testid=criteria-map-link]").ShouldBeEmpty();
        Html.Rows(cut.Find("[data-testid=heatmap]")).Count.ShouldBe(27);
    }

    [Fact]
    public void Years_Communes_PanelsOnlyForTheTopAndBottomTenAndTheSearchedUnit()
    {
        GoTo("/qua-cac-nam?cap=xa&tim=hoang%20hoa");

        var cut = Render<YearsPage>();

        var panels = cut.FindAll("[data-testid^=panel-]").Select(p => p.GetAttribute("data-testid")!).ToList();
        panels.Count.ShouldBe(21);
        panels.ShouldContain("panel-thanh-hoa-xa-hoang-hoa");
        Html.Text(cut.Find("[data-testid=panels-limited]")).ShouldStartWith("166 đơn vị là quá nhiều biểu đồ nhỏ cho một trang: ở đây chỉ có 10 đơn vị đứng đầu và 10 đơn vị đứng cuối năm 2026 và đơn vị tìm được.");
        cut.Find("[data-testid=panels-search] input[name=tim]").GetAttribute("value").ShouldBe("hoang hoa");
        // The table has every unit, scrolling in its box.
        cut.FindAll("[data-testid=years-table] tbody tr").Count.ShouldBe(166);
        cut.Find("[data-testid=years-table]").ParentElement!.ClassList.ShouldContain("tall");
        // 166 lines in one bump chart are a blot: a note and the downloads instead.
        cut.FindAll("[data-testid=chart-rank-bump]").ShouldBeEmpty();
        Html.Text(cut.Find("[data-testid=rank-bump-replaced]")).ShouldStartWith("Với 166 đơn vị, biểu đồ thứ hạng có quá nhiều đường để đọc trên trang");
    }

    [Fact]
    public void Years_Districts_APanelForEveryUnit()
    {
        GoTo("/qua-cac-nam?cap=huyen");

        var cut = Render<YearsPage>();

        cut.FindAll("[data-testid=panels-limited]").ShouldBeEmpty();
        cut.FindAll("[data-testid=chart-rank-bump]").Count.ShouldBe(1);
        cut.FindAll("[data-testid^=panel-]").Count.ShouldBe(cut.FindAll("[data-testid=years-table] tbody tr").Count);
    }

    [Fact]
    public void ChartFigure_RankingOfTheDepartments_MarksTheDepartmentsOfTheLevelAsked()
    {
        // The marks read cap= as the download does: before, they were the default level's (another level's units).
        var ranking = Ranker.For(Data.Provider.Data, 2024, "thanh-hoa", "department", Data.Provider.Options);

        var cut = Render<Shared.ChartFigure>(p => p.Add(c => c.Kind, "ranking").Add(c => c.Query, "cap=so&nam=2024"));

        cut.FindAll("[data-testid=chart-marks] a.mark").Select(a => a.GetAttribute("href"))
            .ShouldBe(ranking.Units.Select(u => $"/don-vi/{u.Result.Unit.Id}?nam=2024"));
    }
}
