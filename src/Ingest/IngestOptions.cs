namespace CchcAnalytics.Ingest;

/// <summary>What the user can tell ingest that the file does not say.</summary>
/// <param name="UnitOverride">Unit id or name, when the document does not name it (or names it wrongly).</param>
/// <param name="YearOverride">Index year, when the document does not state it.</param>
/// <param name="Synthetic">Mark every submission as generated sample data.</param>
/// <param name="Actor">Who is writing, for the audit trail.</param>
public sealed record IngestOptions(string? UnitOverride = null, int? YearOverride = null, bool Synthetic = false, string Actor = "cli");
