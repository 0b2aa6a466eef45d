using DocumentFormat.OpenXml.Packaging;
using D = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace CchcAnalytics.Exports.Tests;

/// <summary>A written .pptx opened with the Open XML SDK: slides in presentation order and what the tests look at.</summary>
internal sealed class OpenedPresentation : IDisposable
{
    private readonly MemoryStream stream;

    public OpenedPresentation(byte[] bytes)
    {
        stream = new MemoryStream(bytes, writable: false);
        Document = PresentationDocument.Open(stream, isEditable: false);
        Part = Document.PresentationPart.ShouldNotBeNull();
        Slides = Part.Presentation.SlideIdList!.Elements<P.SlideId>().Select(id => (SlidePart)Part.GetPartById(id.RelationshipId!)).ToList();
    }

    public PresentationDocument Document { get; }

    public PresentationPart Part { get; }

    public IReadOnlyList<SlidePart> Slides { get; }

    /// <summary>The text of the slide's title placeholder (title or centred title); null when there is none.</summary>
    public static string? Title(SlidePart slide) =>
        slide.Slide.CommonSlideData!.ShapeTree!.Elements<P.Shape>()
            .FirstOrDefault(s => s.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape?.Type?.Value is { } t
                && (t == P.PlaceholderValues.Title || t == P.PlaceholderValues.CenteredTitle))
            ?.TextBody is { } body ? Text(body) : null;

    /// <summary>Paragraph texts of the content placeholder (idx 1 without a type).</summary>
    public static List<string> Bullets(SlidePart slide) =>
        slide.Slide.CommonSlideData!.ShapeTree!.Elements<P.Shape>()
            .Where(s => s.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape is { Type: null, Index.Value: 1U })
            .SelectMany(s => s.TextBody!.Elements<D.Paragraph>()).Select(ParagraphText).ToList();

    /// <summary>The cell texts of the slide's table, header first; null without a table.</summary>
    public static List<List<string>>? Table(SlidePart slide) =>
        slide.Slide.Descendants<D.Table>().SingleOrDefault()?.Elements<D.TableRow>()
            .Select(r => r.Elements<D.TableCell>().Select(c => string.Join("\n", c.TextBody!.Elements<D.Paragraph>().Select(ParagraphText))).ToList())
            .ToList();

    public static string? Notes(SlidePart slide) =>
        slide.NotesSlidePart?.NotesSlide.CommonSlideData!.ShapeTree!.Elements<P.Shape>()
            .Where(s => s.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape?.Type?.Value == P.PlaceholderValues.Body)
            .Select(s => Text(s.TextBody!)).SingleOrDefault();

    public static string Text(P.TextBody body) => string.Join("\n", body.Elements<D.Paragraph>().Select(ParagraphText));

    /// <summary>A paragraph's runs joined, a:br as a line break.</summary>
    public static string ParagraphText(D.Paragraph paragraph) =>
        string.Concat(paragraph.ChildElements.Select(e => e switch
        {
            D.Run run => run.Text?.Text ?? "",
            D.Break => "\n",
            _ => "",
        }));

    public void Dispose()
    {
        Document.Dispose();
        stream.Dispose();
    }
}
