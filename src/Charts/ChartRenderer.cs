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

    /// <summary>PNG bytes of <paramref name="width"/> × <paramref name="height"/> pixels drawn at <paramref name="scale"/>
    /// (every font, line and margin that many times larger), for a picture printed or projected at a known size: the
    /// meeting pack renders each chart for the box it fills on the slide. Without the title when
    /// <paramref name="title"/> is false (the slide's title says it). A picture more than twice as wide as high lays
    /// its legend out in rows.</summary>
    public static byte[] Png(ChartSpec spec, int width, int height, double scale, bool title = true)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 8);
        var (w, h) = Size(spec, width, height);
        using var plot = spec.CreatePlot((int)(w / scale), title);
        plot.ScaleFactor = (float)scale;
        if (w > 2 * h)
        {
            // A wide, low picture (a slide) has no height to spare for a legend of one item per line.
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.TightHorizontalWrapping = true;
        }

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

    /// <summary>The chart's marks — every bar, point or cell with its Vietnamese hover label ("huyện Hoằng Hóa — 2023:
    /// 91,92") and, where it is a unit or a criterion, the page it opens — in the pixels of the SVG picture of
    /// <paramref name="width"/> × <paramref name="height"/> (the spec's size when null), laid out exactly as
    /// <see cref="SvgXml"/> lays it out. A page puts them over the picture as links (the dashboard's ChartFigure).</summary>
    public static ChartMarks Marks(ChartSpec spec, int? width = null, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (w, h) = Size(spec, width, height);
        if (spec.SvgLayerOrNull is { } layer)
        {
            // A map: its units' outlines in the pixels of the picture, drawn as the SVG draws them.
            using var layerPlot = spec.DrawPlot(w, forSvg: true);
            _ = layerPlot.GetSvgXml(w, h);
            return new ChartMarks(w, h, layer.Marks?.Invoke(layerPlot) ?? []);
        }

        var marks = new MarkList();
        using var plot = spec.DrawPlot(w, forSvg: true, marks: marks);
        _ = plot.GetSvgXml(w, h);
        return new ChartMarks(w, h, marks.Resolve(plot));
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
