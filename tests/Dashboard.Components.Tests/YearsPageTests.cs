using AngleSharp.Dom;
using Bunit;
using CchcAnalytics.Analytics;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Services;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Toàn tỉnh qua các năm (/qua-cac-nam): every unit series × every year. Expected values: the real Hoằng Hóa
/// 2017 report (92/100, self-assessed, first of 27), the 2023 places of Quyết định 600/QĐ-UBND that the sample is
/// calibrated to, the 2017 tie of Nông Cống and Sầm Sơn, and Đông Sơn, merged into TP Thanh Hóa from 2024.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class YearsPageTests(DashboardData data) : DashboardContext(data)
{
    private IRenderedComponent<YearsPage> RenderPage()
    {
        GoTo("/qua-cac-nam");
        return Render<YearsPage>();
    }

    private static IElement Cell(IRenderedComponent<YearsPage> cut, string unit, int year) =>
        cut.Find($"[data-testid=years-table] tr[data-unit='{unit}'] td[data-year='{year}']");

    [Fact]
    public void YearsPage_Table_EveryUnitAndEveryYear()
    {
        var cut = RenderPage();

        Html.Text(cut.Find("h1")).ShouldBe("Toàn tỉnh qua các năm 2017–2024 — Cấp huyện dữ liệu mẫu");
        var table = cut.Find("[data-testid=years-table]");
        Html.Header(table).ShouldBe(["Đơn vị", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        // 27 series: Tĩnh Gia and Nghi Sơn are one row, Đông Sơn ends in 2023 and is last.
        var rows = table.QuerySelectorAll("tbody tr");
        rows.Length.ShouldBe(27);
        rows[^1].GetAttribute("data-unit").ShouldBe("dong-son");
        Html.Text(rows[0].QuerySelector("th")!).ShouldStartWith("thị xã Nghi Sơn (huyện Tĩnh Gia đến 2019)");
        table.QuerySelectorAll("tbody td").Length.ShouldBe(27 * 8);
        cut.Find("[data-testid=years-count]").QuerySelectorAll("td").Select(Html.Text).ShouldBe(["27", "27", "27", "27", "27", "27", "27", "26"]);
    }

    [Fact]
    public void YearsPage_HoangHoa2017_TheRealReportsIndexAndRankOne()
    {
        var cut = RenderPage();

        var cell = Cell(cut, "hoang-hoa", 2017);
        Html.Text(cell).ShouldBe("92,00 hạng 1 tự chấm");
        cell.QuerySelector("a.idx")!.GetAttribute("href").ShouldBe("/don-vi/hoang-hoa?nam=2017");
        // The real cell is not marked as sample; the unit's sample years are, and the row says it mixes both.
        cell.ClassList.ShouldNotContain("synthetic");
        Cell(cut, "hoang-hoa", 2018).ClassList.ShouldContain("synthetic");
        Html.Text(cut.Find("tr[data-unit='hoang-hoa'] th")).ShouldBe("huyện Hoằng Hóa có số liệu thật");
    }

    [Fact]
    public void YearsPage_2023_ThePublishedPlaces()
    {
        var cut = RenderPage();

        Html.Text(Cell(cut, "dong-son", 2023)).ShouldBe("92,15 hạng 1");
        Html.Text(Cell(cut, "hoang-hoa", 2023)).ShouldBe("91,92 hạng 2");
        Html.Text(Cell(cut, "thanh-hoa", 2023)).ShouldBe("91,46 hạng 3");
        Html.Text(Cell(cut, "muong-lat", 2023)).ShouldBe("86,09 hạng 27");
    }

    [Fact]
    public void YearsPage_2017Tie_DongHangAsTheRanking()
    {
        var cut = RenderPage();

        Html.Text(Cell(cut, "nong-cong", 2017)).ShouldBe("91,50 hạng 3 (đồng hạng)");
        // Sầm Sơn became a city in 2017: the note's mark follows the index after a space, never "91,503".
        Html.Text(Cell(cut, "sam-son", 2017)).ShouldBe("91,50 3 hạng 3 (đồng hạng)");
        Html.Text(Cell(cut, "tho-xuan", 2017)).ShouldNotContain("đồng hạng");
    }

    [Fact]
    public void YearsPage_DongSon2024_ADashWithTheMergerAsTooltipAndFootnote()
    {
        var cut = RenderPage();

        var cell = Cell(cut, "dong-son", 2024);
        const string Reason = "Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.";
        cell.QuerySelector(".idx")!.TextContent.ShouldBe("—");
        cell.GetAttribute("title").ShouldBe(Reason);
        cell.TextContent.ShouldNotContain("0,");
        var mark = cell.QuerySelector("a.fn")!;
        Html.Text(cut.Find(mark.GetAttribute("href")!)).ShouldBe(Reason);
        // TP Thanh Hóa goes on in 2024, with Đông Sơn inside it.
        Cell(cut, "thanh-hoa", 2024).GetAttribute("title")!.ShouldContain("gồm cả huyện Đông Sơn");
    }

    [Fact]
    public void YearsPage_NghiSon2017_TinhGiasResultWithANote()
    {
        var cut = RenderPage();
        var tinhGia = Data.Provider.Data.Result("tinh-gia", 2017)!;

        var cell = Cell(cut, "nghi-son", 2017);
        cell.GetAttribute("title").ShouldBe("Số liệu của huyện Tĩnh Gia.");
        cell.QuerySelector("a.idx")!.GetAttribute("href").ShouldBe("/don-vi/tinh-gia?nam=2017");
        Html.Text(cell).ShouldStartWith(Fmt.N2(tinhGia.Index));
    }

    [Fact]
    public void YearsPage_EveryCell_AgreesWithThatYearsRanking()
    {
        var cut = RenderPage();
        var data = Data.Provider.Data;

        foreach (var year in data.Years("thanh-hoa", "district"))
        {
            var ranking = Ranker.For(data, year, "thanh-hoa", "district", Data.Provider.Options);
            foreach (var ranked in ranking.Units)
            {
                var series = data.SeriesOf(ranked.Result.Unit.Id).Current.Id;
                var cell = Cell(cut, series, year);
                Html.Text(cell.QuerySelector(".idx")!).ShouldBe(Fmt.N2(ranked.Index));
                Html.Text(cell.QuerySelector(".rank")!).ShouldBe($"hạng {ranked.Rank}");
                cell.QuerySelectorAll(".tie").Length.ShouldBe(ranked.Tied ? 1 : 0);
            }
        }
    }

    [Fact]
    public void YearsPage_Footnotes_EveryMarkHasItsNote()
    {
        var cut = RenderPage();

        var marks = cut.FindAll("[data-testid=years-table] a.fn");
        marks.ShouldNotBeEmpty();
        var notes = cut.FindAll("[data-testid=years-notes] li");
        foreach (var mark in marks)
        {
            var target = mark.GetAttribute("href")!;
            target.ShouldStartWith("#ghi-chu-");
            var note = cut.Find(target);
            note.ParentElement!.GetAttribute("data-testid").ShouldBe("years-notes");
            mark.ParentElement!.ParentElement!.GetAttribute("title").ShouldBe(Html.Text(note));
        }

        // Every note is used by at least one mark.
        notes.Select(n => "#" + n.Id).ShouldBe(marks.Select(m => m.GetAttribute("href")).Distinct(), ignoreOrder: true);
    }

    [Fact]
    public void YearsPage_AreaMeans_TheYearsAreaBenchmarks()
    {
        var cut = RenderPage();
        var data = Data.Provider.Data;

        var rows = Html.Rows(cut.Find("[data-testid=area-means]"));
        rows.Count.ShouldBe(8);
        var heads = cut.FindAll("[data-testid=area-means] tbody th").Select(Html.Text).ToList();
        heads[6].ShouldBe("7. Xây dựng và phát triển chính quyền điện tử, chính quyền số");
        foreach (var (year, column) in data.Years("thanh-hoa", "district").Select((y, i) => (y, i)))
        {
            var results = data.ResultsOf(year, "thanh-hoa", "district");
            var framework = results[0].Framework;
            var benchmarks = Benchmarks.Areas(results, framework);
            for (var area = 0; area < 8; area++)
            {
                rows[area][column].ShouldBe(Fmt.N2(benchmarks.Single(b => b.Code == (area + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).MeanPercent));
            }
        }
    }

    [Fact]
    public void YearsPage_Charts_BumpAreaMeansAndOneSmallPanelPerUnit()
    {
        var cut = RenderPage();

        ChartOf(cut.Find("[data-testid=chart-rank-bump]")).Kind.ShouldBe(Charts.ChartKind.RankBump);
        ChartOf(cut.Find("[data-testid=chart-area-means]")).Kind.ShouldBe(Charts.ChartKind.AreaMeans);
        var panels = cut.FindAll("[data-testid=trend-panels] figure.chart");
        panels.Count.ShouldBe(27);
        var scales = panels.Select(p => ChartOf(p).Table).Select(t => (t[0, "scale_min"], t[0, "scale_max"])).Distinct().ToList();
        scales.ShouldHaveSingleItem();
        // Đông Sơn's page in its last year, 2023, not in 2024 when it no longer existed.
        cut.Find("[data-testid=panel-dong-son] + p.panel-link a").GetAttribute("href").ShouldBe("/don-vi/dong-son?nam=2023");
        // Every point of a panel is a mark with its value, opening that unit-year (Đông Sơn: 2017–2023, 7 points).
        var marks = cut.FindAll("[data-testid=panel-dong-son] a[data-testid=chart-mark]");
        marks.Select(m => m.GetAttribute("href")).ShouldBe(Enumerable.Range(2017, 7).Select(y => $"/don-vi/dong-son?nam={y}"));
        Html.Text(marks[6]).ShouldBe("huyện Đông Sơn — 2023: 92,15 (hạng 1/27; dữ liệu mẫu)");
        cut.Find("tr[data-unit='dong-son'] th a").GetAttribute("href").ShouldBe("/don-vi/dong-son?nam=2023");
        cut.Find("tr[data-unit='hoang-hoa'] th a").GetAttribute("href").ShouldBe("/don-vi/hoang-hoa?nam=2024");
        cut.Find("[data-testid=panel-dong-son] figcaption").QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(
            ["/export/charts/trend-panel.png?dv=dong-son", "/export/charts/trend-panel.svg?dv=dong-son", "/export/charts/trend-panel.csv?dv=dong-son"]);
        Html.Text(cut.Find("[data-testid=chart-rank-bump] a[data-testid=chart-mark][href='/don-vi/hoang-hoa?nam=2017']")).ShouldBe("huyện Hoằng Hóa — 2017: 92,00 (hạng 1/27; tự chấm)");
        cut.FindAll("[data-testid=years-downloads] a").Select(a => a.GetAttribute("href")).ShouldBe(["/export/years.xlsx?cap=huyen", "/export/charts/rank-bump.csv?cap=huyen"]);
    }
}
