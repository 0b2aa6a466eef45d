using CchcAnalytics.Core;

namespace CchcAnalytics.Core.Tests;

public sealed class ScoreSheetTests
{
    private static ScoreSheet Sheet(decimal? subPoints, decimal? areaPoints = 1.5m) => new("x", 2017, Stage.Self,
    [
        new Score("1", CriterionLevel.Area, "A", 2m, areaPoints, null),
        new Score("1.1", CriterionLevel.Criterion, "C", 2m, areaPoints, null),
        new Score("1.1.1", CriterionLevel.SubCriterion, "S1", 1m, 1m, "e"),
        new Score("1.1.2", CriterionLevel.SubCriterion, "S2", 1m, subPoints, null),
    ]);

    [Fact]
    public void ContentHash_SameContentInOtherOrder_IsEqual()
    {
        var sheet = Sheet(0.5m);
        var reversed = sheet with { Scores = sheet.Scores.Reverse().ToList() };
        reversed.ComputeContentHash().ShouldBe(sheet.ComputeContentHash());
    }

    [Fact]
    public void ContentHash_TrailingZeros_DoNotMatter() =>
        // 0.5 read from "0,5" and 0.50 read from "0.50" are the same points.
        Sheet(0.50m).ComputeContentHash().ShouldBe(Sheet(0.5m).ComputeContentHash());

    [Fact]
    public void ContentHash_ChangedPoints_Differs() =>
        Sheet(0m).ComputeContentHash().ShouldNotBe(Sheet(0.5m).ComputeContentHash());

    [Fact]
    public void ContentHash_MissingIsNotZero() =>
        Sheet(null).ComputeContentHash().ShouldNotBe(Sheet(0m).ComputeContentHash());

    [Fact]
    public void ContentHash_WithoutComponents_AsStoredBeforeComponentsExisted() =>
        // SHA-256 of "x␟2017␟self␞" and each row "code␟name␟max␟points␟evidence␞", computed outside this code: a database
        // written before schema 5 keeps its hashes, so re-ingesting the same file stays a no-op (issue 13 §3).
        Sheet(0.5m).ComputeContentHash().ShouldBe("bd7861c88af04d185a5d56a57c042867ae5a7f7e9c799789adaa3f36b5254b7d");

    [Fact]
    public void ContentHash_ComponentPoints_Count()
    {
        var survey = Sheet(0.5m) with { Components = [new ComponentScore("survey", "Điều tra", 20m, 15m)] };

        survey.ComputeContentHash().ShouldNotBe(Sheet(0.5m).ComputeContentHash());
        (survey with { Components = [new ComponentScore("survey", "Điều tra", 20m, 16m)] }).ComputeContentHash().ShouldNotBe(survey.ComputeContentHash());
        (survey with { Components = [new ComponentScore("survey", "Điều tra", 20m, null)] }).ComputeContentHash().ShouldNotBe(survey.ComputeContentHash());
        (survey with { Components = [new ComponentScore("survey", "Điều tra", 20.0m, 15.00m)] }).ComputeContentHash().ShouldBe(survey.ComputeContentHash());
    }

    [Fact]
    public void Totals_FromAreas()
    {
        Sheet(0.5m).MaxTotal.ShouldBe(2m);
        Sheet(0.5m).PointsTotal.ShouldBe(1.5m);
        Sheet(0.5m, areaPoints: null).PointsTotal.ShouldBeNull();
    }

    [Theory]
    [InlineData("15.50", "15.5")]
    [InlineData("92.0", "92")]
    [InlineData("0.125", "0.125")]
    public void Canonical_DropsTrailingZeros(string value, string expected) =>
        ScoreSheet.Canonical(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
}
