using System.Globalization;
using System.Text.Json;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Tests;
using CsvHelper;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>The shipped reference data of Thanh Hóa: units per year, lineage, frameworks and the crosswalk.</summary>
public sealed class ProvinceReferenceTests
{
    private static readonly ReferenceData Reference = ReferenceData.LoadFromDirectory(Path.Combine(TestFiles.RepositoryRoot, "data"));
    private static readonly UnitLineage Lineage = new(Reference.Units, Reference.Lineage, Reference.Places.LevelName);

    private static readonly string DataFolder = Path.Combine(TestFiles.RepositoryRoot, "data");

    private static IReadOnlyList<Unit> Districts(int year) => Lineage.UnitsIn(year, "thanh-hoa", "district");

    private static IReadOnlyList<Unit> Communes(int year) => Lineage.UnitsIn(year, "thanh-hoa", "commune");

    /// <summary>The district-level frameworks, in order: the other levels have their own chains.</summary>
    private static List<Framework> DistrictPath() =>
        Reference.Frameworks.Where(f => f.Level == "district").OrderBy(f => f.YearFrom).ToList();

    private static List<Dictionary<string, string>> ReadCsv(string relativePath)
    {
        using var reader = new StreamReader(Path.Combine(DataFolder, relativePath));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).ToDictionary(p => p.Key, p => (string)p.Value)).ToList();
    }

    [Fact]
    public void Units_DistrictLevelCountsPerYear_FollowTheLineage()
    {
        // 2017–2019: 2 TP, 1 TX, 24 huyện incl. Tĩnh Gia; 2020–2023: Nghi Sơn is the second TX, 23 huyện;
        // 2024: Đông Sơn has joined TP Thanh Hóa, 22 huyện; from 1/7/2025 there is no district level.
        Count(2017).ShouldBe((27, 2, 1, 24));
        Count(2019).ShouldBe((27, 2, 1, 24));
        Count(2020).ShouldBe((27, 2, 2, 23));
        Count(2023).ShouldBe((27, 2, 2, 23));
        Count(2024).ShouldBe((26, 2, 2, 22));
        Districts(2025).ShouldBeEmpty();
        Districts(2017).ShouldContain(u => u.Id == "tinh-gia");
        Districts(2020).ShouldNotContain(u => u.Id == "tinh-gia");
        Districts(2024).ShouldNotContain(u => u.Id == "dong-son");

        static (int All, int Cities, int Towns, int Rural) Count(int year)
        {
            var units = Districts(year);
            return (units.Count, units.Count(u => u.Kind == UnitKind.ThanhPho), units.Count(u => u.Kind == UnitKind.ThiXa), units.Count(u => u.Kind == UnitKind.Huyen));
        }
    }

    [Fact]
    public void Units_OtherLevels_AreUnitsToo()
    {
        var departments = Reference.Units.Where(u => u.Level == "department").ToList();
        departments.Count.ShouldBe(20);
        departments.ShouldContain(u => u.Id == "thanh-hoa-so-noi-vu" && u.FullName == "Sở Nội vụ");
        departments.ShouldAllBe(u => u.ExistsIn(2023) && u.ExistsIn(2026));
    }

    [Theory]
    [InlineData("HUYỆN HOÀNG HÓA", "hoang-hoa")]   // the real report's misspelling
    [InlineData("HOÀNG HOÁ", "hoang-hoa")]
    [InlineData("Thị xã Sầm Sơn", "sam-son")]      // before it became a city in 2017
    [InlineData("Trường Xuân", "thuong-xuan")]     // misspelt in a public list
    [InlineData("TP Thanh Hoá", "thanh-hoa")]
    [InlineData("Sở GTVT", "thanh-hoa-so-gtvt")]
    [InlineData("Văn phòng UBND tỉnh", "thanh-hoa-van-phong-ubnd")]
    public void Units_AliasesAndVariants_Resolve(string text, string unitId) =>
        new UnitRegistry(Reference.Units).Resolve(text)!.Unit.Id.ShouldBe(unitId);

    [Fact]
    public void Lineage_TinhGiaAndNghiSon_AreOneSeriesThatEndsWithTheDistrictLevel()
    {
        var series = Lineage.SeriesOf("tinh-gia");

        series.ShouldBeEquivalentTo(Lineage.SeriesOf("nghi-son"));
        series.UnitIds.ShouldBe(["tinh-gia", "nghi-son"]);
        Enumerable.Range(2017, 3).ShouldAllBe(y => series.UnitIdIn(y) == "tinh-gia");
        Enumerable.Range(2020, 5).ShouldAllBe(y => series.UnitIdIn(y) == "nghi-son");
        series.Breaks.Single().Message.ShouldBe("Từ 2020: huyện Tĩnh Gia tiếp tục là thị xã Nghi Sơn (933/NQ-UBTVQH14 (22/4/2020)).");
        series.EndYear.ShouldBe(2024);
        series.EndMessage.ShouldBe("Chuỗi số liệu kết thúc năm 2024: cấp huyện kết thúc từ ngày 01/07/2025 (202/2025/QH15).");
    }

    [Fact]
    public void Lineage_DongSon_EndsIn2023AndTpThanhHoaCarriesABreak()
    {
        var dongSon = Lineage.SeriesOf("dong-son");
        dongSon.EndYear.ShouldBe(2023);
        dongSon.EndMessage.ShouldBe("Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.");

        var city = Lineage.SeriesOf("thanh-hoa");
        city.UnitIds.ShouldBe(["thanh-hoa"]);
        city.Breaks.Single().Year.ShouldBe(2024);
        city.EndYear.ShouldBe(2024);

        var samSon = Lineage.SeriesOf("sam-son");
        samSon.Breaks.Single().Message.ShouldStartWith("Từ 2017: thị xã Sầm Sơn trở thành thành phố");
    }

    [Fact]
    public void Frameworks_OneTreePerPeriod_IllustrativeOnesLabelled()
    {
        Reference.Frameworks.Select(f => (f.Id, f.Level, f.YearFrom, f.YearTo, f.Status)).ShouldBe(
        [
            ("thanh-hoa-district-2017", "district", 2017, (int?)2019, FrameworkStatus.Derived),
            ("thanh-hoa-district-2020-illustrative", "district", 2020, 2022, FrameworkStatus.Illustrative),
            ("thanh-hoa-district-2023-illustrative", "district", 2023, 2024, FrameworkStatus.Illustrative),
            ("thanh-hoa-department-2023-illustrative", "department", 2023, 2026, FrameworkStatus.Illustrative),
            ("thanh-hoa-commune-2025-illustrative", "commune", 2025, 2026, FrameworkStatus.Illustrative),
        ]);
        Reference.Frameworks.Select(f => f.TotalMax).ShouldBe([100m, 100m, 100m, 70m, 80m]);
        Reference.Frameworks.Where(f => f.Status == FrameworkStatus.Illustrative)
            .ShouldAllBe(f => f.Source.StartsWith("Khung minh họa — không phải khung chính thức", StringComparison.Ordinal) && f.Status.ToVietnamese() == "khung minh họa");

        // The illustrative trees add up everywhere; only the real 2017 tree keeps its printed 5.4 slip.
        foreach (var framework in Reference.Frameworks)
        {
            var slips = framework.Criteria
                .Where(c => framework.Criteria.Any(k => k.ParentCode == c.Code))
                .Where(c => framework.Criteria.Where(k => k.ParentCode == c.Code).Sum(k => k.MaxPoints) != c.MaxPoints)
                .Select(c => c.Code).ToList();
            slips.ShouldBe(framework.Id == "thanh-hoa-district-2017" ? ["5.4"] : []);
        }
    }

    [Fact]
    public void Frameworks_DepartmentAndCommuneKhungMinhHoa_FollowTheirSourcesStructure()
    {
        // Departments: the 7 areas of 876/QĐ-BNV; communes: Hà Nội's 2025 commune framework, 8 contents (3 = procedures
        // and one-stop shop together, 8 = impact) plus bonus and penalty points (components.csv).
        var department = Reference.Frameworks.Single(f => f.Id == "thanh-hoa-department-2023-illustrative");
        department.Criteria.Where(c => c.Level == CriterionLevel.Area).Select(c => c.MaxPoints).ShouldBe([10m, 8m, 12m, 8m, 10m, 8m, 14m]);
        department.Find("5")!.Name.ShouldBe("CẢI CÁCH CHẾ ĐỘ CÔNG VỤ");

        var commune = Reference.Frameworks.Single(f => f.Id == "thanh-hoa-commune-2025-illustrative");
        commune.Criteria.Count(c => c.Level == CriterionLevel.Area).ShouldBe(8);
        commune.Find("3")!.Name.ShouldBe("CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG");
        commune.Find("8")!.Name.ShouldStartWith("TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH");
    }

    [Fact]
    public void Components_EveryFrameworkHasItsCriteriaComponentEqualToItsTreeAndAnIndexOutOf100()
    {
        var rows = ReadCsv("frameworks/components.csv");
        var byFramework = rows.GroupBy(r => r["framework_id"]).ToDictionary(g => g.Key, g => g.ToList());
        byFramework.Keys.Order().ShouldBe(Reference.Frameworks.Select(f => f.Id).Order());
        rows.ShouldAllBe(r => new[] { "criteria", "survey", "bonus", "penalty" }.Contains(r["component"])
            && new[] { "add", "bonus", "subtract" }.Contains(r["in_index"]) && r["name"].Length > 0);
        foreach (var framework in Reference.Frameworks)
        {
            var components = byFramework[framework.Id];
            components.Select(c => c["component"]).ShouldBeUnique();
            decimal Max(string component) => decimal.Parse(components.Single(c => c["component"] == component)["max_points"], CultureInfo.InvariantCulture);
            Max("criteria").ShouldBe(framework.TotalMax, framework.Id);
            components.Where(c => c["in_index"] == "add").Sum(c => decimal.Parse(c["max_points"], CultureInfo.InvariantCulture)).ShouldBe(100m, framework.Id);
        }

        byFramework["thanh-hoa-department-2023-illustrative"].Select(c => (c["component"], c["max_points"], c["in_index"]))
            .ShouldBe([("criteria", "70", "add"), ("survey", "30", "add")]);
        byFramework["thanh-hoa-commune-2025-illustrative"].Select(c => (c["component"], c["max_points"], c["in_index"]))
            .ShouldBe([("criteria", "80", "add"), ("survey", "20", "add"), ("bonus", "5", "bonus"), ("penalty", "5", "subtract")]);
    }

    [Fact]
    public void Crosswalk_MapsEveryCriterionOfEveryFrameworkExactlyOnce()
    {
        foreach (var framework in Reference.Frameworks)
        {
            framework.Criteria.ShouldAllBe(c => Reference.Crosswalk.EntryOf(framework.Id, c.Code) != null);
            Reference.Crosswalk.Entries.Where(e => e.FrameworkId == framework.Id && e.Code != null).Count().ShouldBe(framework.Criteria.Count);
        }

        Reference.Crosswalk.Entries.Select(e => e.FrameworkId).Distinct().Order().ShouldBe(Reference.Frameworks.Select(f => f.Id).Order());
    }

    [Fact]
    public void Crosswalk_EveryMappingAgreesWithThePreviousFramework()
    {
        foreach (var level in Reference.Frameworks.GroupBy(f => (f.Province, f.Level)))
        {
            CheckAgainstPrevious(level.OrderBy(f => f.YearFrom).ToList());
        }
    }

    [Fact]
    public void Crosswalk_FirstFrameworkOfALevel_IsItsOwnRootWithItsOwnConcepts()
    {
        foreach (var id in new[] { "thanh-hoa-department-2023-illustrative", "thanh-hoa-commune-2025-illustrative" })
        {
            var entries = Reference.Crosswalk.Entries.Where(e => e.FrameworkId == id).ToList();
            entries.ShouldAllBe(e => e.Mapping == MappingKind.Same && e.FromCodes.Count == 0 && e.Note!.StartsWith("gốc: bộ tiêu chí đầu tiên", StringComparison.Ordinal));
            var others = Reference.Crosswalk.Entries.Where(e => e.FrameworkId != id).Select(e => e.ConceptId).ToHashSet();
            entries.ShouldAllBe(e => !others.Contains(e.ConceptId));   // no comparison across levels is implied
        }
    }

    private static void CheckAgainstPrevious(List<Framework> frameworks)
    {
        for (var i = 1; i < frameworks.Count; i++)
        {
            var (previous, current) = (frameworks[i - 1], frameworks[i]);
            var previousConcepts = previous.Criteria.Select(c => Reference.Crosswalk.EntryOf(previous.Id, c.Code)!.ConceptId).ToHashSet();
            var currentConcepts = current.Criteria.Select(c => Reference.Crosswalk.EntryOf(current.Id, c.Code)!.ConceptId).ToHashSet();
            foreach (var entry in Reference.Crosswalk.Entries.Where(e => e.FrameworkId == current.Id))
            {
                var because = $"{current.Id} {entry.Code} → {entry.ConceptId} ({entry.Mapping.ToCode()})";
                entry.FromCodes.ShouldAllBe(code => previous.Find(code) != null, because);
                switch (entry.Mapping)
                {
                    case MappingKind.Same or MappingKind.Renamed:
                        previousConcepts.ShouldContain(entry.ConceptId, because);
                        break;
                    case MappingKind.Merged:
                        entry.FromCodes.Count.ShouldBeGreaterThan(1, because);
                        previousConcepts.ShouldNotContain(entry.ConceptId, because);
                        break;
                    case MappingKind.Split or MappingKind.New:
                        previousConcepts.ShouldNotContain(entry.ConceptId, because);
                        break;
                    case MappingKind.Dropped:
                        previousConcepts.ShouldContain(entry.ConceptId, because);
                        currentConcepts.ShouldNotContain(entry.ConceptId, because);
                        break;
                }
            }

            // Nothing silently disappears: a concept of the previous framework is kept, dropped, or merged/split away.
            var accounted = Reference.Crosswalk.Entries
                .Where(e => e.FrameworkId == current.Id && e.Mapping is MappingKind.Merged or MappingKind.Split or MappingKind.Dropped or MappingKind.New)
                .SelectMany(e => e.FromCodes).Select(code => Reference.Crosswalk.EntryOf(previous.Id, code)!.ConceptId)
                .Concat(Reference.Crosswalk.Entries.Where(e => e.FrameworkId == current.Id && e.Mapping == MappingKind.Dropped).Select(e => e.ConceptId));
            previousConcepts.Except(currentConcepts).Except(accounted).ShouldBeEmpty($"{previous.Id} → {current.Id}");
        }
    }

    [Fact]
    public void Crosswalk_OnlineServices_ComparableUntil2022ThenRedefined()
    {
        var path = DistrictPath();
        var (f2017, f2020, f2023) = (path[0], path[1], path[2]);

        Reference.Crosswalk.CodeOf(f2017.Id, "online-services-level-3").ShouldBe("7.1.4");
        Reference.Crosswalk.CodeOf(f2020.Id, "online-services-level-3").ShouldBe("7.2.1");
        var early = Reference.Crosswalk.Compare("online-services-level-3", f2017, f2020, path);
        early.Comparable.ShouldBeTrue();
        early.Warnings.ShouldContain("Điểm chuẩn của “Mức độ cung cấp dịch vụ công trực tuyến mức độ 3” thay đổi (2 → 3): so sánh theo % điểm chuẩn.");

        Reference.Crosswalk.Compare("online-services-level-4", f2017, f2023, path).Comparable.ShouldBeFalse();
        Reference.Crosswalk.CodeOf(f2023.Id, "online-services-full-process").ShouldBe("7.2.1");
        Reference.Crosswalk.Compare("iso-quality-system", f2017, f2023, path).Comparable.ShouldBeTrue();
        Reference.Crosswalk.Compare("staff-performance", f2017, f2020, path).Comparable.ShouldBeFalse();
    }

    [Fact]
    public void Crosswalk_OnlineServicesCriterion2023_IsNewNotRenamed()
    {
        // 2023's 7.2 keeps its number, but both its sub-criteria (toàn trình, một phần) are new measures: the criterion
        // is a new concept, so 2020–2022 values of 7.2 never join it (issue 15, §2).
        var path = DistrictPath();
        var (f2020, f2023) = (path[1], path[2]);
        var entry = Reference.Crosswalk.EntryOf(f2023.Id, "7.2")!;

        entry.Mapping.ShouldBe(MappingKind.New);
        entry.ConceptId.ShouldNotBe(Reference.Crosswalk.EntryOf(f2020.Id, "7.2")!.ConceptId);
        Reference.Crosswalk.Compare("online-services", f2020, f2023, path).Comparable.ShouldBeFalse();
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Units_CommunesFrom2025_Are166Of147XaAnd19Phuong(int year)
    {
        // NQ 202/2025/QH15 and the national list of 1/7/2025 (QĐ 19/2025/QĐ-TTg): 166 xã/phường, 147 xã, 19 phường.
        var communes = Communes(year);
        communes.Count.ShouldBe(166);
        communes.Count(u => u.Kind == UnitKind.Xa).ShouldBe(147);
        communes.Count(u => u.Kind == UnitKind.Phuong).ShouldBe(19);
        Communes(2024).ShouldBeEmpty();
        Districts(year).ShouldBeEmpty();
    }

    [Fact]
    public void Units_Communes_HaveUniqueSlugIdsAndOfficialCodes()
    {
        var communes = Reference.Units.Where(u => u.Level == "commune").ToList();
        Reference.Units.Select(u => u.Id).ShouldBeUnique();
        communes.ShouldAllBe(u => u.Id == $"thanh-hoa-{u.Kind.ToCode()}-{VietnameseText.Slug(u.Name)}" && u.Name == VietnameseText.Nfc(u.Name));
        communes.ShouldAllBe(u => u.OfficialCode != null && u.OfficialCode.Length == 5 && u.OfficialCode.All(char.IsAsciiDigit));
        communes.Select(u => u.OfficialCode).ShouldBeUnique();
        communes.ShouldAllBe(u => u.ValidFrom == new DateOnly(2025, 7, 1) && u.FirstYear == 2025 && u.LastYear == null && u.ValidTo == null);
        Reference.Units.Where(u => u.Level != "commune").ShouldAllBe(u => u.OfficialCode == null);

        var hoangHoa = communes.Single(u => u.OfficialCode == "15865");
        (hoangHoa.Id, hoangHoa.FullName).ShouldBe(("thanh-hoa-xa-hoang-hoa", "xã Hoằng Hóa"));
        communes.Single(u => u.OfficialCode == "14812").Id.ShouldBe("thanh-hoa-phuong-bim-son");
    }

    [Theory]
    [InlineData("UBND xã Hoằng Hóa", null, "thanh-hoa-xa-hoang-hoa")]
    [InlineData("XÃ HOẰNG HOÁ", null, "thanh-hoa-xa-hoang-hoa")]
    [InlineData("Hoằng Hóa", 2025, "thanh-hoa-xa-hoang-hoa")]
    [InlineData("hoang hoa", 2026, "thanh-hoa-xa-hoang-hoa")]        // without diacritics
    [InlineData("Hoằng Hóa", 2024, "hoang-hoa")]
    [InlineData("UBND huyện Hoằng Hóa", null, "hoang-hoa")]
    [InlineData("Hoằng Hóa", null, "hoang-hoa")]                     // a bare name is the district, which had it first
    [InlineData("Phường Bỉm Sơn", null, "thanh-hoa-phuong-bim-son")]
    [InlineData("Thị xã Bỉm Sơn", null, "bim-son")]
    [InlineData("Cẩm Thuỷ", 2025, "thanh-hoa-xa-cam-thuy")]           // old tone placement
    [InlineData("Xã Sơn Thuỷ", null, "thanh-hoa-xa-son-thuy")]
    [InlineData("Hoá Quỳ", null, "thanh-hoa-xa-hoa-quy")]
    [InlineData("Dien Lu", null, "thanh-hoa-xa-dien-lu")]
    [InlineData("PHƯỜNG ĐÀO DUY TỪ", null, "thanh-hoa-phuong-dao-duy-tu")]
    [InlineData("Đồng Tiến", 2025, "thanh-hoa-xa-dong-tien")]         // xã Đồng Tiến and phường Đông Tiến differ by a letter
    [InlineData("phường Đông Tiến", 2025, "thanh-hoa-phuong-dong-tien")]
    public void Units_CommuneNames_ResolveWithAndWithoutDiacritics(string text, int? year, string unitId) =>
        new UnitRegistry(Reference.Units).Resolve(text, year)!.Unit.Id.ShouldBe(unitId);

    [Fact]
    public void Boundaries_Communes2025_OneFeaturePerCommuneUnder3MB()
    {
        var file = new FileInfo(Path.Combine(DataFolder, "boundaries", "thanh-hoa-communes-2025.geojson"));
        file.Length.ShouldBeLessThan(3 * 1024 * 1024);

        using var document = JsonDocument.Parse(File.ReadAllBytes(file.FullName));
        var root = document.RootElement;
        root.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        root.GetProperty("license").GetString()!.ShouldStartWith("MIT License, Copyright (c) 2021 Thang Le Quoc");
        var features = root.GetProperty("features").EnumerateArray().ToList();
        features.Count.ShouldBe(166);

        var communes = Reference.Units.Where(u => u.Level == "commune").ToDictionary(u => u.Id);
        var ids = features.Select(f => f.GetProperty("properties").GetProperty("unit_id").GetString()!).ToList();
        ids.Order(StringComparer.Ordinal).ShouldBe(communes.Keys.Order(StringComparer.Ordinal));
        foreach (var feature in features)
        {
            var properties = feature.GetProperty("properties");
            var unit = communes[properties.GetProperty("unit_id").GetString()!];
            properties.GetProperty("official_code").GetString().ShouldBe(unit.OfficialCode);
            properties.GetProperty("name").GetString().ShouldBe(unit.Name);
            var geometry = feature.GetProperty("geometry");
            geometry.GetProperty("type").GetString().ShouldBeOneOf("Polygon", "MultiPolygon");

            // Every point lies in Thanh Hóa (about 104.4–106.1° E, 19.2–20.7° N).
            foreach (var (lon, lat) in Points(geometry.GetProperty("coordinates")))
            {
                lon.ShouldBeInRange(104.3, 106.2);
                lat.ShouldBeInRange(19.1, 20.8);
            }
        }

        static IEnumerable<(double Lon, double Lat)> Points(JsonElement coordinates) =>
            coordinates[0].ValueKind == JsonValueKind.Number
                ? [(coordinates[0].GetDouble(), coordinates[1].GetDouble())]
                : coordinates.EnumerateArray().SelectMany(Points);
    }

    [Fact]
    public void CommuneOrigins_EveryCommuneOnce_FormerDistrictsOnlyWhereTheSourcesSay()
    {
        var rows = ReadCsv("commune-origins.csv");
        var communes = Reference.Units.Where(u => u.Level == "commune").ToDictionary(u => u.Id);
        rows.Select(r => r["unit_id"]).Order(StringComparer.Ordinal).ShouldBe(communes.Keys.Order(StringComparer.Ordinal));
        rows.ShouldAllBe(r => communes[r["unit_id"]].OfficialCode == r["official_code"] && r["former_units"].Length > 0 && r["source"].Contains("1686/NQ-UBTVQH15"));

        // Former districts are the district-level units of the last district year, 2024 (Đông Sơn is already in the city).
        var districts2024 = Districts(2024).Select(u => u.Id).ToHashSet();
        rows.SelectMany(r => r["former_districts"].Split('|', StringSplitOptions.RemoveEmptyEntries)).ShouldAllBe(id => districts2024.Contains(id));
        rows.SelectMany(r => r["former_districts"].Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct().Count().ShouldBe(26);

        // documented: every former commune placed; partial: the unplaced ones are said, in Vietnamese.
        rows.Count(r => r["status"] == "documented").ShouldBe(159);
        rows.Where(r => r["status"] == "documented").ShouldAllBe(r => r["unresolved"] == "" && r["former_districts"] != "");
        rows.Where(r => r["status"] == "partial").Select(r => r["unit_id"]).Order(StringComparer.Ordinal).ShouldBe(
        [
            "thanh-hoa-phuong-bim-son", "thanh-hoa-phuong-hac-thanh", "thanh-hoa-phuong-quang-trung", "thanh-hoa-xa-nguyet-an",
            "thanh-hoa-xa-phu-xuan", "thanh-hoa-xa-tan-ninh", "thanh-hoa-xa-trung-thanh",
        ]);
        rows.Where(r => r["status"] == "partial").ShouldAllBe(r => r["unresolved"].Contains("nguồn không ghi rõ") || r["unresolved"].Contains("không có trong danh mục"));

        var byId = rows.ToDictionary(r => r["unit_id"]);
        byId["thanh-hoa-xa-cac-son"]["former_units"].ShouldBe("Xã Anh Sơn|Xã Các Sơn");   // item 1 of NQ 1686
        byId["thanh-hoa-xa-cac-son"]["former_districts"].ShouldBe("nghi-son");
        byId["thanh-hoa-xa-hoang-hoa"]["former_districts"].ShouldBe("hoang-hoa");
        byId["thanh-hoa-phuong-bim-son"]["former_districts"].ShouldBe("bim-son|ha-trung");   // straddles two former districts
        byId["thanh-hoa-xa-phu-xuan"]["former_districts"].ShouldBe("");                      // Quan Hóa or Thọ Xuân: not said
        rows.Count(r => r["former_districts"].Contains('|')).ShouldBe(5);
    }
}
