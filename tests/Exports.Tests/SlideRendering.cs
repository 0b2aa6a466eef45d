using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace CchcAnalytics.Exports.Tests;

/// <summary>Renders a .pptx the way a reader's office program would: LibreOffice Impress to PDF, poppler to one PNG per
/// slide (for a person to look at) and to the position of every word (for the test to check).</summary>
internal static class SlideRendering
{
    private static readonly string[] Tools = ["soffice", "pdftoppm", "pdftotext"];

    public static string? SkipReason { get; } = FindSkipReason();

    /// <summary>A word on a rendered page, in points from the top left.</summary>
    public sealed record Word(int Page, string Text, double XMin, double YMin, double XMax, double YMax);

    /// <summary>Renders <paramref name="pptx"/> into <paramref name="folder"/>: the PDF, slide-01.png … at
    /// <paramref name="dpi"/>, and returns every word with its box and the pages' size in points.</summary>
    public static (List<Word> Words, double Width, double Height, string[] Pngs) Render(string pptx, string folder, int dpi = 80)
    {
        Directory.CreateDirectory(folder);
        var profile = Path.Combine(Path.GetTempPath(), "cchc-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run("soffice", "--headless", "--norestore", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", folder, pptx);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        var pdf = Path.Combine(folder, Path.GetFileNameWithoutExtension(pptx) + ".pdf");
        File.Exists(pdf).ShouldBeTrue($"LibreOffice wrote no {pdf}");
        foreach (var old in Directory.GetFiles(folder, "slide-*.png"))
        {
            File.Delete(old);
        }

        Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-png", pdf, Path.Combine(folder, "slide"));
        var html = Path.Combine(folder, "words.html");
        Run("pdftotext", "-bbox", pdf, html);
        var document = XDocument.Parse(File.ReadAllText(html).Replace("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">", "", StringComparison.Ordinal));
        var pages = document.Descendants().Where(e => e.Name.LocalName == "page").ToList();
        var words = pages.SelectMany((page, i) => page.Elements().Where(e => e.Name.LocalName == "word").Select(w => new Word(
            i + 1, w.Value, D(w, "xMin"), D(w, "yMin"), D(w, "xMax"), D(w, "yMax")))).ToList();
        var pngs = Directory.GetFiles(folder, "slide-*.png").Order(StringComparer.Ordinal).ToArray();
        return (words, D(pages[0], "width"), D(pages[0], "height"), pngs);
    }

    private static double D(XElement element, string name) => double.Parse(element.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(180_000).ShouldBeTrue($"{tool} did not finish in 3 minutes");
        process.ExitCode.ShouldBe(0, $"{tool}: {output.Result} {error.Result}");
    }

    private static string? FindSkipReason()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        var missing = Tools.Where(t => !path.Any(p => File.Exists(Path.Combine(p, t)))).ToList();
        if (missing.Count == 0 || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return $"{string.Join(", ", missing)} not installed (apt-get install libreoffice-impress-nogui poppler-utils); CI installs them.";
    }
}
