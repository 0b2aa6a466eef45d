using System.Xml.Linq;
using CchcAnalytics.Analytics;
using ScottPlot;
using SkiaSharp;

namespace CchcAnalytics.Charts.Tests;

/// <summary>Chart text must not depend on the machine's fonts: without any font ScottPlot silently draws no text. The
/// embedded DejaVu Sans files are served first, so the typeface ScottPlot uses is the embedded one whatever is
/// installed.</summary>
[Collection(ChartsData.Name)]
public sealed class ChartFontsTests(ChartsFixture fixture)
{
    private const string VietnameseLetters = "ăâđêôơưàằầèềìòồờùừỳảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹáắấéếíóốớúứýạặậẹệịọộợụựỵĂÂĐÊÔƠƯẰẦỀỒỜỪẲẨỂỔỞỬẮẤẾỐỚỨẶẬỆỘỢỰ";

    [Fact]
    public void Register_PutsTheEmbeddedResolverFirstAndMakesDejaVuSansTheDefault()
    {
        ChartFonts.Register();
        ChartFonts.Register();

        Fonts.FontResolvers[0].ShouldBeSameAs(ChartFonts.Resolver);
        Fonts.FontResolvers.Count(r => r is EmbeddedFontResolver).ShouldBe(1);
        Fonts.Default.ShouldBe("DejaVu Sans");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Typeface_ScottPlotResolvesTheEmbeddedFileWithVietnameseGlyphs(bool bold)
    {
        var embedded = ChartFonts.Typeface(bold);

        // The very instance the embedded resolver made, not a system font of the same name.
        Fonts.GetTypeface(ChartFonts.FamilyName, bold, italic: false).ShouldBeSameAs(embedded);
        embedded.FamilyName.ShouldBe("DejaVu Sans");
        embedded.IsBold.ShouldBe(bold);
        embedded.ContainsGlyphs(VietnameseLetters).ShouldBeTrue();
    }

    [Fact]
    public void Resolver_OtherFamilies_AreLeftToTheNextResolver()
    {
        ChartFonts.Register();

        ChartFonts.Resolver!.CreateTypeface("Times New Roman", bold: false, italic: false).ShouldBeNull();
    }

    [Fact]
    public void Svg_EveryTextElement_UsesDejaVuSans()
    {
        var spec = ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.UnitAreas, Year: 2023, UnitIds: ["hoang-hoa"]), AnalyticsOptions.Default);

        var texts = XDocument.Parse(ChartRenderer.SvgXml(spec)).Descendants().Where(e => e.Name.LocalName == "text").ToList();

        texts.Count.ShouldBeGreaterThan(20);
        texts.Select(t => (string?)t.Attribute("font-family")).Distinct().ShouldBe(["DejaVu Sans"]);
    }

    [Fact]
    public void Png_TitleBand_HasInk()
    {
        // With no usable font the title band would be blank: count dark pixels where the title is drawn.
        var spec = ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.Ranking, Year: 2023), AnalyticsOptions.Default);

        using var bitmap = SKBitmap.Decode(ChartRenderer.Png(spec));

        var dark = 0;
        for (var y = 0; y < 45; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                dark += bitmap.GetPixel(x, y).Red < 128 ? 1 : 0;
            }
        }

        dark.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void LicenseText_IsShippedWithTheFonts() =>
        ChartFonts.LicenseText().ShouldContain("Bitstream Vera");
}
