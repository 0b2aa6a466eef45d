using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CchcAnalytics.Analytics.Peers;

/// <summary>ML.NET k-means over standardized area profiles: the one place peer groups touch Microsoft.ML.</summary>
internal static class PeerClustering
{
    /// <summary>k-means++ starts for up to <see cref="ManyUnits"/> units; the one with the smallest within-group sum of
    /// squares is kept. On ~27 units without sharp clusters many groupings are almost as good as the best, so one start
    /// often settles in a poorer one; a start costs well under a millisecond there.</summary>
    public const int Starts = 50;

    /// <summary>Above this many units a start costs 6–140 ms (ML.NET's fit over 3,240 rows) and the starts agree:
    /// at 3,240 units the best of 10 starts came within 0.01% of the best of 50's sum of squares in every year measured
    /// (docs/peer-groups.md), so <see cref="StartsForMany"/> are made instead.</summary>
    public const int ManyUnits = 500;

    /// <summary>Starts made for more than <see cref="ManyUnits"/> units.</summary>
    public const int StartsForMany = 10;

    /// <summary>The starts made for <paramref name="units"/> units.</summary>
    public static int StartsFor(int units) => units > ManyUnits ? StartsForMany : Starts;

    /// <summary>Cluster labels 0..k'−1 (k' ≤ k when a cluster ends up empty), numbered by first appearance, from
    /// <see cref="StartsFor"/> starts. Start s uses
    /// <c>new MLContext(seed + s)</c> and one thread, so the same input always gives the same labels.</summary>
    public static int[] Cluster(IReadOnlyList<float[]> features, int k, int seed)
    {
        if (k <= 1)
        {
            return new int[features.Count];
        }

        int[]? best = null;
        var bestSum = double.MaxValue;
        var starts = StartsFor(features.Count);
        for (var start = 0; start < starts; start++)
        {
            var ml = new MLContext(unchecked(seed + start));
            var data = FeatureRows.Load(ml, features);
            var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = FeatureRows.Column,
                NumberOfClusters = k,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                // Several threads may sum in a different order and change the result; one is plenty for 27 rows.
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 1000,
                OptimizationTolerance = 1e-7f,
            });
            var model = trainer.Fit(data);
            var labels = model.Transform(data).GetColumn<uint>("PredictedLabel").Select(l => (int)l - 1).ToArray();
            var sum = WithinSumOfSquares(features, labels);
            // Strictly smaller by more than float noise, so ties keep the earliest start.
            if (best is null || sum < bestSum - 1e-6)
            {
                best = labels;
                bestSum = sum;
            }
        }

        return Renumber(best!);
    }

    /// <summary>Sum over units of the squared distance to their cluster's mean.</summary>
    public static double WithinSumOfSquares(IReadOnlyList<float[]> features, IReadOnlyList<int> labels)
    {
        var total = 0d;
        foreach (var cluster in Enumerable.Range(0, features.Count).GroupBy(i => labels[i]))
        {
            var members = cluster.ToList();
            for (var j = 0; j < features[0].Length; j++)
            {
                var mean = members.Average(i => (double)features[i][j]);
                total += members.Sum(i => ((double)features[i][j] - mean) * ((double)features[i][j] - mean));
            }
        }

        return total;
    }

    private static int[] Renumber(int[] labels)
    {
        var map = new Dictionary<int, int>();
        return labels.Select(l => map.TryGetValue(l, out var n) ? n : map[l] = map.Count).ToArray();
    }
}
