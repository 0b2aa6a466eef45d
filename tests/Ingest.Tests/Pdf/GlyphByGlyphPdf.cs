using System.Globalization;
using CchcAnalytics.Ingest.Tests.Office;
using CchcAnalytics.Tests;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace CchcAnalytics.Ingest.Tests.Pdf;

/// <summary>PDFs written with PdfPig's builder: the real report drawn one character at a time with no space characters
/// in the content stream (as some reporting tools and PDF printers write text), a scanned report (an image per page,
/// no text), and pages of other sizes.</summary>
internal static class GlyphByGlyphPdf
{
    private const double Size = 9;
    private const double Leading = 11;
    private const double Margin = 40;
    private const double Padding = 3;

    // STT, name, Điểm chuẩn, Điểm tự chấm, Điểm thẩm định, Tài liệu kiểm chứng (landscape A4: 762 points inside the margins).
    private static readonly double[] Widths = [42, 210, 50, 50, 50, 350];

    private static readonly string[] Header = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm", "Điểm thẩm định", "Tài liệu kiểm chứng"];

    /// <summary>The real report: the letter, the table with its header on every page, the result row.</summary>
    /// <param name="selfText">Text drawn in the Điểm tự chấm cell of the rows with these codes, instead of their points.</param>
    public static byte[] RealReport(Dictionary<string, string>? selfText = null)
    {
        var report = ReportWorkbook.RealReport();
        using var writer = new Writer();
        writer.Line(Margin, "UBND HUYỆN HOẰNG HÓA");
        writer.Same(450, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        writer.Line(Margin, "Số: 293/BC-UBND");
        writer.Same(450, "Hoằng Hóa, ngày 20 tháng 11 năm 2017");
        writer.Skip();
        writer.Line(380, "BÁO CÁO");
        writer.Line(Margin, "Tự đánh giá, chấm điểm tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2017");
        writer.Line(Margin, "- Tổng số điểm tự đánh giá theo các tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm 2017 của UBND huyện Hoằng Hóa là: 92 (điểm).");
        writer.Skip();
        writer.Line(Margin, "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017");
        writer.Row(Header);
        foreach (var row in report.Rows)
        {
            var self = selfText?.GetValueOrDefault(row.Code) ?? Points(row.SelfPoints);
            writer.Row([row.Code, row.Name, Points(row.MaxPoints), self, Points(row.AppraisedPoints), row.Evidence ?? ""]);
        }

        writer.Row(["", "Kết quả đạt được", Points(report.FooterMax), Points(report.FooterSelf), "", ""]);
        return writer.Build();
    }

    /// <summary>A scanned report: <paramref name="pages"/> pages that each hold only a picture of a page.</summary>
    public static byte[] Scanned(int pages = 2)
    {
        using var builder = new PdfDocumentBuilder();
        var image = TestPng.ScannedPage();
        for (var i = 0; i < pages; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddPng(image, new PdfRectangle(0, 0, 595, 842));
        }

        return builder.Build();
    }

    /// <summary><paramref name="pages"/> empty pages.</summary>
    public static byte[] EmptyPages(int pages)
    {
        using var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            builder.AddPage(PageSize.A4);
        }

        return builder.Build();
    }

    private static string Points(decimal? value) =>
        value?.ToString(CultureInfo.InvariantCulture).Replace('.', ',') ?? "";

    /// <summary>Lays text out in lines and table rows, drawing every character with its own text operation.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly PdfDocumentBuilder builder = new();
        private readonly PdfDocumentBuilder.AddedFont font;
        private readonly Dictionary<char, double> widths = [];
        private PdfPageBuilder page;
        private double y;

        public Writer()
        {
            font = builder.AddTrueTypeFont(File.ReadAllBytes(Path.Combine(TestFiles.RepositoryRoot, "src", "Charts", "Fonts", "DejaVuSans.ttf")));
            page = NewPage();
        }

        public byte[] Build() => builder.Build();

        public void Dispose() => builder.Dispose();

        public void Skip() => y -= Leading;

        /// <summary>Text on a new line at <paramref name="x"/>.</summary>
        public void Line(double x, string text)
        {
            y -= Leading;
            Draw(x, y, text);
        }

        /// <summary>Text on the current line at <paramref name="x"/> (the letterhead's right half).</summary>
        public void Same(double x, string text) => Draw(x, y, text);

        /// <summary>A table row: each cell wrapped in its column; a row that does not fit goes to a new page, under
        /// the header drawn again.</summary>
        public void Row(string[] cells)
        {
            var wrapped = cells.Select((text, c) => Wrap(text, Widths[c] - 2 * Padding)).ToList();
            var height = wrapped.Max(w => w.Count) * Leading + 2 * Padding;
            if (y - height < Margin)
            {
                page = NewPage();
                Row(Header);
            }

            var x = Margin;
            for (var c = 0; c < cells.Length; c++)
            {
                var lineY = y - Padding;
                foreach (var line in wrapped[c])
                {
                    lineY -= Leading;
                    Draw(x + Padding, lineY + 2, line);
                }

                page.DrawRectangle(new PdfPoint(x, y - height), Widths[c], height, 0.5);
                x += Widths[c];
            }

            y -= height;
        }

        private PdfPageBuilder NewPage()
        {
            var added = builder.AddPage(PageSize.A4, isPortrait: false);
            y = 595 - Margin;
            return added;
        }

        /// <summary>Each character on its own; a space is not drawn, only the pen moves on.</summary>
        private void Draw(double x, double baseline, string text)
        {
            foreach (var ch in text)
            {
                if (ch != ' ')
                {
                    page.AddText(ch.ToString(), Size, new PdfPoint(x, baseline), font);
                }

                x += Width(ch);
            }
        }

        private double Width(char ch)
        {
            if (!widths.TryGetValue(ch, out var width))
            {
                var letters = page.MeasureText(ch == ' ' ? "n n" : ch.ToString(), Size, new PdfPoint(0, 0), font);
                width = ch == ' ' ? letters[^1].StartBaseLine.X - letters[0].EndBaseLine.X : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
                widths[ch] = width;
            }

            return width;
        }

        private double Width(string text) => text.Sum(Width);

        /// <summary>Greedy wrapping of each paragraph (a line break in the text starts one) into lines of at most
        /// <paramref name="width"/>; a word longer than a line is cut.</summary>
        private List<string> Wrap(string text, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (Width(candidate) <= width)
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }

                    line = word;
                    while (Width(line) > width)
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && Width(line[..cut]) > width)
                        {
                            cut--;
                        }

                        lines.Add(line[..cut]);
                        line = line[cut..];
                    }
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }
            }

            return lines.Count == 0 ? [""] : lines;
        }
    }
}
