using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Pdf;
using CchcAnalytics.Tests;
using UglyToad.PdfPig;

namespace CchcAnalytics.Ingest.Tests.Pdf;

/// <summary>The committed PDF fixtures (make-fixtures.sh) and helpers to read them.</summary>
internal static class PdfFixtures
{
    /// <summary>The real report printed as a district prints it (PdfSources.PrintedReport).</summary>
    public static string Printed => PathOf("hoang-hoa-2017-bc293.pdf");

    /// <summary>ReportDocument's seven equal narrow columns, 84 pages.</summary>
    public static string NarrowColumns => PathOf("hoang-hoa-2017-bc293-narrow-columns.pdf");

    /// <summary>The printed report locked with a password to open it.</summary>
    public static string Password => PathOf("hoang-hoa-2017-bc293-password.pdf");

    /// <summary>The printed report with an owner password only (opens without one; copying and editing "forbidden").</summary>
    public static string OwnerLocked => PathOf("hoang-hoa-2017-bc293-owner-locked.pdf");

    public static string PathOf(string name) => Path.Combine(TestFiles.RepositoryRoot, "tests", "Ingest.Tests", "Pdf", "Fixtures", name);

    public static (ParsedReport? Report, List<Problem> Problems) Read(byte[] bytes, string name = "bao-cao.pdf")
    {
        var problems = new List<Problem>();
        var report = PdfReportReader.Read(bytes, name, problems);
        return (report, problems);
    }

    public static (ParsedReport? Report, List<Problem> Problems) Read(string path) => Read(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>The text PdfPig gives for one page, lines and spaces as PdfPig puts them (to show what a fixture holds).</summary>
    public static string PageText(string path, int page)
    {
        using var document = PdfDocument.Open(File.ReadAllBytes(path));
        return string.Concat(document.GetPage(page).Letters.Select(l => l.Value));
    }

    /// <summary>The reader's lines of a PDF, page furniture included.</summary>
    public static List<PdfLine> Lines(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var lines = new List<PdfLine>();
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            var page = document.GetPage(number);
            var onPage = 0;
            foreach (var (y, glyphs) in PdfText.Lines(PdfText.Glyphs(page.Letters, out _, out _)))
            {
                lines.Add(new PdfLine(number, ++onPage, lines.Count + 1, y, page.Height, glyphs));
            }
        }

        return lines;
    }
}
