using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Office;
using CchcAnalytics.Ingest.Tests.Office;

namespace CchcAnalytics.Ingest.Tests.Pdf;

/// <summary>The Word documents the committed PDF fixtures are printed from (make-fixtures.sh): each must itself read as
/// the real report, so a PDF that differs from the text layout points at the PDF reader, not at its source. With
/// <c>CCHC_PDF_SOURCES=DIR</c> set, the test also writes them to DIR for LibreOffice to print.</summary>
public sealed class PdfSourcesTests
{
    [Fact]
    public void Sources_EveryWordDocument_ReadsAsTheRealReport()
    {
        var expected = ReportWorkbook.RealReport();
        var folder = Environment.GetEnvironmentVariable("CCHC_PDF_SOURCES");
        foreach (var (name, bytes) in PdfSources.All())
        {
            var problems = new List<Problem>();
            var report = DocxReportReader.Read(bytes, name + ".docx", problems);

            problems.ShouldBeEmpty(name);
            report.ShouldNotBeNull(name);
            report.Rows.Select(r => (r.Code, r.MaxPoints, r.SelfPoints)).ShouldBe(expected.Rows.Select(r => (r.Code, r.MaxPoints, r.SelfPoints)), name);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, name + ".docx"), bytes);
            }
        }

        if (!string.IsNullOrEmpty(folder))
        {
            // The scanned report of the bad-input corpus (make-fixtures.sh also locks a copy with a password).
            File.WriteAllBytes(Path.Combine(folder, "pdf-scanned.pdf.bin"), GlyphByGlyphPdf.Scanned());
        }
    }
}
