namespace CchcAnalytics.Core;

/// <summary>A validated score sheet with everything known about where it came from, ready to be stored.</summary>
/// <param name="Sheet">The content.</param>
/// <param name="FrameworkId">The framework it was validated against.</param>
/// <param name="SourceFile">Input file path as given.</param>
/// <param name="SourceFormat">"text", "csv", "xlsx" or "docx".</param>
/// <param name="SourceHash">SHA-256 of the input file's bytes.</param>
/// <param name="ReportNumber">"293/BC-UBND" when the document has one.</param>
/// <param name="ReportDate">Date of the report when the document has one.</param>
/// <param name="StatedTotal">The total the document states in words or in its footer, for this stage.</param>
/// <param name="Synthetic">True for generated sample data; every view that shows it must say so.</param>
/// <param name="Warnings">Problems that did not reject the file; stored with the submission.</param>
public sealed record IncomingSubmission(
    ScoreSheet Sheet,
    string FrameworkId,
    string SourceFile,
    string SourceFormat,
    string SourceHash,
    string? ReportNumber,
    DateOnly? ReportDate,
    decimal? StatedTotal,
    bool Synthetic,
    IReadOnlyList<Problem> Warnings);
