namespace CchcAnalytics.Core;

/// <summary>A stored submission: one version of one unit's score sheet for one year and stage.</summary>
/// <param name="Id">Database id.</param>
/// <param name="UnitId">Unit slug.</param>
/// <param name="Year">Index year (the year assessed, not the report date).</param>
/// <param name="Stage">Self-assessed or appraised.</param>
/// <param name="Version">1 for the first version; a changed document for the same unit, year and stage adds a version.</param>
/// <param name="IsCurrent">True for the latest version; older versions stay queryable.</param>
/// <param name="FrameworkId">Framework it was validated against.</param>
/// <param name="SourceFile">Input file path as given at ingest.</param>
/// <param name="SourceFormat">"text", "csv", "xlsx" or "docx".</param>
/// <param name="SourceHash">SHA-256 of the input file.</param>
/// <param name="ContentHash">SHA-256 of the canonical content (<see cref="ScoreSheet.ComputeContentHash"/>).</param>
/// <param name="ReportNumber">Report number when known.</param>
/// <param name="ReportDate">Report date when known.</param>
/// <param name="StatedTotal">Total the document states for this stage, when it states one.</param>
/// <param name="MaxTotal">Sum of areas' max points.</param>
/// <param name="PointsTotal">Sum of areas' points; null when an area has none.</param>
/// <param name="Synthetic">Generated sample data.</param>
/// <param name="IngestedAt">When it was stored (UTC).</param>
/// <param name="RowCount">Number of criterion rows.</param>
public sealed record Submission(
    long Id,
    string UnitId,
    int Year,
    Stage Stage,
    int Version,
    bool IsCurrent,
    string FrameworkId,
    string SourceFile,
    string SourceFormat,
    string SourceHash,
    string ContentHash,
    string? ReportNumber,
    DateOnly? ReportDate,
    decimal? StatedTotal,
    decimal MaxTotal,
    decimal? PointsTotal,
    bool Synthetic,
    DateTime IngestedAt,
    int RowCount);
