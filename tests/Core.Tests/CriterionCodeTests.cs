using CchcAnalytics.Core;

namespace CchcAnalytics.Core.Tests;

public sealed class CriterionCodeTests
{
    [Theory]
    [InlineData("7.1.1.", "7.1.1")]
    [InlineData("4.", "4")]
    [InlineData(" 7.1. ", "7.1")]
    [InlineData("1.3.2", "1.3.2")]
    public void Normalize_PrintedCode_ReturnsCanonical(string printed, string expected) =>
        CriterionCode.Normalize(printed).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("I")]
    [InlineData("Kết quả đạt được")]
    [InlineData("7..1")]
    [InlineData("a.1")]
    public void Normalize_NotACode_ReturnsNull(string text) => CriterionCode.Normalize(text).ShouldBeNull();

    [Fact]
    public void LevelOf_ByDepth()
    {
        CriterionCode.LevelOf("7").ShouldBe(CriterionLevel.Area);
        CriterionCode.LevelOf("7.1").ShouldBe(CriterionLevel.Criterion);
        CriterionCode.LevelOf("7.1.4").ShouldBe(CriterionLevel.SubCriterion);
        CriterionCode.LevelOf("7.1.4.2").ShouldBeNull();
    }

    [Fact]
    public void Compare_NumericPartByPart()
    {
        string[] codes = ["7.1.10", "7.1.9", "10", "7", "7.1", "8.1"];
        codes.Order(CriterionCode.Comparer).ShouldBe(["7", "7.1", "7.1.9", "7.1.10", "8.1", "10"]);
    }

    [Fact]
    public void ParentOf_SubCriterion_IsCriterion()
    {
        CriterionCode.ParentOf("7.1.4").ShouldBe("7.1");
        CriterionCode.ParentOf("7").ShouldBeNull();
    }
}
