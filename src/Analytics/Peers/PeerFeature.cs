namespace CchcAnalytics.Analytics.Peers;

/// <summary>One feature of the peer grouping: an area (lĩnh vực) of the year's framework, used as points / max × 100.</summary>
/// <param name="AreaCode">Area code ("1".."8").</param>
/// <param name="Name">Area name as the framework prints it.</param>
/// <param name="MaxPoints">Điểm chuẩn of the area in this framework.</param>
public sealed record PeerFeature(string AreaCode, string Name, decimal MaxPoints);
