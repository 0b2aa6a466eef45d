using System.Globalization;
using System.Xml.Linq;
using CchcAnalytics.Charts.Maps;
using CchcAnalytics.Tests;
using SkiaSharp;

namespace CchcAnalytics.Charts.Tests.Maps;

/// <summary>The map of 2025 on the committed outlines: one linked, titled path per commune, coloured by its class;
/// missing values grey; the PNG and the CSV.</summary>
public sealed class MapChartBuilderTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Build_Index2025_TitleScopeStatusAndDefaultSize()
    {
        var spec = MapChartBuilder.Build(MapFixtures.Communes2025, MapFixtures.Input());

        spec.Kind.ShouldBe(ChartKind.Map);
        spec.Title.ShouldBe("Bản đồ Chỉ số CCHC — cấp xã, năm 2025");
        spec.Subtitle.ShouldBe("166/166 đơn vị có số liệu · dữ liệu mẫu · khung minh họa");
        (spec.Width, spec.Height).ShouldBe((1000, 800));
        spec.Notes.ShouldContain(n => n.StartsWith("Màu theo 5 nhóm ngũ phân vị", StringComparison.Ordinal));
        spec.Notes.ShouldContain(n => n.StartsWith("Ranh giới: NQ 1686/NQ-UBTVQH15", StringComparison.Ordinal) && n.Contains("Giấy phép: MIT License", StringComparison.Ordinal));
    }

    [Fact]
    public void Svg_Index2025_HasALinkWithAVietnameseTitleForEachOfThe166Communes()
    {
        var spec = MapChartBuilder.Build(MapFixtures.Communes2025, MapFixtures.Input());

        var links = Links(ChartRenderer.SvgXml(spec));

        links.Count.ShouldBe(166);
        links.Keys.ShouldBe(MapFixtures.Communes.Select(u => u.Id), ignoreOrder: true);
        var hoangHoa = MapFixtures.Communes.Select((u, i) => (u, i)).Single(x => x.u.Id == "thanh-hoa-xa-hoang-hoa");
        var link = links["thanh-hoa-xa-hoang-hoa"];
        link.Href.ShouldBe("/don-vi/thanh-hoa-xa-hoang-hoa?nam=2025");
        link.Title.ShouldBe($"xã Hoằng Hóa: {(50m + (0.25m * hoangHoa.i)).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))}");
        links["thanh-hoa-phuong-ham-rong"].Title.ShouldStartWith("phường Hàm Rồng: ");
        links.Values.ShouldAllBe(l => l.Path.StartsWith('M') && l.Path.EndsWith('Z'));
        links[MapFixtures.Communes[1].Id].Title.ShouldEndWith(": 50,25");   // vi-VN, not 50.25
        links[MapFixtures.Communes[2].Id].Title.ShouldEndWith(": 50,50");
    }

    [Fact]
    public void Svg_ValuesAtTheClassBounds_EachUnitIsFilledWithItsClassColour()
    {
        // Communes by id get 50 + 0,25·i. Quintiles of 166 ranks: ranks 0–33, 34–66, 67–99, 100–132, 133–165.
        var spec = MapChartBuilder.Build(MapFixtures.Communes2025, MapFixtures.Input());
        var links = Links(ChartRenderer.SvgXml(spec));
        string FillOf(int rank) => links[MapFixtures.Communes[rank].Id].Fill;

        FillOf(0).ShouldBe("#440154");     // Viridis at 0: the lowest class
        FillOf(33).ShouldBe("#440154");
        FillOf(34).ShouldBe("#3B518A");
        FillOf(66).ShouldBe("#3B518A");
        FillOf(67).ShouldBe("#208F8C");
        FillOf(99).ShouldBe("#208F8C");
        FillOf(100).ShouldBe("#5BC862");
        FillOf(132).ShouldBe("#5BC862");
        FillOf(133).ShouldBe("#FDE724");    // Viridis at 1: the highest class
        FillOf(165).ShouldBe("#FDE724");
        MapChartBuilder.ClassColors(5).Select(MapChartBuilder.Hex).ShouldBe(["#440154", "#3B518A", "#208F8C", "#5BC862", "#FDE724"]);
    }

    [Fact]
    public void Build_ValuesAtTheClassBounds_TableAndLegendGiveTheBoundsInVietnameseNumbers()
    {
        var spec = MapChartBuilder.Build(MapFixtures.Communes2025, MapFixtures.Input());

        var byUnit = Enumerable.Range(0, spec.Table.Rows.Count).ToDictionary(r => (string)spec.Table[r, "unit_id"]!);
        var top = byUnit[MapFixtures.Communes[33].Id];
        (spec.Table[top, "value"], spec.Table[top, "class"], spec.Table[top, "class_min"], spec.Table[top, "class_max"]).ShouldBe((58.25m, 1, 50m, 58.25m));
        var next = byUnit[MapFixtures.Communes[34].Id];
        (spec.Table[next, "value"], spec.Table[next, "class"], spec.Table[next, "class_min"], spec.Table[next, "class_max"]).ShouldBe((58.5m, 2, 58.5m, 66.5m));

        var legend = Legend(spec);
        legend.ShouldBe(["Chỉ số CCHC", "83,25 – 91,25 (33 đơn vị)", "75,00 – 83,00 (33 đơn vị)", "66,75 – 74,75 (33 đơn vị)", "58,50 – 66,50 (33 đơn vị)", "50,00 – 58,25 (34 đơn vị)"]);
    }

    [Fact]
    public void Build_OneUnitWithoutAValue_IsGreyLabelledAndNeverZero()
    {
        var missing = MapFixtures.Communes.Select((u, i) => (u, i)).Single(x => x.u.Id == "thanh-hoa-xa-hoang-hoa").i;
        var spec = MapChartBuilder.Build(MapFixtures.Communes2025, MapFixtures.Input(i => i == missing ? null : MapFixtures.ValueOf(i)));

        var link = Links(ChartRenderer.SvgXml(spec))["thanh-hoa-xa-hoang-hoa"];
        link.Fill.ShouldBe("#D9D9D9");
        link.Title.ShouldBe("xã Hoằng Hóa: không có số liệu");
        var row = Enumerable.Range(0, spec.Table.Rows.Count).Single(r => (string)spec.Table[r, "unit_id"]! == "thanh-hoa-xa-hoang-hoa");
        spec.Table[row, "value"].ShouldBeNull();
        spec.Table[row, "class"].ShouldBeNull();
        ChartRenderer.Csv(spec).ShouldContain("\n2025,index,,thanh-hoa-xa-hoang-hoa,xã Hoằng Hóa,15865,,,,\n");
        Legend(spec)[^1].ShouldBe("Không có số liệu (1)");
        spec.Subtitle.ShouldStartWith("165/166 đơn vị có số liệu");
        spec.Notes.ShouldContain("Màu xám: không có số liệu (1 đơn vị), không tính là 0.");
    }

    [Fact]
    public void Build_UnitsLeftOut_AreGreyUnderTheBoundaryFilesName()
    {
        var input = MapFixtures.Input() with { Units = [new MapUnitValue("thanh-hoa-xa-hoang-hoa", "xã Hoằng Hóa", 88.5m)] };

        var spec = MapChartBuilder.Build(MapFixtures.Communes2025, input);

        var links = Links(ChartRenderer.SvgXml(spec));
        links.Count.ShouldBe(166);
        links["thanh-hoa-phuong-ham-rong"].ShouldBe(new SvgLink("/don-vi/thanh-hoa-phuong-ham-rong?nam=2025", "Hàm Rồng: không có số liệu", "#D9D9D9", links["thanh-hoa-phuong-ham-rong"].Path));
        links["thanh-hoa-xa-hoang-hoa"].Fill.ShouldBe("#208F8C");   // one value: one class, the middle of Viridis
        Legend(spec).ShouldBe(["Chỉ số CCHC", "88,50 (1 đơn vị)", "Không có số liệu (165)"]);
    }

    [Fact]
    public void Csv_Index2025_HasAHeaderAnd166Rows()
    {
        var spec = MapChartBuilder.Build(MapFixtures.Communes2025, MapFixtures.Input());

        var lines = ChartRenderer.Csv(spec).TrimEnd('\n').Split('\n');

        lines[0].ShouldBe("year,measure,code,unit_id,unit_name,official_code,value,class,class_min,class_max");
        lines.Length.ShouldBe(1 + 166);
        lines.ShouldContain(l => l.StartsWith("2025,index,,thanh-hoa-phuong-ham-rong,phường Hàm Rồng,14758,", StringComparison.Ordinal));
        lines[1..].Select(l => l.Split(',')[6]).ShouldAllBe(v => v.Length > 0 && !v.Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void Build_AreaMeasure_SaysTheAreaInTitleLegendAndTable()
    {
        var input = MapFixtures.Input() with { Measure = MapMeasure.Area("7", "HIỆN ĐẠI HÓA HÀNH CHÍNH") };

        var spec = MapChartBuilder.Build(MapFixtures.Communes2025, input);

        spec.Title.ShouldBe("Bản đồ lĩnh vực 7. Hiện đại hóa hành chính (% điểm tối đa) — cấp xã, năm 2025");
        Legend(spec)[0].ShouldBe("Lĩnh vực 7 (% điểm tối đa)");
        (spec.Table[0, "measure"], spec.Table[0, "code"]).ShouldBe(("area", "7"));
    }

    [Fact]
    public void Png_Index2025_RendersAtTheRequestedSizeWithTitleAndMap()
    {
        var spec = MapChartBuilder.Build(MapFixtures.Communes2025, MapFixtures.Input());

        var png = ChartRenderer.Png(spec);
        File.WriteAllBytes(Path.Combine(Artifacts, "map-2025.png"), png);
        File.WriteAllText(Path.Combine(Artifacts, "map-2025.svg"), ChartRenderer.SvgXml(spec));

        using var bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).ShouldBe((1000, 800));
        var titleInk = 0;
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                titleInk += y < 45 && pixel.Red < 128 ? 1 : 0;
                colours.Add(pixel);
            }
        }

        titleInk.ShouldBeGreaterThan(500);   // the title is drawn: the embedded font is used
        foreach (var fill in MapChartBuilder.ClassColors(5))
        {
            colours.ShouldContain(new SKColor(fill.R, fill.G, fill.B));   // every class is painted
        }
    }

    [Fact]
    public void Build_UnitWithoutAShape_IsRefusedInVietnamese()
    {
        var input = MapFixtures.Input() with { Units = [new MapUnitValue("hoang-hoa", "huyện Hoằng Hóa", 90m)] };

        var error = Should.Throw<ArgumentException>(() => MapChartBuilder.Build(MapFixtures.Communes2025, input));

        error.Message.ShouldStartWith("Đơn vị 'hoang-hoa' không có ranh giới trong 'thanh-hoa-communes-2025.geojson', nên không vẽ được trên bản đồ.");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://example.com/")]
    [InlineData("//example.com/x")]
    [InlineData("/don-vi/a b")]
    public void Build_LinkOffThisSite_IsRefused(string link)
    {
        var input = MapFixtures.Input() with { Units = [new MapUnitValue("thanh-hoa-xa-hoang-hoa", "xã Hoằng Hóa", 90m, link)] };

        var error = Should.Throw<ArgumentException>(() => MapChartBuilder.Build(MapFixtures.Communes2025, input));

        error.Message.ShouldStartWith($"Liên kết của đơn vị 'thanh-hoa-xa-hoang-hoa' phải là một đường dẫn trong trang (bắt đầu bằng '/'), không phải '{link}'.");
    }

    [Fact]
    public void Svg_NameWithMarkup_IsEscaped()
    {
        var input = MapFixtures.Input() with { Units = [new MapUnitValue("thanh-hoa-xa-hoang-hoa", "xã <b>Hoằng</b> & \"Hóa\"", 90m, "/don-vi/x?nam=2025&a=<1>")] };

        var link = Links(ChartRenderer.SvgXml(MapChartBuilder.Build(MapFixtures.Communes2025, input)))["thanh-hoa-xa-hoang-hoa"];

        link.Title.ShouldBe("xã <b>Hoằng</b> & \"Hóa\": 90,00");
        link.Href.ShouldBe("/don-vi/x?nam=2025&a=<1>");
    }

    private static string Artifacts => ChartsFixture.ArtifactFolder;

    /// <summary>Every unit link of the map's SVG, by the unit id: href, hover title, fill and path.</summary>
    private static Dictionary<string, SvgLink> Links(string xml)
    {
        var document = XDocument.Parse(xml);
        return document.Descendants(Svg + "a").ToDictionary(
            a => (string)a.Attribute("data-unit")!,
            a =>
            {
                var path = a.Element(Svg + "path")!;
                return new SvgLink((string)a.Attribute("href")!, path.Element(Svg + "title")!.Value, (string)path.Attribute("fill")!, (string)path.Attribute("d")!);
            });
    }

    /// <summary>The legend's lines, top to bottom.</summary>
    private static List<string> Legend(ChartSpec spec)
    {
        using var plot = spec.CreatePlot();
        return plot.Legend.ManualItems.Select(i => i.LabelText).ToList();
    }

    private sealed record SvgLink(string Href, string Title, string Fill, string Path);
}
