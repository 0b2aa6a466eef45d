using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Office;
using CchcAnalytics.Ingest.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace CchcAnalytics.Ingest.Pdf;

/// <summary>Reads a self-assessment report from a PDF that has a text layer (exported from Word, signed or not): the
/// cover letter, then the Bảng tổng hợp, then the summary footer, with the same rules and problems as the text layout.</summary>
/// <remarks>
/// <para>The glyphs of each page (PdfPig) become lines by their baseline; a space is read where the PDF draws one or
/// where two glyphs stand a word gap apart, so text drawn character by character reads like any other. The table is
/// found by its header's Vietnamese words, whose cells give the columns (<see cref="PdfHeader"/>,
/// <see cref="PdfColumns"/>): nothing depends on fixed coordinates. Rows are read by <see cref="PdfTableReader"/>.
/// Running headers and footers and page numbers (<see cref="PdfText.Furniture"/>) are skipped wherever they fall.</para>
/// <para>The letter is every line above the table's header, cut where a line has a wide gap (a letterhead's two halves),
/// read with the text layout's letter rules through <see cref="ReadLetter"/>; when it does not state the unit or the
/// year, the file name gives them as for Word (<c>from-file-name</c>).</para>
/// <para>Where: a row's <see cref="ParsedRow.Line"/> and its problems' lines count the document's text lines from 1
/// across pages, and the cell says "trang 3, dòng 14" (page, then the line on that page counted from its top).</para>
/// <para>Refused: a PDF with no text (a scan: <c>no-text-layer</c>; there is no OCR); one that needs a password, or that
/// PdfPig cannot parse (<c>unreadable</c>); more than <see cref="IngestLimits.MaxPdfPages"/> pages or
/// <see cref="IngestLimits.MaxPdfGlyphs"/> glyphs (<c>too-large</c>, the pages counted before any is read). Nothing
/// PdfPig throws leaves this class.</para>
/// </remarks>
public static class PdfReportReader
{
    private const string SendInstead = "Hãy gửi tệp Word (.docx) hoặc Excel (.xlsx) của báo cáo, hoặc xuất lại PDF từ Word (Lưu thành PDF) để PDF có chữ.";

    // A letter line is cut where glyphs stand this far apart (in ems): a letterhead's unit and motto halves.
    private const double LetterGapEm = 2.5;

    private static readonly HashSet<PdfLine> NoLines = [];

    /// <summary>Reads <paramref name="bytes"/>; returns null (with errors in <paramref name="problems"/>) when the PDF
    /// cannot be read or holds no Bảng tổng hợp.</summary>
    public static ParsedReport? Read(byte[] bytes, string file, List<Problem> problems) =>
        Read(bytes, file, problems, IngestLimits.MaxPdfGlyphs);

    /// <summary>As <see cref="Read(byte[], string, List{Problem})"/> with another glyph limit (tests at and past it).</summary>
    internal static ParsedReport? Read(byte[] bytes, string file, List<Problem> problems, int maxGlyphs)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(problems);
        var name = Path.GetFileName(file);
        if (!LooksLikePdf(bytes))
        {
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                $"Tệp {name} không phải là tệp PDF (không bắt đầu bằng '%PDF-'). Có phải một tệp khác đã bị đổi đuôi thành .pdf không?"));
            return null;
        }

        var reported = problems.Count;
        try
        {
            var pages = ReadPages(bytes, file, problems, maxGlyphs);
            return pages is null ? null : ReadReport(pages, bytes, file, problems);
        }
        catch (PdfDocumentEncryptedException)
        {
            problems.RemoveRange(reported, problems.Count - reported);
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                $"Tệp PDF {name} được đặt mật khẩu (mã hoá) nên không đọc được chữ. {SendInstead}"));
            return null;
        }
#pragma warning disable CA1031 // The reader's boundary: nothing a hostile PDF makes PdfPig throw may escape.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Whatever a damaged or hostile PDF makes PdfPig throw stays here, and its English text is not shown.
            problems.RemoveRange(reported, problems.Count - reported);
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                $"Tệp PDF {name} bị hỏng hoặc có cấu trúc không đọc được. {SendInstead}"));
            return null;
        }
    }

    /// <summary>The letter facts from the lines above the table: the same statements the text, Excel and Word readers
    /// read (<see cref="LetterReader"/>), then the file-name convention for what the document does not state.</summary>
    private static LetterFacts ReadLetter(IReadOnlyList<LetterLine> lines, string file, List<Problem> problems)
    {
        var facts = LetterReader.Read(lines);
        GridTableReader.WithFoldedFileName(file, problems, name => OfficeLetter.FillFromFileName(facts, name, problems));
        return facts;
    }

    private static bool LooksLikePdf(byte[] bytes)
    {
        // The header may follow up to 1,024 bytes of anything (ISO 32000-1, 7.5.2 and its implementation notes).
        var window = bytes.AsSpan(0, Math.Min(bytes.Length, 1024));
        return window.IndexOf("%PDF-"u8) >= 0;
    }

    private sealed record PageText(List<PdfLine> Lines, int Pages, int Glyphs, int Unreadable, int ImageOnlyPages);

    private static PageText? ReadPages(byte[] bytes, string file, List<Problem> problems, int maxGlyphs)
    {
        var name = Path.GetFileName(file);
        using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        if (document.NumberOfPages > IngestLimits.MaxPdfPages)
        {
            problems.Add(Problem.Error(ProblemCodes.TooLarge, file, null,
                $"Tệp PDF {name} có {IngestLimits.Count(document.NumberOfPages)} trang, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxPdfPages)} trang; một báo cáo tự đánh giá có vài chục trang. Không có gì được ghi."));
            return null;
        }

        var lines = new List<PdfLine>();
        int glyphCount = 0, unreadable = 0, imageOnly = 0;
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            var page = document.GetPage(number);
            var glyphs = PdfText.Glyphs(page.Letters, out var pageUnreadable, out _);
            glyphCount += glyphs.Count(g => !g.IsSpace);
            unreadable += pageUnreadable;
            if (glyphCount > maxGlyphs)
            {
                problems.Add(Problem.Error(ProblemCodes.TooLarge, file, null,
                    $"Tệp PDF {name} có hơn {IngestLimits.Count(maxGlyphs)} ký tự (đã đọc đến trang {number}), vượt giới hạn; một báo cáo tự đánh giá có khoảng 35.000 ký tự. Không có gì được ghi."));
                return null;
            }

            if (glyphs.All(g => g.IsSpace) && page.NumberOfImages > 0)
            {
                imageOnly++;
            }

            var onPage = 0;
            foreach (var (y, lineGlyphs) in PdfText.Lines(glyphs))
            {
                if (lineGlyphs.All(g => g.IsSpace))
                {
                    continue;
                }

                onPage++;
                lines.Add(new PdfLine(number, onPage, lines.Count + 1, y, page.Height, lineGlyphs));
            }
        }

        return new PageText(lines, document.NumberOfPages, glyphCount, unreadable, imageOnly);
    }

    private static ParsedReport? ReadReport(PageText text, byte[] bytes, string file, List<Problem> problems)
    {
        var name = Path.GetFileName(file);
        if (text.Glyphs == 0)
        {
            var scanned = text.ImageOnlyPages > 0 ? " chỉ có ảnh (bản quét hoặc ảnh chụp)," : "";
            problems.Add(Problem.Error(ProblemCodes.NoTextLayer, file, null,
                $"Tệp PDF {name}{scanned} không có lớp chữ: không có chữ nào để đọc, và chương trình không nhận dạng chữ từ ảnh (OCR). {SendInstead}"));
            return null;
        }

        var lines = text.Lines;
        var furniture = PdfText.Furniture(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            if (PdfHeader.At(lines, i, NoLines) is not { } header)
            {
                continue;
            }

            // The header's own lines are never furniture, even when it is repeated at the same height on every page.
            for (var h = i; h < header.End; h++)
            {
                furniture.Remove(lines[h]);
            }

            var tablePages = lines.Skip(header.End).TakeWhile(l => l.Page == lines[i].Page).Where(l => !furniture.Contains(l));
            var columns = PdfColumns.From(header.Columns, header.Cells, tablePages);
            var letter = ReadLetter(LetterLines(lines, i, furniture), file, problems);
            var table = PdfTableReader.Read(lines, header.End, columns, lines.Skip(i).Take(header.End - i).Select(l => l.Text).ToList(), furniture, file, problems);
            return letter.ToReport(file, "pdf", IngestRunner.HashOf(bytes), table.Rows) with
            {
                FooterMax = table.FooterMax,
                FooterSelf = table.FooterSelf,
                FooterAppraised = table.FooterAppraised,
                FooterLine = table.FooterLine,
            };
        }

        if (text.Unreadable * 3 > text.Glyphs)
        {
            problems.Add(Problem.Error(ProblemCodes.Mojibake, file, null,
                $"Không đọc được chữ của tệp PDF {name}: PDF không cho biết các ký tự là chữ gì (phông chữ thiếu bảng mã Unicode). {SendInstead}"));
            return null;
        }

        var scans = text.ImageOnlyPages > 0 ? $" {IngestLimits.Count(text.ImageOnlyPages)} trang chỉ có ảnh (bản quét?), không có chữ; nếu Bảng tổng hợp nằm ở đó thì {char.ToLowerInvariant(SendInstead[0])}{SendInstead[1..]}" : "";
        problems.Add(TextDecoder.LooksLikeLegacyFontEncoding(string.Join("\n", lines.Select(l => l.Text)))
            ? Problem.Error(ProblemCodes.Mojibake, file, null,
                $"Không tìm thấy dòng tiêu đề của Bảng tổng hợp trong {IngestLimits.Count(text.Pages)} trang của tệp PDF, và chữ có vẻ dùng bảng mã phông chữ tiếng Việt cũ (TCVN3/ABC hoặc VNI). Hãy chuyển văn bản gốc sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi xuất lại PDF.")
            : Problem.Error(ProblemCodes.NoTable, file, null,
                $"Không tìm thấy Bảng tổng hợp trong {IngestLimits.Count(text.Pages)} trang của tệp PDF: cần có dòng tiêu đề với các cột 'STT', 'Tiêu chí', 'Điểm chuẩn' và 'Điểm tự chấm'.{scans}"));
        return null;
    }

    /// <summary>The lines above the header, numbered by their document line: a line with wide gaps (a letterhead's two
    /// halves) gives one letter line per part; a sentence wrapped over several lines is joined into one, as the text
    /// layout has it, so "… là: 92 (điểm)" is read even when "92" went onto the next line.</summary>
    private static List<LetterLine> LetterLines(IReadOnlyList<PdfLine> lines, int header, HashSet<PdfLine> furniture)
    {
        var letter = new List<LetterLine>();
        var above = lines.Take(header).Where(l => !furniture.Contains(l)).ToList();
        var edges = above.Where(l => l.Segments(LetterGapEm).Count == 1).GroupBy(l => l.Page)
            .ToDictionary(g => g.Key, g => g.Max(l => PdfLine.Span(l.Glyphs)?.X1 ?? 0));
        PdfLine? previous = null;
        PdfSpan? open = null;
        foreach (var line in above)
        {
            var segments = line.Segments(LetterGapEm);
            var span = segments.Count == 1 ? PdfLine.Span(line.Glyphs) : null;
            if (span is not null && open is not null && previous is not null && previous.Page == line.Page
                && previous.Y - line.Y < 1.8 * line.Size && PdfLine.Joiner(open, span, edges[line.Page]) is var joiner && joiner != "\n")
            {
                letter[^1] = letter[^1] with { Text = letter[^1].Text + joiner + span.Text };
            }
            else
            {
                letter.AddRange(segments.Select(PdfLine.Join).Where(t => t.Length > 0).Select(t => new LetterLine(Digits.Fold(t), line.DocumentLine)));
            }

            previous = line;
            open = span;
        }

        return letter;
    }
}
