using CchcAnalytics.Exports.Pptx;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace CchcAnalytics.Exports;

/// <summary>Writes a PowerPoint meeting pack (.pptx, 16:9) from <see cref="PackContent"/>: a title slide, then one
/// slide per <see cref="PackSlide"/> (more when a table or the bullets must continue). Everything is built from scratch
/// with the Open XML SDK (slide master, layouts, theme), no template file.</summary>
/// <remarks>
/// <para>Titles are editable text in the layout's title placeholder, bullets editable text in its content placeholder,
/// tables real PowerPoint tables (a:tbl), so the pack can be edited before the meeting. Every run names Arial, which
/// has the Vietnamese letters, and the language vi-VN. Text is stored in NFC (characters XML cannot hold are dropped;
/// CR LF becomes a line break). Bullets, notes and table cells (criterion names come from uploaded files) get the
/// formula guard of <see cref="CchcAnalytics.Core.CsvSafe"/> at their start and at every line, so that nothing pasted
/// from the pack into a spreadsheet runs as a formula.</para>
/// <para>Font sizes are chosen from an estimate of the text's size (no renderer is involved), for a room where the
/// slide is projected: titles 32 or 28 pt, bullets 24 pt down to 18 pt with at most five on a slide, tables 20 or 18 pt.
/// Bullets that do not fit continue on a slide with the same title and " (tiếp)"; so does a table, with its header
/// repeated. A picture spans the content's width under the text, scaled keeping its aspect ratio; after a table it goes
/// on the next slide. The notes stay on the first slide. Every slide but the cover carries a slide-number field, and
/// every slide the pack's source line (<see cref="PackContent.Footer"/>).</para>
/// </remarks>
public static class MeetingPack
{
    /// <summary>Writes the pack to <paramref name="output"/> (the stream is not closed).</summary>
    /// <exception cref="ArgumentException">A title is empty, a table row has another number of cells than its header,
    /// an image is not a PNG or has no alternative text.</exception>
    public static void Write(Stream output, PackContent content)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(content);
        var slides = content.Slides.Select((s, i) => Clean(s, i)).ToList();
        var title = Required(content.Title, nameof(content), "The pack's title");
        var planned = slides.SelectMany(SlidePlanner.Plan).ToList();

        using var buffer = new MemoryStream();
        using (var document = PresentationDocument.Create(buffer, PresentationDocumentType.Presentation))
        {
            document.PackageProperties.Title = title;
            document.PackageProperties.Subject = content.Subtitle is null ? null : OfficeText.Clean(content.Subtitle);
            document.PackageProperties.Creator = "CCHC Analytics";
            document.PackageProperties.Language = DrawingText.Language;
            var presentation = document.AddPresentationPart();
            var skeleton = PresentationSkeleton.Create(presentation);
            var renderer = new SlideRenderer(presentation, skeleton) { Footer = string.IsNullOrWhiteSpace(content.Footer) ? null : OfficeText.Slide(content.Footer) };
            renderer.AddCover(title, content.Subtitle is null ? null : OfficeText.Clean(content.Subtitle));
            foreach (var slide in planned)
            {
                renderer.Add(slide);
            }

            presentation.Presentation = skeleton.PresentationElement(presentation, renderer.SlideIds);
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>The slide with its texts cleaned for XML and NFC, after checking what a programmer could get wrong.</summary>
    private static PackSlide Clean(PackSlide slide, int index)
    {
        ArgumentNullException.ThrowIfNull(slide, $"content.Slides[{index}]");
        var where = $"Slide {index + 1}";
        var table = slide.Table;
        if (table is not null)
        {
            if (table.Header.Count == 0)
            {
                throw new ArgumentException($"{where}: the table has no columns.", nameof(slide));
            }

            var bad = table.Rows.Select((r, i) => (Row: r, Index: i)).FirstOrDefault(r => r.Row.Count != table.Header.Count);
            if (bad.Row is not null)
            {
                throw new ArgumentException($"{where}: table row {bad.Index + 1} has {bad.Row.Count} cells, the header {table.Header.Count}.", nameof(slide));
            }

            table = new PackTable(
                table.Header.Select(OfficeText.Slide).ToList(),
                table.Rows.Select(r => (IReadOnlyList<string>)r.Select(OfficeText.Slide).ToList()).ToList())
            {
                Highlight = table.Highlight,
            };
        }

        var image = slide.Image;
        if (image is not null)
        {
            PngImage.Read(image.Png.Span, nameof(slide));
            image = image with { AltText = Required(image.AltText, nameof(slide), $"{where}: the image's alternative text") };
        }

        return new PackSlide(Required(slide.Title, nameof(slide), $"{where}: the title"))
        {
            Bullets = slide.Bullets.Select(OfficeText.Slide).Where(b => !string.IsNullOrWhiteSpace(b)).ToList(),
            Table = table,
            Image = image,
            Notes = string.IsNullOrWhiteSpace(slide.Notes) ? null : OfficeText.Slide(slide.Notes),
        };
    }

    private static string Required(string? text, string paramName, string what)
    {
        var clean = OfficeText.Clean(text);
        return !string.IsNullOrWhiteSpace(clean) ? clean : throw new ArgumentException($"{what} is empty.", paramName);
    }
}
