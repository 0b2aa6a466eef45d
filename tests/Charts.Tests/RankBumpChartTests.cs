using System.Xml.Linq;
using CchcAnalytics.Analytics;

namespace CchcAnalytics.Charts.Tests;

/// <summary>The rank bump chart over every year, on the whole data folder: the real Hoằng Hóa 2017 report (92/100,
/// self-assessed, first), the 2023 places of Quyết định 600/QĐ-UBND the sample is calibrated to, the 2017 tie, and
/// Đông Sơn's end in 2023 (merged into TP Thanh Hóa).</summary>
[Collection(ChartsData.Name)]
public sealed class RankBumpChartTests(ChartsFixture fixture)
{
    private ChartSpec Build(params string[] units) =>
        ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.RankBump, UnitIds: units.Length == 0 ? null : units), AnalyticsOptions.Default);

    private static IReadOnlyList<object?> Row(ChartSpec spec, string series, int year) =>
        spec.Table.Rows.Single(r => (string)r[0]! == series && (int)r[2]! == year);

    [Fact]
    public void Build_EveryYear_OneRowPerSeriesAndYearWithTheYearsRank()
    {
        var spec = Build();

        spec.Title.ShouldBe("Thứ hạng Chỉ số CCHC qua các năm");
        spec.Subtitle.ShouldStartWith("27 đơn vị cấp huyện, 2017–2024 · có dữ liệu mẫu");
        spec.Table.Rows.Count.ShouldBe(27 * 8);
        // Hoằng Hóa 2017: the real report, 92/100 self-assessed, first of 27.
        Row(spec, "hoang-hoa", 2017).ShouldBe(["hoang-hoa", "huyện Hoằng Hóa", 2017, "hoang-hoa", "huyện Hoằng Hóa", 92m, 1, 27, false, "self", false, null]);
        // 2023 as published (600/QĐ-UBND): Đông Sơn 92,15 first, Hoằng Hóa 91,92 second, Mường Lát 86,09 last.
        (Row(spec, "dong-son", 2023)[5], Row(spec, "dong-son", 2023)[6]).ShouldBe((92.15m, 1));
        (Row(spec, "hoang-hoa", 2023)[5], Row(spec, "hoang-hoa", 2023)[6]).ShouldBe((91.92m, 2));
        (Row(spec, "muong-lat", 2023)[5], Row(spec, "muong-lat", 2023)[6], Row(spec, "muong-lat", 2023)[7]).ShouldBe((86.09m, 27, 27));
    }

    [Fact]
    public void Build_DongSon2024_NoRankAndTheMergerAsTheReason()
    {
        var spec = Build();

        var row = Row(spec, "dong-son", 2024);
        (row[5], row[6]).ShouldBe((null, null));
        ((string)row[11]!).ShouldBe("Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.");
        Row(spec, "thanh-hoa", 2024)[7].ShouldBe(26);
        spec.Notes.ShouldContain("Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.");
        Text(spec).ShouldContain("Đông Sơn: hết chuỗi 2023: nhập vào TP Thanh Hóa →");
    }

    [Fact]
    public void Build_NghiSon_FollowsTinhGiaBefore2020()
    {
        var spec = Build();

        Row(spec, "nghi-son", 2019)[3].ShouldBe("tinh-gia");
        Row(spec, "nghi-son", 2020)[3].ShouldBe("nghi-son");
        spec.Table.Rows.ShouldNotContain(r => (string)r[0]! == "tinh-gia");
    }

    [Fact]
    public void Svg_2017Tie_NamesBothUnitsOnOneLabelWithAnEqualsSign()
    {
        var spec = Build();

        // Nông Cống and Sầm Sơn both 91,5 in 2017: đồng hạng 3, one label on the left axis.
        (Row(spec, "nong-cong", 2017)[6], Row(spec, "nong-cong", 2017)[8]).ShouldBe((3, true));
        (Row(spec, "sam-son", 2017)[6], Row(spec, "sam-son", 2017)[8]).ShouldBe((3, true));
        var text = Text(spec);
        text.ShouldContain("TP Sầm Sơn, Nông Cống 3=");
        text.ShouldContain("Hoằng Hóa 1");
        spec.Notes[0].ShouldContain("đồng hạng");
    }

    [Fact]
    public void Svg_YearAxis_OnlyTheYearsWithData()
    {
        var lines = Text(Build()).Split('\n');

        lines.ShouldContain("2017");
        lines.ShouldContain("2024");
        lines.ShouldNotContain("2016");
        lines.ShouldNotContain("2025");
    }

    [Fact]
    public void Build_Highlight_NamesTheUnitsAndKeepsEverySeries()
    {
        var spec = Build("hoang-hoa", "Nghi Sơn");

        spec.Subtitle.ShouldContain("tô màu: TX Nghi Sơn, Hoằng Hóa");
        spec.Table.Rows.Count.ShouldBe(27 * 8);
    }

    [Fact]
    public void Build_SevenUnits_FailsNamingTheLimit() =>
        Should.Throw<ArgumentException>(() => Build("hoang-hoa", "dong-son", "nghi-son", "muong-lat", "sam-son", "bim-son", "nga-son"))
            .Message.ShouldStartWith("Biểu đồ 'rank-bump' cần từ 0 đến 6 đơn vị (đã chọn 7).");

    private static string Text(ChartSpec spec) =>
        string.Join("\n", XDocument.Parse(ChartRenderer.SvgXml(spec)).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
}
