using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Tiêu chí with more units than the rows shown at once (10 here, so the 27 districts of 2023 stand in for a
/// national deployment's thousands): the heatmap table is paged by index, coloured on the scale of every unit; the
/// communes, grouped by former district, are not paged.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class CriteriaPagingTests : DashboardContext
{
    public CriteriaPagingTests(DashboardData data)
        : base(data) => Services.AddSingleton(new DashboardOptions { RankingRowsAtOnce = 10 });

    [Fact]
    public void Criteria_LongLevelLastPage_TheLastUnitsByIndexAndThePager()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2023&trang=3");

        var cut = Render<Criteria>();

        var units = cut.FindAll("[data-testid=heatmap] tbody tr[data-unit]").Select(r => r.GetAttribute("data-unit")).ToList();
        units.Count.ShouldBe(7);
        units[^1].ShouldBe("muong-lat");
        Html.Text(cut.Find("[data-testid=criteria-pager] span")).ShouldBe("Trang 3/3 (đơn vị thứ 21 – 27 theo chỉ số, trong 27 đơn vị)");
        cut.Find("[data-testid=criteria-pager] a[rel=prev]").GetAttribute("href").ShouldBe("/tieu-chi?cap=huyen&nam=2023&trang=2");
        cut.FindAll("[data-testid=criteria-pager] a[rel=next]").ShouldBeEmpty();
    }

    [Fact]
    public void Criteria_LongLevelFirstPage_TheBestTenFirst()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2023&linh-vuc=7");

        var cut = Render<Criteria>();

        var units = cut.FindAll("[data-testid=heatmap] tbody tr[data-unit]").Select(r => r.GetAttribute("data-unit")).ToList();
        units.Count.ShouldBe(10);
        units[0].ShouldBe("dong-son");
        cut.Find("[data-testid=criteria-pager] a[rel=next]").GetAttribute("href").ShouldBe("/tieu-chi?cap=huyen&nam=2023&linh-vuc=7&trang=2");
    }

    [Fact]
    public void Criteria_PageOutOfRange_TheLastPageWithANotice()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2023&trang=99");

        var cut = Render<Criteria>();

        cut.FindAll("[data-testid=heatmap] tbody tr[data-unit]").Count.ShouldBe(7);
        cut.Markup.ShouldContain("Không có trang “99” của bảng (có 3 trang). Đang hiển thị trang 3.");
    }

    [Fact]
    public void Criteria_Communes2025_GroupedByFormerDistrictNotPaged()
    {
        GoTo("/tieu-chi?cap=xa&nam=2025");

        var cut = Render<Criteria>();

        cut.FindAll("[data-testid=criteria-pager]").ShouldBeEmpty();
        cut.FindAll("[data-testid=heatmap] tbody tr[data-unit]").Select(r => r.GetAttribute("data-unit")).Distinct().Count().ShouldBe(166);
    }

    [Fact]
    public void Criteria_LongLevelHistory_PagedByNameOnItsOwnPageNumber()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2023&linh-vuc=7&khai-niem=online-services-level-3&trang-lich-su=2");

        var cut = Render<Criteria>();

        Html.Rows(cut.Find("[data-testid=concept-history]")).Count.ShouldBe(10);
        Html.Text(cut.Find("[data-testid=history-pager] span")).ShouldStartWith("Trang 2/3 (đơn vị thứ 11 – 20 theo tên, trong 2");
        cut.Find("[data-testid=history-pager] a[rel=next]").GetAttribute("href")
            .ShouldBe("/tieu-chi?cap=huyen&nam=2023&linh-vuc=7&khai-niem=online-services-level-3&trang-lich-su=3");
        // The heatmap keeps its first page.
        cut.FindAll("[data-testid=heatmap] tbody tr[data-unit]")[0].GetAttribute("data-unit").ShouldBe("dong-son");
        // The chart above the table draws the same ten units (dv=…), not every unit of the level.
        var chart = cut.FindAll("img.chart").Single(i => i.GetAttribute("src")!.StartsWith("/export/charts/concept-history.svg?", StringComparison.Ordinal));
        var units = chart.GetAttribute("src")!.Split('&').Where(p => p.StartsWith("dv=", StringComparison.Ordinal)).ToList();
        units.Count.ShouldBe(10);
        units.Distinct().Count().ShouldBe(10);
        chart.GetAttribute("alt")!.ShouldEndWith(", trang 2/3");
    }

    [Fact]
    public void Criteria_HistoryPageNotANumber_TheFirstPageWithANotice()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2023&linh-vuc=7&khai-niem=online-services-level-3&trang-lich-su=abc");

        var cut = Render<Criteria>();

        Html.Text(cut.Find("[data-testid=history-pager] span")).ShouldStartWith("Trang 1/3 ");
        cut.Markup.ShouldContain("Không có trang “abc” của bảng lịch sử (có 3 trang). Đang hiển thị trang 1.");
    }
}
