using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary>Draws a labelled grid of % values (0–100) with the Viridis colormap: rows top to bottom, columns left to
/// right, each cell printing its value, missing cells grey with "–". The colour scale is fixed at 0–100 so a colour
/// means the same in every chart.</summary>
internal static class HeatGrid
{
    public static void Draw(Plot plot, decimal?[,] values, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, string scaleLabel)
    {
        var rows = values.GetLength(0);
        var columns = values.GetLength(1);
        var intensities = new double[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                intensities[r, c] = values[r, c] is { } v ? (double)v : double.NaN;
            }
        }

        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 100);
        heatmap.NaNCellColor = ChartPalette.Missing;
        heatmap.Rectangle = new CoordinateRect(0, columns, 0, rows);
        // Distinct rectangles, not a tiny bitmap that SVG viewers would blur between cells.
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = scaleLabel;
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
                // Viridis is dark below about 60 %: white text there, black above.
                var color = value is null || value >= 60m ? ChartPalette.Black : Colors.White;
                ChartStyle.Label(plot, value is null ? "–" : ChartText.Number(value), c + 0.5, rows - r - 0.5, Alignment.MiddleCenter, color, size);
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
