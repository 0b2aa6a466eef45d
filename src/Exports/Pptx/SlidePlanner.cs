using System.Text.RegularExpressions;

namespace CchcAnalytics.Exports.Pptx;

/// <summary>A rectangle on the slide, in EMU (914,400 per inch, 12,700 per point).</summary>
internal readonly record struct Box(long X, long Y, long Width, long Height)
{
    public double WidthPt => Width / (double)SlideGeometry.Point;

    public double HeightPt => Height / (double)SlideGeometry.Point;

    public long Bottom => Y + Height;
}

/// <summary>Where things go on a 16:9 slide (13.333 × 7.5 inches).</summary>
internal static class SlideGeometry
{
    public const long Inch = 914_400;
    public const long Point = 12_700;
    public const long SlideWidth = 12_192_000;
    public const long SlideHeight = 6_858_000;

    /// <summary>Text insets of every text box and table cell (PowerPoint's defaults): 0.1 inch left and right, 0.05
    /// inch top and bottom.</summary>
    public const long InsetX = 91_440;
    public const long InsetY = 45_720;

    /// <summary>Hanging indent of a bullet.</summary>
    public const long BulletIndent = 342_900;

    public static readonly Box Title = new(Inch / 2, Inch / 4, SlideWidth - Inch, Inch);
    public static readonly Box AccentBar = new(Inch / 2, (long)(1.3 * Inch), SlideWidth - Inch, (long)(0.04 * Inch));
    public static readonly Box Content = new(Inch / 2, (long)(1.45 * Inch), SlideWidth - Inch, (long)(5.45 * Inch));
    public static readonly long Gap = (long)(0.3 * Inch);

    /// <summary>The source line at the foot of every slide, left of the slide number.</summary>
    public static readonly Box Footer = new(Inch / 2, (long)(6.95 * Inch), SlideWidth - (long)(2.0 * Inch), (long)(0.5 * Inch));
    public static readonly Box SlideNumber = new(SlideWidth - (long)(1.5 * Inch), (long)(6.95 * Inch), Inch, (long)(0.5 * Inch));
    public static readonly Box CoverTitle = new((long)(0.9 * Inch), (long)(1.9 * Inch), SlideWidth - (long)(1.8 * Inch), (long)(1.7 * Inch));
    public static readonly Box CoverSubtitle = new((long)(0.9 * Inch), (long)(3.8 * Inch), SlideWidth - (long)(1.8 * Inch), (long)(1.3 * Inch));

    /// <summary>A chart under two lines of 24 pt text (or three of 18 pt): the content's width, 4.1 inches high.</summary>
    public static readonly Box ChartBelowText = Content with { Height = (long)(4.1 * Inch) };

    /// <summary>A chart under one line of text (or two of 18 pt): the content's width, 4.35 inches high.</summary>
    public static readonly Box ChartBelowLine = Content with { Height = (long)(4.35 * Inch) };

    /// <summary>A chart alone on its slide: the whole content area.</summary>
    public static readonly Box ChartAlone = Content;
}

internal sealed record PlannedBullets(IReadOnlyList<string> Lines, double SizePt, Box Box);

/// <summary>A table laid out: column widths and row heights (header first) in EMU.</summary>
internal sealed record PlannedTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<long> ColumnWidths, IReadOnlyList<long> RowHeights, double SizePt, Box Box)
{
    /// <summary>Per row of <see cref="Rows"/>: highlighted.</summary>
    public IReadOnlyList<bool> Highlighted { get; init; } = [];
}

internal sealed record PlannedImage(ReadOnlyMemory<byte> Png, string AltText, Box Box);

internal sealed record PlannedSlide(string Title, double TitleSizePt, PlannedBullets? Bullets, PlannedTable? Table, PlannedImage? Image, string? Notes);

/// <summary>Lays out a slide's content for a room: titles 32 or 28 pt, bullets 24 pt down to 18 pt and at most
/// <see cref="MaxBullets"/> a slide, tables 20 or 18 pt, a picture across the whole width under the text. What does not
/// fit moves to continuation slides ("… (tiếp)"), never below 18 pt and never off the slide; a picture after a table
/// gets its own continuation slide.</summary>
internal static partial class SlidePlanner
{
    public const string Continued = " (tiếp)";

    /// <summary>Bullets on one slide at most: more are not read in a meeting.</summary>
    public const int MaxBullets = 5;

    /// <summary>The smallest text on a slide's body (bullets and tables).</summary>
    public const double MinBodySize = 18;

    /// <summary>The smallest title.</summary>
    public const double MinTitleSize = 28;

    private static readonly double[] TitleSizes = [32, MinTitleSize];
    private static readonly double[] BulletSizes = [24, 22, 20, MinBodySize];
    private static readonly double[] TableSizes = [20, MinBodySize];

    /// <summary>Share of the content height bullets may take above a table or a picture.</summary>
    private const double BulletsAboveTable = 0.45;
    private const double BulletsAbovePicture = 0.3;

    public static IEnumerable<PlannedSlide> Plan(PackSlide slide)
    {
        var bullets = slide.Bullets.ToList();
        var rows = slide.Table?.Rows.Select((r, i) => (Cells: r, Highlight: slide.Table.Highlight.Contains(i))).ToList();
        if (rows is { Count: 0 })
        {
            rows = null; // a table without rows: its header once, on the first slide
        }

        var emptyTable = slide.Table is { Rows.Count: 0 };
        var image = slide.Image;
        var first = true;
        do
        {
            var title = first ? slide.Title : slide.Title + Continued;
            var content = SlideGeometry.Content;
            var hasTable = rows is not null || (first && emptyTable);
            var imageHere = image is not null && !hasTable;
            var top = content.Y;

            PlannedBullets? plannedBullets = null;
            if (bullets.Count > 0)
            {
                var below = hasTable || imageHere;
                var maxHeight = below ? (long)(content.Height * (hasTable ? BulletsAboveTable : BulletsAbovePicture)) : content.Height;
                var chunk = bullets.Take(MaxBullets).ToList();
                if (imageHere)
                {
                    // The picture keeps the full width when the text fits above it at some size of at least 18 pt.
                    var png = PngImage.Read(image!.Png.Span, nameof(slide));
                    var room = content.Height - (long)(content.Width * (double)png.Height / png.Width) - (SlideGeometry.Gap / 2);
                    if (room > 0 && FitsWhole(chunk, content with { Height = room }))
                    {
                        maxHeight = room;
                    }
                }

                plannedBullets = FitBullets(chunk, content with { Height = maxHeight }, BulletSizes, shrinkBox: below);
                if (hasTable && rows is not null)
                {
                    // A table kept whole is worth smaller bullets: take the largest bullet size that leaves it room.
                    foreach (var size in BulletSizes)
                    {
                        var candidate = FitBullets(chunk, content with { Height = maxHeight }, [size], shrinkBox: true);
                        var below2 = candidate.Box.Bottom + (SlideGeometry.Gap / 2);
                        if (candidate.Lines.Count == chunk.Count && BulletsHeight(chunk, content, size) <= candidate.Box.HeightPt
                            && FitTable(slide.Table!.Header, rows.Select(r => r.Cells).ToList(), content with { Y = below2, Height = content.Bottom - below2 }).Rows.Count == rows.Count)
                        {
                            plannedBullets = candidate;
                            break;
                        }
                    }
                }
                top = plannedBullets.Box.Bottom + (SlideGeometry.Gap / 2);
            }

            PlannedTable? plannedTable = null;
            if (hasTable)
            {
                var taken = rows ?? [];
                plannedTable = FitTable(slide.Table!.Header, taken.Select(r => r.Cells).ToList(), content with { Y = top, Height = content.Bottom - top });
                plannedTable = plannedTable with { Highlighted = taken.Take(plannedTable.Rows.Count).Select(r => r.Highlight).ToList() };
            }

            PlannedImage? plannedImage = null;
            if (imageHere)
            {
                var area = content with { Y = top, Height = content.Bottom - top };
                plannedImage = new PlannedImage(image!.Png, image.AltText, FitImage(area, PngImage.Read(image.Png.Span, nameof(slide))));
                image = null;
            }

            yield return new PlannedSlide(title, TitleSize(title), plannedBullets, plannedTable, plannedImage, first ? slide.Notes : null);

            bullets.RemoveRange(0, plannedBullets?.Lines.Count ?? 0);
            if (plannedTable is not null && rows is not null)
            {
                rows.RemoveRange(0, plannedTable.Rows.Count);
                rows = rows.Count > 0 ? rows : null;
            }

            first = false;
            emptyTable = false;
        }
        while (bullets.Count > 0 || rows is not null || image is not null);
    }

    /// <summary>The largest title size that fits the title box in two lines at most.</summary>
    public static double TitleSize(string title, Box? box = null, double[]? sizes = null)
    {
        var area = box ?? SlideGeometry.Title;
        var width = area.WidthPt - (2 * SlideGeometry.InsetX / (double)SlideGeometry.Point);
        var height = area.HeightPt - (2 * SlideGeometry.InsetY / (double)SlideGeometry.Point);
        var candidates = sizes ?? TitleSizes;
        return candidates.FirstOrDefault(s => TextMeasure.Lines(title, width, s) * s * 0.9 * TextMeasure.LineHeight <= height, candidates[^1]);
    }

    /// <summary>Right-aligned cells: a number, maybe signed, with a decimal comma or point and a percent sign.</summary>
    public static bool IsNumeric(string text) => NumberPattern().IsMatch(text);

    /// <summary>Whether all <paramref name="bullets"/> fit <paramref name="box"/> at the smallest body size.</summary>
    private static bool FitsWhole(List<string> bullets, Box box) =>
        FitBullets(bullets, box, [MinBodySize], shrinkBox: true).Lines.Count == bullets.Count
        && BulletsHeight(bullets, box, MinBodySize) <= box.HeightPt - (2 * SlideGeometry.InsetY / (double)SlideGeometry.Point);

    private static double BulletsHeight(IEnumerable<string> lines, Box box, double size)
    {
        var width = box.WidthPt - ((2 * SlideGeometry.InsetX) + SlideGeometry.BulletIndent) / (double)SlideGeometry.Point;
        return lines.Sum(l => (TextMeasure.Lines(l, width, size) * size * TextMeasure.LineHeight) + ParagraphSpace(size));
    }

    private static PlannedBullets FitBullets(List<string> bullets, Box box, double[] sizes, bool shrinkBox)
    {
        var width = box.WidthPt - ((2 * SlideGeometry.InsetX) + SlideGeometry.BulletIndent) / (double)SlideGeometry.Point;
        var available = box.HeightPt - (2 * SlideGeometry.InsetY / (double)SlideGeometry.Point);
        double Height(IEnumerable<string> lines, double size) =>
            lines.Sum(l => (TextMeasure.Lines(l, width, size) * size * TextMeasure.LineHeight) + ParagraphSpace(size));

        foreach (var size in sizes)
        {
            var needed = Height(bullets, size);
            if (needed <= available)
            {
                var height = shrinkBox ? (long)((needed + (2 * SlideGeometry.InsetY / (double)SlideGeometry.Point)) * SlideGeometry.Point) + 1 : box.Height;
                return new PlannedBullets(bullets.ToList(), size, box with { Height = Math.Min(height, box.Height) });
            }
        }

        var smallest = sizes[^1];
        var count = 1;
        while (count < bullets.Count && Height(bullets.Take(count + 1), smallest) <= available)
        {
            count++;
        }

        return new PlannedBullets(bullets.Take(count).ToList(), smallest, box);
    }

    /// <summary>Space before each paragraph, in points (also written into the slide, so the estimate holds).</summary>
    public static double ParagraphSpace(double size) => Math.Round(size * 0.4);

    private static PlannedTable FitTable(IReadOnlyList<string> header, List<IReadOnlyList<string>> rows, Box box)
    {
        foreach (var size in TableSizes)
        {
            var fit = TableFit(header, rows, box, size);
            if (fit.Height <= box.Height)
            {
                return Planned(fit, rows.Count);
            }
        }

        var smallest = TableFit(header, rows, box, MinBodySize);
        if (rows.Count == 0)
        {
            return Planned(smallest, 0);
        }

        var count = 1;
        var used = smallest.Heights[0] + smallest.Heights[1];
        while (count < rows.Count && used + smallest.Heights[count + 1] <= box.Height)
        {
            used += smallest.Heights[count + 1];
            count++;
        }

        return Planned(smallest, count);

        PlannedTable Planned(TableLayout fit, int rowCount)
        {
            var heights = fit.Heights.Take(rowCount + 1).ToList();
            return new PlannedTable(header, rows.Take(rowCount).ToList(), fit.Widths, heights, fit.Size, box with { Height = heights.Sum() });
        }
    }

    private sealed record TableLayout(IReadOnlyList<long> Widths, IReadOnlyList<long> Heights, double Size)
    {
        public long Height => Heights.Sum();
    }

    /// <summary>Column widths at <paramref name="size"/>, then the row heights they lead to.</summary>
    private static TableLayout TableFit(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, Box box, double size)
    {
        var margins = 2 * SlideGeometry.InsetX / (double)SlideGeometry.Point;
        var columns = header.Count;
        var natural = new double[columns];
        var least = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            var longest = TextMeasure.LongestLineEm(header[c]) * 1.08;
            var word = TextMeasure.LongestWordEm(header[c]) * 1.08;
            foreach (var row in rows)
            {
                longest = Math.Max(longest, TextMeasure.LongestLineEm(row[c]));
                word = Math.Max(word, TextMeasure.LongestWordEm(row[c]));
            }

            natural[c] = (longest * size) + margins + 1;
            least[c] = (word * size) + margins + 1;
        }

        // Every column gets its natural (unwrapped) width when they all fit, stretched to the box. Otherwise each gets
        // its longest word, so no word breaks, and the rest of the width goes to the columns that wrap, in proportion to
        // how much more they want. Only when even the longest words do not fit are words broken.
        var total = box.WidthPt;
        var widths = new double[columns];
        var wanted = natural.Sum();
        var minimum = least.Sum();
        for (var c = 0; c < columns; c++)
        {
            widths[c] = wanted <= total ? natural[c] * total / wanted
                : minimum >= total ? least[c] * total / minimum
                : least[c] + ((total - minimum) * (natural[c] - least[c]) / (wanted - minimum));
        }

        var emuWidths = widths.Select(w => (long)(w * SlideGeometry.Point)).ToList();
        emuWidths[^1] += box.Width - emuWidths.Sum(); // rounding: the columns add up to the box exactly
        var verticalMargins = 2 * SlideGeometry.InsetY / (double)SlideGeometry.Point;
        long RowHeight(IReadOnlyList<string> cells, double factor) =>
            (long)Math.Ceiling((cells.Select((text, c) => TextMeasure.Lines(text, (emuWidths[c] / (double)SlideGeometry.Point) - margins, size * factor)).Max()
                * size * TextMeasure.LineHeight + verticalMargins + 2) * SlideGeometry.Point);
        var heights = new List<long> { RowHeight(header, 1.08) };
        heights.AddRange(rows.Select(r => RowHeight(r, 1.0)));
        return new TableLayout(emuWidths, heights, size);
    }

    /// <summary>The largest box with the picture's aspect ratio inside <paramref name="area"/>, centred.</summary>
    private static Box FitImage(Box area, PngImage png)
    {
        var scale = Math.Min(area.Width / (double)png.Width, area.Height / (double)png.Height);
        var width = (long)(png.Width * scale);
        var height = (long)(png.Height * scale);
        return new Box(area.X + ((area.Width - width) / 2), area.Y + ((area.Height - height) / 2), width, height);
    }

    [GeneratedRegex(@"^[+\-−]?\d[\d.,  ]*%?$")]
    private static partial Regex NumberPattern();
}
