using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Components.Shared;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>So sánh: 2–6 units (<c>dv</c>, repeated) side by side, chosen with checkboxes in a GET form.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class CompareTests(DashboardData data) : DashboardContext(data)
{
    private static readonly string[] Six = ["hoang-hoa", "muong-lat", "dong-son", "nga-son", "ha-trung", "vinh-loc"];

    [Fact]
    public void Compare_TwoUnits2023_ColumnsChartsAndCheckedBoxes()
    {
        GoTo("/so-sanh?nam=2023&dv=hoang-hoa&dv=muong-lat");

        var cut = Render<Compare>();

        var areas = cut.Find("[data-testid=compare-areas]");
        // 2023 is sample data for both: each column says so.
        Html.Header(areas).ShouldBe(["Lĩnh vực", "huyện Hoằng Hóa dữ liệu mẫu", "huyện Mường Lát dữ liệu mẫu", "Trung vị tỉnh"]);
        Html.Rows(areas).Single(r => r[0] == "Chỉ số").ShouldBe(["Chỉ số", "91,92 (2/27)", "86,09 (27/27)", ""]);
        var trends = Html.Rows(cut.Find("[data-testid=compare-trends]"));
        trends.Select(r => r[0]).ShouldBe(["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        trends[0][1].ShouldBe("92,00 (tự chấm)"); // the real 2017 report, unmarked as sample, marked as self-assessed
        trends[0][2].ShouldEndWith("*");
        trends.Skip(1).ShouldAllBe(r => r[1].EndsWith('*') && r[2].EndsWith('*'));
        Html.Text(cut.Find("[data-testid=compare-sample-note]")).ShouldBe("* dữ liệu mẫu (không phải số liệu thật).");
        cut.FindComponents<ChartFigure>().Select(f => (f.Instance.Kind, f.Instance.Query)).ShouldBe(
            [("compare-areas", "cap=huyen&nam=2023&dv=hoang-hoa&dv=muong-lat"), ("compare-trends", "dv=hoang-hoa&dv=muong-lat")]);
        cut.FindAll("[data-testid=compare-picker] input[name=dv][checked]").Select(i => i.GetAttribute("value")).ShouldBe(["hoang-hoa", "muong-lat"], ignoreOrder: true);
        Html.SubmittedQuery(cut.Find("form[data-testid=compare-picker]")).ShouldBe("cap=huyen&nam=2023&dv=hoang-hoa&dv=muong-lat");
        cut.FindAll("p.note").Select(Html.Text).ShouldNotContain(n => n.StartsWith("Chọn", StringComparison.Ordinal));
        ChartOf(cut.Find("figure[data-testid=chart-compare-areas]")).Title.ShouldContain("2023");
    }

    [Fact]
    public void Compare_SixUnits_AllComparedInTheOrderGiven()
    {
        GoTo("/so-sanh?nam=2023&" + string.Join('&', Six.Select(u => "dv=" + u)));

        var cut = Render<Compare>();

        Html.Header(cut.Find("[data-testid=compare-areas]"))[1..^1].ShouldBe(
            ["huyện Hoằng Hóa dữ liệu mẫu", "huyện Mường Lát dữ liệu mẫu", "huyện Đông Sơn dữ liệu mẫu", "huyện Nga Sơn dữ liệu mẫu", "huyện Hà Trung dữ liệu mẫu", "huyện Vĩnh Lộc dữ liệu mẫu"]);
        cut.FindAll("p.note").Select(Html.Text).ShouldNotContain(n => n.StartsWith("Chọn", StringComparison.Ordinal));
        cut.FindAll("figure.chart").Count.ShouldBe(2);
    }

    [Fact]
    public void Compare_SevenUnits_FirstSixComparedAndTheUserIsTold()
    {
        GoTo("/so-sanh?nam=2023&" + string.Join('&', Six.Append("cam-thuy").Select(u => "dv=" + u)));

        var cut = Render<Compare>();

        cut.FindAll("p.note").Select(Html.Text).ShouldContain("Chọn tối đa 6 đơn vị; chỉ 6 đơn vị đầu được so sánh.");
        var header = Html.Header(cut.Find("[data-testid=compare-areas]"));
        header.Length.ShouldBe(8);
        header.ShouldNotContain(h => h.StartsWith("huyện Cẩm Thủy", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_OneUnit_AsksForASecondAndDrawsNoChart()
    {
        GoTo("/so-sanh?nam=2023&dv=hoang-hoa");

        var cut = Render<Compare>();

        cut.FindAll("p.note").Select(Html.Text).ShouldContain("Chọn ít nhất 2 đơn vị để so sánh.");
        cut.FindAll("figure.chart").ShouldBeEmpty();
    }

    [Fact]
    public void Compare_NoUnitsChosen_TheYearsTopThree()
    {
        GoTo("/so-sanh?nam=2023");

        var cut = Render<Compare>();

        Html.Header(cut.Find("[data-testid=compare-areas]"))[1..^1].ShouldBe(["huyện Đông Sơn dữ liệu mẫu", "huyện Hoằng Hóa dữ liệu mẫu", "thành phố Thanh Hóa dữ liệu mẫu"]);
    }

    [Fact]
    public void Compare_UnknownUnitInUrl_NamedAndTheOthersCompared()
    {
        // A stale link or a typo: the page says which unit it skipped and compares the rest.
        GoTo("/so-sanh?nam=2023&dv=hoang-hoa&dv=khong-co&dv=muong-lat");

        var cut = Render<Compare>();

        Html.Text(cut.Find("h1")).ShouldStartWith("So sánh đơn vị — năm 2023");
        Html.Text(cut.Find("[data-testid=page-notice]")).ShouldBe("Không có đơn vị “khong-co”; bỏ qua.");
        Html.Header(cut.Find("[data-testid=compare-areas]")).ShouldBe(["Lĩnh vực", "huyện Hoằng Hóa dữ liệu mẫu", "huyện Mường Lát dữ liệu mẫu", "Trung vị tỉnh"]);
        cut.FindComponents<ChartFigure>()[0].Instance.Query.ShouldBe("cap=huyen&nam=2023&dv=hoang-hoa&dv=muong-lat");
    }

    [Fact]
    public void Compare_2017_TheRealReportColumnUnmarkedTheSampleMarked()
    {
        GoTo("/so-sanh?nam=2017&dv=hoang-hoa&dv=dong-son");

        var cut = Render<Compare>();

        Html.Header(cut.Find("[data-testid=compare-areas]")).ShouldBe(["Lĩnh vực", "huyện Hoằng Hóa", "huyện Đông Sơn dữ liệu mẫu", "Trung vị tỉnh"]);
        // 293/BC-UBND: area 7 got 6,5 of 13.
        Html.Rows(cut.Find("[data-testid=compare-areas]")).Single(r => r[0].StartsWith("7. ", StringComparison.Ordinal))[1].ShouldBe("50,00");
    }
}
