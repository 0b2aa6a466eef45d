using ScottPlot;
using SkiaSharp;

namespace CchcAnalytics.Charts;

/// <summary>The chart font: DejaVu Sans (regular and bold), embedded in this assembly and registered with ScottPlot, so
/// Vietnamese diacritics render even on a server without fonts-dejavu-core. Without any font, ScottPlot silently
/// draws no text at all.</summary>
public static class ChartFonts
{
    /// <summary>The family every chart uses.</summary>
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static EmbeddedFontResolver? resolver;

    /// <summary>The resolver that serves the embedded files; null until <see cref="Register"/> ran.</summary>
    internal static EmbeddedFontResolver? Resolver => resolver;

    /// <summary>Registers the embedded typefaces with ScottPlot and makes DejaVu Sans its default font. Idempotent and
    /// thread-safe; every chart calls it before drawing.</summary>
    /// <remarks><see cref="Fonts.AddFontFile"/> only takes a file path and appends its resolver after the system
    /// resolver. The embedded files are served from memory instead, by a resolver put first, so charts never depend
    /// on a writable temp folder or on which DejaVu version the machine has.</remarks>
    public static void Register()
    {
        lock (Gate)
        {
            if (resolver is not null)
            {
                return;
            }

            var embedded = new EmbeddedFontResolver(FamilyName, Read("Fonts/DejaVuSans.ttf"), Read("Fonts/DejaVuSans-Bold.ttf"));
            Fonts.FontResolvers.Insert(0, embedded);
            Fonts.Default = FamilyName;
            Fonts.Sans = FamilyName;
            resolver = embedded;
        }
    }

    /// <summary>The embedded typeface (not the system's) for regular or bold text.</summary>
    public static SKTypeface Typeface(bool bold)
    {
        Register();
        return resolver!.CreateTypeface(FamilyName, bold, italic: false)!;
    }

    /// <summary>The DejaVu licence text shipped with the fonts.</summary>
    public static string LicenseText()
    {
        using var reader = new StreamReader(Open("Fonts/LICENSE-DejaVu.txt"));
        return reader.ReadToEnd();
    }

    private static byte[] Read(string name)
    {
        using var stream = Open(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Stream Open(string name) =>
        typeof(ChartFonts).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(ChartFonts).Assembly.GetName().Name}.");
}
