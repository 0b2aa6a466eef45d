namespace CchcAnalytics.Analytics.Peers;

/// <summary>An area's points as % of its maximum (0–100), for one unit or as a group's mean.</summary>
/// <param name="AreaCode">Area code ("1".."8").</param>
/// <param name="Percent">0–100.</param>
public readonly record struct AreaPercent(string AreaCode, decimal Percent);
