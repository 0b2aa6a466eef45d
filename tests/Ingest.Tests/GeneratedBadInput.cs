using System.IO.Compression;
using System.Text;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>The bad inputs too big to commit, written at test time: their manifest names start with
/// <c>generated/</c>. Each is made from the committed compact report, so it is a report in every way but its size.</summary>
internal static class GeneratedBadInput
{
    public const string Prefix = "generated/";

    /// <summary>Lines in <c>many-lines.txt</c>: the report, then blank lines up to this many.</summary>
    public const int ManyLines = 250_000;

    /// <summary>Uncompressed bytes of the worksheet in <c>zip-bomb.xlsx</c>: 150 MB, over the 100 MB package limit,
    /// in a file of about 150 KB.</summary>
    public const int ZipBombSheetBytes = 150 * 1024 * 1024;

    /// <summary>The generated files' manifest names and how to write each.</summary>
    public static IReadOnlyDictionary<string, Action<string>> Writers { get; } = new Dictionary<string, Action<string>>(StringComparer.Ordinal)
    {
        [Prefix + "giant-21mb.txt"] = WriteGiantText,
        [Prefix + "many-lines.txt"] = WriteManyLines,
        [Prefix + "zip-bomb.xlsx"] = WriteZipBomb,
    };

    private static string CompactReport => File.ReadAllText(Path.Combine(BadInputCorpus.Folder, "text-compact-report.txt"), Encoding.UTF8);

    /// <summary>The compact report followed by 21 MB of evidence-like text on short lines: over the file-size limit.</summary>
    private static void WriteGiantText(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(CompactReport);
        var line = "\t\t\t\t\t- Báo cáo số 23/BC-UBND ngày 16/02/2017 của UBND huyện về tình hình CCHC quý I.\n";
        for (long written = 0; written <= 21L * 1024 * 1024; written += Encoding.UTF8.GetByteCount(line))
        {
            writer.Write(line);
        }
    }

    /// <summary>The compact report padded with blank lines to <see cref="ManyLines"/> lines (about 270 KB).</summary>
    private static void WriteManyLines(string path)
    {
        var report = CompactReport.TrimEnd('\n');
        var lines = report.Count(c => c == '\n') + 1;
        File.WriteAllText(path, report + new string('\n', ManyLines - lines) + "\n", new UTF8Encoding(false));
    }

    /// <summary>A real zip bomb: a workbook whose worksheet inflates to <see cref="ZipBombSheetBytes"/> of the same row
    /// over and over, and whose ZIP declares that size honestly.</summary>
    private static void WriteZipBomb(string path)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        void Add(string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Add("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        var head = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>";
        const string Tail = "</sheetData></worksheet>";
        const string Row = "<row><c t=\"inlineStr\"><is><t>0000000000000000000000000000000000000000000000000000000000000000</t></is></c></row>";
        sheet.Write(head);
        for (long written = head.Length + Tail.Length; written + Row.Length <= ZipBombSheetBytes; written += Row.Length)
        {
            sheet.Write(Row);
        }

        sheet.Write(Tail);
    }
}
