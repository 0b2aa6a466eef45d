namespace CchcAnalytics.Core;

/// <summary>One row of the canonical CSV: a criterion of a current submission.</summary>
public sealed record ExportRow(
    string UnitId,
    string UnitName,
    int Year,
    string Stage,
    string Code,
    string Level,
    string Name,
    decimal MaxPoints,
    decimal? Points,
    string? Evidence,
    bool Synthetic);
