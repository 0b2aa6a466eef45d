using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary>Draws a labelled grid of % values with the Viridis colormap: rows top to bottom, columns left to right, each
/// cell printing its value, missing cells grey with "–". The colours span the values shown (<see cref="HeatScale"/>, the
/// same scale as the dashboard's table), so a few points' difference is visible; the colour bar says where it starts and
/// ends.</summary>
internal static class HeatGrid
{
    /// <param name="plot">The plot.</param>
    /// <param name="marks">Where each cell's hover label and link go.</param>
    /// <param name="values">Rows × columns of % of max; null is missing.</param>
    /// <param name="rowLabels">Row labels, top first.</param>
    /// <param name="columnLabels">Column labels, left first.</param>
    /// <param name="scaleLabel">What the colours measure ("% điểm chuẩn").</param>
    /// <param name="cellMark">A cell's hover label and link (row, column).</param>
    public static void Draw(Plot plot, MarkList marks, decimal?[,] values, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, string scaleLabel,
        Func<int, int, (string Label, string? Link)> cellMark)
    {
        var rows = values.GetLength(0);
        var columns = values.GetLength(1);
        var intensities = new double[rows, columns];
        var all = new List<decimal?>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                intensities[r, c] = values[r, c] is { } v ? (double)v : double.NaN;
                all.Add(values[r, c]);
            }
        }

        var scale = HeatScale.Of(all);
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = HeatScale.Colormap;
        heatmap.ManualRange = scale.Range;
        heatmap.NaNCellColor = ChartPalette.Missing;
        heatmap.Rectangle = new CoordinateRect(0, columns, 0, rows);
        // Distinct rectangles, not a tiny bitmap that SVG viewers would blur between cells.
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = scale.Lowest is { } low && scale.Highest is { } high
            ? $"{scaleLabel}: màu từ thấp nhất ({ChartText.Percent(low)}) đến cao nhất ({ChartText.Percent(high)})"
            : scaleLabel;
        colorBar.LabelStyle.FontName = ChartFonts.FamilyName;
        colorBar.LabelStyle.FontSize = ChartStyle.AxisLabelSize;
        colorBar.Axis.TickLabelStyle.FontName = ChartFonts.FamilyName;
        colorBar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = ChartText.Tick };

        var size = rows > 20 || columns > 10 ? 9f : 11f;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var value = values[r, c];
                var color = value is { } v ? HeatScale.InkOn(scale.Color(v)) : ChartPalette.Black;
                ChartStyle.Label(plot, value is null ? "–" : ChartText.Percent(value), c + 0.5, rows - r - 0.5, Alignment.MiddleCenter, color, size);
                var (label, link) = cellMark(r, c);
                marks.Area(label, link, c, c + 1, rows - r - 1, rows - r);
            }
        }

        ChartStyle.CategoryTicks(plot.Axes.Left, rowLabels.Select((l, r) => (rows - r - 0.5, l)));
        ChartStyle.CategoryTicks(plot.Axes.Bottom, columnLabels.Select((l, c) => (c + 0.5, l)));
        plot.Axes.SetLimits(0, columns, 0, rows);
        plot.Grid.IsVisible = false;
    }

    /// <summary>Wraps a label into lines of at most <paramref name="width"/> characters (at most
    /// <paramref name="lines"/> lines, the last cut with an ellipsis), for column labels under a grid.</summary>
    public static string Wrap(string text, int width, int lines)
    {
        var result = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                result.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : $"{current} {word}";
            }
        }

        if (current.Length > 0)
        {
            result.Add(current);
        }

        if (result.Count > lines)
        {
            result = [.. result.Take(lines - 1), ChartText.Cut(string.Join(' ', result.Skip(lines - 1)), width)];
        }

        return string.Join('\n', result);
    }
}
