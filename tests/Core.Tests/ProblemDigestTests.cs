using CchcAnalytics.Core;

namespace CchcAnalytics.Core.Tests;

public sealed class ProblemDigestTests
{
    private static readonly Problem[] Problems =
    [
        Problem.Warning("parent-sum-mismatch", "a.txt", 10, "w1"),
        Problem.Error("points-above-max", "a.txt", 20, "e1"),
        Problem.Warning("parent-sum-mismatch", "a.txt", 30, "w2"),
        Problem.Error("not-a-number", "a.txt", 40, "e2"),
        Problem.Error("points-above-max", "a.txt", 50, "e3"),
    ];

    [Fact]
    public void Of_CutAtThree_ErrorsFirstInFoundOrderAndTwoHidden()
    {
        var digest = ProblemDigest.Of(Problems, shown: 3);

        digest.Shown.Select(p => p.Message).ShouldBe(["e1", "e2", "e3"]);
        digest.Total.ShouldBe(5);
        digest.Hidden.ShouldBe(2);
    }

    [Fact]
    public void Of_AnyCut_CountsEveryCodeMostFrequentFirstErrorsBeforeWarningsOnTies()
    {
        var digest = ProblemDigest.Of(Problems, shown: 1);

        digest.ByCode.ShouldBe(
        [
            new ProblemDigest.CodeCount(Severity.Error, "points-above-max", 2),
            new ProblemDigest.CodeCount(Severity.Warning, "parent-sum-mismatch", 2),
            new ProblemDigest.CodeCount(Severity.Error, "not-a-number", 1),
        ]);
    }

    [Fact]
    public void Of_FewerThanTheCut_EverythingShownNothingHidden()
    {
        var digest = ProblemDigest.Of(Problems);

        digest.Shown.Count.ShouldBe(5);
        digest.Shown.Select(p => p.Message).ShouldBe(["e1", "e2", "e3", "w1", "w2"]);
        digest.Hidden.ShouldBe(0);
    }
}
