using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics.Peers;

/// <summary>A unit left out of the peer groups because an area has no points (missing is never read as 0).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="MissingAreas">Codes of the areas without points.</param>
/// <param name="Reason">Vietnamese sentence for the dashboard.</param>
public sealed record ExcludedUnit(Unit Unit, IReadOnlyList<string> MissingAreas, string Reason);
