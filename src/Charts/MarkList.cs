using ScottPlot;

namespace CchcAnalytics.Charts;

/// <summary>Collects a chart's marks while a builder draws it, in data coordinates (as the builder draws), and turns them
/// into pixels once the plot has been laid out (<see cref="Resolve"/>). One list per rendering, so a spec stays
/// immutable and thread-safe.</summary>
internal sealed class MarkList
{
    private readonly List<Pending> items = [];

    /// <summary>A mark that ignores what is added: drawing a picture needs no marks.</summary>
    public static MarkList Ignored { get; } = new() { ignore = true };

    private bool ignore;

    /// <summary>A rectangle in data coordinates (a bar, a cell, a box): left to right, bottom to top.</summary>
    public void Area(string label, string? link, double left, double right, double bottom, double top)
    {
        if (!ignore)
        {
            items.Add(new Pending(label, link, new CoordinateRect(Math.Min(left, right), Math.Max(left, right), Math.Min(bottom, top), Math.Max(bottom, top)), null, 0));
        }
    }

    /// <summary>A point in data coordinates (a marker), hoverable within <paramref name="radius"/> pixels of it.</summary>
    public void Point(string label, string? link, double x, double y, float radius = 10)
    {
        if (!ignore)
        {
            items.Add(new Pending(label, link, null, new Coordinates(x, y), radius));
        }
    }

    /// <summary>The marks in the pixels of <paramref name="plot"/>'s last rendering: areas clipped to the data area,
    /// points as squares around them, kept inside the figure. Marks that end up without area are left out.</summary>
    public IReadOnlyList<ChartMark> Resolve(Plot plot)
    {
        var data = plot.RenderManager.LastRender.DataRect;
        var figure = plot.RenderManager.LastRender.FigureRect;
        var marks = new List<ChartMark>();
        foreach (var item in items)
        {
            PixelRect rect;
            if (item.Area is { } area)
            {
                var a = plot.GetPixel(new Coordinates(area.Left, area.Top));
                var b = plot.GetPixel(new Coordinates(area.Right, area.Bottom));
                rect = Clip(new PixelRect(Math.Min(a.X, b.X), Math.Max(a.X, b.X), Math.Max(a.Y, b.Y), Math.Min(a.Y, b.Y)), data);
            }
            else
            {
                var p = plot.GetPixel(item.Point!.Value);
                var r = item.Radius * (float)plot.ScaleFactor;
                rect = Clip(new PixelRect(p.X - r, p.X + r, p.Y + r, p.Y - r), figure);
            }

            if (rect.Width >= 1 && rect.Height >= 1)
            {
                marks.Add(new ChartMark(item.Label, item.Link, Round(rect.Left), Round(rect.Top), Round(rect.Width), Round(rect.Height)));
            }
        }

        return marks;
    }

    private static PixelRect Clip(PixelRect rect, PixelRect bounds) => new(
        Math.Max(rect.Left, bounds.Left), Math.Min(rect.Right, bounds.Right), Math.Min(rect.Bottom, bounds.Bottom), Math.Max(rect.Top, bounds.Top));

    private static double Round(float value) => Math.Round(value, 1);

    private sealed record Pending(string Label, string? Link, CoordinateRect? Area, Coordinates? Point, float Radius);
}
