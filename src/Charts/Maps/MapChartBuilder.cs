using System.Globalization;
using System.Security;
using System.Text;
using CchcAnalytics.Core;
using NetTopologySuite.Geometries;
using ScottPlot;
using Coordinates = ScottPlot.Coordinates;
using Polygon = NetTopologySuite.Geometries.Polygon;

namespace CchcAnalytics.Charts.Maps;

/// <summary><c>map</c>: a choropleth of a province's units for one year, coloured by the index, one area or one
/// criterion in quantile classes (<see cref="MapClasses"/>) on the Viridis scale, with a legend of the class bounds,
/// units without a value grey ("không có số liệu", never 0). In SVG every unit is a <c>&lt;path&gt;</c> inside a link
/// to its page with a <c>&lt;title&gt;</c> ("xã Hoằng Hóa: 85,3") that browsers show on hover; the PNG draws the same
/// map with ScottPlot polygons.</summary>
/// <remarks>Projection: equirectangular, x = longitude × cos(φ₀), y = latitude, with φ₀ the latitude of the middle of
/// the boundary set (about 20° for Thanh Hóa), drawn with square units: distances and shapes are true near φ₀ and off
/// by well under 1 % across a province. North is up.</remarks>
public static class MapChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 800;

    /// <summary>Mean length of one degree of latitude, in km (R = 6371 km), for the scale bar.</summary>
    private const double KmPerDegree = 111.19;

    /// <summary>Builds the map of <paramref name="input"/> on <paramref name="boundaries"/>. Throws
    /// <see cref="ArgumentException"/> (Vietnamese message) for a unit the boundary set has no shape for, a unit given
    /// twice, or a link that is not a path on this site.</summary>
    public static ChartSpec Build(BoundarySet boundaries, MapInput input)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Units);
        ArgumentNullException.ThrowIfNull(input.Measure);
        var entries = new Dictionary<string, MapUnitValue>(StringComparer.Ordinal);
        foreach (var unit in input.Units)
        {
            if (boundaries.Find(unit.UnitId) is null)
            {
                throw new ArgumentException($"Đơn vị '{unit.UnitId}' không có ranh giới trong '{boundaries.Name}', nên không vẽ được trên bản đồ.", nameof(input));
            }

            if (!entries.TryAdd(unit.UnitId, unit))
            {
                throw new ArgumentException($"Đơn vị '{unit.UnitId}' có hai giá trị trên cùng một bản đồ.", nameof(input));
            }

            if (unit.Link is { } link && !IsLocalPath(link))
            {
                throw new ArgumentException($"Liên kết của đơn vị '{unit.UnitId}' phải là một đường dẫn trong trang (bắt đầu bằng '/'), không phải '{link}'.", nameof(input));
            }
        }

        var rows = boundaries.Shapes.Select(shape => entries.TryGetValue(shape.UnitId, out var unit)
            ? new Row(shape, unit.Name, ChartText.Round(unit.Value), unit.Link ?? MapInput.UnitLink(shape.UnitId, input.Year))
            : new Row(shape, shape.Name, null, MapInput.UnitLink(shape.UnitId, input.Year))).ToList();
        var classes = MapClasses.Quantiles(rows.Where(r => r.Value is not null).Select(r => r.Value!.Value));
        var colors = ClassColors(classes.Classes.Count);
        var projection = new Projection((boundaries.Extent.MinY + boundaries.Extent.MaxY) / 2);
        var drawn = rows.Select(r => new DrawnShape(r, classes.ClassOf(r.Value) is { } c ? colors[c - 1] : ChartPalette.Missing, projection.Rings(r.Shape.Geometry)))
            .ToList();
        var missing = rows.Count(r => r.Value is null);

        var table = new ChartTable(
            ["year", "measure", "code", "unit_id", "unit_name", "official_code", "value", "class", "class_min", "class_max"],
            rows.Select(r => (IReadOnlyList<object?>)
            [
                input.Year, MeasureCode(input.Measure.Kind), input.Measure.Code, r.Shape.UnitId, r.Name, r.Shape.OfficialCode, r.Value,
                classes.ClassOf(r.Value), classes.ClassOf(r.Value) is { } c ? classes[c].Min : null, classes.ClassOf(r.Value) is { } d ? classes[d].Max : null,
            ]).ToList());

        var notes = new List<string>
        {
            classes.Classes.Count == MapClasses.MaxClasses
                ? "Màu theo 5 nhóm ngũ phân vị: mỗi nhóm có khoảng 1/5 số đơn vị có số liệu (đơn vị bằng điểm nhau cùng nhóm); chú giải ghi giá trị nhỏ nhất – lớn nhất của từng nhóm."
                : $"Màu theo {classes.Classes.Count} nhóm (có ít giá trị khác nhau); chú giải ghi giá trị nhỏ nhất – lớn nhất của từng nhóm.",
        };
        if (missing > 0)
        {
            notes.Add($"Màu xám: không có số liệu ({missing} đơn vị), không tính là 0.");
        }

        notes.AddRange(input.Notes ?? []);
        notes.Add($"Phép chiếu đẳng chữ nhật: kinh độ × cos {ChartText.Tick(Math.Round(projection.Latitude, 1))}°, vĩ độ; hướng bắc lên trên.");
        if (boundaries.Source.Length > 0 || boundaries.License.Length > 0)
        {
            notes.Add($"Ranh giới: {boundaries.Source}. Giấy phép: {boundaries.License}.");
        }

        var title = $"Bản đồ {input.Measure.Caption} — {input.LevelLabel}, năm {ChartText.Year(input.Year)}";
        var scope = $"{rows.Count - missing}/{rows.Count} đơn vị có số liệu";
        var legend = Legend(input.Measure, classes, colors, missing);
        var credit = Credit(boundaries);
        var frame = new Frame(projection, boundaries.Extent);
        return new ChartSpec(
            ChartKind.Map,
            title,
            scope,
            input.Status,
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            plot => Draw(plot, frame, drawn, legend, credit, polygons: true),
            new SvgLayer(plot => Draw(plot, frame, drawn, legend, credit, polygons: false), (plot, xml) => SvgLinks(plot, xml, drawn), plot => Marks(plot, drawn)));
    }

    /// <summary>"index", "area" or "criterion", for the data table.</summary>
    public static string MeasureCode(MapMeasureKind kind) => kind switch
    {
        MapMeasureKind.Area => "area",
        MapMeasureKind.Criterion => "criterion",
        _ => "index",
    };

    /// <summary>The fill of each class, lowest first: Viridis (perceptually uniform, colour-blind-safe, as the heatmap)
    /// at evenly spaced points, dark purple for the lowest class to yellow for the highest.</summary>
    public static IReadOnlyList<Color> ClassColors(int count)
    {
        var viridis = new ScottPlot.Colormaps.Viridis();
        return Enumerable.Range(0, count).Select(i => viridis.GetColor(count == 1 ? 0.5 : (double)i / (count - 1))).ToList();
    }

    /// <summary>A fill as the SVG writes it: "#440154".</summary>
    public static string Hex(Color color) => string.Create(CultureInfo.InvariantCulture, $"#{color.R:X2}{color.G:X2}{color.B:X2}");

    private static bool IsLocalPath(string link) =>
        link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal)
        && !link.Any(char.IsControl) && !link.Any(char.IsWhiteSpace);

    private static List<(string Text, Color? Color)> Legend(MapMeasure measure, MapClasses classes, IReadOnlyList<Color> colors, int missing)
    {
        var header = measure.Kind switch
        {
            MapMeasureKind.Area => $"Lĩnh vực {measure.Code} (% điểm tối đa)",
            MapMeasureKind.Criterion => $"Tiêu chí {measure.Code} (% điểm tối đa)",
            _ => "Chỉ số CCHC",
        };
        var items = new List<(string, Color?)> { (header, null) };
        foreach (var c in classes.Classes.Reverse())
        {
            var range = c.Min == c.Max ? ChartText.Percent(c.Min) : $"{ChartText.Percent(c.Min)} – {ChartText.Percent(c.Max)}";
            items.Add(($"{range} ({c.Count} đơn vị)", colors[c.Number - 1]));
        }

        if (missing > 0)
        {
            items.Add(($"Không có số liệu ({missing})", ChartPalette.Missing));
        }

        return items;
    }

    private static string Credit(BoundarySet boundaries) =>
        boundaries.License.Length == 0 ? "" : "Ranh giới: " + ChartText.Cut(boundaries.License, 200);

    private static void Draw(Plot plot, Frame frame, IReadOnlyList<DrawnShape> shapes, List<(string Text, Color? Color)> legend, string credit, bool polygons)
    {
        if (polygons)
        {
            // Larger shapes first, so a unit enclosed by another is painted over it; holes are painted as background.
            foreach (var shape in shapes.OrderByDescending(s => s.Row.Shape.Geometry.Area))
            {
                foreach (var (ring, hole) in shape.Rings)
                {
                    var polygon = plot.Add.Polygon(ring);
                    polygon.FillColor = hole ? Colors.White : shape.Fill;
                    polygon.LineColor = Colors.White;
                    polygon.LineWidth = 0.6f;
                }
            }
        }

        foreach (var (text, color) in legend)
        {
            if (color is { } fill)
            {
                ChartStyle.LegendFill(plot, text, fill);
            }
            else
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, LabelFontSize = ChartStyle.LegendSize, LabelBold = true, LineWidth = 0 });
            }
        }

        plot.ShowLegend(Edge.Right);
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.HideGrid();
        plot.Axes.Left.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Top.IsVisible = false;
        foreach (var edge in new IAxis[] { plot.Axes.Left, plot.Axes.Right, plot.Axes.Top, plot.Axes.Bottom })
        {
            edge.FrameLineStyle.Width = 0;
        }

        // The bottom axis carries no ticks, only the boundaries' credit (licence) as its label.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = Wrap(credit, 110);
        plot.Axes.Bottom.Label.FontSize = 10;
        plot.Axes.Bottom.Label.ForeColor = ChartPalette.Grey;

        var (left, right, bottom, top) = frame.Limits;
        plot.Axes.SetLimits(left, right, bottom, top);
        plot.Axes.SquareUnits();

        // North arrow in the upper left corner and a 20 km scale bar in the lower left: no unit lies there.
        var width = right - left;
        var height = top - bottom;
        ChartStyle.Label(plot, "▲", left + (0.04 * width), top - (0.04 * height), Alignment.LowerCenter, ChartPalette.Ink, 18);
        ChartStyle.Label(plot, "B", left + (0.04 * width), top - (0.04 * height), Alignment.UpperCenter, ChartPalette.Ink, 14, bold: true);
        var barLength = 20 / KmPerDegree;
        var barX = left + (0.03 * width);
        var barY = bottom + (0.05 * height);
        var bar = plot.Add.Line(barX, barY, barX + barLength, barY);
        bar.LineColor = ChartPalette.Ink;
        bar.LineWidth = 3;
        ChartStyle.Label(plot, "20 km", barX + (barLength / 2), barY + (0.01 * height), Alignment.LowerCenter, ChartPalette.Ink, 11);
    }

    /// <summary>Puts the units into ScottPlot's SVG as links with hover titles, in the pixel coordinates of the plot
    /// it was rendered from, after everything else (the legend is outside the map, so nothing is covered).</summary>
    private static string SvgLinks(Plot plot, string xml, IReadOnlyList<DrawnShape> shapes)
    {
        var builder = new StringBuilder();
        builder.Append("<g id=\"ban-do\" stroke=\"#FFFFFF\" stroke-width=\"0.6\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n");
        foreach (var shape in shapes)
        {
            builder.Append("<a href=\"").Append(SecurityElement.Escape(shape.Row.Link)).Append("\" data-unit=\"").Append(SecurityElement.Escape(shape.Row.Shape.UnitId))
                .Append("\"><path fill=\"").Append(Hex(shape.Fill)).Append("\" d=\"").Append(PixelPath(plot, shape).Path)
                .Append("\"><title>").Append(SecurityElement.Escape(Label(shape))).Append("</title></path></a>\n");
        }

        builder.Append("</g>\n");
        var end = xml.LastIndexOf("</svg>", StringComparison.Ordinal);
        return end < 0 ? throw new InvalidOperationException("ScottPlot's SVG has no closing </svg>.") : xml.Insert(end, builder.ToString());
    }

    /// <summary>The units as marks of the picture (a page lays them over it as linked shapes): each unit's outline as
    /// SVG path data in the picture's pixels, its bounding box, its hover label and its page.</summary>
    private static List<ChartMark> Marks(Plot plot, IReadOnlyList<DrawnShape> shapes) =>
        shapes.Select(shape =>
        {
            var (path, left, top, right, bottom) = PixelPath(plot, shape);
            return new ChartMark(Label(shape), shape.Row.Link, Math.Round(left, 1), Math.Round(top, 1), Math.Round(right - left, 1), Math.Round(bottom - top, 1))
            {
                Path = path,
                Fill = Hex(shape.Fill),
                Key = shape.Row.Shape.UnitId,
            };
        }).ToList();

    /// <summary>"xã Hoằng Hóa: 85,30" or "xã Hoằng Hóa: không có số liệu".</summary>
    private static string Label(DrawnShape shape) =>
        $"{shape.Row.Name}: {(shape.Row.Value is { } v ? ChartText.Percent(v) : "không có số liệu")}";

    /// <summary>A unit's rings as SVG path data in the plot's pixels, and their bounding box.</summary>
    private static (string Path, double Left, double Top, double Right, double Bottom) PixelPath(Plot plot, DrawnShape shape)
    {
        var builder = new StringBuilder();
        double left = double.MaxValue, top = double.MaxValue, right = double.MinValue, bottom = double.MinValue;
        foreach (var (ring, _) in shape.Rings)
        {
            for (var i = 0; i < ring.Length; i++)
            {
                var pixel = plot.GetPixel(ring[i]);
                builder.Append(i == 0 ? 'M' : 'L').Append(Format(pixel.X)).Append(' ').Append(Format(pixel.Y));
                left = Math.Min(left, pixel.X);
                right = Math.Max(right, pixel.X);
                top = Math.Min(top, pixel.Y);
                bottom = Math.Max(bottom, pixel.Y);
            }

            builder.Append('Z');
        }

        return (builder.ToString(), left, top, right, bottom);
    }

    private static string Format(float value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return string.Join('\n', lines);
    }

    private sealed record Row(BoundaryShape Shape, string Name, decimal? Value, string Link);

    private sealed record DrawnShape(Row Row, Color Fill, IReadOnlyList<(Coordinates[] Ring, bool Hole)> Rings);

    /// <summary>The equirectangular projection at latitude φ₀.</summary>
    private sealed class Projection(double latitude)
    {
        private readonly double scale = Math.Cos(latitude * Math.PI / 180);

        public double Latitude => latitude;

        public Coordinates Project(double longitude, double latitude) => new(longitude * scale, latitude);

        /// <summary>Every ring of a Polygon or MultiPolygon, projected: shells, and holes flagged.</summary>
        public List<(Coordinates[] Ring, bool Hole)> Rings(Geometry geometry)
        {
            var rings = new List<(Coordinates[], bool)>();
            for (var p = 0; p < geometry.NumGeometries; p++)
            {
                if (geometry.GetGeometryN(p) is not Polygon polygon)
                {
                    continue;
                }

                rings.Add((Ring(polygon.ExteriorRing), false));
                rings.AddRange(polygon.InteriorRings.Select(r => (Ring(r), true)));
            }

            return rings;
        }

        private Coordinates[] Ring(LineString ring) => ring.Coordinates.Select(c => Project(c.X, c.Y)).ToArray();
    }

    /// <summary>The plot's limits: the projected extent with a margin.</summary>
    private sealed class Frame(Projection projection, Envelope extent)
    {
        public (double Left, double Right, double Bottom, double Top) Limits
        {
            get
            {
                var low = projection.Project(extent.MinX, extent.MinY);
                var high = projection.Project(extent.MaxX, extent.MaxY);
                var margin = 0.02 * Math.Max(high.X - low.X, high.Y - low.Y);
                return (low.X - margin, high.X + margin, low.Y - margin, high.Y + margin);
            }
        }
    }
}
