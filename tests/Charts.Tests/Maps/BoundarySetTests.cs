using CchcAnalytics.Charts.Maps;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Charts.Tests.Maps;

/// <summary>The committed outlines of 2025 and what a bad boundary file gives: a Vietnamese error naming the file.</summary>
public sealed class BoundarySetTests
{
    private const string Square = """{"type":"Polygon","coordinates":[[[105.0,20.0],[105.1,20.0],[105.1,20.1],[105.0,20.1],[105.0,20.0]]]}""";

    [Fact]
    public void Load_Communes2025_HasAShapeForEveryCommuneOfUnitsCsvAndNoOther()
    {
        var set = MapFixtures.Communes2025;

        set.Shapes.Count.ShouldBe(166);
        set.UnitIds.ShouldBe(MapFixtures.Communes.Select(u => u.Id), ignoreOrder: true);
        set.Shapes.Select(s => s.OfficialCode).ShouldBe(MapFixtures.Communes.Select(u => u.OfficialCode), ignoreOrder: true);
    }

    [Fact]
    public void Load_Communes2025_KeepsNamesCodesSourceLicenceAndTheProvincesExtent()
    {
        var set = MapFixtures.Communes2025;

        var hamRong = set.Find("thanh-hoa-phuong-ham-rong").ShouldNotBeNull();
        hamRong.Name.ShouldBe("Hàm Rồng");
        hamRong.OfficialCode.ShouldBe("14758");
        set.Find("hoang-hoa").ShouldBeNull();   // the district of 2017–2024 has no outline
        set.Source.ShouldContain("vietnamese-provinces-database");
        set.License.ShouldStartWith("MIT License, Copyright (c) 2021 Thang Le Quoc");
        (set.Extent.MinX, set.Extent.MaxX, set.Extent.MinY, set.Extent.MaxY).ShouldBe((104.3742, 106.07594, 19.28708, 20.67006));
        new FileInfo(MapFixtures.BoundaryFile).Length.ShouldBeLessThan(3 * 1024 * 1024);
    }

    [Fact]
    public void Load_MissingFile_SaysWhichFileIsMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), "khong-co", "ranh-gioi.geojson");

        var error = Should.Throw<BoundaryDataException>(() => BoundarySet.Load(path));

        error.Message.ShouldBe($"Không tìm thấy tệp ranh giới '{path}': bản đồ cần tệp này (xem data/README.md, mục Boundaries).");
    }

    [Fact]
    public void Load_TruncatedCopyOfTheRealFile_SaysItIsNotJsonWithTheLine()
    {
        using var folder = new TempFolder();
        var path = folder.File("cat-do.geojson");
        var text = File.ReadAllText(MapFixtures.BoundaryFile);
        File.WriteAllText(path, text[..(text.Length / 2)]);

        var error = Should.Throw<BoundaryDataException>(() => BoundarySet.Load(path));

        error.Message.ShouldBe("Tệp ranh giới 'cat-do.geojson' không phải JSON hợp lệ (dòng 1).");
    }

    [Theory]
    [InlineData("""{"type":"Feature","features":[]}""", "Tệp ranh giới 'x.geojson' không phải GeoJSON FeatureCollection (cần \"type\": \"FeatureCollection\" và mảng \"features\").")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "Tệp ranh giới 'x.geojson' không có đối tượng nào.")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":SQUARE}]}""", "Tệp ranh giới 'x.geojson', đối tượng thứ 1: thiếu mã đơn vị (unit_id).")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"unit_id":"a"}}]}""", "Tệp ranh giới 'x.geojson', đối tượng thứ 1 ('a'): thiếu ranh giới (geometry).")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"unit_id":"a"},"geometry":{"type":"Point","coordinates":[105,20]}}]}""", "Tệp ranh giới 'x.geojson', đối tượng thứ 1 ('a'): ranh giới phải là Polygon hoặc MultiPolygon có điểm (đang là Point).")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"unit_id":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}}]}""", "Tệp ranh giới 'x.geojson', đối tượng thứ 1 ('a'): ranh giới không hợp lệ (tự cắt hoặc vòng không khép); dựng lại tệp bằng tools/BoundaryBuilder.")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"unit_id":"a"},"geometry":{"type":"Polygon","coordinates":[[[2000000,0],[2000001,0],[2000001,1],[2000000,0]]]}}]}""", "Tệp ranh giới 'x.geojson', đối tượng thứ 1 ('a'): tọa độ ngoài kinh độ/vĩ độ (WGS 84).")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"unit_id":"a"},"geometry":SQUARE},{"type":"Feature","properties":{"unit_id":"a"},"geometry":SQUARE}]}""", "Tệp ranh giới 'x.geojson', đối tượng thứ 2: đơn vị 'a' đã có ranh giới ở đối tượng trước.")]
    public void Parse_BadFile_NamesTheFileAndTheFeature(string json, string message)
    {
        var error = Should.Throw<BoundaryDataException>(() => BoundarySet.Parse(json.Replace("SQUARE", Square, StringComparison.Ordinal), "x.geojson"));

        error.Message.ShouldBe(message);
    }

    [Fact]
    public void Parse_OneSquare_IsKeyedByItsUnitId()
    {
        var json = $$"""{"type":"FeatureCollection","source":"nguồn","license":"MIT","features":[{"type":"Feature","properties":{"unit_id":"a","official_code":"00001","name":"Xã A"},"geometry":{{Square}}}]}""";

        var set = BoundarySet.Parse(json, "x.geojson");

        set.Find("a").ShouldNotBeNull().Name.ShouldBe("Xã A");
        (set.Source, set.License).ShouldBe(("nguồn", "MIT"));
    }
}
