using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Tổng quan with a ranking longer than the rows shown at once (set to 10 here, so the 27 districts of 2023 stand
/// in for a ministry's thousands of communes): a summary, the top and bottom ten, a search and one page of the table.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class OverviewPagingTests : DashboardContext
{
    public OverviewPagingTests(DashboardData data)
        : base(data) => Services.AddSingleton(new DashboardOptions { RankingRowsAtOnce = 10 });

    [Fact]
    public void Overview_LongRankingSecondPage_ShowsTenRowsFromRank11AndThePager()
    {
        GoTo("/?cap=huyen&nam=2023&trang=2");

        var cut = Render<Overview>();

        var rows = Html.Rows(cut.Find("[data-testid=ranking]"));
        rows.Select(r => r[0]).ShouldBe(Enumerable.Range(11, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Html.Text(cut.Find("[data-testid=pager] span")).ShouldBe("Trang 2/3 (hạng 11 – 20)");
        cut.Find("[data-testid=pager] a[rel=prev]").GetAttribute("href").ShouldBe("/?cap=huyen&nam=2023&trang=1");
        cut.Find("[data-testid=pager] a[rel=next]").GetAttribute("href").ShouldBe("/?cap=huyen&nam=2023&trang=3");
        Html.Rows(cut.Find("[data-testid=ranking-top]"))[0][..2].ShouldBe(["1", "huyện Đông Sơn dữ liệu mẫu"]);
        Html.Rows(cut.Find("[data-testid=ranking-bottom]"))[^1][..5].ShouldBe(["27", "huyện Mường Lát dữ liệu mẫu", "86,09", "100", "86,09"]);
        Html.Rows(cut.Find("[data-testid=distribution]")).Sum(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(27);
    }

    [Fact]
    public void Overview_LongRankingPageOutOfRange_ShowsTheLastPage()
    {
        GoTo("/?cap=huyen&nam=2023&trang=99");

        var cut = Render<Overview>();

        Html.Rows(cut.Find("[data-testid=ranking]")).Select(r => r[0]).ShouldBe(["21", "22", "23", "24", "25", "26", "27"]);
        cut.FindAll("[data-testid=pager] a[rel=next]").ShouldBeEmpty();
    }

    [Fact]
    public void Overview_LongRankingSearch_ShowsTheUnitsRowWithoutDiacritics()
    {
        GoTo("/?nam=2023&tim=hoang%20hoa");

        var cut = Render<Overview>();

        Html.Rows(cut.Find("[data-testid=ranking-found]")).Select(r => r[..2]).ShouldBe([["2", "huyện Hoằng Hóa dữ liệu mẫu"]]);
        cut.Find("[data-testid=ranking-search] input[name=tim]").GetAttribute("value").ShouldBe("hoang hoa");
        Html.Rows(cut.Find("[data-testid=ranking]")).Count.ShouldBe(10);
    }
}
