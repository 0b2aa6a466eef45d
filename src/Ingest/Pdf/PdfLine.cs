using System.Globalization;
using System.Text;
using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest.Pdf;

/// <summary>One glyph of a PDF page as the reader uses it: its text, where its advance starts and ends on the baseline,
/// its baseline and its size in points.</summary>
internal sealed record PdfGlyph(string Value, double X0, double X1, double Y, double Size)
{
    public bool IsSpace => string.IsNullOrWhiteSpace(Value);
}

/// <summary>A run of glyphs on one line that stand close together (a cell's text on that line, a word group): where it
/// starts and ends, its text, and the width of its first word (for telling a wrapped line from a new paragraph).</summary>
internal sealed record PdfSpan(double X0, double X1, string Text, double FirstWordWidth, double SpaceWidth);

/// <summary>One line of text on a PDF page: the glyphs that share a baseline, left to right, with where the line is
/// (page, its number on the page from the top, and its number in the whole document, both from 1).</summary>
internal sealed class PdfLine(int page, int lineOnPage, int documentLine, double y, double pageHeight, IReadOnlyList<PdfGlyph> glyphs)
{
    // Two glyphs further apart than this (in ems) are separate words even without a space glyph between them: text
    // drawn character by character places each glyph itself and draws no spaces. Kerning moves glyphs by a few
    // hundredths of an em; a space is a quarter to a third of one.
    private const double WordGapEm = 0.15;

    public int Page { get; } = page;

    public int LineOnPage { get; } = lineOnPage;

    public int DocumentLine { get; } = documentLine;

    /// <summary>Baseline, in PDF units from the bottom of the page.</summary>
    public double Y { get; } = y;

    public double PageHeight { get; } = pageHeight;

    /// <summary>Glyphs left to right (spaces included).</summary>
    public IReadOnlyList<PdfGlyph> Glyphs { get; } = glyphs;

    /// <summary>The line's typical glyph size (median), in points.</summary>
    public double Size { get; } = glyphs.Count == 0 ? 10 : glyphs.Select(g => g.Size).Order().ElementAt(glyphs.Count / 2);

    public string Text => Join(Glyphs);

    /// <summary>"trang 3, dòng 14": where a person finds the line in the PDF.</summary>
    public string Where => string.Create(CultureInfo.InvariantCulture, $"trang {Page}, dòng {LineOnPage}");

    /// <summary>The line cut where glyphs stand more than <paramref name="gapEm"/> ems apart (columns, a letterhead's
    /// two halves).</summary>
    public List<IReadOnlyList<PdfGlyph>> Segments(double gapEm)
    {
        var segments = new List<IReadOnlyList<PdfGlyph>>();
        var current = new List<PdfGlyph>();
        PdfGlyph? last = null;
        foreach (var glyph in Glyphs.Where(g => !g.IsSpace))
        {
            if (last is not null && glyph.X0 - last.X1 > gapEm * Math.Max(last.Size, glyph.Size))
            {
                segments.Add(current);
                current = [];
            }

            current.Add(glyph);
            last = glyph;
        }

        if (current.Count > 0)
        {
            segments.Add(current);
        }

        return segments;
    }

    /// <summary>The text of glyphs standing left to right: a space where the PDF draws one or where glyphs stand a word
    /// gap apart, Vietnamese NFC.</summary>
    public static string Join(IReadOnlyList<PdfGlyph> glyphs)
    {
        var builder = new StringBuilder();
        PdfGlyph? last = null;
        foreach (var glyph in glyphs)
        {
            if (glyph.IsSpace)
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                last = glyph;
                continue;
            }

            if (last is not null && !last.IsSpace && glyph.X0 - last.X1 > WordGapEm * Math.Max(last.Size, glyph.Size) && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }

            builder.Append(glyph.Value);
            last = glyph;
        }

        return VietnameseText.Nfc(builder.ToString().Trim());
    }

    /// <summary>What stands between two lines of one cell or paragraph: a line break where the line broke although the
    /// next word would have fitted before <paramref name="edge"/> (a new paragraph, or a break typed in the cell);
    /// nothing after a hyphen inside a word ("85/KH-" over "UBND"); otherwise a space (the line wrapped).</summary>
    public static string Joiner(PdfSpan upper, PdfSpan lower, double edge)
    {
        if (upper.X1 + upper.SpaceWidth + lower.FirstWordWidth <= edge - 0.5)
        {
            return "\n";
        }

        return Wrapped(upper);
    }

    /// <summary>What joins a wrapped line to the next: nothing after a hyphen inside a word, else a space.</summary>
    public static string Wrapped(PdfSpan upper)
    {
        var text = upper.Text;
        return text.Length >= 2 && text[^1] == '-' && !char.IsWhiteSpace(text[^2]) ? "" : " ";
    }

    /// <summary>A span over <paramref name="glyphs"/> (left to right, spaces included).</summary>
    public static PdfSpan? Span(IReadOnlyList<PdfGlyph> glyphs)
    {
        var ink = glyphs.Where(g => !g.IsSpace).ToList();
        if (ink.Count == 0)
        {
            return null;
        }

        // The first word ends at the first space glyph or word gap.
        var firstWordEnd = ink[0].X1;
        for (var i = 1; i < ink.Count; i++)
        {
            var spaceBetween = glyphs.Any(g => g.IsSpace && g.X0 >= ink[i - 1].X1 - 0.01 && g.X1 <= ink[i].X0 + 0.01);
            if (spaceBetween || ink[i].X0 - ink[i - 1].X1 > WordGapEm * Math.Max(ink[i].Size, ink[i - 1].Size))
            {
                break;
            }

            firstWordEnd = ink[i].X1;
        }

        var spaces = glyphs.Where(g => g.IsSpace && g.X1 > g.X0).Select(g => g.X1 - g.X0).ToList();
        var spaceWidth = spaces.Count > 0 ? spaces.Average() : 0.25 * ink[0].Size;
        return new PdfSpan(ink[0].X0, ink[^1].X1, Join(glyphs), firstWordEnd - ink[0].X0, spaceWidth);
    }
}
