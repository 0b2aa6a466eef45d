namespace CchcAnalytics.Ingest;

/// <summary>What the user can tell ingest that the file does not say, and what the writer may do.</summary>
/// <param name="UnitOverride">Unit id or name, when the document does not name it (or names it wrongly).</param>
/// <param name="YearOverride">Index year, when the document does not state it.</param>
/// <param name="Synthetic">Mark every submission as generated sample data.</param>
/// <param name="Actor">Who is writing, for the audit trail.</param>
/// <param name="MayDefineFramework">Whether a real table for a year with no usable framework may become that year's
/// draft framework: true for the operator of the command line and for province accounts, false for district accounts
/// (issue 12: the province decides the framework, not a district). Without the right such a table is checked against
/// the nearest framework of its province and level instead, or refused as waiting for the province.</param>
/// <param name="Time">The clock that says which years exist (a document may state at most next year); null: the
/// system clock. Tests pass a fake one.</param>
public sealed record IngestOptions(
    string? UnitOverride = null,
    int? YearOverride = null,
    bool Synthetic = false,
    string Actor = "cli",
    bool MayDefineFramework = false,
    TimeProvider? Time = null);
