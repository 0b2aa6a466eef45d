using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics.Peers;

/// <summary>An area that makes a unit's profile unusual: its % against the province.</summary>
/// <param name="AreaCode">Area code.</param>
/// <param name="AreaName">Area name.</param>
/// <param name="Percent">The unit's % of the area's maximum.</param>
/// <param name="ProvinceMean">Mean % of the grouped units of the province.</param>
/// <param name="ZScore">(Percent − ProvinceMean) / standard deviation, rounded to 2 decimals; negative = below the province.</param>
public sealed record AreaDeviation(string AreaCode, string AreaName, decimal Percent, decimal ProvinceMean, decimal ZScore);

/// <summary>A unit whose area profile is unusual for the province that year (cảnh báo bất thường).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Score">Its anomaly score (see <see cref="AnomalyReport"/>).</param>
/// <param name="Areas">The areas with the largest |z|, largest first.</param>
/// <param name="Vietnamese">Vietnamese sentence naming the areas with values.</param>
public sealed record AnomalyFlag(Unit Unit, decimal Score, IReadOnlyList<AreaDeviation> Areas, string Vietnamese);
