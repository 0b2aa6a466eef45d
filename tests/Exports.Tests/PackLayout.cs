using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using D = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace CchcAnalytics.Exports.Tests;

/// <summary>The meeting-room rules checked from a written pack's XML, without a renderer: titles at least 28 pt, body
/// text (bullets and tables) at least 18 pt, at most five bullets a slide, everything inside the slide and above the
/// footer, pictures across the content's width and sharp enough for their size, a slide-number field and the source
/// line on every slide after the cover.</summary>
internal static class PackLayout
{
    public const long SlideWidth = 12_192_000;
    public const long SlideHeight = 6_858_000;
    private const long Inch = 914_400;

    /// <summary>Top of the footer: the content must end above it.</summary>
    public const long FooterTop = (long)(6.95 * Inch);

    /// <summary>The content's width (the slide less half an inch each side).</summary>
    public const long ContentWidth = SlideWidth - Inch;

    /// <summary>Every broken rule as a sentence naming the slide; empty when the pack keeps them all.</summary>
    public static List<string> Violations(OpenedPresentation pack, string? footer)
    {
        var problems = new List<string>();
        for (var i = 0; i < pack.Slides.Count; i++)
        {
            var slide = pack.Slides[i];
            var where = $"slide {i + 1} “{OpenedPresentation.Title(slide)}”";
            var tree = slide.Slide.CommonSlideData!.ShapeTree!;
            var title = tree.Elements<P.Shape>().FirstOrDefault(s => s.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape?.Type?.Value is { } t
                && (t == P.PlaceholderValues.Title || t == P.PlaceholderValues.CenteredTitle));
            if (title is null)
            {
                problems.Add($"{where}: no title");
                continue;
            }

            foreach (var size in Sizes(title))
            {
                if (size < 28)
                {
                    problems.Add($"{where}: title at {size} pt");
                }
            }

            if (footer is not null && !tree.Elements<P.Shape>().Any(s => s.TextBody is { } b && OpenedPresentation.Text(b) == footer))
            {
                problems.Add($"{where}: no source line");
            }

            if (i == 0)
            {
                continue;
            }

            if (!slide.Slide.Descendants<D.Field>().Any(f => f.Type == "slidenum"))
            {
                problems.Add($"{where}: no slide number");
            }

            var bullets = OpenedPresentation.Bullets(slide);
            if (bullets.Count > 5)
            {
                problems.Add($"{where}: {bullets.Count} bullets");
            }

            var content = tree.Elements<P.Shape>().Where(s => s.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape is { Type: null, Index.Value: 1U }).ToList();
            foreach (var size in content.SelectMany(Sizes).Concat(slide.Slide.Descendants<D.Table>().SelectMany(Sizes)))
            {
                if (size < 18)
                {
                    problems.Add($"{where}: body text at {size} pt");
                }
            }

            var boxes = content.Select(s => (What: "bullets", Box: s.ShapeProperties!.Transform2D!.Offset!, Size: s.ShapeProperties.Transform2D.Extents!))
                .Concat(slide.Slide.Descendants<P.GraphicFrame>().Select(f => (What: "table", Box: (D.Offset)f.Transform!.Offset!, Size: (D.Extents)f.Transform.Extents!)))
                .Concat(slide.Slide.Descendants<P.Picture>().Select(p => (What: "picture", Box: p.ShapeProperties!.Transform2D!.Offset!, Size: p.ShapeProperties.Transform2D.Extents!)));
            foreach (var (what, offset, extents) in boxes)
            {
                var (x, y, w, h) = (offset.X!.Value, offset.Y!.Value, extents.Cx!.Value, extents.Cy!.Value);
                if (x < 0 || y < 0 || x + w > SlideWidth || y + h > FooterTop)
                {
                    problems.Add($"{where}: {what} at ({x}, {y}) {w} × {h} leaves the content area");
                }
            }

            foreach (var picture in slide.Slide.Descendants<P.Picture>())
            {
                var extents = picture.ShapeProperties!.Transform2D!.Extents!;
                var (pixelsWide, _) = PngSize(slide, picture);
                var dpi = pixelsWide / (extents.Cx!.Value / (double)Inch);
                if (dpi < 140)
                {
                    problems.Add($"{where}: picture at {dpi:0} pixels per inch");
                }

                if (extents.Cx.Value < ContentWidth * 0.95 && extents.Cy!.Value < (FooterTop - (long)(1.45 * Inch)) * 0.7)
                {
                    problems.Add($"{where}: picture {extents.Cx.Value / (double)Inch:0.00} × {extents.Cy.Value / (double)Inch:0.00} in is neither full width nor full height");
                }
            }
        }

        return problems;
    }

    /// <summary>Font sizes (pt) of every run and line break in an element.</summary>
    public static IEnumerable<double> Sizes(OpenXmlElement element) =>
        element.Descendants<D.RunProperties>().Where(r => r.Parent is D.Run or D.Field).Select(r => r.FontSize?.Value / 100.0 ?? 0);

    public static (int Width, int Height) PngSize(SlidePart slide, P.Picture picture)
    {
        var part = slide.GetPartById(picture.BlipFill!.Blip!.Embed!.Value!);
        using var stream = part.GetStream();
        var header = new byte[24];
        stream.ReadExactly(header);
        return ((header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19], (header[20] << 24) | (header[21] << 16) | (header[22] << 8) | header[23]);
    }
}
