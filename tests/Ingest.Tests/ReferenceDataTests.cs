using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Ingest.Text;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

public sealed class ReferenceDataTests
{
    [Fact]
    public void Framework2017_IsExactlyTheRealReportsTree()
    {
        var framework = ReferenceData.Embedded.Frameworks.Single(f => f.Id == "thanh-hoa-district-2017");
        var problems = new List<Problem>();
        var report = TextReportReader.Read(File.ReadAllBytes(TestFiles.RealReport), "real.txt", problems)!;

        framework.Status.ShouldBe(FrameworkStatus.Derived);
        framework.Decision.ShouldBe("3965/2017/QĐ-UBND");
        framework.TotalMax.ShouldBe(100m);
        framework.Criteria.Select(c => (c.Code, c.Name, c.MaxPoints))
            .ShouldBe(report.Rows.Select(r => (r.Code, r.Name, r.MaxPoints!.Value)));
    }

    [Fact]
    public void EmbeddedFiles_AreTheFilesUnderData()
    {
        var fromDisk = ReferenceData.LoadFromDirectory(Path.Combine(TestFiles.RepositoryRoot, "data"));
        fromDisk.Units.ShouldBe(ReferenceData.Embedded.Units, ignoreOrder: false, comparer: new UnitComparer());
        fromDisk.Frameworks.Select(f => f.Criteria.Count).ShouldBe(ReferenceData.Embedded.Frameworks.Select(f => f.Criteria.Count));
    }

    [Fact]
    public void Components_EveryFramework_CriteriaAtTheTreesTotalAndTheCommuneSurveyBonusPenalty()
    {
        var frameworks = ReferenceData.LoadFromDirectory(Path.Combine(TestFiles.RepositoryRoot, "data")).Frameworks.ToDictionary(f => f.Id);

        frameworks.Values.ShouldAllBe(f => f.Components[0].Id == FrameworkComponent.CriteriaId && f.Components[0].MaxPoints == f.TotalMax && f.Components[0].Role == ComponentRole.Add);
        frameworks["thanh-hoa-district-2017"].Components.ShouldHaveSingleItem().MaxPoints.ShouldBe(100m);
        frameworks["thanh-hoa-district-2017"].HasComponents.ShouldBeFalse();
        frameworks["thanh-hoa-department-2023-illustrative"].Components.Select(c => (c.Id, c.MaxPoints, c.Role)).ShouldBe(
            [("criteria", 70m, ComponentRole.Add), ("survey", 30m, ComponentRole.Add)]);
        var commune = frameworks["thanh-hoa-commune-2025-illustrative"];
        commune.HasComponents.ShouldBeTrue();
        commune.Components.Select(c => (c.Id, c.Name, c.MaxPoints, c.Role)).ShouldBe(
        [
            ("criteria", "Điểm theo bộ tiêu chí (tự chấm / thẩm định)", 80m, ComponentRole.Add),
            ("survey", "Điểm điều tra xã hội học (SIPAS)", 20m, ComponentRole.Add),
            ("bonus", "Điểm thưởng", 5m, ComponentRole.Bonus),
            ("penalty", "Điểm trừ", 5m, ComponentRole.Subtract),
        ]);
        ReferenceData.Embedded.Frameworks.Select(f => f.Components.Count).ShouldBe(frameworks.Values.Select(f => f.Components.Count));
    }

    [Fact]
    public void Units_ThanhHoaHas27DistrictLevelUnitsIn2017And2021()
    {
        var units = ReferenceData.Embedded.Units.Where(u => u.Level == "district").ToList();
        units.Count(u => u.ExistsIn(2017)).ShouldBe(27);
        units.Where(u => u.ExistsIn(2017)).Count(u => u.Kind == UnitKind.Huyen).ShouldBe(24);
        units.Where(u => u.ExistsIn(2017)).Count(u => u.Kind == UnitKind.ThanhPho).ShouldBe(2);
        units.Count(u => u.ExistsIn(2021)).ShouldBe(27);
        units.Single(u => u.Id == "nghi-son").ExistsIn(2019).ShouldBeFalse();
        units.Single(u => u.Id == "tinh-gia").ExistsIn(2021).ShouldBeFalse();
        units.ShouldAllBe(u => u.Id == VietnameseText.Slug(u.Name) && u.Name == VietnameseText.Nfc(u.Name));
        ReferenceData.Embedded.Units.Where(u => u.Level == "department")
            .ShouldAllBe(u => u.Id.StartsWith("thanh-hoa-", StringComparison.Ordinal) && u.Id == VietnameseText.Slug(u.Id));
    }

    private sealed class UnitComparer : IEqualityComparer<Unit>
    {
        public bool Equals(Unit? x, Unit? y) => x is not null && y is not null && x.Id == y.Id && x.Name == y.Name
            && x.Kind == y.Kind && x.ValidFrom == y.ValidFrom && x.ValidTo == y.ValidTo && x.Aliases.SequenceEqual(y.Aliases);

        public int GetHashCode(Unit obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
