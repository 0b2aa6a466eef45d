namespace CchcAnalytics.Analytics.Peers;

/// <summary>How the peer groups were formed, for an analyst to check.</summary>
/// <param name="Features">The areas used, in area-code order.</param>
/// <param name="K">Groups formed (k after clamping to the number of distinct profiles).</param>
/// <param name="RequestedK">k asked for in <see cref="AnalyticsOptions.PeerGroups"/>.</param>
/// <param name="Seed">Seed of the first k-means start and of the anomaly model.</param>
/// <param name="Starts">k-means++ starts tried (seeds Seed, Seed + 1, …).</param>
/// <param name="UnitCount">Units grouped.</param>
/// <param name="ExcludedCount">Units left out for missing areas.</param>
/// <param name="Vietnamese">Vietnamese sentences.</param>
/// <param name="English">English sentences.</param>
public sealed record PeerExplanation(
    IReadOnlyList<PeerFeature> Features,
    int K,
    int RequestedK,
    int Seed,
    int Starts,
    int UnitCount,
    int ExcludedCount,
    string Vietnamese,
    string English);
