using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;

namespace CchcAnalytics.BoundaryBuilder;

/// <summary>A quick look at the outlines, to check by eye that simplification kept the shapes: phường in one colour,
/// xã in another, the original outline of every unit drawn thin underneath.</summary>
internal static class SvgPreview
{
    public static string Draw(IReadOnlyList<Boundaries.Outline> outlines, int width)
    {
        var envelope = new Envelope();
        foreach (var outline in outlines)
        {
            envelope.ExpandToInclude(outline.Original.EnvelopeInternal);
        }

        var scaleX = Math.Cos(envelope.Centre.Y * Math.PI / 180);
        var scale = width / (envelope.Width * scaleX);
        var height = (int)Math.Ceiling(envelope.Height * scale);
        string Point(Coordinate c) => string.Create(CultureInfo.InvariantCulture, $"{(c.X - envelope.MinX) * scaleX * scale:0.#},{(envelope.MaxY - c.Y) * scale:0.#}");
        string Path(Geometry geometry)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < geometry.NumGeometries; i++)
            {
                var polygon = (Polygon)geometry.GetGeometryN(i);
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                {
                    builder.Append('M').AppendJoin('L', ring.Coordinates.Select(Point)).Append('Z');
                }
            }

            return builder.ToString();
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        foreach (var outline in outlines)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Path(outline.Original)}\" fill=\"none\" stroke=\"#d55e00\" stroke-width=\"0.6\"/>");
        }

        foreach (var outline in outlines)
        {
            var fill = outline.Commune.Kind == "phuong" ? "#e69f00" : "#56b4e9";
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Path(outline.Simplified)}\" fill=\"{fill}\" fill-opacity=\"0.45\" stroke=\"#000\" stroke-width=\"0.5\"><title>{outline.Commune.FullName}</title></path>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
