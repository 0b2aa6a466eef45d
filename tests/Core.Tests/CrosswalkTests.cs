using CchcAnalytics.Core;

namespace CchcAnalytics.Core.Tests;

/// <summary>Comparability across three small frameworks: A (year 1), B (renumbers and re-weights), C (re-defines).</summary>
public sealed class CrosswalkTests
{
    private static readonly Framework A = Framework("a", 2017, FrameworkStatus.Derived, ("1", 10), ("1.1", 4), ("1.2", 6));
    private static readonly Framework B = Framework("b", 2020, FrameworkStatus.Illustrative, ("1", 10), ("1.1", 5), ("1.2", 5));
    private static readonly Framework C = Framework("c", 2023, FrameworkStatus.Illustrative, ("1", 10), ("1.1", 5), ("1.2", 5));
    private static readonly Framework[] Path = [A, B, C];

    private static readonly Crosswalk Crosswalk = new(
        [
            new Concept("area", CriterionLevel.Area, "Lĩnh vực"),
            new Concept("plan", CriterionLevel.Criterion, "Kế hoạch"),
            new Concept("online", CriterionLevel.Criterion, "Dịch vụ công trực tuyến mức độ 3"),
            new Concept("online-full", CriterionLevel.Criterion, "Dịch vụ công trực tuyến toàn trình"),
        ],
        [
            new CrosswalkEntry("a", "1", "area", MappingKind.Same, ["1"], null),
            new CrosswalkEntry("a", "1.1", "plan", MappingKind.Same, ["1.1"], null),
            new CrosswalkEntry("a", "1.2", "online", MappingKind.Same, ["1.2"], null),
            new CrosswalkEntry("b", "1", "area", MappingKind.Same, ["1"], null),
            new CrosswalkEntry("b", "1.1", "online", MappingKind.Renamed, ["1.2"], "renumbered 1.2 → 1.1"),
            new CrosswalkEntry("b", "1.2", "plan", MappingKind.Renamed, ["1.1"], "renumbered 1.1 → 1.2"),
            new CrosswalkEntry("c", "1", "area", MappingKind.Same, ["1"], null),
            new CrosswalkEntry("c", "1.1", "online-full", MappingKind.New, ["1.1"], null),
            new CrosswalkEntry("c", "1.2", "plan", MappingKind.Same, ["1.2"], null),
            new CrosswalkEntry("c", null, "online", MappingKind.Dropped, ["1.1"], null),
        ]);

    [Fact]
    public void Compare_RenumberedAndReweighted_ComparableInPercentWithWarnings()
    {
        var result = Crosswalk.Compare("online", A, B, Path);

        result.Comparable.ShouldBeTrue();
        result.Warnings.ShouldBe(
        [
            "Khung b: “Dịch vụ công trực tuyến mức độ 3” đổi tên hoặc đánh số lại thành 1.1.",
            "Điểm chuẩn của “Dịch vụ công trực tuyến mức độ 3” thay đổi (6 → 5): so sánh theo % điểm chuẩn.",
            "Có khung minh họa (không phải khung chính thức) trong so sánh.",
        ]);
        Crosswalk.CodeOf("a", "online").ShouldBe("1.2");
        Crosswalk.CodeOf("b", "online").ShouldBe("1.1");
    }

    [Fact]
    public void Compare_DroppedConcept_NotComparable()
    {
        var result = Crosswalk.Compare("online", A, C, Path);

        result.Comparable.ShouldBeFalse();
        result.Warnings.ShouldContain("Khung c không chấm “Dịch vụ công trực tuyến mức độ 3”: không so sánh được.");
        Crosswalk.CodeOf("c", "online").ShouldBeNull();
    }

    [Fact]
    public void Compare_NewConcept_HasNoEarlierValues()
    {
        var result = Crosswalk.Compare("online-full", B, C, Path);

        result.Comparable.ShouldBeFalse();
    }

    [Fact]
    public void Compare_SameConceptThroughARenumbering_ComparableAcrossTheWholePath()
    {
        var result = Crosswalk.Compare("plan", A, C, Path);

        result.Comparable.ShouldBeTrue();
        result.Warnings.ShouldContain("Khung b: “Kế hoạch” đổi tên hoặc đánh số lại thành 1.2.");
        result.Warnings.ShouldContain("Điểm chuẩn của “Kế hoạch” thay đổi (4 → 5): so sánh theo % điểm chuẩn.");
    }

    [Fact]
    public void Compare_WithinOneFramework_AlwaysComparableWithoutWarnings() =>
        Crosswalk.Compare("plan", B, B, Path).ShouldBe(new Comparability(true, []), new ComparabilityComparer());

    [Fact]
    public void Constructor_UnknownConceptOrCodeMappedTwice_Throws()
    {
        Should.Throw<ArgumentException>(() => new Crosswalk([], [new CrosswalkEntry("a", "1", "nope", MappingKind.Same, [], null)]));
        Should.Throw<ArgumentException>(() => new Crosswalk(
            [new Concept("x", CriterionLevel.Area, "X")],
            [new CrosswalkEntry("a", "1", "x", MappingKind.Same, [], null), new CrosswalkEntry("a", "1", "x", MappingKind.Same, [], null)]));
    }

    private static Framework Framework(string id, int year, FrameworkStatus status, params (string Code, decimal Max)[] rows) =>
        new(id, "p", "district", year, null, null, status, "test",
            rows.Select(r => new FrameworkCriterion(r.Code, CriterionCode.LevelOf(r.Code)!.Value, r.Code, r.Max)).ToList());

    private sealed class ComparabilityComparer : IEqualityComparer<Comparability>
    {
        public bool Equals(Comparability? x, Comparability? y) => x is not null && y is not null && x.Comparable == y.Comparable && x.Warnings.SequenceEqual(y.Warnings);

        public int GetHashCode(Comparability obj) => obj.Comparable.GetHashCode();
    }
}
