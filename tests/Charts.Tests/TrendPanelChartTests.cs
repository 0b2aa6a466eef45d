using System.Xml.Linq;
using CchcAnalytics.Analytics;

namespace CchcAnalytics.Charts.Tests;

/// <summary>The small multiples of the province over the years: every panel on the same years and the same index scale.</summary>
[Collection(ChartsData.Name)]
public sealed class TrendPanelChartTests(ChartsFixture fixture)
{
    private ChartSpec Build(string unit) => ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.TrendPanel, UnitIds: [unit]), AnalyticsOptions.Default);

    [Fact]
    public void Build_TwoUnits_SameScaleAndSameYears()
    {
        var hoangHoa = Build("hoang-hoa");
        var muongLat = Build("muong-lat");

        (hoangHoa.Table[0, "scale_min"], hoangHoa.Table[0, "scale_max"]).ShouldBe((muongLat.Table[0, "scale_min"], muongLat.Table[0, "scale_max"]));
        hoangHoa.Table.Column("year").ShouldBe(muongLat.Table.Column("year"));
        // The scale holds every index of every unit and year: the lowest and highest are inside it.
        var indexes = fixture.Data.Results.Where(r => r.Unit.Level == "district").Select(r => r.Index!.Value).ToList();
        ((decimal)hoangHoa.Table[0, "scale_min"]!).ShouldBeLessThanOrEqualTo(indexes.Min());
        ((decimal)hoangHoa.Table[0, "scale_max"]!).ShouldBeGreaterThanOrEqualTo(indexes.Max());
        // Hoằng Hóa 2017: the real report's 92, self-assessed.
        (hoangHoa.Table[0, "index"], hoangHoa.Table[0, "stage_used"], hoangHoa.Table[0, "synthetic"]).ShouldBe((92m, "self", false));
        hoangHoa.Title.ShouldBe("huyện Hoằng Hóa");
    }

    [Fact]
    public void Marks_TwoPanels_TheProvinceMeanSitsAtTheSamePixels()
    {
        // Hoằng Hóa's title has two more status lines (real and sample years, a self-assessed year) than Đông Sơn's; the
        // data area must not shrink for it, or panels side by side would not share the scale on the page.
        var hoangHoa = ChartRenderer.Marks(Build("hoang-hoa")).Marks.Where(m => m.Link is null).ToList();
        var dongSon = ChartRenderer.Marks(Build("dong-son")).Marks.Where(m => m.Link is null).ToList();

        hoangHoa.Count.ShouldBe(8);
        hoangHoa.Select(m => (m.Label, m.CenterX, m.CenterY)).ShouldBe(dongSon.Select(m => (m.Label, m.CenterX, m.CenterY)));
    }

    [Fact]
    public void Build_DongSon_2024IsEmptyAndTheEndIsMarked()
    {
        var spec = Build("dong-son");

        spec.Table.Rows.Count.ShouldBe(8);
        spec.Table[7, "index"].ShouldBeNull();
        spec.Table[6, "index"].ShouldBe(92.15m);
        var text = string.Join("\n", XDocument.Parse(ChartRenderer.SvgXml(spec)).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        text.ShouldContain("hết chuỗi 2023: nhập vào TP Thanh Hóa");
        text.ShouldContain("trung bình tỉnh");
    }

    [Fact]
    public void Build_NoUnit_FailsNamingTheNeed() =>
        Should.Throw<ArgumentException>(() => ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.TrendPanel), AnalyticsOptions.Default))
            .Message.ShouldStartWith("Biểu đồ 'trend-panel' cần đúng một đơn vị (đã chọn 0).");
}
