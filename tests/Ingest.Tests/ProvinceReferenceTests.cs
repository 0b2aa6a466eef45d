using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>The shipped reference data of Thanh Hóa: units per year, lineage, frameworks and the crosswalk.</summary>
public sealed class ProvinceReferenceTests
{
    private static readonly ReferenceData Reference = ReferenceData.LoadFromDirectory(Path.Combine(TestFiles.RepositoryRoot, "data"));
    private static readonly UnitLineage Lineage = new(Reference.Units, Reference.Lineage);

    private static IReadOnlyList<Unit> Districts(int year) => Lineage.UnitsIn(year, "thanh-hoa", "district");

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
        Reference.Frameworks.Select(f => (f.Id, f.YearFrom, f.YearTo, f.Status)).ShouldBe(
        [
            ("thanh-hoa-district-2017", 2017, (int?)2019, FrameworkStatus.Derived),
            ("thanh-hoa-district-2020-illustrative", 2020, 2022, FrameworkStatus.Illustrative),
            ("thanh-hoa-district-2023-illustrative", 2023, 2024, FrameworkStatus.Illustrative),
        ]);
        Reference.Frameworks.ShouldAllBe(f => f.TotalMax == 100m);
        Reference.Frameworks.Where(f => f.Status == FrameworkStatus.Illustrative)
            .ShouldAllBe(f => f.Source.StartsWith("Khung minh họa", StringComparison.Ordinal) && f.Status.ToVietnamese() == "khung minh họa");

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
        var frameworks = Reference.Frameworks.OrderBy(f => f.YearFrom).ToList();
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
        var path = Reference.Frameworks.OrderBy(f => f.YearFrom).ToList();
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
        var path = Reference.Frameworks.OrderBy(f => f.YearFrom).ToList();
        var (f2020, f2023) = (path[1], path[2]);
        var entry = Reference.Crosswalk.EntryOf(f2023.Id, "7.2")!;

        entry.Mapping.ShouldBe(MappingKind.New);
        entry.ConceptId.ShouldNotBe(Reference.Crosswalk.EntryOf(f2020.Id, "7.2")!.ConceptId);
        Reference.Crosswalk.Compare("online-services", f2020, f2023, path).Comparable.ShouldBeFalse();
    }
}
