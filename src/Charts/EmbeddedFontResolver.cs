using ScottPlot;
using SkiaSharp;

namespace CchcAnalytics.Charts;

/// <summary>Serves one family from font files held in memory (regular and bold; italic falls back to upright, since the
/// charts never use it). Returns null for any other family, so ScottPlot asks its next resolver.</summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    private readonly Lazy<SKTypeface> regular;
    private readonly Lazy<SKTypeface> bold;

    public EmbeddedFontResolver(string familyName, byte[] regularFile, byte[] boldFile)
    {
        FamilyName = familyName;
        regular = new(() => Load(regularFile));
        bold = new(() => Load(boldFile));
    }

    public string FamilyName { get; }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    /// <remarks>One shared typeface per style: ScottPlot caches what resolvers return and never disposes it.</remarks>
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, FamilyName, StringComparison.OrdinalIgnoreCase) ? (bold ? this.bold : regular).Value : null;

    private static SKTypeface Load(byte[] file)
    {
        using var data = SKData.CreateCopy(file);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("An embedded font file is not a font SkiaSharp can read.");
    }
}
