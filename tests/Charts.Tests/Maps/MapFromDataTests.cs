using System.Xml.Linq;
using CchcAnalytics.Analytics;
using CchcAnalytics.Charts.Maps;
using CchcAnalytics.Core;

namespace CchcAnalytics.Charts.Tests.Maps;

/// <summary>The <c>map</c> chart built from the data (the ingested data folder) on the committed boundaries, as the
/// dashboard's <c>/export/charts/map.svg?cap=xa&amp;nam=2025</c> builds it.</summary>
[Collection(ChartsData.Name)]
public sealed class MapFromDataTests(ChartsFixture fixture)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static MapBoundaries Maps { get; } = new([MapFixtures.Communes2025]);

    private ChartSpec Map(int year = 2025, string level = "commune", string? area = null, string? code = null) =>
        ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.Map, year, Code: code) { Level = level, Area = area }, AnalyticsOptions.Default, Maps);

    private ArgumentException Fails(int year, string level, string? area = null, string? code = null) =>
        Should.Throw<ArgumentException>(() => Map(year, level, area, code));

    [Fact]
    public void Build_Communes2025_Has166ShapesEachLinkedToItsUnitPage()
    {
        var spec = Map();

        var shapes = Shapes(spec);

        shapes.Count.ShouldBe(166);
        shapes.Keys.ShouldBe(fixture.Data.ResultsOf(2025, "thanh-hoa", "commune").Select(r => r.Unit.Id), ignoreOrder: true);
        shapes["thanh-hoa-xa-hoang-hoa"].Href.ShouldBe("/don-vi/thanh-hoa-xa-hoang-hoa?nam=2025");
        spec.Title.ShouldBe("Bản đồ Chỉ số CCHC — cấp xã, năm 2025");
        spec.Subtitle.ShouldBe("166/166 đơn vị có số liệu · dữ liệu mẫu · khung minh họa");
        ChartRenderer.Csv(spec).TrimEnd('\n').Split('\n').Length.ShouldBe(167);
        File.WriteAllBytes(Path.Combine(ChartsFixture.ArtifactFolder, "map-xa-2025.png"), ChartRenderer.Png(spec));
        File.WriteAllText(Path.Combine(ChartsFixture.ArtifactFolder, "map-xa-2025.svg"), ChartRenderer.SvgXml(spec));
    }

    [Fact]
    public void Build_Communes2025_EachUnitsFillIsTheColourOfTheClassItsIndexFallsIn()
    {
        var results = fixture.Data.ResultsOf(2025, "thanh-hoa", "commune");
        var classes = MapClasses.Quantiles(results.Select(r => Math.Round(r.Index!.Value, 2, MidpointRounding.AwayFromZero)));
        var colours = MapChartBuilder.ClassColors(classes.Classes.Count).Select(MapChartBuilder.Hex).ToList();

        var spec = Map();
        var shapes = Shapes(spec);

        classes.Classes.Count.ShouldBe(5);
        foreach (var result in results)
        {
            var index = Math.Round(result.Index!.Value, 2, MidpointRounding.AwayFromZero);
            var shape = shapes[result.Unit.Id];
            shape.Fill.ShouldBe(colours[classes.ClassOf(index)!.Value - 1], result.Unit.FullName);
            shape.Title.ShouldBe($"{result.Unit.FullName}: {VietnameseText.Percent(index)}");
        }

        // The lowest and the highest commune: the two ends of Viridis.
        shapes[results.MinBy(r => r.Index)!.Unit.Id].Fill.ShouldBe("#440154");
        shapes[results.MaxBy(r => r.Index)!.Unit.Id].Fill.ShouldBe("#FDE724");
        var hoangHoa = Row(spec, "thanh-hoa-xa-hoang-hoa");
        spec.Table[hoangHoa, "value"].ShouldBe(Math.Round(fixture.Data.Result("thanh-hoa-xa-hoang-hoa", 2025)!.Index!.Value, 2, MidpointRounding.AwayFromZero));
        spec.Table[hoangHoa, "measure"].ShouldBe("index");
    }

    [Fact]
    public void Build_Area1_ColoursByTheAreasPercentOfItsMaximum()
    {
        var spec = Map(area: "1");

        spec.Title.ShouldBe("Bản đồ lĩnh vực 1. Công tác chỉ đạo, điều hành cải cách hành chính (% điểm tối đa) — cấp xã, năm 2025");
        foreach (var result in fixture.Data.ResultsOf(2025, "thanh-hoa", "commune"))
        {
            var row = Row(spec, result.Unit.Id);
            spec.Table[row, "measure"].ShouldBe("area");
            spec.Table[row, "code"].ShouldBe("1");
            spec.Table[row, "value"].ShouldBe(Math.Round(result.Find("1")!.Percent!.Value, 2, MidpointRounding.AwayFromZero));
        }
    }

    [Fact]
    public void Build_Criterion3_3_ColoursByTheCriterionsPercentFromTheUnitsScoreSheet()
    {
        var spec = Map(code: "3.3");

        spec.Title.ShouldStartWith("Bản đồ tiêu chí 3.3 Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn (% điểm tối đa)");
        foreach (var id in new[] { "thanh-hoa-xa-hoang-hoa", "thanh-hoa-phuong-ham-rong", "thanh-hoa-xa-muong-lat" })
        {
            var sheet = fixture.Data.Result(id, 2025)!.Criteria.Single(c => c.Code == "3.3");
            var row = Row(spec, id);
            (spec.Table[row, "measure"], spec.Table[row, "code"]).ShouldBe(("criterion", "3.3"));
            spec.Table[row, "value"].ShouldBe(Math.Round(sheet.Percent!.Value, 2, MidpointRounding.AwayFromZero), id);
        }
    }

    [Fact]
    public void Build_CodeOfAnArea_IsTheArea() => Map(code: "3").Table[0, "measure"].ShouldBe("area");

    [Fact]
    public void Build_Districts2024_SaysWhyThereIsNoHonestDistrictMap() =>
        Fails(2024, "district").Message.ShouldStartWith(
            "Không có bản đồ cấp huyện năm 2024: ranh giới các huyện, thị xã, thành phố không dựng lại được trung thực từ ranh giới các xã, phường năm 2025 (chỉ 12/26 đơn vị ghép được trọn vẹn). "
            + "Chỉ 12/26 đơn vị gồm trọn các đơn vị cấp xã hình thành từ riêng đơn vị đó; 14 đơn vị còn lại");

    [Fact]
    public void Build_Districts2017_CountsTheUnitsOfThatYear() =>
        // 27 units in 2017 (Đông Sơn still separate, and Tĩnh Gia, not Nghi Sơn, whose outline the 2025 communes give).
        Fails(2017, "district").Message.ShouldContain("Chỉ 11/27 đơn vị gồm trọn");

    [Fact]
    public void Build_Departments_SayTheyHaveNoTerritory() =>
        Fails(2024, "department").Message.ShouldStartWith("Không có bản đồ sở, ban, ngành: các sở, ban, ngành không có địa giới hành chính, nên không tô màu được trên bản đồ.");

    [Fact]
    public void Build_WithoutBoundaryFiles_SaysThereIsNone() =>
        Should.Throw<ArgumentException>(() => ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.Map, 2025) { Level = "commune" }, AnalyticsOptions.Default)).Message
            .ShouldStartWith("Không có bản đồ cấp xã: chưa có tệp ranh giới của các xã, phường (thư mục data/boundaries).");

    [Theory]
    [InlineData("9", null, "Không có lĩnh vực '9' trong khung minh họa")]
    [InlineData("3.3", null, "Không có lĩnh vực '3.3' trong khung minh họa")]
    [InlineData(null, "9.9", "Không có tiêu chí '9.9' trong khung minh họa")]
    [InlineData("3", "3.3", "Bản đồ tô màu theo một thứ: lĩnh vực (linh-vuc=3) hoặc tiêu chí (ma=3.3), không cả hai.")]
    public void Build_BadAreaOrCriterion_SaysWhatIsWrong(string? area, string? code, string expected) =>
        Fails(2025, "commune", area, code).Message.ShouldStartWith(expected);

    [Fact]
    public void Build_AreaOnAnotherKind_IsRefused() =>
        Should.Throw<ArgumentException>(() => ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.Ranking, 2025) { Level = "commune", Area = "3" }, AnalyticsOptions.Default))
            .Message.ShouldStartWith("Biểu đồ 'ranking' không nhận lĩnh vực (đã nhập linh-vuc=3); chỉ bản đồ (map) nhận lĩnh vực.");

    [Fact]
    public void Marks_Communes2025_EveryUnitsOutlineWithItsLabelLinkAndFill()
    {
        var spec = Map();

        var marks = ChartRenderer.Marks(spec);
        var shapes = Shapes(spec);

        marks.Marks.Count.ShouldBe(166);
        foreach (var mark in marks.Marks)
        {
            var shape = shapes[mark.Key!];
            mark.Path.ShouldBe(shape.Path);
            mark.Link.ShouldBe(shape.Href);
            mark.Label.ShouldBe(shape.Title);
            mark.Fill.ShouldBe(shape.Fill);
            (mark.Left >= 0 && mark.Top >= 0 && mark.Left + mark.Width <= marks.Width && mark.Top + mark.Height <= marks.Height).ShouldBeTrue(mark.Key);
        }
    }

    private static int Row(ChartSpec spec, string unitId) =>
        Enumerable.Range(0, spec.Table.Rows.Count).Single(r => (string)spec.Table[r, "unit_id"]! == unitId);

    private static Dictionary<string, (string Href, string Title, string Fill, string Path)> Shapes(ChartSpec spec) =>
        XDocument.Parse(ChartRenderer.SvgXml(spec)).Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == "ban-do")
            .Elements(Svg + "a").ToDictionary(
                a => (string)a.Attribute("data-unit")!,
                a => ((string)a.Attribute("href")!, a.Element(Svg + "path")!.Element(Svg + "title")!.Value, (string)a.Element(Svg + "path")!.Attribute("fill")!, (string)a.Element(Svg + "path")!.Attribute("d")!));
}
