using System.IO.Compression;
using System.Xml;
using CchcAnalytics.Core;
using DocumentFormat.OpenXml.Packaging;

namespace CchcAnalytics.Ingest.Office;

/// <summary>Checks an Office Open XML package (.xlsx, .docx) before any of its XML is parsed, and opens it with limits.
/// A Bảng tổng hợp is well under 1 MB, so the limits are generous for real reports and stop zip bombs early. The values
/// live in <see cref="IngestLimits"/> with every other limit.</summary>
internal static class OfficePackage
{
    /// <summary>Sum of the uncompressed sizes the ZIP's entries declare.</summary>
    public const long MaxUncompressedBytes = IngestLimits.MaxPackageBytes;

    /// <summary>ZIP entries; a workbook or a Word document has a few dozen.</summary>
    public const int MaxEntries = IngestLimits.MaxPackageEntries;

    /// <summary>Uncompressed bytes one part may declare, and characters the XML parser reads from one part (a backstop
    /// for a ZIP that lies about its sizes).</summary>
    public const long MaxPartCharacters = IngestLimits.MaxPackagePartBytes;

    /// <summary>Non-empty spreadsheet rows, or rows of one Word table; a Bảng tổng hợp has about 150.</summary>
    public const int MaxRows = IngestLimits.MaxTableRows;

    /// <summary>Columns read from a spreadsheet or Word table; cells further right are ignored.</summary>
    public const int MaxColumns = IngestLimits.MaxColumns;

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
            problems.Add(Problem.Error(ProblemCodes.Empty, file, null, $"Tệp rỗng (0 byte): không có báo cáo {extension} nào để đọc."));
            return false;
        }

        if (bytes.AsSpan().StartsWith(CompoundFileSignature))
        {
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                $"Tệp là văn bản Office nhị phân kiểu cũ (.xls/.doc) hoặc đã được đặt mật khẩu, không phải gói {extension}. Hãy mở tệp và lưu lại dưới dạng {extension} không đặt mật khẩu."));
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
                        $"Gói {extension} có hơn {VietnameseText.Number(MaxEntries)} thành phần; một báo cáo chỉ có vài chục thành phần."));
                    return false;
                }

                // Declared sizes can be forged to be huge (a zip bomb): refuse before inflating anything.
                if (entry.Length < 0 || entry.Length > MaxUncompressedBytes - declared)
                {
                    problems.Add(Problem.Error(ProblemCodes.TooLarge, file, null,
                        $"Gói {extension} khi giải nén lớn hơn {MaxUncompressedBytes / (1024 * 1024)} MB (riêng thành phần '{entry.FullName}' đã khai báo {VietnameseText.Number(entry.Length / (1024 * 1024))} MB); một báo cáo thường chưa tới 1 MB."));
                    return false;
                }

                if (entry.Length > MaxPartCharacters)
                {
                    problems.Add(Problem.Error(ProblemCodes.TooLarge, file, null,
                        $"Thành phần '{entry.FullName}' của gói {extension} khi giải nén có {VietnameseText.Number(entry.Length / (1024 * 1024))} MB; giới hạn cho một thành phần là {MaxPartCharacters / 1_000_000} MB, trong khi một báo cáo thường chưa tới 1 MB."));
                    return false;
                }

                declared += entry.Length;
            }

            // Every part's content must match the CRC-32 the ZIP stores for it: a damaged byte inside a compressed part
            // can still inflate, into XML that parses and says something else (a cell's number gone). Sizes were
            // checked above, so this inflates at most what the limits allow.
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                using var part = entry.Open();
                var (crc, length) = Crc32.Of(part, entry.Length + 1);
                if (crc != entry.Crc32 || length != entry.Length)
                {
                    problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                        $"Tệp {extension} đã bị hỏng: thành phần '{entry.FullName}' không khớp mã kiểm tra của gói ZIP (CRC-32), nên nội dung đọc ra không đáng tin. Hãy lấy lại tệp gốc hoặc lưu lại tệp từ Excel/Word."));
                    return false;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                $"Tệp không phải là văn bản {extension} hợp lệ: tệp không phải gói ZIP, hoặc đã bị hỏng. Có phải một loại tệp khác đã bị đổi đuôi thành {extension} không?")
                with { Detail = $"{ex.GetType().Name}: {ex.Message}" });
            return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="ex"/> is what the Open XML SDK and the packaging layer throw for a damaged package.</summary>
    public static bool IsDamagedPackage(Exception ex) =>
        ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException
        // A relationship to a part the package lacks ("Specified part does not exist in the package"): the SDK and the
        // packaging layer say so with InvalidOperationException; the same type thrown by our own code is a bug, not this.
        || ex is InvalidOperationException && (ex.Source?.StartsWith("DocumentFormat.OpenXml", StringComparison.Ordinal) == true || ex.Source == "System.IO.Packaging");
}
