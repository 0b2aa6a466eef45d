using System.Globalization;
using ScottPlot;

namespace CchcAnalytics.Charts;

/// <summary>The colour scale of a heatmap of % of max, the same in the chart and in the dashboard's table: Viridis
/// (perceptually uniform, colour-blind safe) from the lowest value shown (dark purple) to the highest (yellow), so that
/// a difference of a few points between units is visible even when every cell is between 80 and 100. Each cell's text is
/// black or white, whichever contrasts more with the cell: one of the two always reaches WCAG AA's 4.5:1.</summary>
public sealed class HeatScale
{
    private static readonly ScottPlot.Colormaps.Viridis Viridis = new();

    private HeatScale(decimal? lowest, decimal? highest)
    {
        Lowest = lowest;
        Highest = highest;
    }

    /// <summary>The lowest value shown (the scale's dark end); null when no cell has a value.</summary>
    public decimal? Lowest { get; }

    /// <summary>The highest value shown (the scale's light end); null when no cell has a value.</summary>
    public decimal? Highest { get; }

    /// <summary>The scale spanning the values present (missing values are not part of it; they are grey).</summary>
    public static HeatScale Of(IEnumerable<decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = values.OfType<decimal>().ToList();
        return present.Count == 0 ? new HeatScale(null, null) : new HeatScale(present.Min(), present.Max());
    }

    /// <summary>Where <paramref name="value"/> lies on the scale: 0 at the lowest value, 1 at the highest (1 when all
    /// values are equal), clamped.</summary>
    public double Position(decimal value)
    {
        if (Lowest is not { } low || Highest is not { } high || high == low)
        {
            return 1;
        }

        // In doubles, as ScottPlot's heatmap normalises its cells: a value exactly on a step of Viridis' 256 colours
        // (84,70588… between 56,67 and 100) then takes the same step in the chart and in the table.
        var (v, l, h) = ((double)value, (double)low, (double)high);
        return Math.Clamp((v - l) / (h - l), 0, 1);
    }

    /// <summary>The cell colour of <paramref name="value"/>, "#RRGGBB".</summary>
    public string Fill(decimal value) => Hex(Color(value));

    /// <summary>The text colour on a cell of <paramref name="value"/>: "#000000" or "#FFFFFF", whichever contrasts more.</summary>
    public string Ink(decimal value) => Hex(InkOn(Color(value)));

    /// <summary><paramref name="count"/> colours evenly along the scale, lowest first, for a legend's gradient.</summary>
    public static IReadOnlyList<string> Stops(int count = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        return Enumerable.Range(0, count).Select(i => Hex(Viridis.GetColor(i / (double)(count - 1)))).ToList();
    }

    /// <summary>The range a ScottPlot heatmap maps onto the colormap: the lowest to the highest value, widened below by
    /// one point when they are equal (every cell then takes the light end, as <see cref="Position"/> says).</summary>
    internal ScottPlot.Range Range => Lowest is { } low && Highest is { } high
        ? new ScottPlot.Range((double)(high == low ? high - 1 : low), (double)high)
        : new ScottPlot.Range(0, 100);

    internal static IColormap Colormap => Viridis;

    internal ScottPlot.Color Color(decimal value) => Viridis.GetColor(Position(value));

    /// <summary>Black or white, whichever has the larger WCAG contrast ratio with <paramref name="background"/>.</summary>
    internal static ScottPlot.Color InkOn(ScottPlot.Color background)
    {
        var luminance = (0.2126 * Linear(background.R)) + (0.7152 * Linear(background.G)) + (0.0722 * Linear(background.B));
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? ChartPalette.Black : Colors.White;
    }

    /// <summary>WCAG's contrast ratio of two colours (1 to 21).</summary>
    internal static double Contrast(ScottPlot.Color a, ScottPlot.Color b)
    {
        static double L(ScottPlot.Color c) => (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));
        var (x, y) = (L(a), L(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static string Hex(ScottPlot.Color color) => string.Create(CultureInfo.InvariantCulture, $"#{color.R:X2}{color.G:X2}{color.B:X2}");
}
