using CchcAnalytics.Core;

namespace CchcAnalytics.Core.Tests;

public sealed class UnitRegistryTests
{
    private static readonly UnitRegistry Registry = new(
    [
        new Unit("hoang-hoa", "Hoằng Hóa", UnitKind.Huyen, "thanh-hoa", null, new DateOnly(2025, 6, 30), ["Hoàng Hóa"]),
        new Unit("tinh-gia", "Tĩnh Gia", UnitKind.Huyen, "thanh-hoa", null, new DateOnly(2020, 5, 31), []),
        new Unit("nghi-son", "Nghi Sơn", UnitKind.ThiXa, "thanh-hoa", new DateOnly(2020, 6, 1), new DateOnly(2025, 6, 30), []),
        new Unit("thanh-hoa", "Thanh Hóa", UnitKind.ThanhPho, "thanh-hoa", null, new DateOnly(2025, 6, 30), []),
    ]);

    [Theory]
    [InlineData("HUYỆN HOÀNG HÓA")]        // the real report's letterhead (misspelt, upper case)
    [InlineData("UBND huyện Hoàng Hoá")]   // the real report's body text (old tone placement)
    [InlineData("Hoằng Hóa")]
    [InlineData("hoang-hoa")]              // the id
    public void Resolve_RealSpellings_FindHoangHoa(string text)
    {
        var match = Registry.Resolve(text);
        match.ShouldNotBeNull();
        match.Unit.Id.ShouldBe("hoang-hoa");
        match.Loose.ShouldBeFalse();
    }

    [Fact]
    public void Resolve_Unaccented_MatchesLooselyWhenUnique()
    {
        var match = Registry.Resolve("HOANG HOA");
        match.ShouldNotBeNull();
        match.Unit.Id.ShouldBe("hoang-hoa");
        match.Loose.ShouldBeTrue();
    }

    [Fact]
    public void Resolve_CityByKind_FindsCity() => Registry.Resolve("THÀNH PHỐ THANH HOÁ")!.Unit.Id.ShouldBe("thanh-hoa");

    [Fact]
    public void Resolve_UnitOutsideItsYears_NotFoundForThatYear()
    {
        Registry.Resolve("Tĩnh Gia", 2019)!.Unit.Id.ShouldBe("tinh-gia");
        Registry.Resolve("Tĩnh Gia", 2021).ShouldBeNull();
        Registry.Resolve("Nghi Sơn", 2021)!.Unit.Id.ShouldBe("nghi-son");
    }

    // Communes formed on 1/7/2025 often carry the name of the district they replaced (xã Hoằng Hóa, phường Tĩnh Gia).
    private static readonly UnitRegistry WithCommunes = new(
    [
        new Unit("hoang-hoa", "Hoằng Hóa", UnitKind.Huyen, "thanh-hoa", null, new DateOnly(2025, 6, 30), ["Hoàng Hóa"], LastYear: 2024),
        new Unit("thanh-hoa-xa-hoang-hoa", "Hoằng Hóa", UnitKind.Xa, "thanh-hoa", new DateOnly(2025, 7, 1), null, ["Hoằng Hoá"], FirstYear: 2025),
        new Unit("tinh-gia", "Tĩnh Gia", UnitKind.Huyen, "thanh-hoa", null, new DateOnly(2020, 5, 31), [], LastYear: 2019),
        new Unit("thanh-hoa-phuong-tinh-gia", "Tĩnh Gia", UnitKind.Phuong, "thanh-hoa", new DateOnly(2025, 7, 1), null, [], FirstYear: 2025),
    ]);

    [Theory]
    [InlineData("UBND xã Hoằng Hóa", "thanh-hoa-xa-hoang-hoa")]
    [InlineData("XÃ HOẰNG HOÁ", "thanh-hoa-xa-hoang-hoa")]
    [InlineData("UBND huyện Hoằng Hóa", "hoang-hoa")]
    [InlineData("HUYỆN HOANG HOA", "hoang-hoa")]
    [InlineData("Phường Tĩnh Gia", "thanh-hoa-phuong-tinh-gia")]
    [InlineData("Thị xã Tĩnh Gia", "tinh-gia")]   // a district-level kind word picks the district level
    public void Resolve_NameSharedByDistrictAndCommune_TheKindWordDecides(string text, string unitId) =>
        WithCommunes.Resolve(text)!.Unit.Id.ShouldBe(unitId);

    [Fact]
    public void Resolve_NameSharedByDistrictAndCommune_TheYearDecides()
    {
        WithCommunes.Resolve("Hoằng Hóa", 2017)!.Unit.Id.ShouldBe("hoang-hoa");
        WithCommunes.Resolve("Hoằng Hóa", 2026)!.Unit.Id.ShouldBe("thanh-hoa-xa-hoang-hoa");
        WithCommunes.Resolve("hoang hoa", 2025)!.Unit.Id.ShouldBe("thanh-hoa-xa-hoang-hoa");
    }

    [Fact]
    public void Resolve_NameSharedByDistrictAndCommuneWithNothingToDecide_TheUnitThatHadTheNameFirst()
    {
        // A bare name, no year, no kind word: the district had the name first; the commune needs its kind or a year.
        WithCommunes.Resolve("Hoằng Hóa")!.Unit.Id.ShouldBe("hoang-hoa");
        WithCommunes.Resolve("Tĩnh Gia")!.Unit.Id.ShouldBe("tinh-gia");
    }

    [Fact]
    public void Resolve_Unknown_ReturnsNull() => Registry.Resolve("huyện Không Có").ShouldBeNull();

    [Fact]
    public void Constructor_DuplicateId_Throws() =>
        Should.Throw<ArgumentException>(() => new UnitRegistry(
        [
            new Unit("a", "A", UnitKind.Huyen, "p", null, null, []),
            new Unit("a", "B", UnitKind.Huyen, "p", null, null, []),
        ]));
}
