namespace CchcAnalytics.Ingest;

/// <summary>One coded row of a Bảng tổng hợp as read from a document, before validation.</summary>
/// <param name="Line">1-based line (text) or row (spreadsheet) where the row starts.</param>
/// <param name="Code">Canonical code ("7.1.1" for a printed "7.1.1.").</param>
/// <param name="Name">Name, HTML stripped, wrapped lines joined.</param>
/// <param name="MaxPoints">Điểm chuẩn; null when the cell is empty.</param>
/// <param name="SelfPoints">Điểm tự chấm; null when empty.</param>
/// <param name="AppraisedPoints">Điểm thẩm định; null when empty.</param>
/// <param name="Evidence">Tài liệu kiểm chứng as plain text; null when none.</param>
/// <param name="Cell">Spreadsheet cell of the code, when the source is a spreadsheet.</param>
public sealed record ParsedRow(
    int Line,
    string Code,
    string Name,
    decimal? MaxPoints,
    decimal? SelfPoints,
    decimal? AppraisedPoints,
    string? Evidence,
    string? Cell = null);
