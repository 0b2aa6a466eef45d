using System.Text;
using ScottPlot;

namespace CchcAnalytics.Charts;

/// <summary>Renders a <see cref="ChartSpec"/> on the server: PNG and SVG bytes, and the CSV of its data table.</summary>
public static class ChartRenderer
{
    /// <summary>PNG bytes at <paramref name="width"/> × <paramref name="height"/> pixels (the spec's size when null).</summary>
    public static byte[] Png(ChartSpec spec, int? width = null, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (w, h) = Size(spec, width, height);
        using var plot = spec.CreatePlot(w);
        return plot.GetImageBytes(w, h, ImageFormat.Png);
    }

    /// <summary>SVG markup at <paramref name="width"/> × <paramref name="height"/> (the spec's size when null). Text stays
    /// text (font-family "DejaVu Sans"), so the Vietnamese title can be searched and read by screen readers.</summary>
    public static string SvgXml(ChartSpec spec, int? width = null, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (w, h) = Size(spec, width, height);
        using var plot = spec.DrawPlot(w, forSvg: true);
        return SvgLayer.Apply(spec, plot, plot.GetSvgXml(w, h));
    }

    /// <summary><see cref="SvgXml"/> as UTF-8 bytes (no byte-order mark), for an <c>image/svg+xml</c> response.</summary>
    public static byte[] Svg(ChartSpec spec, int? width = null, int? height = null) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(SvgXml(spec, width, height));

    /// <summary>The chart's data table as CSV (decimal point, invariant culture; see <see cref="ChartTable.ToCsv"/>).</summary>
    public static string Csv(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Table.ToCsv();
    }

    /// <summary><see cref="Csv"/> as UTF-8 bytes with a byte-order mark, so spreadsheet programs read the Vietnamese
    /// names correctly when the file is opened directly.</summary>
    public static byte[] CsvBytes(ChartSpec spec) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(spec))).ToArray();

    private static (int Width, int Height) Size(ChartSpec spec, int? width, int? height)
    {
        var w = width ?? spec.Width;
        var h = height ?? spec.Height;
        ChartFactory.CheckSize(w, nameof(width));
        ChartFactory.CheckSize(h, nameof(height));
        return (w, h);
    }
}
