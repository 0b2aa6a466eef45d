using CchcAnalytics.Charts.Maps;

namespace CchcAnalytics.Charts.Tests.Maps;

public sealed class MapClassesTests
{
    [Fact]
    public void Quantiles_TenDistinctValues_FiveClassesOfTwoWithTheirBounds()
    {
        var classes = MapClasses.Quantiles([90m, 81m, 82m, 83m, 84m, 85m, 86m, 87m, 88m, 70.5m]);

        classes.Classes.ShouldBe(
        [
            new MapClass(1, 70.5m, 81m, 2), new MapClass(2, 82m, 83m, 2), new MapClass(3, 84m, 85m, 2),
            new MapClass(4, 86m, 87m, 2), new MapClass(5, 88m, 90m, 2),
        ]);
        classes.ClassOf(81m).ShouldBe(1);
        classes.ClassOf(82m).ShouldBe(2);
        classes.ClassOf(null).ShouldBeNull();
    }

    [Fact]
    public void Quantiles_TiedValues_ShareTheClassOfTheirFirstRank()
    {
        // Rank i of 10 goes to group ⌊i/2⌋: the four 85s (ranks 2–5) all take group 1, the group of rank 2, so group 2
        // is left empty and dropped, and the classes are renumbered 1–4.
        var classes = MapClasses.Quantiles([80m, 81m, 85m, 85m, 85m, 85m, 88m, 89m, 90m, 91m]);

        classes.ClassOf(85m).ShouldBe(2);
        classes.Classes.Select(c => (c.Number, c.Min, c.Max, c.Count)).ShouldBe([(1, 80m, 81m, 2), (2, 85m, 85m, 4), (3, 88m, 89m, 2), (4, 90m, 91m, 2)]);
    }

    [Fact]
    public void Quantiles_TwoDistinctValues_TwoClasses()
    {
        var classes = MapClasses.Quantiles([70m, 70m, 95m]);

        classes.Classes.Select(c => (c.Min, c.Max, c.Count)).ShouldBe([(70m, 70m, 2), (95m, 95m, 1)]);
    }

    [Fact]
    public void Quantiles_NoValues_NoClasses() => MapClasses.Quantiles([]).Classes.ShouldBeEmpty();

    [Fact]
    public void ClassOf_AValueNotClassed_Throws() =>
        Should.Throw<ArgumentException>(() => MapClasses.Quantiles([1m, 2m]).ClassOf(3m));
}
