using System.Globalization;
using CchcAnalytics.Charts.Maps;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Tests;
using CsvHelper;

namespace CchcAnalytics.Charts.Tests.Maps;

/// <summary>District outlines dissolved from the 2025 communes by commune-origins.csv, only for whole districts.</summary>
public sealed class DistrictDissolverTests
{
    private static readonly Lazy<DistrictDissolve> Result = new(() => DistrictDissolver.Dissolve(MapFixtures.Communes2025, Origins(), Districts2024()));

    [Fact]
    public void Districts2024_AreThe26DistrictLevelUnitsOf2024() => Districts2024().Count.ShouldBe(26);

    [Fact]
    public void Dissolve_CommuneOrigins_GivesThe12WholeDistrictsAndSaysWhyTheOthers14AreLeftOut()
    {
        var result = Result.Value;

        result.Districts.ShouldNotBeNull().UnitIds.ShouldBe(
            ["cam-thuy", "hau-loc", "hoang-hoa", "lang-chanh", "muong-lat", "nga-son", "nghi-son", "nhu-xuan", "quan-son", "thach-thanh", "thuong-xuan", "vinh-loc"],
            ignoreOrder: true);
        result.LeftOut.Count.ShouldBe(14);
        result.LeftOut["ha-trung"].ShouldBe("'thanh-hoa-phuong-bim-son' gồm cả phần của bim-son");
        result.LeftOut["quan-hoa"].ShouldBe("'thanh-hoa-xa-trung-thanh' có đơn vị cũ chưa xác định được thuộc huyện nào");
        result.LeftOut["tho-xuan"].ShouldBe("một đơn vị cũ của 'thanh-hoa-xa-phu-xuan' có thể thuộc huyện Thọ Xuân, nguồn không ghi rõ");
    }

    [Fact]
    public void Dissolve_HoangHoa_IsTheUnionOfItsCommunesWithTheirArea()
    {
        var origins = Origins().Where(o => o.FormerDistricts.SequenceEqual(["hoang-hoa"])).Select(o => o.UnitId).ToList();

        var district = Result.Value.Districts!.Find("hoang-hoa").ShouldNotBeNull();

        district.Name.ShouldBe("huyện Hoằng Hóa");
        origins.Count.ShouldBeGreaterThan(5);
        var communeArea = origins.Sum(id => MapFixtures.Communes2025.Find(id)!.Geometry.Area);
        district.Geometry.Area.ShouldBe(communeArea, communeArea * 0.005);
        district.Geometry.IsValid.ShouldBeTrue();
        // One piece without the slivers the separately simplified communes leave between them.
        district.Geometry.ShouldBeOfType<NetTopologySuite.Geometries.Polygon>().NumInteriorRings.ShouldBe(0);

        // For a person to look at: the 12 whole districts, nothing else (artifacts/charts, git-ignored).
        var districts = Result.Value.Districts!;
        var input = new MapInput(2024, "cấp huyện", MapMeasure.Index, districts.Shapes.Select((s, i) => new MapUnitValue(s.UnitId, s.Name, 80m + i)).ToList(), new ChartStatus(12, 12, 0, false));
        File.WriteAllBytes(Path.Combine(ChartsFixture.ArtifactFolder, "map-whole-districts.png"), ChartRenderer.Png(MapChartBuilder.Build(districts, input)));
    }

    [Fact]
    public void Dissolve_CommuneWithoutOrigin_IsRefused()
    {
        var origins = Origins().Where(o => o.UnitId != "thanh-hoa-xa-hoang-hoa");

        Should.Throw<ArgumentException>(() => DistrictDissolver.Dissolve(MapFixtures.Communes2025, origins, Districts2024())).Message
            .ShouldStartWith("Đơn vị 'thanh-hoa-xa-hoang-hoa' có ranh giới nhưng không có dòng nguồn gốc (commune-origins.csv), nên không gộp được huyện nào.");
    }

    private static List<FormerDistrict> Districts2024() => ReferenceData.Embedded.Units
        .Where(u => u.Level == "district" && u.ExistsIn(2024)).Select(u => new FormerDistrict(u.Id, u.FullName)).ToList();

    private static List<CommuneOrigin> Origins()
    {
        using var reader = new StreamReader(Path.Combine(TestFiles.RepositoryRoot, "data", "commune-origins.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var origins = new List<CommuneOrigin>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            origins.Add(new CommuneOrigin(
                csv.GetField("unit_id")!,
                csv.GetField("status")!,
                csv.GetField("former_districts")!.Split('|', StringSplitOptions.RemoveEmptyEntries),
                csv.GetField("unresolved")!));
        }

        return origins;
    }
}
