using Bunit;
using CchcAnalytics.Analytics;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Services;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>"Khu vực huyện cũ" (issue 13 §3): a district's page shows the communes formed from its communes in 2025–2026
/// beside its own series, labelled as not the same unit; a commune's page says what it was formed from.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class FormerDistrictAreaTests(DashboardData data) : DashboardContext(data)
{
    // data/commune-origins.csv: the eight communes formed from communes of huyện Hoằng Hóa.
    private static readonly string[] HoangHoaCommunes =
    [
        "thanh-hoa-xa-hoang-hoa", "thanh-hoa-xa-hoang-giang", "thanh-hoa-xa-hoang-phu", "thanh-hoa-xa-hoang-son",
        "thanh-hoa-xa-hoang-loc", "thanh-hoa-xa-hoang-chau", "thanh-hoa-xa-hoang-tien", "thanh-hoa-xa-hoang-thanh",
    ];

    [Fact]
    public void DistrictPage2024_TheCommunesOfItsAreaIn2025And2026_NotTheSameUnit()
    {
        GoTo("/don-vi/hoang-hoa?nam=2024");

        var cut = Render<UnitPage>(p => p.Add(u => u.UnitId, "hoang-hoa"));

        var section = cut.Find("[data-testid=former-district-area]");
        Html.Text(section.QuerySelector("h2")!).ShouldBe("Khu vực huyện Hoằng Hóa cũ từ năm 2025");
        Html.Text(cut.Find("[data-testid=former-district-note]")).ShouldContain("không phải là huyện Hoằng Hóa");
        Html.Text(cut.Find("[data-testid=former-district-note]")).ShouldContain("không nối với chuỗi chỉ số của huyện đến năm 2024");

        var rows = Html.Rows(cut.Find("[data-testid=former-district-table-2025]"));
        var links = cut.FindAll("[data-testid=former-district-table-2025] tbody a").Select(a => a.GetAttribute("href")).ToList();
        links.Select(h => h!.Split('?')[0]["/don-vi/".Length..]).Order(StringComparer.Ordinal).ShouldBe(HoangHoaCommunes.Order(StringComparer.Ordinal));
        links.ShouldAllBe(h => h!.EndsWith("?nam=2025", StringComparison.Ordinal));
        rows.ShouldAllBe(r => r[0].EndsWith("/166", StringComparison.Ordinal) && r[3] == "thẩm định");

        // The heading's mean is the mean of the eight communes' 2025 indexes; the level's mean that of all 166.
        var all = Data.Provider.Data.ResultsOf(2025, "thanh-hoa", "commune");
        var mean = HoangHoaCommunes.Select(id => all.Single(r => r.Unit.Id == id).Index!.Value).Average();
        var levelMean = all.Select(r => r.Index!.Value).Average();
        Html.Text(cut.Find("[data-testid=former-district-2025]")).ShouldBe(
            $"Năm 2025: 8 đơn vị, chỉ số bình quân {Fmt.N2(mean)}% (toàn cấp xã: {Fmt.N2(levelMean)}%, 166 đơn vị)");
        Html.Text(cut.Find("[data-testid=former-district-2026]")).ShouldEndWith("— điểm tự chấm, chưa thẩm định");
    }

    [Fact]
    public void DistrictPage_AskedFor2025_ItsLastYearAndTheAreaOfItsCommunes()
    {
        GoTo("/don-vi/bim-son?nam=2025");

        var cut = Render<UnitPage>(p => p.Add(u => u.UnitId, "bim-son"));

        // The district level has no 2025: the page shows 2024, says so, and shows what the area became.
        Html.Text(cut.Find("h1")).ShouldStartWith("thị xã Bỉm Sơn — năm 2024");
        cut.Markup.ShouldContain("Không có số liệu năm 2025");
        // Phường Bỉm Sơn took in communes of Bỉm Sơn and Hà Trung: it is listed, and says so.
        var row = Html.Rows(cut.Find("[data-testid=former-district-table-2025]")).Single(r => r[1].StartsWith("phường Bỉm Sơn", StringComparison.Ordinal));
        row[4].ShouldBe("cũng gồm xã của huyện Hà Trung cũ");
        Html.Rows(cut.Find("[data-testid=former-district-table-2025]")).Count.ShouldBe(2);
    }

    [Fact]
    public void CommunePage_SaysWhatItWasFormedFromAndLinksTheFormerDistrict()
    {
        GoTo("/don-vi/thanh-hoa-phuong-bim-son?nam=2025");

        var cut = Render<UnitPage>(p => p.Add(u => u.UnitId, "thanh-hoa-phuong-bim-son"));

        var origin = cut.Find("[data-testid=unit-origin]");
        Html.Text(origin).ShouldStartWith("Hình thành ngày 1/7/2025 từ: ");
        Html.Text(origin).ShouldContain("Khu vực thị xã Bỉm Sơn cũ, huyện Hà Trung cũ (không phải cùng một đơn vị)");
        origin.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(["/don-vi/bim-son", "/don-vi/ha-trung"]);
    }

    [Fact]
    public void DepartmentPage_NoFormerDistrictArea()
    {
        GoTo("/don-vi/thanh-hoa-so-noi-vu?nam=2024");

        var cut = Render<UnitPage>(p => p.Add(u => u.UnitId, "thanh-hoa-so-noi-vu"));

        cut.FindAll("[data-testid=former-district-area]").ShouldBeEmpty();
        cut.FindAll("[data-testid=unit-origin]").ShouldBeEmpty();
    }
}
