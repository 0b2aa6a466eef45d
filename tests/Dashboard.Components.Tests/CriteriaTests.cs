using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Tiêu chí: units × areas, drilled to one area's criteria (<c>linh-vuc</c>) and one criterion's sub-criteria
/// (<c>tieu-chi</c>), and one criterion's history across units through the crosswalk (<c>khai-niem</c>), all chosen by
/// the URL.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class CriteriaTests(DashboardData data) : DashboardContext(data)
{
    [Fact]
    public void Criteria_2019NoArea_ColumnsAreTheEightAreasLinkingOneLevelDown()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2019");

        var cut = Render<Criteria>();

        Html.Text(cut.Find("h1")).ShouldBe("Tiêu chí — năm 2019 — Cấp huyện dữ liệu mẫu");
        var heatmap = cut.Find("[data-testid=heatmap]");
        Html.Header(heatmap).ShouldBe(["Đơn vị", "1", "2", "3", "4", "5", "6", "7", "8"]);
        heatmap.QuerySelectorAll("thead a").Select(a => a.GetAttribute("href"))
            .ShouldBe(Enumerable.Range(1, 8).Select(i => FormattableString.Invariant($"/tieu-chi?cap=huyen&nam=2019&linh-vuc={i}")));
        Html.Rows(heatmap).Count.ShouldBe(27);
        cut.Find("[data-testid=criteria-picker] select[name=linh-vuc] option[selected]").TextContent.ShouldBe("Các lĩnh vực");
        cut.FindAll("[data-testid=concept-history]").ShouldBeEmpty();
        cut.Find("figure[data-testid=chart-heatmap] img").GetAttribute("src").ShouldBe("/export/charts/heatmap.svg?cap=huyen&nam=2019");
    }

    [Fact]
    public void Criteria_Area7_ColumnsAreItsCriteriaLinkingOneLevelDown()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2019&linh-vuc=7");

        var cut = Render<Criteria>();

        var heatmap = cut.Find("[data-testid=heatmap]");
        Html.Header(heatmap)[1..].ShouldBe(["7.1", "7.2"]);
        heatmap.QuerySelectorAll("thead a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/tieu-chi?cap=huyen&nam=2019&linh-vuc=7&tieu-chi=7.1", "/tieu-chi?cap=huyen&nam=2019&linh-vuc=7&tieu-chi=7.2"]);
        cut.FindAll("[data-testid=criteria-crumbs] a").Select(a => (Html.Text(a), a.GetAttribute("href")))
            .ShouldBe([("Các lĩnh vực", "/tieu-chi?cap=huyen&nam=2019"), ("Lĩnh vực 7", "/tieu-chi?cap=huyen&nam=2019&linh-vuc=7")]);
        Html.Text(cut.Find("[data-testid=criteria-current]")).ShouldStartWith("7. HIỆN ĐẠI HÓA HÀNH CHÍNH (tối đa 13 điểm)");
        // The picker keeps the drill-down: submitting it again gives the same address.
        Html.SubmittedQuery(cut.Find("form[data-testid=criteria-picker]")).ShouldBe("cap=huyen&nam=2019&linh-vuc=7");
        Html.SubmittedQuery(cut.Find("form[data-testid=criteria-picker]"), new Dictionary<string, string> { ["nam"] = "2018" }).ShouldBe("cap=huyen&nam=2018&linh-vuc=7");
        var chart = cut.Find("figure[data-testid=chart-heatmap]");
        chart.QuerySelector("img")!.GetAttribute("src").ShouldBe("/export/charts/heatmap.svg?cap=huyen&nam=2019&ma=7");
        ChartOf(chart).Table.Column("code").Distinct().ShouldBe(["7.1", "7.2"]);
    }

    [Fact]
    public void Criteria_Criterion71In2017_SubCriteriaWithTheRealHoangHoaRowUnmarked()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2017&linh-vuc=7&tieu-chi=7.1");

        var cut = Render<Criteria>();

        var heatmap = cut.Find("[data-testid=heatmap]");
        Html.Header(heatmap)[1..].ShouldBe(["7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5"]);
        // Leaves open their history; the address keeps the level.
        heatmap.QuerySelectorAll("thead a").ShouldAllBe(a => a.GetAttribute("href")!.StartsWith("/tieu-chi?cap=huyen&nam=2017&linh-vuc=7&tieu-chi=7.1&khai-niem=", StringComparison.Ordinal));
        heatmap.QuerySelector("thead a[href$='khai-niem=online-services-level-3']")!.TextContent.ShouldBe("7.1.4");
        cut.FindAll("[data-testid=criteria-crumbs] a").Select(Html.Text).ShouldBe(["Các lĩnh vực", "Lĩnh vực 7", "Tiêu chí 7.1"]);
        Html.Text(cut.Find("[data-testid=criteria-current]")).ShouldStartWith("7.1. Ứng dụng công nghệ thông tin của cấp huyện (tối đa 10 điểm)");
        cut.Find("[data-testid=criteria-history-link]").GetAttribute("href").ShouldStartWith("/tieu-chi?cap=huyen&nam=2017&linh-vuc=7&tieu-chi=7.1&khai-niem=");
        cut.Find("figure[data-testid=chart-heatmap] img").GetAttribute("src").ShouldBe("/export/charts/heatmap.svg?cap=huyen&nam=2017&ma=7.1");

        // 293/BC-UBND: 7.1.1 2/2, 7.1.2 1/1, 7.1.3 1,5/2, 7.1.4 0/2, 7.1.5 0/3 — the only real row, without the sample badge.
        var rows = heatmap.QuerySelectorAll("tbody tr");
        rows.Length.ShouldBe(27);
        var hoangHoa = rows.Single(r => r.QuerySelector("td a")!.TextContent == "huyện Hoằng Hóa");
        hoangHoa.QuerySelectorAll("td").Skip(1).Select(Html.Text).ShouldBe(["100,00", "100,00", "75,00", "0,00", "0,00"]);
        hoangHoa.QuerySelectorAll(".badge.sample").ShouldBeEmpty();
        rows.Where(r => r != hoangHoa).ShouldAllBe(r => r.QuerySelectorAll(".badge.sample").Length == 1);
    }

    [Fact]
    public void Criteria_CriterionOfAnotherArea_StaysAtTheAreaLevel()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2017&linh-vuc=7&tieu-chi=8.1");

        var cut = Render<Criteria>();

        Html.Header(cut.Find("[data-testid=heatmap]"))[1..].ShouldBe(["7.1", "7.2"]);
        cut.FindAll("[data-testid=criteria-crumbs] a").Count.ShouldBe(2);
    }

    [Fact]
    public void Criteria_Area7Concept_HistoryAcrossUnitsAndYears()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2019&linh-vuc=7&khai-niem=online-services-level-3");

        var cut = Render<Criteria>();

        Html.Text(cut.Find("section h2")).ShouldBe("Lịch sử: Mức độ cung cấp dịch vụ công trực tuyến mức độ 3");
        var history = cut.Find("[data-testid=concept-history]");
        Html.Header(history).ShouldBe(["Đơn vị", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        var rows = Html.Rows(history);
        rows.Count.ShouldBe(27);
        // Hoằng Hóa's real 2017 report: 7.1.4 got 0 of 2 points.
        rows.Single(r => r[0] == "huyện Hoằng Hóa")[1].ShouldBe("0,00");
        cut.Find("figure[data-testid=chart-concept-history] img").GetAttribute("src").ShouldBe("/export/charts/concept-history.svg?cap=huyen&ma=online-services-level-3");
        cut.FindAll("p.note").Select(Html.Text).ShouldContain("Điểm chuẩn của “Mức độ cung cấp dịch vụ công trực tuyến mức độ 3” thay đổi (2 → 3): so sánh theo % điểm chuẩn.");
    }

    /// <summary>The table lists the units the chart draws (issue 16 §3: Đông Sơn, ended in 2023, was missing from the table
    /// of 2024 while the chart had it).</summary>
    [Fact]
    public void Criteria_ConceptHistoryIn2024_TableAndChartListTheSameUnits()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2024&khai-niem=online-services-level-3");

        var cut = Render<Criteria>();

        var rows = Html.Rows(cut.Find("[data-testid=concept-history]"));
        var chart = ChartOf(cut.Find("figure[data-testid=chart-concept-history]"));
        var chartUnits = chart.Table.Rows.Select(r => (string)r[1]!).Distinct().ToList();
        rows.Count.ShouldBe(chartUnits.Count);
        rows.Count.ShouldBe(27);
        var dongSon = rows.Single(r => r[0] == "huyện Đông Sơn");
        dongSon[^1].ShouldBe("");
        dongSon[1].ShouldNotBe("");
    }

    [Fact]
    public void Criteria_UnknownConcept_NoHistorySection()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2019&linh-vuc=7&khai-niem=khong-co");

        var cut = Render<Criteria>();

        cut.FindAll("[data-testid=concept-history]").ShouldBeEmpty();
        Html.Rows(cut.Find("[data-testid=heatmap]")).Count.ShouldBe(27);
    }
}
