namespace CchcAnalytics.Analytics.Peers;

/// <summary>How far two groupings of the same units agree, computed exactly from pair counts.</summary>
public static class PartitionAgreement
{
    /// <summary>Adjusted Rand index (Hubert and Arabie, 1985) of two labelings of the same units: 1 when the groupings are
    /// the same up to renaming, about 0 when they agree no more than chance, negative when less. Group labels are only
    /// compared for equality.</summary>
    /// <remarks>With n_ij the units in left group i and right group j, a_i and b_j the group sizes and C(m, 2) = m(m−1)/2:
    /// ARI = (Σ C(n_ij, 2) − E) / (½[Σ C(a_i, 2) + Σ C(b_j, 2)] − E), with E = Σ C(a_i, 2) · Σ C(b_j, 2) / C(n, 2).
    /// Both sides are multiplied by 2·C(n, 2) so that everything up to the last division is an exact integer.
    /// When both groupings put every unit alone, or both put all units together, the denominator is 0; they are then
    /// identical and the index is 1 (as scikit-learn defines it).</remarks>
    public static decimal AdjustedRandIndex<TLeft, TRight>(IReadOnlyList<TLeft> left, IReadOnlyList<TRight> right)
        where TLeft : notnull
        where TRight : notnull
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Count != right.Count)
        {
            throw new ArgumentException($"{nameof(left)} and {nameof(right)} must label the same units ({left.Count} vs {right.Count})", nameof(right));
        }

        // Int128 keeps the products exact far beyond any number of units we will see.
        Int128 n = left.Count;
        var pairs = Pairs(n);
        var index = Enumerable.Range(0, left.Count).GroupBy(i => (left[i], right[i])).Aggregate(Int128.Zero, (sum, g) => sum + Pairs(g.Count()));
        var a = left.GroupBy(l => l).Aggregate(Int128.Zero, (sum, g) => sum + Pairs(g.Count()));
        var b = right.GroupBy(r => r).Aggregate(Int128.Zero, (sum, g) => sum + Pairs(g.Count()));
        var numerator = 2 * ((index * pairs) - (a * b));
        var denominator = ((a + b) * pairs) - (2 * a * b);
        return denominator == 0 ? 1m : (decimal)numerator / (decimal)denominator;
    }

    /// <summary>C(m, 2): the number of pairs among m units.</summary>
    private static Int128 Pairs(Int128 m) => m * (m - 1) / 2;
}
