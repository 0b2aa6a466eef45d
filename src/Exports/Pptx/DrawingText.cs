using DocumentFormat.OpenXml;
using D = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace CchcAnalytics.Exports.Pptx;

/// <summary>DrawingML text and shape pieces shared by the master, the layouts and the slides. Every run names its
/// font (Arial, which has the Vietnamese letters) and its language (vi-VN, for spelling and line breaking).</summary>
internal static class DrawingText
{
    public const string Font = "Arial";
    public const string Language = "vi-VN";

    /// <summary>A paragraph of <paramref name="text"/>; a line break inside it stays a line break (a:br).</summary>
    public static D.Paragraph Paragraph(string text, double? sizePt = null, bool bold = false, string? colour = null, D.ParagraphProperties? properties = null)
    {
        var paragraph = new D.Paragraph();
        if (properties is not null)
        {
            paragraph.Append(properties);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new D.Break(RunProperties<D.RunProperties>(sizePt, bold, colour)));
            }

            if (lines[i].Length > 0)
            {
                paragraph.Append(new D.Run(RunProperties<D.RunProperties>(sizePt, bold, colour), new D.Text(lines[i])));
            }
        }

        paragraph.Append(RunProperties<D.EndParagraphRunProperties>(sizePt, bold, colour));
        return paragraph;
    }

    /// <summary>Run properties: language, size, bold, colour, and Arial for Latin (Vietnamese) and complex scripts.</summary>
    public static T RunProperties<T>(double? sizePt, bool bold = false, string? colour = null)
        where T : D.TextCharacterPropertiesType, new()
    {
        var properties = new T { Language = Language, Dirty = false };
        if (sizePt is { } size)
        {
            properties.FontSize = (int)Math.Round(size * 100);
        }

        if (bold)
        {
            properties.Bold = true;
        }

        if (colour is not null)
        {
            properties.Append(Solid(colour));
        }

        properties.Append(new D.LatinFont { Typeface = Font }, new D.ComplexScriptFont { Typeface = Font });
        return properties;
    }

    public static D.SolidFill Solid(string rgb) => new(new D.RgbColorModelHex { Val = rgb });

    public static D.Transform2D Transform(Box box) =>
        new(new D.Offset { X = box.X, Y = box.Y }, new D.Extents { Cx = box.Width, Cy = box.Height });

    public static D.BodyProperties Body(D.TextAnchoringTypeValues anchor, bool autofit) =>
        Body(new D.BodyProperties
        {
            LeftInset = (int)SlideGeometry.InsetX,
            RightInset = (int)SlideGeometry.InsetX,
            TopInset = (int)SlideGeometry.InsetY,
            BottomInset = (int)SlideGeometry.InsetY,
            Wrap = D.TextWrappingValues.Square,
            Anchor = anchor,
            RightToLeftColumns = false,
        }, autofit);

    /// <summary>The root group of a shape tree (every slide, layout and master has one).</summary>
    public static OpenXmlElement[] GroupRoot() =>
    [
        new P.NonVisualGroupShapeProperties(
            new P.NonVisualDrawingProperties { Id = 1U, Name = "" },
            new P.NonVisualGroupShapeDrawingProperties(),
            new P.ApplicationNonVisualDrawingProperties()),
        new P.GroupShapeProperties(new D.TransformGroup(
            new D.Offset { X = 0L, Y = 0L },
            new D.Extents { Cx = 0L, Cy = 0L },
            new D.ChildOffset { X = 0L, Y = 0L },
            new D.ChildExtents { Cx = 0L, Cy = 0L })),
    ];

    /// <summary>A placeholder shape. <paramref name="box"/> null inherits the position from the layout or master.</summary>
    public static P.Shape Placeholder(uint id, string name, P.PlaceholderValues? type, uint? index, Box? box, P.TextBody text)
    {
        var placeholder = new P.PlaceholderShape();
        if (type is { } t)
        {
            placeholder.Type = t;
        }

        if (index is { } i)
        {
            placeholder.Index = i;
        }

        return new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = id, Name = name },
                new P.NonVisualShapeDrawingProperties(new D.ShapeLocks { NoGrouping = true }),
                new P.ApplicationNonVisualDrawingProperties(placeholder)),
            box is { } b ? new P.ShapeProperties(Transform(b)) : new P.ShapeProperties(),
            text);
    }

    private static D.BodyProperties Body(D.BodyProperties body, bool autofit)
    {
        body.Append(autofit ? new D.NormalAutoFit() : new D.NoAutoFit());
        return body;
    }
}
