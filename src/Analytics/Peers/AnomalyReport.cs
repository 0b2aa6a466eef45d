namespace CchcAnalytics.Analytics.Peers;

/// <summary>The anomaly model of one year: method, every unit's score, the threshold and the flags.</summary>
/// <param name="Method">Short English name of the method.</param>
/// <param name="Rank">Number of principal components kept (0 when the model did not run).</param>
/// <param name="Threshold">Scores above it are flagged: mean + 2 standard deviations of the scores.</param>
/// <param name="Scores">Every grouped unit's score (distance from the PCA subspace, in standard deviations), by unit id.</param>
/// <param name="Flags">Flagged units, highest score first.</param>
/// <param name="Vietnamese">How scores and the threshold are computed, in Vietnamese.</param>
/// <param name="English">The same in English.</param>
public sealed record AnomalyReport(
    string Method,
    int Rank,
    decimal Threshold,
    IReadOnlyDictionary<string, decimal> Scores,
    IReadOnlyList<AnomalyFlag> Flags,
    string Vietnamese,
    string English);
