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
