using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Tiêu chí: units × areas, one area's criteria (<c>linh-vuc</c>), and one criterion's history across units
/// through the crosswalk (<c>khai-niem</c>), all chosen by the URL.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class CriteriaTests(DashboardData data) : DashboardContext(data)
{
    [Fact]
    public void Criteria_2019NoArea_ColumnsAreTheEightAreasLinkingOneLevelDown()
    {
        GoTo("/tieu-chi?nam=2019");

        var cut = Render<Criteria>();

        Html.Text(cut.Find("h1")).ShouldBe("Tiêu chí — năm 2019 dữ liệu mẫu");
        var heatmap = cut.Find("[data-testid=heatmap]");
        Html.Header(heatmap).ShouldBe(["Đơn vị", "1", "2", "3", "4", "5", "6", "7", "8"]);
        heatmap.QuerySelectorAll("thead a").Select(a => a.GetAttribute("href"))
            .ShouldBe(Enumerable.Range(1, 8).Select(i => FormattableString.Invariant($"/tieu-chi?nam=2019&linh-vuc={i}")));
        Html.Rows(heatmap).Count.ShouldBe(27);
        cut.Find("[data-testid=criteria-picker] select[name=linh-vuc] option[selected]").TextContent.ShouldBe("Các lĩnh vực");
        cut.FindAll("[data-testid=concept-history]").ShouldBeEmpty();
        cut.Find("figure[data-testid=chart-heatmap] img").GetAttribute("src").ShouldBe("/export/charts/heatmap.svg?nam=2019");
    }

    [Fact]
    public void Criteria_Area7_ColumnsAreItsCriteriaLinkingToTheirConcepts()
    {
        GoTo("/tieu-chi?nam=2019&linh-vuc=7");

        var cut = Render<Criteria>();

        var heatmap = cut.Find("[data-testid=heatmap]");
        Html.Header(heatmap)[1..].ShouldBe(["7.1", "7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5", "7.2", "7.2.1", "7.2.2", "7.2.3"]);
        heatmap.QuerySelector("thead a[href$='khai-niem=online-services-level-3']")!.TextContent.ShouldBe("7.1.4");
        heatmap.QuerySelectorAll("thead a").ShouldAllBe(a => a.GetAttribute("href")!.StartsWith("/tieu-chi?nam=2019&linh-vuc=7&khai-niem=", StringComparison.Ordinal));
        // The picker keeps the drill-down: submitting it again gives the same address.
        Html.SubmittedQuery(cut.Find("form[data-testid=criteria-picker]")).ShouldBe("nam=2019&linh-vuc=7");
        Html.SubmittedQuery(cut.Find("form[data-testid=criteria-picker]"), new Dictionary<string, string> { ["nam"] = "2018" }).ShouldBe("nam=2018&linh-vuc=7");
        var chart = cut.Find("figure[data-testid=chart-heatmap]");
        chart.QuerySelector("img")!.GetAttribute("src").ShouldBe("/export/charts/heatmap.svg?nam=2019&ma=7");
        ChartOf(chart).Table.ShouldNotBeNull();
    }

    [Fact]
    public void Criteria_Area7Concept_HistoryAcrossUnitsAndYears()
    {
        GoTo("/tieu-chi?nam=2019&linh-vuc=7&khai-niem=online-services-level-3");

        var cut = Render<Criteria>();

        Html.Text(cut.Find("section h2")).ShouldBe("Lịch sử: Mức độ cung cấp dịch vụ công trực tuyến mức độ 3");
        var history = cut.Find("[data-testid=concept-history]");
        Html.Header(history).ShouldBe(["Đơn vị", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        var rows = Html.Rows(history);
        rows.Count.ShouldBe(27);
        // Hoằng Hóa's real 2017 report: 7.1.4 got 0 of 2 points.
        rows.Single(r => r[0] == "huyện Hoằng Hóa")[1].ShouldBe("0");
        cut.Find("figure[data-testid=chart-concept-history] img").GetAttribute("src").ShouldBe("/export/charts/concept-history.svg?ma=online-services-level-3");
        cut.FindAll("p.note").Select(Html.Text).ShouldContain("Điểm chuẩn của “Mức độ cung cấp dịch vụ công trực tuyến mức độ 3” thay đổi (2 → 3): so sánh theo % điểm chuẩn.");
    }

    [Fact]
    public void Criteria_UnknownConcept_NoHistorySection()
    {
        GoTo("/tieu-chi?nam=2019&linh-vuc=7&khai-niem=khong-co");

        var cut = Render<Criteria>();

        cut.FindAll("[data-testid=concept-history]").ShouldBeEmpty();
        Html.Rows(cut.Find("[data-testid=heatmap]")).Count.ShouldBe(27);
    }
}
