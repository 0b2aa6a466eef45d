using CchcAnalytics.Analytics.Peers;

namespace CchcAnalytics.Analytics.Tests.Peers;

public sealed class PartitionAgreementTests
{
    [Fact]
    public void AdjustedRandIndex_SameGroupsOtherNames_One()
    {
        PartitionAgreement.AdjustedRandIndex([1, 1, 2, 2, 3], ["c", "c", "a", "a", "b"]).ShouldBe(1m);
    }

    [Fact]
    public void AdjustedRandIndex_TwoThreesAgainstThreePairs_EightThirtyThirds()
    {
        // Units 1–6. Left: {1,2,3} {4,5,6}. Right: {1,2} {3,4} {5,6}.
        // Contingency cells: {1,2}=2, {3}=1, {4}=1, {5,6}=2 → Σ C(n_ij,2) = 1 + 0 + 0 + 1 = 2.
        // Left sizes 3, 3 → Σ C(a,2) = 3 + 3 = 6. Right sizes 2, 2, 2 → Σ C(b,2) = 1 + 1 + 1 = 3. C(6,2) = 15.
        // Expected index E = 6 · 3 / 15 = 1.2; maximum = (6 + 3) / 2 = 4.5.
        // ARI = (2 − 1.2) / (4.5 − 1.2) = 0.8 / 3.3 = 8/33.
        var ari = PartitionAgreement.AdjustedRandIndex(["a", "a", "a", "b", "b", "b"], ["x", "x", "y", "y", "z", "z"]);

        ari.ShouldBe(8m / 33m, 0.0000000001m);
    }

    [Fact]
    public void AdjustedRandIndex_CrossedPairs_MinusOneHalf()
    {
        // Left {1,2} {3,4}; right {1,3} {2,4}: no pair is together in both.
        // Σ C(n_ij,2) = 0; Σ C(a,2) = 1 + 1 = 2; Σ C(b,2) = 2; C(4,2) = 6; E = 2 · 2 / 6 = 2/3; maximum = 2.
        // ARI = (0 − 2/3) / (2 − 2/3) = −1/2.
        PartitionAgreement.AdjustedRandIndex([1, 1, 2, 2], [1, 2, 1, 2]).ShouldBe(-0.5m);
    }

    [Fact]
    public void AdjustedRandIndex_OneGroupSplitInTwo_HandComputed()
    {
        // Left {1,2,3,4} {5}; right {1,2} {3,4} {5}.
        // Σ C(n_ij,2) = 1 + 1 + 0 = 2; Σ C(a,2) = 6 + 0 = 6; Σ C(b,2) = 1 + 1 + 0 = 2; C(5,2) = 10.
        // E = 6 · 2 / 10 = 1.2; maximum = (6 + 2) / 2 = 4; ARI = (2 − 1.2) / (4 − 1.2) = 0.8 / 2.8 = 2/7.
        PartitionAgreement.AdjustedRandIndex([1, 1, 1, 1, 2], [1, 1, 2, 2, 3]).ShouldBe(2m / 7m, 0.0000000001m);
    }

    [Fact]
    public void AdjustedRandIndex_Swapped_Symmetric()
    {
        int[] left = [1, 1, 1, 2, 2, 3, 3, 3];
        int[] right = [1, 2, 2, 2, 3, 3, 1, 1];

        PartitionAgreement.AdjustedRandIndex(left, right).ShouldBe(PartitionAgreement.AdjustedRandIndex(right, left));
    }

    [Fact]
    public void AdjustedRandIndex_BothAllAlone_One()
    {
        PartitionAgreement.AdjustedRandIndex([1, 2, 3], [7, 8, 9]).ShouldBe(1m);
    }

    [Fact]
    public void AdjustedRandIndex_AllTogetherAgainstAllAlone_Zero()
    {
        // Σ C(n_ij,2) = 0; Σ C(a,2) = 3; Σ C(b,2) = 0; E = 0; ARI = 0 / 1.5 = 0.
        PartitionAgreement.AdjustedRandIndex([1, 1, 1], [1, 2, 3]).ShouldBe(0m);
    }

    [Fact]
    public void AdjustedRandIndex_DifferentLengths_Throws()
    {
        Should.Throw<ArgumentException>(() => PartitionAgreement.AdjustedRandIndex([1, 2], [1]));
    }
}
