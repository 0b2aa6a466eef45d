using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Components.Shared;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Đơn vị for the real Hoằng Hóa 2017 report (293/BC-UBND: self-assessed 92/100; online services 7.1.5 and
/// 7.1.4 at 0 points), which must not be marked as sample data.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class UnitPageTests(DashboardData data) : DashboardContext(data)
{
    private IRenderedComponent<UnitPage> RenderHoangHoa2017()
    {
        GoTo("/don-vi/hoang-hoa?nam=2017");
        return Render<UnitPage>(p => p.Add(u => u.UnitId, "hoang-hoa"));
    }

    [Fact]
    public void UnitPage_HoangHoa2017_RealReportUnmarkedWithIndex92()
    {
        var cut = RenderHoangHoa2017();

        Html.Text(cut.Find("h1")).ShouldBe("huyện Hoằng Hóa — năm 2017");
        cut.FindAll("h1 .badge").ShouldBeEmpty();
        var headline = Html.Text(cut.Find("[data-testid=headline]"));
        headline.ShouldStartWith("92/100 điểm — chỉ số 92,00% — xếp thứ 1/27, nhóm ≥ 90");
        headline.ShouldContain("Điểm dùng: điểm tự chấm (chưa thẩm định)");
        cut.FindAll("[data-testid=findings] li").Select(Html.Text).ShouldAllBe(f => !f.Contains("Dữ liệu mẫu", StringComparison.Ordinal));
        Html.Text(cut.Find("[data-testid=findings] li")).ShouldStartWith("Năm 2017, huyện Hoằng Hóa đạt 92/100 điểm");
        cut.FindAll("[data-testid=unit-picker] select[name=dv] option[selected]").ShouldHaveSingleItem().GetAttribute("value").ShouldBe("hoang-hoa");
        cut.FindAll("[data-testid=unit-picker] select[name=nam] option[selected]").ShouldHaveSingleItem().GetAttribute("value").ShouldBe("2017");
    }

    [Fact]
    public void UnitPage_HoangHoa2017_WeakestCriteriaAreTheOnlineServices()
    {
        var cut = RenderHoangHoa2017();

        var weakest = Html.Rows(cut.Find("[data-testid=weakest]"));
        (weakest[0][0], weakest[0][2], weakest[0][3], weakest[0][4]).ShouldBe(("7.1.5", "0", "3", "3"));
        (weakest[1][0], weakest[1][2], weakest[1][3], weakest[1][4]).ShouldBe(("7.1.4", "0", "2", "2"));
        weakest[0][1].ShouldStartWith("Mức độ cung cấp dịch vụ công trực tuyến");
        var areas = Html.Rows(cut.Find("[data-testid=areas]"));
        areas.Single(r => r[0].StartsWith("7. ", StringComparison.Ordinal))[1..4].ShouldBe(["6,5", "13", "50,00"]);
        // Row 5.4 is kept as stated (4 points, not the 4,5 its sub-rows add up to): area 5 has 15,5 of 16.
        areas.Single(r => r[0].StartsWith("5. ", StringComparison.Ordinal))[1..4].ShouldBe(["15,5", "16", "96,88"]);
        cut.FindAll("[data-testid=cuts]").ShouldBeEmpty();
    }

    [Fact]
    public void UnitPage_HoangHoa2017_TrendMarksOnlyTheLaterSampleYears()
    {
        var cut = RenderHoangHoa2017();

        var trend = cut.FindAll("[data-testid=trend] tbody tr");
        trend.Select(r => r.QuerySelector("td")!.TextContent).ShouldBe(["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        trend[0].ClassList.ShouldNotContain("synthetic");
        trend[0].QuerySelectorAll(".badge.sample").ShouldBeEmpty();
        Html.Rows(cut.Find("[data-testid=trend]"))[0].ShouldBe(["2017", "huyện Hoằng Hóa", "tự chấm", "92", "92,00", "—", "1/27", "bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND)"]);
        // 2018 is appraised (sample): no change is computed against the self-assessed 2017 (docs/methodology.md §5).
        var second = Html.Rows(cut.Find("[data-testid=trend]"))[1];
        (second[2], second[5]).ShouldBe(("thẩm định", "khác giai đoạn"));
        trend.Skip(1).ShouldAllBe(r => r.ClassList.Contains("synthetic") && r.QuerySelectorAll(".badge.sample").Length == 1);
    }

    [Fact]
    public void UnitPage_HoangHoa2017_ChartsAndDownloadsNameTheUnitAndYear()
    {
        var cut = RenderHoangHoa2017();

        cut.FindComponents<ChartFigure>().Select(f => (f.Instance.Kind, f.Instance.Query))
            .ShouldBe([("unit-trend", "dv=hoang-hoa"), ("unit-areas", "nam=2017&dv=hoang-hoa")]);
        cut.FindAll("[data-testid=unit-downloads] a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/export/pack.pptx?nam=2017&dv=hoang-hoa", "/bao-cao?nam=2017&dv=hoang-hoa"]);
        var areas = ChartOf(cut.Find("figure[data-testid=chart-unit-areas]"));
        areas.Title.ShouldContain("Hoằng Hóa");
        areas.Title.ShouldContain("2017");
        areas.Status.Synthetic.ShouldBe(0);
    }

    [Fact]
    public void UnitPage_QueryForm_SameReportAsThePath()
    {
        GoTo("/don-vi?dv=hoang-hoa&nam=2017");

        var cut = Render<UnitPage>();

        Html.Text(cut.Find("h1")).ShouldBe("huyện Hoằng Hóa — năm 2017");
        Html.Text(cut.Find("[data-testid=headline]")).ShouldStartWith("92/100 điểm — chỉ số 92,00%");
        // The picker's form goes to /don-vi with the unit and year: the URL this page was opened with.
        var form = cut.Find("form[data-testid=unit-picker]");
        form.GetAttribute("action").ShouldBe("/don-vi");
        Html.SubmittedQuery(form).ShouldBe("cap=huyen&dv=hoang-hoa&nam=2017");
    }

    [Fact]
    public void UnitPage_HoangHoa2017_FullSheetWithTheEvidenceBehindEveryCriterion()
    {
        var cut = RenderHoangHoa2017();

        Html.Header(cut.Find("[data-testid=sheet]")).ShouldBe(["Mã", "Tiêu chí", "Điểm chuẩn", "Tự chấm", "%", "Tài liệu kiểm chứng"]);
        var rows = cut.FindAll("[data-testid=sheet] tbody tr");
        rows.Count.ShouldBe(111);
        Html.Text(cut.Find("[data-testid=sheet-toggle] summary")).ShouldStartWith("111 dòng (");
        cut.Find("[data-testid=sheet-toggle]").HasAttribute("open").ShouldBeFalse();

        var online = cut.Find("tr[id='ma-7.1.4']");
        Html.Rows(cut.Find("[data-testid=sheet]")).Single(r => r[0] == "7.1.4")[2..5].ShouldBe(["2", "0", "0,00"]);
        Html.Text(online.QuerySelector(".evidence")!).ShouldBe("Dưới 20% số hồ sơ TTHC");
        Html.Text(cut.Find("tr[id='ma-1.1.1'] .evidence")).ShouldBe("- Kế hoạch số 85/KH-UBND ngày 21/12/2016 của UBND huyện về thực hiện cải cách hành chính nhà nước năm 2017.");
        cut.Find("tr[id='ma-7']").ClassList.ShouldContain("level-area");
        Html.Rows(cut.Find("[data-testid=sheet]")).Single(r => r[0] == "7")[2..5].ShouldBe(["13", "6,5", "50,00"]);
        // 5.4 is shown as stated (4), not as the 4,5 its sub-rows add up to.
        Html.Rows(cut.Find("[data-testid=sheet]")).Single(r => r[0] == "5.4")[3].ShouldBe("4");
        cut.Find("[data-testid=weakest] a").GetAttribute("href").ShouldBe("/don-vi/hoang-hoa?nam=2017&bang-diem=1#ma-7.1.5");
    }

    [Fact]
    public void UnitPage_SheetAskedForAndAppraisedYear_OpenWithBothStages()
    {
        GoTo("/don-vi/dong-son?nam=2023&bang-diem=1");

        var cut = Render<UnitPage>(p => p.Add(u => u.UnitId, "dong-son"));

        cut.Find("[data-testid=sheet-toggle]").HasAttribute("open").ShouldBeTrue();
        Html.Header(cut.Find("[data-testid=sheet]")).ShouldBe(["Mã", "Tiêu chí", "Điểm chuẩn", "Tự chấm", "Thẩm định", "%", "Tài liệu kiểm chứng"]);
        var areaRows = Html.Rows(cut.Find("[data-testid=sheet]")).Where(r => !r[0].Contains('.', StringComparison.Ordinal)).ToList();
        // The appraised areas add up to the published 92,15 (QĐ 600/QĐ-UBND).
        areaRows.Sum(r => decimal.Parse(r[4], CchcAnalytics.Core.VietnameseText.Culture)).ShouldBe(92.15m);
        areaRows.Sum(r => decimal.Parse(r[2], CchcAnalytics.Core.VietnameseText.Culture)).ShouldBe(100m);
    }
}
