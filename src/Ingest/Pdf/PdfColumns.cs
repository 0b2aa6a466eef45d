namespace CchcAnalytics.Ingest.Pdf;

/// <summary>Where the columns of a PDF table end, found from its header cells and refined by the rows under them: a
/// header centred in a wide column says little about where the column starts, so each border is put in the widest
/// strip between two header cells that no glyph of the rows crosses (cell padding), not at a fixed coordinate.</summary>
internal sealed class PdfColumns
{
    private const double Step = 0.5;

    private readonly double[] borders;

    private PdfColumns(TableColumns columns, double[] borders)
    {
        Columns = columns;
        this.borders = borders;
    }

    /// <summary>Which header column is which (STT, name, points, evidence).</summary>
    public TableColumns Columns { get; }

    public int Count => borders.Length + 1;

    public static PdfColumns From(TableColumns columns, IReadOnlyList<PdfHeaderCell> cells, IEnumerable<PdfLine> rows)
    {
        var ink = rows.SelectMany(l => l.Glyphs).Where(g => !g.IsSpace).ToList();
        var borders = new double[Math.Max(cells.Count - 1, 0)];
        for (var k = 0; k < borders.Length; k++)
        {
            var from = cells[k].X1;
            var to = cells[k + 1].X0;
            borders[k] = to <= from ? (from + to) / 2 : Emptiest(from, to, ink);
        }

        return new PdfColumns(columns, borders);
    }

    /// <summary>The column a glyph stands in (by its centre).</summary>
    public int ColumnOf(PdfGlyph glyph)
    {
        var centre = (glyph.X0 + glyph.X1) / 2;
        for (var k = 0; k < borders.Length; k++)
        {
            if (centre < borders[k])
            {
                return k;
            }
        }

        return borders.Length;
    }

    /// <summary>The line's glyphs by column (spaces go with the column they stand in).</summary>
    public List<PdfGlyph>[] Split(PdfLine line)
    {
        var cells = Enumerable.Range(0, Count).Select(_ => new List<PdfGlyph>()).ToArray();
        foreach (var glyph in line.Glyphs)
        {
            cells[ColumnOf(glyph)].Add(glyph);
        }

        return cells;
    }

    /// <summary>The middle of the longest strip of [<paramref name="from"/>, <paramref name="to"/>] that the fewest glyphs cross.</summary>
    private static double Emptiest(double from, double to, List<PdfGlyph> ink)
    {
        var slots = Math.Max(1, (int)Math.Ceiling((to - from) / Step));
        var cover = new int[slots];
        foreach (var glyph in ink)
        {
            if (glyph.X1 <= from || glyph.X0 >= to)
            {
                continue;
            }

            var first = Math.Max(0, (int)Math.Floor((glyph.X0 - from) / Step));
            var last = Math.Min(slots - 1, (int)Math.Ceiling((glyph.X1 - from) / Step) - 1);
            for (var s = first; s <= last; s++)
            {
                cover[s]++;
            }
        }

        var least = cover.Min();
        int bestStart = 0, bestLength = 0;
        for (var s = 0; s < slots;)
        {
            if (cover[s] != least)
            {
                s++;
                continue;
            }

            var start = s;
            while (s < slots && cover[s] == least)
            {
                s++;
            }

            if (s - start > bestLength)
            {
                bestStart = start;
                bestLength = s - start;
            }
        }

        return from + (bestStart + bestLength / 2.0) * Step;
    }
}
