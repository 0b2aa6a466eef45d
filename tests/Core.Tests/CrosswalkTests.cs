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
    public void Compare_ParentMarkedRenamedButEverySubCriterionNew_NotComparable()
    {
        // The shape of the 2023 khung minh họa's 7.2: the criterion keeps its number, both sub-criteria are new measures.
        var (before, after, path) = Redefined(("2.1", MappingKind.New), ("2.2", MappingKind.New));

        var result = path.Crosswalk.Compare("services", before, after, path.Frameworks);

        result.Comparable.ShouldBeFalse();
        result.Warnings.ShouldContain("Mọi tiêu chí thành phần của 2 “Dịch vụ” trong khung e đều mới hoặc được định nghĩa lại: không so sánh trực tiếp với các năm trước.");
    }

    [Fact]
    public void Compare_ParentWithOneSubCriterionKept_StaysComparable()
    {
        var (before, after, path) = Redefined(("2.1", MappingKind.New), ("2.2", MappingKind.Same));

        path.Crosswalk.Compare("services", before, after, path.Frameworks).Comparable.ShouldBeTrue();
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

    /// <summary>Frameworks d → e where area 2 is "renamed" and its two sub-criteria mapped as given.</summary>
    private static (Framework Before, Framework After, (Crosswalk Crosswalk, Framework[] Frameworks) Path) Redefined(
        (string Code, MappingKind Mapping) first, (string Code, MappingKind Mapping) second)
    {
        var d = Framework("d", 2020, FrameworkStatus.Illustrative, ("2", 7), ("2.1", 3), ("2.2", 4));
        var e = Framework("e", 2023, FrameworkStatus.Illustrative, ("2", 7), ("2.1", 4), ("2.2", 3));
        var concepts = new List<Concept>
        {
            new("services", CriterionLevel.Area, "Dịch vụ"),
            new("s1", CriterionLevel.Criterion, "Mức 3"),
            new("s2", CriterionLevel.Criterion, "Mức 4"),
            new("n1", CriterionLevel.Criterion, "Toàn trình"),
            new("n2", CriterionLevel.Criterion, "Một phần"),
        };
        CrosswalkEntry Child((string Code, MappingKind Mapping) row, string kept, string fresh) =>
            new("e", row.Code, row.Mapping == MappingKind.Same ? kept : fresh, row.Mapping, [row.Code], null);
        var crosswalk = new Crosswalk(concepts,
        [
            new CrosswalkEntry("d", "2", "services", MappingKind.Same, [], null),
            new CrosswalkEntry("d", "2.1", "s1", MappingKind.Same, [], null),
            new CrosswalkEntry("d", "2.2", "s2", MappingKind.Same, [], null),
            new CrosswalkEntry("e", "2", "services", MappingKind.Renamed, ["2"], null),
            Child(first, "s1", "n1"),
            Child(second, "s2", "n2"),
        ]);
        return (d, e, (crosswalk, [d, e]));
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
