using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Text;

namespace CchcAnalytics.Ingest.Pdf;

/// <summary>A header cell as printed: its text (a two-level header's upper text first) and how far it reaches.</summary>
internal sealed record PdfHeaderCell(double X0, double X1, string Text);

/// <summary>Finds a table's header in PDF lines and the columns it sets: the header's words are grouped into cells
/// (text wrapped over several lines in one cell stays one cell; a cell over two sub-columns, such as "Tổng điểm đánh
/// giá" over "Điểm tự chấm" | "Điểm thẩm định", is the upper half of both), and the cells give the columns, in the
/// order they stand, to <see cref="TableColumns.FromHeader"/>, exactly as a text or grid header is recognised.</summary>
internal static class PdfHeader
{
    // Glyphs further apart than this (in ems) are in different cells of a header line.
    public const double CellGapEm = 0.8;

    // A header is a few lines; a name header wrapped in a narrow column takes four or five.
    private const int MaxHeaderLines = 10;

    // Header lines follow each other closely (in ems, baseline to baseline).
    private const double MaxLineGapEm = 2.6;

    private static readonly string[] Keywords = ["stt", "điểm", "tiêu chí", "lĩnh vực", "nội dung", "kiểm chứng"];

    /// <summary>A table header that starts at <c>lines[start]</c>: its columns and cells, and the index after its last
    /// line. Null when no Bảng tổng hợp header starts there.</summary>
    public static (TableColumns Columns, List<PdfHeaderCell> Cells, int End)? At(IReadOnlyList<PdfLine> lines, int start, ISet<PdfLine> skip)
    {
        var first = lines[start];
        var lower = first.Text.ToLowerInvariant();
        if (first.Segments(CellGapEm).Count < 2 || !Keywords.Any(k => lower.Contains(k, StringComparison.Ordinal)))
        {
            return null;
        }

        var band = new List<(PdfLine Line, int Index)>();
        for (var i = start; i < lines.Count && band.Count < MaxHeaderLines; i++)
        {
            var line = lines[i];
            if (skip.Contains(line))
            {
                continue;
            }

            if (line.Page != first.Page || band.Count > 0 && band[^1].Line.Y - line.Y > MaxLineGapEm * line.Size || IsDataLine(line) || IsColumnNumberLine(line))
            {
                break;
            }

            band.Add((line, i));
        }

        // The shortest band that sets the columns, then the lines that only go on wrapping its cells' words (no digits:
        // the first line of a row cut by the page break carries on a name or evidence under a repeated header).
        for (var count = 1; count <= band.Count; count++)
        {
            if (FromBand(band.Take(count).Select(b => b.Line).ToList()) is not { } found)
            {
                continue;
            }

            while (count < band.Count && !band[count].Line.Text.Any(char.IsAsciiDigit)
                && Cells(band.Take(count + 1).Select(b => b.Line).ToList()).Count == found.Cells.Count
                && FromBand(band.Take(count + 1).Select(b => b.Line).ToList()) is { } longer)
            {
                found = longer;
                count++;
            }

            return (found.Columns, found.Cells, band[count - 1].Index + 1);
        }

        return null;
    }

    /// <summary>The columns that exactly <paramref name="band"/>'s lines set as a header; null when they are not one.</summary>
    public static (TableColumns Columns, List<PdfHeaderCell> Cells)? FromBand(IReadOnlyList<PdfLine> band)
    {
        var cells = Cells(band);
        return TableColumns.FromHeader(cells.Select(c => c.Text).ToList()) is { } columns ? (columns, cells) : null;
    }

    /// <summary>A line whose first cell is a criterion code, with more cells after it: a table row, never a header line.</summary>
    public static bool IsDataLine(PdfLine line)
    {
        var segments = line.Segments(CellGapEm);
        return segments.Count >= 2 && CriterionCode.Normalize(PdfLine.Join(segments[0]).Split(' ')[0]) is not null;
    }

    /// <summary>"(1) (2) (3) …" under a header numbers the columns.</summary>
    public static bool IsColumnNumberLine(PdfLine line)
    {
        var parts = line.Segments(CellGapEm).Select(PdfLine.Join).ToList();
        return parts.Count >= 3 && parts.All(p => p.Length is >= 3 and <= 4 && p[0] == '(' && p[^1] == ')' && p[1..^1].All(char.IsAsciiDigit));
    }

    /// <summary>The header's cells left to right: each line's segments joined into cells down the band. A segment joins
    /// the cell above it when it overlaps that cell alone and that cell overlaps no other segment of the line; when a
    /// cell overlaps several segments of the next line, it is the upper half of each (a merged "Tổng điểm đánh giá").</summary>
    public static List<PdfHeaderCell> Cells(IReadOnlyList<PdfLine> band)
    {
        var blocks = new List<Block>();
        foreach (var line in band)
        {
            var spans = line.Segments(CellGapEm).Select(PdfLine.Span).OfType<PdfSpan>().ToList();
            var open = blocks.Where(b => !b.Closed).ToList();
            var overlaps = open.ToDictionary(b => b, b => spans.Count(s => Overlap(b.X0, b.X1, s.X0, s.X1)));
            foreach (var span in spans)
            {
                var above = open.Where(b => Overlap(b.X0, b.X1, span.X0, span.X1)).ToList();
                if (above.Count == 1 && overlaps[above[0]] == 1)
                {
                    above[0].Add(span);
                    continue;
                }

                var block = new Block(span);
                if (above.Count == 1)
                {
                    block.Parent = above[0];
                    above[0].IsParent = true;
                    above[0].Closed = true;
                }

                blocks.Add(block);
            }
        }

        return blocks.Where(b => !b.IsParent)
            .OrderBy(b => b.X0)
            .Select(b => new PdfHeaderCell(b.X0, b.X1, b.Parent is null ? b.Text : b.Parent.Text + " " + b.Text))
            .ToList();
    }

    private static bool Overlap(double a0, double a1, double b0, double b1) => a0 < b1 - 0.5 && b0 < a1 - 0.5;

    private sealed class Block(PdfSpan first)
    {
        private readonly List<string> texts = [first.Text];

        public double X0 { get; private set; } = first.X0;

        public double X1 { get; private set; } = first.X1;

        public Block? Parent { get; set; }

        public bool IsParent { get; set; }

        public bool Closed { get; set; }

        public string Text => string.Join(" ", texts);

        public void Add(PdfSpan span)
        {
            texts.Add(span.Text);
            X0 = Math.Min(X0, span.X0);
            X1 = Math.Max(X1, span.X1);
        }
    }
}
