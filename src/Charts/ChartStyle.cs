using System.Text.RegularExpressions;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace CchcAnalytics.Charts;

/// <summary>The look every chart shares: DejaVu Sans, a two-line title (what; scope and data status), vi-VN tick
/// labels, whole years on year axes, light grid, legend in the plot's lower right unless a builder moves it.</summary>
internal static class ChartStyle
{
    public const float TitleSize = 17;
    public const float AxisLabelSize = 14;
    public const float TickSize = 12;
    public const float LegendSize = 12;
    public const float ValueLabelSize = 11;

    public static void Begin(Plot plot, ChartSpec spec, int width, bool title = true)
    {
        plot.Font.Set(ChartFonts.FamilyName);
        if (title)
        {
            plot.Title(TitleText(spec, width - 40), TitleSize);
        }

        plot.Axes.Title.Label.Bold = true;
        // Centred on the figure, not the data area, so long axis labels on the left cannot push it off the right edge.
        plot.Axes.Title.FullFigureCenter = true;
        plot.Axes.Title.Label.ForeColor = ChartPalette.Ink;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = AxisLabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = ChartPalette.Ink;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = ChartPalette.Ink;
        }

        plot.Grid.MajorLineColor = Color.FromHex("#000000").WithAlpha(0.08);
        plot.Legend.FontName = ChartFonts.FamilyName;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.OutlineColor = Color.FromHex("#BBBBBB");
        plot.Legend.ShadowColor = Colors.Transparent;
        ValueTicks(plot.Axes.Left);
        ValueTicks(plot.Axes.Bottom);
    }

    /// <summary>Applies the font again to axes a builder added or changed.</summary>
    public static void End(Plot plot)
    {
        plot.Font.Set(ChartFonts.FamilyName);
        plot.Legend.FontName = ChartFonts.FamilyName;
    }

    /// <summary>Numeric ticks with vi-VN labels ("92,5").</summary>
    public static void ValueTicks(IAxis axis) => axis.TickGenerator = new NumericAutomatic { LabelFormatter = ChartText.Tick };

    /// <summary>The title's lines: the title, then the subtitle, each wrapped to fit <paramref name="width"/> pixels
    /// (the subtitle breaks at its "·" and ";" separators first, then between words).</summary>
    public static string TitleText(ChartSpec spec, int width)
    {
        using var bold = new SKFont(ChartFonts.Typeface(bold: true), TitleSize);
        var lines = Wrap(spec.Title.Split(' '), " ", bold, width);
        if (spec.Subtitle.Length > 0)
        {
            var chunks = Regex.Split(spec.Subtitle, "(?<=[;·]) ").SelectMany(c => bold.MeasureText(c) > width ? c.Split(' ') : [c]);
            lines.AddRange(Wrap(chunks, " ", bold, width));
        }

        return string.Join('\n', lines);
    }

    private static List<string> Wrap(IEnumerable<string> pieces, string separator, SKFont font, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var piece in pieces)
        {
            var candidate = current.Length == 0 ? piece : current + separator + piece;
            if (current.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(current);
                current = piece;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    /// <summary>Ticks for a % axis from <paramref name="low"/> to <paramref name="high"/>, never above 100 (the axis may
    /// extend past 100 to make room for labels), every 1, 2, 5 or 10 points depending on the range.</summary>
    public static void PercentTicks(IAxis axis, double low, double high)
    {
        var top = Math.Min(100, high);
        var range = top - low;
        var step = range <= 12 ? 1 : range <= 25 ? 2 : range <= 50 ? 5 : 10;
        var ticks = new NumericManual();
        for (var value = Math.Ceiling(low / step) * step; value <= top + 1e-9; value += step)
        {
            ticks.AddMajor(value, ChartText.Tick(value));
        }

        axis.TickGenerator = ticks;
    }

    /// <summary>One tick per year, labelled "2017" (an automatic numeric axis would print "2,017" or half years).</summary>
    public static void YearTicks(IAxis axis, IEnumerable<int> years)
    {
        var ticks = new NumericManual();
        foreach (var year in years.Distinct().Order())
        {
            ticks.AddMajor(year, ChartText.Year(year));
        }

        axis.TickGenerator = ticks;
    }

    /// <summary>Text ticks at the given positions (unit names, area names, codes).</summary>
    public static void CategoryTicks(IAxis axis, IEnumerable<(double Position, string Label)> categories)
    {
        var ticks = new NumericManual();
        foreach (var (position, label) in categories)
        {
            ticks.AddMajor(position, label);
        }

        axis.TickGenerator = ticks;
        axis.MajorTickStyle.Length = 0;
    }

    /// <summary>A vertical reference line (mean, median, a framework change) with a legend entry when
    /// <paramref name="legend"/> is given.</summary>
    public static ScottPlot.Plottables.VerticalLine VerticalLine(Plot plot, double x, Color color, LinePattern pattern, string? legend, float width = 2)
    {
        var line = plot.Add.VerticalLine(x, width, color, pattern);
        line.LegendText = legend ?? "";
        line.ExcludeFromLegend = legend is null;
        return line;
    }

    /// <summary>A text label in data coordinates.</summary>
    public static ScottPlot.Plottables.Text Label(Plot plot, string text, double x, double y, Alignment alignment, Color? color = null, float size = ValueLabelSize, bool bold = false, bool background = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = ChartFonts.FamilyName;
        label.LabelFontSize = size;
        label.LabelFontColor = color ?? ChartPalette.Ink;
        label.LabelBold = bold;
        label.LabelAlignment = alignment;
        if (background)
        {
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            label.LabelPadding = 2;
        }

        return label;
    }

    /// <summary>A legend entry that is not tied to a plottable (e.g. "Dữ liệu mẫu" for bar colours).</summary>
    public static void LegendFill(Plot plot, string text, Color color) =>
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, FillColor = color, LineWidth = 0 });

    /// <summary>Value labels of bars: DejaVu Sans in ink.</summary>
    public static void ValueLabels(ScottPlot.Plottables.BarPlot bars, float size = ValueLabelSize)
    {
        bars.ValueLabelStyle.FontName = ChartFonts.FamilyName;
        bars.ValueLabelStyle.FontSize = size;
        bars.ValueLabelStyle.ForeColor = ChartPalette.Ink;
    }

    /// <summary>A legend entry for a line drawn without its own (to keep the legend in reading order).</summary>
    public static void LegendLine(Plot plot, string text, Color color, LinePattern pattern, float width = 1.5f) =>
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, LineColor = color, LinePattern = pattern, LineWidth = width });

    /// <summary>A legend entry for a marker symbol.</summary>
    public static void LegendMarker(Plot plot, string text, Color color, MarkerShape shape, float size = 10) =>
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, MarkerShape = shape, MarkerSize = size, MarkerFillColor = color, MarkerLineColor = color, LineWidth = 0 });
}
