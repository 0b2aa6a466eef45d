using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Tổng quan's tables. The 2023 places and points are the published results (Quyết định 600/QĐ-UBND,
/// data/published) that the synthetic sample is calibrated to; 2017 holds the one real report, Hoằng Hóa's.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class OverviewTests(DashboardData data) : DashboardContext(data)
{
    [Fact]
    public void Overview_2023_RanksThePublishedPlacesWithVietnameseNumbers()
    {
        GoTo("/?nam=2023");

        var cut = Render<Overview>();

        Html.Text(cut.Find("h1")).ShouldBe("Tổng quan năm 2023 — Cấp huyện dữ liệu mẫu");
        var table = cut.Find("[data-testid=ranking]");
        Html.Header(table).ShouldBe(["Hạng", "Đơn vị", "Điểm", "Điểm chuẩn", "Chỉ số (%)", "Nhóm", "So với năm trước", "Điểm dùng"]);
        var rows = Html.Rows(table);
        rows.Count.ShouldBe(27);
        rows[0][..5].ShouldBe(["1", "huyện Đông Sơn dữ liệu mẫu", "92,15", "100", "92,15"]);
        rows[1][..5].ShouldBe(["2", "huyện Hoằng Hóa dữ liệu mẫu", "91,92", "100", "91,92"]);
        rows[2][..5].ShouldBe(["3", "thành phố Thanh Hóa dữ liệu mẫu", "91,46", "100", "91,46"]);
        rows[26][..5].ShouldBe(["27", "huyện Mường Lát dữ liệu mẫu", "86,09", "100", "86,09"]);
        rows[0][5].ShouldBe("≥ 90");
        rows.ShouldAllBe(r => r[7] == "thẩm định");

        // 2023 has no equal indexes: ranks 1..27 once each, none "đồng hạng".
        rows.Select(r => r[0]).ShouldBe(Enumerable.Range(1, 27).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.FindAll("[data-testid=ranking] tbody tr.synthetic").Count.ShouldBe(27);
        cut.Find("[data-testid=ranking] a[href='/don-vi/hoang-hoa?nam=2023']").TextContent.ShouldBe("huyện Hoằng Hóa");
    }

    [Fact]
    public void Overview_2023_PublishedTableBesideComputedRanks()
    {
        GoTo("/?nam=2023");

        var cut = Render<Overview>();

        var rows = Html.Rows(cut.Find("[data-testid=published]"));
        rows.Select(r => (r[0], r[1], r[3], r[4], r[5])).ShouldBe(
        [
            ("huyện Đông Sơn", "92,15", "1/27", "1/27", "600/QĐ-UBND"),
            ("huyện Hoằng Hóa", "91,92", "2/27", "2/27", "600/QĐ-UBND"),
            ("thành phố Thanh Hóa", "91,46", "3/27", "3/27", "600/QĐ-UBND"),
            ("huyện Mường Lát", "86,09", "27/27", "27/27", "600/QĐ-UBND"),
        ]);
    }

    [Fact]
    public void Overview_2023_DownloadsAreForThatYear()
    {
        GoTo("/?nam=2023");

        var cut = Render<Overview>();

        cut.FindAll("[data-testid=downloads] a").Select(a => a.GetAttribute("href")).ShouldBe(
            ["/export/ranking.xlsx?cap=huyen&nam=2023", "/export/scores.xlsx", "/export/scores.csv", "/export/pack.pptx?cap=huyen&nam=2023", "/bao-cao?cap=huyen&nam=2023"]);
    }

    [Fact]
    public void Overview_2017_TiesShareARankAndTheNextRankSkips()
    {
        GoTo("/?nam=2017");

        var cut = Render<Overview>();

        var rows = Html.Rows(cut.Find("[data-testid=ranking]"));
        rows.Count.ShouldBe(27);
        // The real report (92/100, self-assessed) is first and the only row not marked as sample data.
        // 2017 is the first year: no unit has a rank the year before, which the cell says ("—" and why) instead of a blank.
        rows[0].ShouldBe(["1", "huyện Hoằng Hóa", "92", "100", "92,00", "≥ 90", "—", "tự chấm"]);
        cut.Find("[data-testid=ranking] tbody tr td:nth-child(7)").GetAttribute("title")
            .ShouldBe("Năm 2016 đơn vị không có thứ hạng (chưa có số liệu năm đó, hoặc đơn vị mới thành lập)");
        cut.FindAll("[data-testid=ranking] tbody tr:not(.synthetic)").ShouldHaveSingleItem().TextContent.ShouldContain("huyện Hoằng Hóa");
        rows[1][..3].ShouldBe(["2", "thị xã Bỉm Sơn dữ liệu mẫu", "91,75"]);
        // Nông Cống and Sầm Sơn both have 91,5: đồng hạng 3, and the next unit is 5th (competition ranking).
        rows[2][..3].ShouldBe(["3 (đồng hạng)", "huyện Nông Cống dữ liệu mẫu", "91,5"]);
        rows[3][..3].ShouldBe(["3 (đồng hạng)", "thành phố Sầm Sơn dữ liệu mẫu", "91,5"]);
        rows[4][..3].ShouldBe(["5", "huyện Tĩnh Gia dữ liệu mẫu", "90,5"]);
        var tied = rows.Where(r => r[0].EndsWith(" (đồng hạng)", StringComparison.Ordinal)).ToList();
        tied.GroupBy(r => r[0]).ShouldAllBe(g => g.Count() >= 2 && g.Select(r => r[4]).Distinct().Count() == 1);
        // No earlier year: no rank change ("—" in every row), and no published results for 2017.
        rows.Select(r => r[6]).Distinct().ShouldBe(["—"]);
        cut.FindAll("[data-testid=published]").ShouldBeEmpty();
        cut.FindAll("p.note").Select(Html.Text).ShouldContain("1 đơn vị chỉ có điểm tự chấm (chưa thẩm định): huyện Hoằng Hóa; so sánh với điểm thẩm định của các đơn vị khác cần thận trọng.");
    }

    [Fact]
    public void Overview_2024_DongSonHasJoinedThanhHoaCity()
    {
        GoTo("/?nam=2024");

        var cut = Render<Overview>();

        var rows = Html.Rows(cut.Find("[data-testid=ranking]"));
        rows.Count.ShouldBe(26);
        rows.ShouldNotContain(r => r[1].StartsWith("huyện Đông Sơn", StringComparison.Ordinal));
    }

    [Fact]
    public void Overview_2023_MoversAreTheLargestChangesOfIndexSince2022()
    {
        GoTo("/?nam=2023");
        var data = Data.Provider.Data;
        // Recomputed here from the two years' indexes (no unit changed between 2022 and 2023).
        var before = data.ResultsOf(2022, "thanh-hoa", "district").ToDictionary(r => r.Unit.Id, r => r.Index!.Value);
        var changes = data.ResultsOf(2023, "thanh-hoa", "district")
            .Select(r => (r.Unit.FullName, Delta: r.Index!.Value - before[r.Unit.Id]))
            .ToList();

        var cut = Render<Overview>();

        string Line((string Name, decimal Delta) c) => $"{c.Name}: {(c.Delta > 0 ? "+" : "")}{Math.Round(c.Delta, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CchcAnalytics.Core.VietnameseText.Culture)} điểm %";
        var improved = cut.FindAll("[data-testid=improved] li").Select(Html.Text).ToList();
        var declined = cut.FindAll("[data-testid=declined] li").Select(Html.Text).ToList();
        var expectedUp = changes.Where(c => c.Delta > 0).OrderByDescending(c => c.Delta).Take(5).Select(Line).ToList();
        var expectedDown = changes.Where(c => c.Delta < 0).OrderBy(c => c.Delta).Take(5).Select(Line).ToList();
        expectedUp.Count.ShouldBe(5);
        expectedDown.Count.ShouldBe(5);
        improved.Count.ShouldBe(5);
        declined.Count.ShouldBe(5);
        for (var i = 0; i < 5; i++)
        {
            improved[i].ShouldStartWith(expectedUp[i]);
            declined[i].ShouldStartWith(expectedDown[i]);
        }
    }

    [Fact]
    public void Overview_2022_SharedWeaknessesCountTheUnitsMostSharedFirst()
    {
        GoTo("/?nam=2022");

        var cut = Render<Overview>();

        var rows = Html.Rows(cut.Find("[data-testid=shared-weaknesses]"));
        rows.ShouldNotBeEmpty();
        var counts = rows.Select(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        counts.ShouldBe(counts.OrderByDescending(c => c).ToList());
        // Shared means at least two units (as in the meeting pack): a weakness of one unit is on that unit's page.
        counts.ShouldAllBe(c => c >= 2 && c <= 27);
        // Online public services (7.1.4/7.1.5 in 2017, renamed and renumbered 7.2.x in 2020) are the weakness the sample
        // shares most while they are measured the same way (until 2022).
        rows.Take(3).ShouldContain(r => r[1].Contains("trực tuyến", StringComparison.Ordinal));
    }

    /// <summary>"Shared" means at least two units, on the overview as in the meeting pack (fresh-eyes run: the overview
    /// listed criteria weak in one unit only).</summary>
    [Theory]
    [InlineData(2019)]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    public void Overview_AnyYear_SharedWeaknessesOfAtLeastTwoUnits(int year)
    {
        GoTo($"/?nam={year}");

        var cut = Render<Overview>();

        Html.Rows(cut.Find("[data-testid=shared-weaknesses]")).ShouldAllBe(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }

    [Fact]
    public void Overview_2023_OnlineServicesRedefinedAreNotASharedWeakness()
    {
        // 2023's 7.2 and its sub-criteria are new measures (Nghị định 42/2022/NĐ-CP): 2022's values do not join them.
        GoTo("/?nam=2023");

        var cut = Render<Overview>();

        Html.Rows(cut.Find("[data-testid=shared-weaknesses]")).ShouldNotContain(r => r[0].StartsWith("7.2", StringComparison.Ordinal));
    }
}
