using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest;

/// <summary>Every size limit ingest enforces, in one place. Each is checked before the work it guards starts (reading
/// a package, splitting a table, validating rows), and a file over a limit is rejected whole with a problem that
/// names the file, the line or cell and the limit. A Bảng tổng hợp has about 150 rows and is well under 1 MB; the
/// largest real input is the canonical CSV of every stored submission (48,155 rows, 7.5 MB for 2017–2024), so the
/// limits are generous for real files and stop only files that are not reports. docs/input-formats.md lists them.</summary>
public static class IngestLimits
{
    /// <summary>Bytes of one input file, any format (problem <c>too-large</c>).</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>.xlsx/.docx: the sum of the uncompressed sizes the ZIP entries declare, checked before anything is
    /// inflated (zip bombs; <c>too-large</c>).</summary>
    public const long MaxPackageBytes = 100L * 1024 * 1024;

    /// <summary>.xlsx/.docx: uncompressed bytes one part may declare, and characters the XML parser reads from one
    /// part, in case the ZIP lies about its sizes (<c>too-large</c>, or <c>unreadable</c> when the ZIP lied).</summary>
    public const long MaxPackagePartBytes = 20_000_000;

    /// <summary>.xlsx/.docx: ZIP entries; a workbook or a Word document has a few dozen (<c>too-large</c>).</summary>
    public const int MaxPackageEntries = 2_000;

    /// <summary>.txt: lines in the file; the real report has 210 (<c>too-many-lines</c>).</summary>
    public const int MaxTextLines = 20_000;

    /// <summary>.txt: characters on one line; the real report's longest has 1,206 (<c>text-too-long</c>).</summary>
    public const int MaxLineCharacters = 20_000;

    /// <summary>.txt: tab-separated cells on one line, an error past it (<c>too-many-columns</c>); .xlsx/.docx: columns
    /// read, cells further right are ignored. A Bảng tổng hợp has 6 or 7.</summary>
    public const int MaxColumns = 100;

    /// <summary>.csv: data rows (records after the header); the export of every stored submission has 48,155
    /// (<c>too-many-rows</c>).</summary>
    public const int MaxCsvRows = 200_000;

    /// <summary>.xlsx: rows with values on one worksheet; .docx: rows of one table (<c>too-many-rows</c>).</summary>
    public const int MaxTableRows = 10_000;

    /// <summary>.xlsx: merged ranges on one worksheet (<c>too-large</c>).</summary>
    public const int MaxMergedRanges = 10_000;

    /// <summary>.pdf: pages, checked from the page tree before any page is read (<c>too-large</c>). The real report
    /// printed with equal narrow columns takes 84 pages; as laid out for print, a dozen.</summary>
    public const int MaxPdfPages = 300;

    /// <summary>.pdf: glyphs of text in the whole document, counted page by page as they are read (<c>too-large</c>).
    /// The real report printed has about 35,000.</summary>
    public const int MaxPdfGlyphs = 2_000_000;

    /// <summary>.xlsx/.docx: characters in one cell, checked before its text is cleaned (<c>text-too-long</c>).</summary>
    public const int MaxCellCharacters = 20_000;

    /// <summary>Any format: characters of one criterion's name; the longest real one has about 250 (<c>text-too-long</c>).</summary>
    public const int MaxNameCharacters = 2_000;

    /// <summary>Any format: characters of one criterion's evidence (tài liệu kiểm chứng), its lines joined
    /// (<c>text-too-long</c>).</summary>
    public const int MaxEvidenceCharacters = 20_000;

    /// <summary>A count as the Vietnamese messages write every number: "20.000".</summary>
    internal static string Count(long value) => VietnameseText.Number(value);
}
