using System.Globalization;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;

namespace CchcAnalytics.Ingest.Pdf;

/// <summary>Turns a page's letters into lines (glyphs that share a baseline, left to right), and finds the lines that are
/// page furniture: running headers and footers, page numbers.</summary>
internal static partial class PdfText
{
    // Glyphs whose baselines differ by less than this (in ems) are on one line.
    private const double SameLineEm = 0.35;

    // Page furniture stands in the top or bottom part of the page.
    private const double MarginShare = 0.15;

    /// <summary>The horizontal glyphs of <paramref name="letters"/>: a combining mark joins the letter drawn before it,
    /// and a glyph drawn twice at the same place (fake bold) counts once. <paramref name="unreadable"/> counts glyphs
    /// whose text the PDF does not give (no Unicode mapping: private-use or replacement characters, control codes).</summary>
    public static List<PdfGlyph> Glyphs(IReadOnlyList<Letter> letters, out int unreadable, out int rotated)
    {
        unreadable = 0;
        rotated = 0;
        var glyphs = new List<PdfGlyph>(letters.Count);
        foreach (var letter in letters)
        {
            if (letter.TextOrientation != TextOrientation.Horizontal)
            {
                // Stamps and margin notes drawn at an angle are not the table's text.
                rotated++;
                continue;
            }

            var value = letter.Value ?? "";
            if (value.Length == 0)
            {
                continue;
            }

            if (value.Any(IsUnreadable))
            {
                unreadable++;
            }

            var size = letter.PointSize > 0.5 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);
            var x0 = letter.StartBaseLine.X;
            var x1 = Math.Max(letter.EndBaseLine.X, x0);
            var y = letter.StartBaseLine.Y;
            if (!double.IsFinite(x0) || !double.IsFinite(x1) || !double.IsFinite(y) || !double.IsFinite(size))
            {
                continue;
            }

            if (glyphs.Count > 0 && value.All(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                && glyphs[^1] is var previous && Math.Abs(previous.Y - y) < SameLineEm * size && x0 - previous.X1 < 0.5 * size)
            {
                glyphs[^1] = previous with { Value = previous.Value + value };
                continue;
            }

            if (glyphs.Count > 0 && glyphs[^1] is var last && last.Value == value && Math.Abs(last.X0 - x0) < 0.05 * size && Math.Abs(last.Y - y) < 0.05 * size)
            {
                continue;
            }

            glyphs.Add(new PdfGlyph(value, x0, x1, y, size));
        }

        return glyphs;
    }

    /// <summary>The page's lines from top to bottom.</summary>
    public static List<(double Y, List<PdfGlyph> Glyphs)> Lines(List<PdfGlyph> glyphs)
    {
        var lines = new List<(double Y, List<PdfGlyph> Glyphs)>();
        foreach (var glyph in glyphs.OrderByDescending(g => g.Y))
        {
            if (lines.Count > 0 && Math.Abs(lines[^1].Y - glyph.Y) < SameLineEm * glyph.Size)
            {
                lines[^1].Glyphs.Add(glyph);
            }
            else
            {
                lines.Add((glyph.Y, [glyph]));
            }
        }

        foreach (var line in lines)
        {
            // A stable sort keeps the drawing order of glyphs that start at the same place.
            var ordered = line.Glyphs.OrderBy(g => Math.Round(g.X0, 1)).ToList();
            line.Glyphs.Clear();
            line.Glyphs.AddRange(ordered);
        }

        return lines;
    }

    /// <summary>Lines that are page furniture: in the top or bottom <see cref="MarginShare"/> of their page, and either a
    /// page number ("3", "- 3 -", "Trang 3/12") standing first or last on its page, or the same text (digits aside) at
    /// the same height on another page.</summary>
    public static HashSet<PdfLine> Furniture(IReadOnlyList<PdfLine> lines)
    {
        var furniture = new HashSet<PdfLine>();
        var marginal = lines.Where(InMargin).ToList();
        var firstOrLast = lines.GroupBy(l => l.Page).SelectMany(g => new[] { g.MinBy(l => l.LineOnPage)!, g.MaxBy(l => l.LineOnPage)! }).ToHashSet();
        var byKey = marginal.GroupBy(l => Key(l.Text)).Where(g => g.Key.Length > 0);
        foreach (var group in byKey)
        {
            var members = group.ToList();
            foreach (var line in members)
            {
                if (firstOrLast.Contains(line) && PageNumber().IsMatch(line.Text.ToLowerInvariant())
                    || members.Any(other => other.Page != line.Page && Math.Abs(FromTop(other) - FromTop(line)) < 4))
                {
                    furniture.Add(line);
                }
            }
        }

        return furniture;
    }

    private static bool InMargin(PdfLine line) =>
        line.PageHeight > 0 && (FromTop(line) < MarginShare * line.PageHeight || line.Y < MarginShare * line.PageHeight);

    private static double FromTop(PdfLine line) => line.PageHeight - line.Y;

    private static string Key(string text) => DigitRun().Replace(text.Trim(), "#");

    /// <summary>Text a PDF gives for a glyph it has no Unicode for.</summary>
    private static bool IsUnreadable(char c) =>
        c == '\uFFFD' || c is >= '\uE000' and <= '\uF8FF' || char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"^(?:trang\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:/|trên|of)\s*\d{1,4})?$")]
    private static partial Regex PageNumber();
}
