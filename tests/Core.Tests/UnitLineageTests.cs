using CchcAnalytics.Core;

namespace CchcAnalytics.Core.Tests;

/// <summary>Lineage on a small hand-made province, so every expectation can be checked by reading the setup.</summary>
public sealed class UnitLineageTests
{
    // Old (huyện) → New (thị xã) from 2020; Small merges into City from 2024; the district level ends 1/7/2025.
    private static readonly Unit Old = new("old", "Cũ", UnitKind.Huyen, "p", null, new DateOnly(2020, 5, 31), [], LastYear: 2019);
    private static readonly Unit New = new("new", "Mới", UnitKind.ThiXa, "p", new DateOnly(2020, 6, 1), null, [], FirstYear: 2020, LastYear: 2024);
    private static readonly Unit Small = new("small", "Nhỏ", UnitKind.Huyen, "p", null, null, [], LastYear: 2023);
    private static readonly Unit City = new("city", "Lớn", UnitKind.ThanhPho, "p", null, null, [], LastYear: 2024);
    private static readonly Unit Department = new("dept", "Sở Nội vụ", UnitKind.So, "p", null, null, []);

    private static readonly UnitLineage Lineage = new(
        [Old, New, Small, City, Department],
        [
            new LineageEvent("old-new", 2020, new DateOnly(2020, 6, 1), LineageEventKind.Succeeded, "p", "district", "old", "new", UnitKind.Huyen, UnitKind.ThiXa, "NQ 1", "url", null),
            new LineageEvent("small-city", 2024, null, LineageEventKind.Merged, "p", "district", "small", "city", UnitKind.Huyen, UnitKind.ThanhPho, "NQ 2", "url", null),
            new LineageEvent("end", 2025, new DateOnly(2025, 7, 1), LineageEventKind.Abolished, "p", "district", null, null, null, null, "NQ 3", "url", null),
        ],
        level => level == "district" ? "cấp huyện" : level);

    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    public void SeriesOf_EitherEndOfASuccession_IsTheSameSeries(string unitId)
    {
        var series = Lineage.SeriesOf(unitId);

        series.UnitIds.ShouldBe(["old", "new"]);
        series.UnitIdIn(2019).ShouldBe("old");
        series.UnitIdIn(2020).ShouldBe("new");
        series.UnitIdIn(2025).ShouldBeNull();
        series.Current.Id.ShouldBe("new");
        series.Breaks.Single().Message.ShouldBe("Từ 2020: huyện Cũ tiếp tục là thị xã Mới (NQ 1).");
        series.EndYear.ShouldBe(2024);
        series.EndMessage.ShouldBe("Chuỗi số liệu kết thúc năm 2024: cấp huyện kết thúc từ ngày 01/07/2025 (NQ 3).");
    }

    [Fact]
    public void SeriesOf_MergedUnit_EndsTheYearBeforeAndSaysWhere()
    {
        var series = Lineage.SeriesOf("small");

        series.UnitIds.ShouldBe(["small"]);
        series.EndYear.ShouldBe(2023);
        series.EndEvent!.Kind.ShouldBe(LineageEventKind.Merged);
        series.EndMessage.ShouldBe("Chuỗi số liệu kết thúc năm 2023: huyện Nhỏ nhập vào thành phố Lớn từ 2024.");
    }

    [Fact]
    public void SeriesOf_ReceiverOfAMerger_ContinuesWithABreak()
    {
        var series = Lineage.SeriesOf("city");

        series.UnitIds.ShouldBe(["city"]);
        series.Breaks.Single().Year.ShouldBe(2024);
        series.Breaks.Single().Message.ShouldContain("thành phố Lớn gồm cả huyện Nhỏ");
        series.EndYear.ShouldBe(2024);
    }

    [Fact]
    public void SeriesOf_UnitOfAnotherLevel_IsUntouchedByTheDistrictEvents()
    {
        var series = Lineage.SeriesOf("dept");

        series.EndYear.ShouldBeNull();
        series.EndMessage.ShouldBeNull();
        series.Breaks.ShouldBeEmpty();
        Department.FullName.ShouldBe("Sở Nội vụ");
    }

    [Fact]
    public void UnitsIn_CountsFollowTheEvents()
    {
        Lineage.UnitsIn(2019, "p", "district").Select(u => u.Id).ShouldBe(["city", "old", "small"]);
        Lineage.UnitsIn(2020, "p", "district").Select(u => u.Id).ShouldBe(["city", "new", "small"]);
        Lineage.UnitsIn(2024, "p", "district").Select(u => u.Id).ShouldBe(["city", "new"]);
        Lineage.UnitsIn(2025, "p", "district").ShouldBeEmpty();
        Lineage.UnitsIn(2025, "p", "department").Single().Id.ShouldBe("dept");
    }

    [Fact]
    public void Constructor_EventNamingAnUnknownUnit_Throws() =>
        Should.Throw<ArgumentException>(() => new UnitLineage(
            [Old],
            [new LineageEvent("x", 2020, null, LineageEventKind.Succeeded, "p", "district", "old", "ghost", null, null, "NQ", "url", null)]))
            .Message.ShouldContain("ghost");
}
