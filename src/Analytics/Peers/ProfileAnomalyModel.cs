using Microsoft.ML;
using Microsoft.ML.Data;

namespace CchcAnalytics.Analytics.Peers;

/// <summary>ML.NET randomized PCA over standardized area profiles: the one place anomaly flags touch Microsoft.ML.</summary>
internal static class ProfileAnomalyModel
{
    /// <summary>Each unit's distance (in standard deviations) from the PCA subspace of rank <paramref name="rank"/>: the
    /// part of its profile the main patterns of the province do not explain.</summary>
    /// <remarks>ML.NET's own score is that distance divided by the unit's distance from the mean (a sine, 0–1). On ~27
    /// units this flags near-average units whose small deviations happen to point off the subspace, so the score is
    /// multiplied back by the distance from the mean (see docs/peer-groups.md).</remarks>
    public static IReadOnlyList<ProfileScore> Score(IReadOnlyList<float[]> features, int rank, int seed)
    {
        var ml = new MLContext(seed);
        var data = FeatureRows.Load(ml, features);
        var model = ml.AnomalyDetection.Trainers.RandomizedPca(FeatureRows.Column, rank: rank, ensureZeroMean: true, seed: seed).Fit(data);
        var normalized = model.Transform(data).GetColumn<float>("Score").ToArray();
        var mean = default(VBuffer<float>);
        model.Model.GetMean(ref mean);
        var centre = mean.DenseValues().ToArray();
        return features.Select((f, i) =>
        {
            var distance = Math.Sqrt(f.Select((x, j) => ((double)x - centre[j]) * ((double)x - centre[j])).Sum());
            return new ProfileScore(normalized[i], normalized[i] * distance, distance);
        }).ToList();
    }

    /// <summary>Scores of one unit.</summary>
    /// <param name="Normalized">ML.NET's score: residual / distance from the mean, 0–1.</param>
    /// <param name="Residual">Distance from the PCA subspace, in standard deviations.</param>
    /// <param name="Distance">Distance from the mean, in standard deviations.</param>
    internal readonly record struct ProfileScore(double Normalized, double Residual, double Distance);
}
