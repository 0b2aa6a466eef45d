using System.Xml.Linq;
using CchcAnalytics.Analytics;

namespace CchcAnalytics.Charts.Tests;

/// <summary>Reference lines and markers carry a legend a reader can name: the maximum, the province mean and median,
/// the best unit and the peer group, with their values where the chart states one.</summary>
[Collection(ChartsData.Name)]
public sealed class ChartLegendTests(ChartsFixture fixture)
{
    [Fact]
    public void Ranking2023_MeanAndMedianLinesWithTheirValuesInTheLegend()
    {
        var ranking = Ranker.For(fixture.Data, 2023, "thanh-hoa", "district", AnalyticsOptions.Default);
        var indices = ranking.Units.Select(u => (double)u.Index).Order().ToList();
        var mean = indices.Average();
        var median = (indices[(indices.Count - 1) / 2] + indices[indices.Count / 2]) / 2;

        var text = Legend(new ChartRequest(ChartKind.Ranking, Year: 2023));

        indices.Count.ShouldBe(27);
        text.ShouldContain($"Trung bình: {ChartText.Tick(mean)}");
        text.ShouldContain($"Trung vị: {ChartText.Tick(median)}");
    }

    [Fact]
    public void UnitAreas_MaximumProvinceMeanBestAndPeerGroup()
    {
        var text = Legend(new ChartRequest(ChartKind.UnitAreas, Year: 2023, UnitIds: ["hoang-hoa"]));

        text.ShouldContain("huyện Hoằng Hóa");
        text.ShouldContain("Điểm chuẩn (100%)");
        text.ShouldContain("Trung bình tỉnh");
        text.ShouldContain("Cao nhất tỉnh");
        text.ShouldContain("Trung bình nhóm tương đồng (");
    }

    [Fact]
    public void UnitTrend_ProvinceMeanAndTheRealYearMarked()
    {
        var text = Legend(new ChartRequest(ChartKind.UnitTrend, UnitIds: ["hoang-hoa"]));

        text.ShouldContain("Trung bình tỉnh");
        text.ShouldContain("Số liệu thật (các năm khác: dữ liệu mẫu)");
    }

    /// <summary>Every text the SVG draws (legend entries among them).</summary>
    private string Legend(ChartRequest request) =>
        string.Join("\n", XDocument.Parse(ChartRenderer.SvgXml(ChartFactory.Build(fixture.Data, request, AnalyticsOptions.Default)))
            .Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
}
