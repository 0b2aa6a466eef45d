using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace CchcAnalytics.Ingest.Tests.Pdf;

/// <summary>The PDF limits (<see cref="IngestLimits.MaxPdfPages"/>, <see cref="IngestLimits.MaxPdfGlyphs"/>) at and one
/// past the limit, and hostile bytes: whatever a damaged PDF makes PdfPig do, the reader answers with problems.</summary>
public sealed class PdfLimitsTests
{
    [Fact]
    public void Limits_AreGenerousForTheRealReport()
    {
        var lines = PdfFixtures.Lines(File.ReadAllBytes(PdfFixtures.NarrowColumns));
        lines.Max(l => l.Page).ShouldBe(84); // the longest layout of the real report
        IngestLimits.MaxPdfPages.ShouldBeGreaterThan(3 * 84);
        lines.Sum(l => l.Glyphs.Count(g => !g.IsSpace)).ShouldBeLessThan(IngestLimits.MaxPdfGlyphs / 20);
    }

    [Theory]
    [InlineData(IngestLimits.MaxPdfPages, false)]
    [InlineData(IngestLimits.MaxPdfPages + 1, true)]
    public void Read_PagesAtAndPastTheLimit(int pages, bool tooLarge)
    {
        var (report, problems) = PdfFixtures.Read(GlyphByGlyphPdf.EmptyPages(pages), "nhieu-trang.pdf");

        report.ShouldBeNull();
        var problem = problems.ShouldHaveSingleItem();
        if (tooLarge)
        {
            problem.Code.ShouldBe(ProblemCodes.TooLarge);
            problem.Message.ShouldBe("Tệp PDF nhieu-trang.pdf có 301 trang, vượt giới hạn 300 trang; một báo cáo tự đánh giá có vài chục trang. Không có gì được ghi.");
        }
        else
        {
            // Empty pages have no text: the next check speaks, not the page limit.
            problem.Code.ShouldBe(ProblemCodes.NoTextLayer);
        }
    }

    [Fact]
    public void Read_GlyphsAtAndPastTheLimit()
    {
        var bytes = File.ReadAllBytes(PdfFixtures.Printed);
        var glyphs = PdfFixtures.Lines(bytes).Sum(l => l.Glyphs.Count(g => !g.IsSpace));

        var atLimit = new List<Problem>();
        PdfReportReader.Read(bytes, "bao-cao.pdf", atLimit, glyphs).ShouldNotBeNull();
        atLimit.ShouldBeEmpty();

        var past = new List<Problem>();
        PdfReportReader.Read(bytes, "bao-cao.pdf", past, glyphs - 1).ShouldBeNull();
        var problem = past.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.TooLarge);
        problem.Message.ShouldStartWith($"Tệp PDF bao-cao.pdf có hơn {VietnameseText.Number(glyphs - 1)} ký tự (đã đọc đến trang 21), vượt giới hạn");
    }

    [Fact]
    public void Read_MutatedPdfBytes_NeverThrowsAndSpeaksVietnamese()
    {
        var original = FirstPages(File.ReadAllBytes(PdfFixtures.Printed), 3);
        var random = new Random(20171120);
        int refused = 0, read = 0;
        for (var i = 0; i < 300; i++)
        {
            var bytes = Mutate(original, random);
            var problems = new List<Problem>();

            var report = PdfReportReader.Read(bytes, $"dot-bien-{i}.pdf", problems);

            if (report is null)
            {
                problems.ShouldContain(p => p.Severity == Severity.Error, $"case {i}");
                refused++;
            }
            else
            {
                read++;
            }

            foreach (var problem in problems)
            {
                problem.Message.ShouldNotContain("Exception", Case.Sensitive, $"case {i}");
                problem.Message.ShouldNotContain(" the ", Case.Sensitive, $"case {i}");
                problem.Message.ShouldNotContain(" at ", Case.Sensitive, $"case {i}");
            }
        }

        // Both kinds of outcome happen, so the loop tests something either way.
        refused.ShouldBeGreaterThan(30);
        read.ShouldBeGreaterThan(30);
    }

    /// <summary>A smaller PDF of the first <paramref name="count"/> pages, with their fonts: fast to read 300 times.</summary>
    private static byte[] FirstPages(byte[] bytes, int count)
    {
        using var source = PdfDocument.Open(bytes);
        using var builder = new PdfDocumentBuilder();
        for (var page = 1; page <= count; page++)
        {
            builder.AddPage(source, page);
        }

        return builder.Build();
    }

    /// <summary>One to four damages: bytes overwritten, a run cut out, a hostile token put in, the tail cut off.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        string[] tokens = ["<<", ">>", "[", "]", "/Length 999999999", "0 0 obj", "endstream", "xref", "/Type /Pages /Count 100000", "%%EOF", "(", "/Filter /FlateDecode", "-1", "R"];
        var damages = random.Next(1, 5);
        for (var d = 0; d < damages; d++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    for (var k = 0; k < random.Next(1, 16) && at + k < bytes.Count; k++)
                    {
                        bytes[at + k] = (byte)random.Next(256);
                    }

                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 2000), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, System.Text.Encoding.ASCII.GetBytes(" " + tokens[random.Next(tokens.Length)] + " "));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }

            if (bytes.Count < 16)
            {
                break;
            }
        }

        return [.. bytes];
    }
}
