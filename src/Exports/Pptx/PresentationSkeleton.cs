using DocumentFormat.OpenXml.Packaging;
using D = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace CchcAnalytics.Exports.Pptx;

/// <summary>The parts every presentation needs before its first slide, built from scratch: a theme (Arial, a blue
/// accent), one slide master, three layouts (title slide, title and content, title only), a notes master with its own
/// theme, and the presentation, view and table-style properties PowerPoint expects.</summary>
internal sealed class PresentationSkeleton
{
    public const string Accent = "1F4E79";
    public const string TextColour = "262626";

    private PresentationSkeleton(SlideLayoutPart cover, SlideLayoutPart content, SlideLayoutPart titleOnly, NotesMasterPart notesMaster)
    {
        Cover = cover;
        Content = content;
        TitleOnly = titleOnly;
        NotesMaster = notesMaster;
    }

    public SlideLayoutPart Cover { get; }

    public SlideLayoutPart Content { get; }

    public SlideLayoutPart TitleOnly { get; }

    public NotesMasterPart NotesMaster { get; }

    /// <summary>Adds the master, layouts, themes and properties to <paramref name="presentation"/>; the caller adds the
    /// slides and then <see cref="P.Presentation"/> itself.</summary>
    public static PresentationSkeleton Create(PresentationPart presentation)
    {
        var master = presentation.AddNewPart<SlideMasterPart>();
        var theme = master.AddNewPart<ThemePart>();
        theme.Theme = Theme("CCHC");
        presentation.AddPart(theme);

        var cover = Layout(master, "Trang tiêu đề", P.SlideLayoutValues.Title,
            DrawingText.Placeholder(2U, "Tiêu đề 1", P.PlaceholderValues.CenteredTitle, null, SlideGeometry.CoverTitle, PromptText("Bấm để sửa tiêu đề", D.TextAnchoringTypeValues.Bottom, 4000, D.TextAlignmentTypeValues.Center)),
            DrawingText.Placeholder(3U, "Tiêu đề phụ 2", P.PlaceholderValues.SubTitle, 1U, SlideGeometry.CoverSubtitle, PromptText("Bấm để sửa tiêu đề phụ", D.TextAnchoringTypeValues.Top, 2000, D.TextAlignmentTypeValues.Center, noBullet: true)));
        cover.SlideLayout.ShowMasterShapes = false; // no accent bar on the title slide
        var content = Layout(master, "Tiêu đề và nội dung", P.SlideLayoutValues.Object,
            DrawingText.Placeholder(2U, "Tiêu đề 1", P.PlaceholderValues.Title, null, null, PromptText("Bấm để sửa tiêu đề")),
            DrawingText.Placeholder(3U, "Nội dung 2", null, 1U, null, PromptText("Bấm để thêm nội dung")));
        var titleOnly = Layout(master, "Chỉ tiêu đề", P.SlideLayoutValues.TitleOnly,
            DrawingText.Placeholder(2U, "Tiêu đề 1", P.PlaceholderValues.Title, null, null, PromptText("Bấm để sửa tiêu đề")));

        const uint FirstLayoutId = 2147483649U;
        master.SlideMaster = new P.SlideMaster(
            new P.CommonSlideData(
                Background(),
                new P.ShapeTree(
                    [
                        .. DrawingText.GroupRoot(),
                        DrawingText.Placeholder(2U, "Tiêu đề 1", P.PlaceholderValues.Title, null, SlideGeometry.Title, PromptText("Bấm để sửa tiêu đề", D.TextAnchoringTypeValues.Bottom)),
                        DrawingText.Placeholder(3U, "Văn bản 2", P.PlaceholderValues.Body, 1U, SlideGeometry.Content, PromptText("Bấm để sửa văn bản")),
                        AccentBar(4U),
                    ])),
            ColorMap(),
            new P.SlideLayoutIdList(
                new P.SlideLayoutId { Id = FirstLayoutId, RelationshipId = master.GetIdOfPart(cover) },
                new P.SlideLayoutId { Id = FirstLayoutId + 1, RelationshipId = master.GetIdOfPart(content) },
                new P.SlideLayoutId { Id = FirstLayoutId + 2, RelationshipId = master.GetIdOfPart(titleOnly) }),
            new P.TextStyles(TitleStyle(), BodyStyle(), OtherStyle()));

        var notesMaster = presentation.AddNewPart<NotesMasterPart>();
        notesMaster.AddNewPart<ThemePart>().Theme = Theme("CCHC ghi chú");
        notesMaster.NotesMaster = NotesMasterElement();

        presentation.AddNewPart<PresentationPropertiesPart>().PresentationProperties = new P.PresentationProperties();
        presentation.AddNewPart<ViewPropertiesPart>().ViewProperties = new P.ViewProperties(
            new P.NormalViewProperties(
                new P.RestoredLeft { Size = 15620, AutoAdjust = false },
                new P.RestoredTop { Size = 94660 }),
            new P.GridSpacing { Cx = 76200L, Cy = 76200L });
        presentation.AddNewPart<TableStylesPart>().TableStyleList = new D.TableStyleList { Default = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}" };
        return new PresentationSkeleton(cover, content, titleOnly, notesMaster);
    }

    /// <summary>The presentation element: master, notes master, slides, 16:9 size.</summary>
    public P.Presentation PresentationElement(PresentationPart presentation, IEnumerable<P.SlideId> slides)
    {
        var master = presentation.SlideMasterParts.Single();
        return new P.Presentation(
            new P.SlideMasterIdList(new P.SlideMasterId { Id = 2147483648U, RelationshipId = presentation.GetIdOfPart(master) }),
            new P.NotesMasterIdList(new P.NotesMasterId { Id = presentation.GetIdOfPart(NotesMaster) }),
            new P.SlideIdList(slides),
            new P.SlideSize { Cx = (int)SlideGeometry.SlideWidth, Cy = (int)SlideGeometry.SlideHeight },
            new P.NotesSize { Cx = 6858000L, Cy = 9144000L },
            new P.DefaultTextStyle(Level<D.Level1ParagraphProperties>(0, 1800, bullet: null)))
        {
            SaveSubsetFonts = true,
        };
    }

    private static SlideLayoutPart Layout(SlideMasterPart master, string name, P.SlideLayoutValues type, params P.Shape[] placeholders)
    {
        var part = master.AddNewPart<SlideLayoutPart>();
        part.AddPart(master);
        part.SlideLayout = new P.SlideLayout(
            new P.CommonSlideData(new P.ShapeTree([.. DrawingText.GroupRoot(), .. placeholders])) { Name = name },
            new P.ColorMapOverride(new D.MasterColorMapping()))
        {
            Type = type,
            Preserve = true,
        };
        return part;
    }

    private static P.TextBody PromptText(string prompt, D.TextAnchoringTypeValues? anchor = null, int? size = null, D.TextAlignmentTypeValues? alignment = null, bool noBullet = false)
    {
        var properties = alignment is { } a ? new D.ParagraphProperties { Alignment = a } : null;
        var list = noBullet
            ? new D.ListStyle(new D.Level1ParagraphProperties(new D.NoBullet()) { LeftMargin = 0, Indent = 0, Alignment = alignment })
            : new D.ListStyle();
        return new P.TextBody(
            DrawingText.Body(anchor ?? D.TextAnchoringTypeValues.Top, autofit: true),
            list,
            DrawingText.Paragraph(prompt, size / 100.0, properties: properties));
    }

    private static P.Shape AccentBar(uint id) => new(
        new P.NonVisualShapeProperties(
            new P.NonVisualDrawingProperties { Id = id, Name = "Đường nhấn" },
            new P.NonVisualShapeDrawingProperties(),
            new P.ApplicationNonVisualDrawingProperties { UserDrawn = true }),
        new P.ShapeProperties(
            DrawingText.Transform(SlideGeometry.AccentBar),
            new D.PresetGeometry(new D.AdjustValueList()) { Preset = D.ShapeTypeValues.Rectangle },
            DrawingText.Solid(Accent),
            new D.Outline(new D.NoFill())));

    private static P.Background Background() =>
        new(new P.BackgroundStyleReference(new D.SchemeColor { Val = D.SchemeColorValues.Background1 }) { Index = 1001U });

    private static P.ColorMap ColorMap() => new()
    {
        Background1 = D.ColorSchemeIndexValues.Light1,
        Text1 = D.ColorSchemeIndexValues.Dark1,
        Background2 = D.ColorSchemeIndexValues.Light2,
        Text2 = D.ColorSchemeIndexValues.Dark2,
        Accent1 = D.ColorSchemeIndexValues.Accent1,
        Accent2 = D.ColorSchemeIndexValues.Accent2,
        Accent3 = D.ColorSchemeIndexValues.Accent3,
        Accent4 = D.ColorSchemeIndexValues.Accent4,
        Accent5 = D.ColorSchemeIndexValues.Accent5,
        Accent6 = D.ColorSchemeIndexValues.Accent6,
        Hyperlink = D.ColorSchemeIndexValues.Hyperlink,
        FollowedHyperlink = D.ColorSchemeIndexValues.FollowedHyperlink,
    };

    private static P.TitleStyle TitleStyle()
    {
        var level = new D.Level1ParagraphProperties(
            new D.LineSpacing(new D.SpacingPercent { Val = 90000 }),
            new D.SpaceBefore(new D.SpacingPercent { Val = 0 }),
            new D.NoBullet(),
            DefaultRun(3200, Accent, major: true))
        {
            Alignment = D.TextAlignmentTypeValues.Left,
        };
        return new P.TitleStyle(level);
    }

    private static P.BodyStyle BodyStyle() => new(
        Level<D.Level1ParagraphProperties>((int)SlideGeometry.BulletIndent, 2000, "•"),
        Level<D.Level2ParagraphProperties>((int)(2.4 * SlideGeometry.BulletIndent), 1800, "–"),
        Level<D.Level3ParagraphProperties>((int)(3.8 * SlideGeometry.BulletIndent), 1600, "•"));

    private static P.OtherStyle OtherStyle() => new(Level<D.Level1ParagraphProperties>(0, 1800, bullet: null));

    private static T Level<T>(int margin, int size, string? bullet)
        where T : D.TextParagraphPropertiesType, new()
    {
        var level = new T { LeftMargin = margin, Indent = bullet is null ? 0 : -margin, Alignment = D.TextAlignmentTypeValues.Left };
        level.Append(
            new D.LineSpacing(new D.SpacingPercent { Val = 100000 }),
            new D.SpaceBefore(new D.SpacingPoints { Val = size * 40 / 100 }));
        if (bullet is null)
        {
            level.Append(new D.NoBullet());
        }
        else
        {
            level.Append(new D.BulletFont { Typeface = DrawingText.Font }, new D.CharacterBullet { Char = bullet });
        }

        level.Append(DefaultRun(size, TextColour, major: false));
        return level;
    }

    private static D.DefaultRunProperties DefaultRun(int size, string colour, bool major) => new(
        DrawingText.Solid(colour),
        new D.LatinFont { Typeface = major ? "+mj-lt" : "+mn-lt" },
        new D.EastAsianFont { Typeface = major ? "+mj-ea" : "+mn-ea" },
        new D.ComplexScriptFont { Typeface = major ? "+mj-cs" : "+mn-cs" })
    {
        FontSize = size,
        Language = DrawingText.Language,
    };

    private static P.NotesMaster NotesMasterElement()
    {
        var slideImage = new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = 2U, Name = "Ảnh trang chiếu 1" },
                new P.NonVisualShapeDrawingProperties(new D.ShapeLocks { NoGrouping = true, NoRotation = true, NoChangeAspect = true }),
                new P.ApplicationNonVisualDrawingProperties(new P.PlaceholderShape { Type = P.PlaceholderValues.SlideImage, Index = 2U })),
            new P.ShapeProperties(
                DrawingText.Transform(new Box(381000L, 685800L, 6096000L, 3429000L)),
                new D.PresetGeometry(new D.AdjustValueList()) { Preset = D.ShapeTypeValues.Rectangle },
                new D.NoFill(),
                new D.Outline(DrawingText.Solid("000000")) { Width = 12700 }));
        var notes = DrawingText.Placeholder(3U, "Ghi chú 2", P.PlaceholderValues.Body, 3U, new Box(685800L, 4400550L, 5486400L, 3600450L),
            PromptText("Bấm để sửa ghi chú"));
        return new P.NotesMaster(
            new P.CommonSlideData(Background(), new P.ShapeTree([.. DrawingText.GroupRoot(), slideImage, notes])),
            ColorMap(),
            new P.NotesStyle(Level<D.Level1ParagraphProperties>(0, 1200, bullet: null)));
    }

    private static D.Theme Theme(string name)
    {
        D.SolidFill Placeholder() => new(new D.SchemeColor { Val = D.SchemeColorValues.PhColor });
        D.Outline Line(int width) => new(Placeholder()) { Width = width, CapType = D.LineCapValues.Flat, CompoundLineType = D.CompoundLineValues.Single, Alignment = D.PenAlignmentValues.Center };
        D.EffectStyle Effect() => new(new D.EffectList());
        T Fonts<T>()
            where T : D.FontCollectionType, new()
        {
            var fonts = new T();
            fonts.Append(new D.LatinFont { Typeface = DrawingText.Font }, new D.EastAsianFont { Typeface = "" }, new D.ComplexScriptFont { Typeface = "" });
            return fonts;
        }

        return new D.Theme(
            new D.ThemeElements(
                new D.ColorScheme(
                    new D.Dark1Color(new D.SystemColor { Val = D.SystemColorValues.WindowText, LastColor = "000000" }),
                    new D.Light1Color(new D.SystemColor { Val = D.SystemColorValues.Window, LastColor = "FFFFFF" }),
                    new D.Dark2Color(new D.RgbColorModelHex { Val = "1F3864" }),
                    new D.Light2Color(new D.RgbColorModelHex { Val = "E7E6E6" }),
                    new D.Accent1Color(new D.RgbColorModelHex { Val = Accent }),
                    new D.Accent2Color(new D.RgbColorModelHex { Val = "C55A11" }),
                    new D.Accent3Color(new D.RgbColorModelHex { Val = "548235" }),
                    new D.Accent4Color(new D.RgbColorModelHex { Val = "BF9000" }),
                    new D.Accent5Color(new D.RgbColorModelHex { Val = "2E75B6" }),
                    new D.Accent6Color(new D.RgbColorModelHex { Val = "7030A0" }),
                    new D.Hyperlink(new D.RgbColorModelHex { Val = "0563C1" }),
                    new D.FollowedHyperlinkColor(new D.RgbColorModelHex { Val = "954F72" }))
                { Name = name },
                new D.FontScheme(Fonts<D.MajorFont>(), Fonts<D.MinorFont>()) { Name = name },
                new D.FormatScheme(
                    new D.FillStyleList(Placeholder(), Placeholder(), Placeholder()),
                    new D.LineStyleList(Line(6350), Line(12700), Line(19050)),
                    new D.EffectStyleList(Effect(), Effect(), Effect()),
                    new D.BackgroundFillStyleList(Placeholder(), Placeholder(), Placeholder()))
                { Name = name }),
            new D.ObjectDefaults(),
            new D.ExtraColorSchemeList())
        {
            Name = name,
        };
    }
}
