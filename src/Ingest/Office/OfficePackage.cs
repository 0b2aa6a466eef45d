using System.IO.Compression;
using System.Xml;
using CchcAnalytics.Core;
using DocumentFormat.OpenXml.Packaging;

namespace CchcAnalytics.Ingest.Office;

/// <summary>Checks an Office Open XML package (.xlsx, .docx) before any of its XML is parsed, and opens it with limits.
/// A Bảng tổng hợp is well under 1 MB, so the limits are generous for real reports and stop zip bombs early.</summary>
internal static class OfficePackage
{
    /// <summary>Sum of the uncompressed sizes the ZIP's entries declare.</summary>
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;

    /// <summary>ZIP entries; a workbook or a Word document has a few dozen.</summary>
    public const int MaxEntries = 2_000;

    /// <summary>Uncompressed bytes one part may declare, and characters the XML parser reads from one part (a backstop
    /// for a ZIP that lies about its sizes).</summary>
    public const long MaxPartCharacters = 20_000_000;

    /// <summary>Non-empty spreadsheet rows, or rows of one Word table; a Bảng tổng hợp has about 150.</summary>
    public const int MaxRows = 10_000;

    /// <summary>Columns read from a spreadsheet or Word table; cells further right are ignored.</summary>
    public const int MaxColumns = 100;

    // The OLE compound file signature: an old .xls/.doc, or an encrypted (password-protected) .xlsx/.docx.
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Settings for <c>SpreadsheetDocument.Open</c> and <c>WordprocessingDocument.Open</c>.</summary>
    public static OpenSettings Settings => new() { MaxCharactersInPart = MaxPartCharacters };

    /// <summary>True when <paramref name="bytes"/> is a ZIP small enough to open; otherwise adds one error (for
    /// <paramref name="file"/>, whose type <paramref name="extension"/> is ".xlsx" or ".docx") to
    /// <paramref name="problems"/> and returns false.</summary>
    public static bool Check(byte[] bytes, string file, string extension, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(problems);
        if (bytes.Length == 0)
        {
            problems.Add(Problem.Error(ProblemCodes.Empty, file, null, $"The file is empty (0 bytes): there is no {extension} report to read."));
            return false;
        }

        if (bytes.AsSpan().StartsWith(CompoundFileSignature))
        {
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                $"The file is an old binary Office document (.xls/.doc) or a password-protected one, not a {extension} package. Open it and save it as {extension} without a password."));
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long declared = 0;
            var entries = 0;
            foreach (var entry in zip.Entries)
            {
                entries++;
                if (entries > MaxEntries)
                {
                    problems.Add(Problem.Error(ProblemCodes.TooLarge, file, null,
                        $"The {extension} package holds more than {MaxEntries} parts; a report has a few dozen."));
                    return false;
                }

                // Declared sizes can be forged to be huge (a zip bomb): refuse before inflating anything.
                if (entry.Length < 0 || entry.Length > MaxUncompressedBytes - declared)
                {
                    problems.Add(Problem.Error(ProblemCodes.TooLarge, file, null,
                        $"The {extension} package unpacks to more than {MaxUncompressedBytes / (1024 * 1024)} MB (part '{entry.FullName}' alone declares {entry.Length / (1024 * 1024)} MB); a report is well under 1 MB."));
                    return false;
                }

                if (entry.Length > MaxPartCharacters)
                {
                    problems.Add(Problem.Error(ProblemCodes.TooLarge, file, null,
                        $"Part '{entry.FullName}' of the {extension} package unpacks to {entry.Length / (1024 * 1024)} MB; the limit for one part is {MaxPartCharacters / 1_000_000} MB, and a report is well under 1 MB."));
                    return false;
                }

                declared += entry.Length;
            }
        }
        catch (InvalidDataException ex)
        {
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                $"The file is not a valid {extension} document: it is not a ZIP package, or it is damaged ({ex.Message}). Was another file type renamed to {extension}?"));
            return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="ex"/> is what the Open XML SDK and the packaging layer throw for a damaged package.</summary>
    public static bool IsDamagedPackage(Exception ex) =>
        ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException;
}
