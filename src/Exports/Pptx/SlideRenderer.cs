using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using D = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace CchcAnalytics.Exports.Pptx;

/// <summary>Adds slides to a presentation: the title in the layout's title placeholder (real text), bullets in the
/// content placeholder, a table as a DrawingML table (a:tbl), a picture with its alternative text, and speaker notes
/// on a notes slide.</summary>
internal sealed class SlideRenderer(PresentationPart presentation, PresentationSkeleton skeleton)
{
    private const string TableUri = "http://schemas.openxmlformats.org/drawingml/2006/table";
    private const string HeaderFill = PresentationSkeleton.Accent;
    private const string BandFill = "EEF3F8";
    private const string BorderColour = "BFBFBF";
    private const string HighlightFill = "FBE5D6";
    private const string FooterColour = "595959";
    private const double FooterSize = 12;
    private const double SlideNumberSize = 14;

    private readonly List<P.SlideId> slideIds = [];

    public IReadOnlyList<P.SlideId> SlideIds => slideIds;

    /// <summary>The source line written at the foot of every slide; null for none.</summary>
    public string? Footer { get; init; }

    public void AddCover(string title, string? subtitle)
    {
        var titleSize = SlidePlanner.TitleSize(title, SlideGeometry.CoverTitle, [40, 36, 32, 28, 24]);
        var shapes = new List<OpenXmlElement>
        {
            DrawingText.Placeholder(2U, "Tiêu đề 1", P.PlaceholderValues.CenteredTitle, null, null, new P.TextBody(
                DrawingText.Body(D.TextAnchoringTypeValues.Bottom, autofit: true),
                new D.ListStyle(),
                DrawingText.Paragraph(title, titleSize, bold: true, properties: new D.ParagraphProperties { Alignment = D.TextAlignmentTypeValues.Center }))),
        };
        if (!string.IsNullOrEmpty(subtitle))
        {
            var size = SlidePlanner.TitleSize(subtitle, SlideGeometry.CoverSubtitle, [24, 20, 18, 16]);
            shapes.Add(DrawingText.Placeholder(3U, "Tiêu đề phụ 2", P.PlaceholderValues.SubTitle, 1U, null, new P.TextBody(
                DrawingText.Body(D.TextAnchoringTypeValues.Top, autofit: true),
                new D.ListStyle(),
                DrawingText.Paragraph(subtitle, size, colour: PresentationSkeleton.TextColour, properties: new D.ParagraphProperties(new D.NoBullet()) { Alignment = D.TextAlignmentTypeValues.Center, LeftMargin = 0, Indent = 0 }))));
        }

        AddFooter(shapes, 4U, number: false);
        AddSlide(skeleton.Cover, shapes, notes: null);
    }

    public void Add(PlannedSlide slide)
    {
        var shapes = new List<OpenXmlElement>
        {
            DrawingText.Placeholder(2U, "Tiêu đề 1", P.PlaceholderValues.Title, null, null, new P.TextBody(
                DrawingText.Body(D.TextAnchoringTypeValues.Bottom, autofit: true),
                new D.ListStyle(),
                DrawingText.Paragraph(slide.Title, slide.TitleSizePt))),
        };
        var nextId = 3U;
        if (slide.Bullets is { } bullets)
        {
            var space = new D.SpaceBefore(new D.SpacingPoints { Val = (int)(SlidePlanner.ParagraphSpace(bullets.SizePt) * 100) });
            shapes.Add(DrawingText.Placeholder(nextId, $"Nội dung {nextId - 1}", null, 1U, bullets.Box, new P.TextBody(
                [
                    DrawingText.Body(D.TextAnchoringTypeValues.Top, autofit: false),
                    new D.ListStyle(),
                    .. bullets.Lines.Select(l => DrawingText.Paragraph(l, bullets.SizePt, colour: PresentationSkeleton.TextColour, properties: new D.ParagraphProperties((D.SpaceBefore)space.CloneNode(true)))),
                ])));
            nextId++;
        }

        var slidePart = presentation.AddNewPart<SlidePart>();
        if (slide.Table is { } table)
        {
            shapes.Add(Table(nextId, slide.Title, table));
            nextId++;
        }

        if (slide.Image is { } image)
        {
            var imagePart = slidePart.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(image.Png.ToArray(), writable: false))
            {
                imagePart.FeedData(png);
            }

            shapes.Add(Picture(nextId, image, slidePart.GetIdOfPart(imagePart)));
            nextId++;
        }

        AddFooter(shapes, nextId, number: true);

        var layout = slide.Bullets is null ? skeleton.TitleOnly : skeleton.Content;
        AddSlide(layout, shapes, slide.Notes, slidePart);
    }

    /// <summary>The source line (bottom left) and, on every slide but the cover, the slide number (bottom right) as a
    /// slide-number field, so it stays right when slides are moved or deleted.</summary>
    private void AddFooter(List<OpenXmlElement> shapes, uint id, bool number)
    {
        if (!string.IsNullOrWhiteSpace(Footer))
        {
            shapes.Add(TextBox(id, "Nguồn số liệu", SlideGeometry.Footer, DrawingText.Paragraph(Footer, FooterSize, colour: FooterColour)));
        }

        if (number)
        {
            var position = slideIds.Count + 1;
            var field = new D.Field(
                DrawingText.RunProperties<D.RunProperties>(SlideNumberSize, colour: FooterColour),
                new D.Text(position.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                Id = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}",
                Type = "slidenum",
            };
            var paragraph = new D.Paragraph(new D.ParagraphProperties { Alignment = D.TextAlignmentTypeValues.Right }, field,
                DrawingText.RunProperties<D.EndParagraphRunProperties>(SlideNumberSize, colour: FooterColour));
            shapes.Add(TextBox(id + 1, "Số trang", SlideGeometry.SlideNumber, paragraph));
        }
    }

    private static P.Shape TextBox(uint id, string name, Box box, D.Paragraph paragraph) => new(
        new P.NonVisualShapeProperties(
            new P.NonVisualDrawingProperties { Id = id, Name = name },
            new P.NonVisualShapeDrawingProperties { TextBox = true },
            new P.ApplicationNonVisualDrawingProperties()),
        new P.ShapeProperties(
            DrawingText.Transform(box),
            new D.PresetGeometry(new D.AdjustValueList()) { Preset = D.ShapeTypeValues.Rectangle },
            new D.NoFill()),
        new P.TextBody(DrawingText.Body(D.TextAnchoringTypeValues.Bottom, autofit: false), new D.ListStyle(), paragraph));

    private void AddSlide(SlideLayoutPart layout, List<OpenXmlElement> shapes, string? notes, SlidePart? part = null)
    {
        var slidePart = part ?? presentation.AddNewPart<SlidePart>();
        slidePart.AddPart(layout);
        slidePart.Slide = new P.Slide(
            new P.CommonSlideData(new P.ShapeTree([.. DrawingText.GroupRoot(), .. shapes])),
            new P.ColorMapOverride(new D.MasterColorMapping()));
        if (!string.IsNullOrWhiteSpace(notes))
        {
            AddNotes(slidePart, notes);
        }

        slideIds.Add(new P.SlideId { Id = (uint)(256 + slideIds.Count), RelationshipId = presentation.GetIdOfPart(slidePart) });
    }

    private void AddNotes(SlidePart slidePart, string notes)
    {
        var notesPart = slidePart.AddNewPart<NotesSlidePart>();
        notesPart.AddPart(skeleton.NotesMaster);
        notesPart.AddPart(slidePart);
        var slideImage = new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = 2U, Name = "Ảnh trang chiếu 1" },
                new P.NonVisualShapeDrawingProperties(new D.ShapeLocks { NoGrouping = true, NoRotation = true, NoChangeAspect = true }),
                new P.ApplicationNonVisualDrawingProperties(new P.PlaceholderShape { Type = P.PlaceholderValues.SlideImage })),
            new P.ShapeProperties());
        var text = DrawingText.Placeholder(3U, "Ghi chú 2", P.PlaceholderValues.Body, 1U, null, new P.TextBody(
            [
                DrawingText.Body(D.TextAnchoringTypeValues.Top, autofit: false),
                new D.ListStyle(),
                .. notes.Split('\n').Select(line => DrawingText.Paragraph(line, 12)),
            ]));
        notesPart.NotesSlide = new P.NotesSlide(
            new P.CommonSlideData(new P.ShapeTree([.. DrawingText.GroupRoot(), slideImage, text])),
            new P.ColorMapOverride(new D.MasterColorMapping()));
    }

    private static P.GraphicFrame Table(uint id, string title, PlannedTable planned)
    {
        var table = new D.Table(
            new D.TableProperties { FirstRow = true, BandRow = true },
            new D.TableGrid(planned.ColumnWidths.Select(w => new D.GridColumn { Width = w })));
        table.Append(Row(planned.Header, planned.RowHeights[0], planned.SizePt, header: true, band: false, highlight: false));
        for (var r = 0; r < planned.Rows.Count; r++)
        {
            var highlight = r < planned.Highlighted.Count && planned.Highlighted[r];
            table.Append(Row(planned.Rows[r], planned.RowHeights[r + 1], planned.SizePt, header: false, band: r % 2 == 1, highlight));
        }

        return new P.GraphicFrame(
            new P.NonVisualGraphicFrameProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = $"Bảng {id - 1}", Description = $"Bảng: {title}" },
                new P.NonVisualGraphicFrameDrawingProperties(new D.GraphicFrameLocks { NoGrouping = true }),
                new P.ApplicationNonVisualDrawingProperties()),
            new P.Transform(new D.Offset { X = planned.Box.X, Y = planned.Box.Y }, new D.Extents { Cx = planned.Box.Width, Cy = planned.Box.Height }),
            new D.Graphic(new D.GraphicData(table) { Uri = TableUri }));
    }

    private static D.TableRow Row(IReadOnlyList<string> cells, long height, double size, bool header, bool band, bool highlight)
    {
        var row = new D.TableRow { Height = height };
        foreach (var text in cells)
        {
            var alignment = !header && SlidePlanner.IsNumeric(text) ? D.TextAlignmentTypeValues.Right : D.TextAlignmentTypeValues.Left;
            var properties = new D.TableCellProperties(
                Border<D.LeftBorderLineProperties>(),
                Border<D.RightBorderLineProperties>(),
                Border<D.TopBorderLineProperties>(),
                Border<D.BottomBorderLineProperties>(),
                DrawingText.Solid(header ? HeaderFill : highlight ? HighlightFill : band ? BandFill : "FFFFFF"))
            {
                LeftMargin = (int)SlideGeometry.InsetX,
                RightMargin = (int)SlideGeometry.InsetX,
                TopMargin = (int)SlideGeometry.InsetY,
                BottomMargin = (int)SlideGeometry.InsetY,
                Anchor = D.TextAnchoringTypeValues.Center,
            };
            row.Append(new D.TableCell(
                new D.TextBody(
                    new D.BodyProperties(),
                    new D.ListStyle(),
                    DrawingText.Paragraph(text, header ? size * 1.08 : size, bold: header || highlight, colour: header ? "FFFFFF" : PresentationSkeleton.TextColour,
                        properties: new D.ParagraphProperties { Alignment = alignment })),
                properties));
        }

        return row;
    }

    private static T Border<T>()
        where T : D.LinePropertiesType, new()
    {
        var border = new T { Width = 12700, CapType = D.LineCapValues.Flat, CompoundLineType = D.CompoundLineValues.Single, Alignment = D.PenAlignmentValues.Center };
        border.Append(DrawingText.Solid(BorderColour), new D.PresetDash { Val = D.PresetLineDashValues.Solid });
        return border;
    }

    private static P.Picture Picture(uint id, PlannedImage image, string relationshipId) => new(
        new P.NonVisualPictureProperties(
            new P.NonVisualDrawingProperties { Id = id, Name = $"Hình {id - 1}", Description = image.AltText },
            new P.NonVisualPictureDrawingProperties(new D.PictureLocks { NoChangeAspect = true }),
            new P.ApplicationNonVisualDrawingProperties()),
        new P.BlipFill(new D.Blip { Embed = relationshipId }, new D.Stretch(new D.FillRectangle())),
        new P.ShapeProperties(
            DrawingText.Transform(image.Box),
            new D.PresetGeometry(new D.AdjustValueList()) { Preset = D.ShapeTypeValues.Rectangle }));
}
