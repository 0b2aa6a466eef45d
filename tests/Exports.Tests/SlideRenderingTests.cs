using CchcAnalytics.Analytics;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Exports.Tests;

/// <summary>The unit pack rendered by LibreOffice as a reader would see it: one page per slide, every title on its page,
/// and no word off the page or over the source line. The PNGs go to artifacts/exports/slides/ for a person to look at.</summary>
[Collection(DataFolderDefinition.Name)]
public sealed class SlideRenderingTests(ExportsFixture fixture)
{
    [RenderFact]
    public void Render_YearPack2023HoangHoa_EverySlideOnItsPageAndNothingRunsOff()
    {
        var folder = Path.Combine(Artifacts.Folder, "slides");
        Directory.CreateDirectory(folder);
        var pptx = Path.Combine(folder, "chi-so-cchc-2023-hoang-hoa.pptx");
        using (var output = File.Create(pptx))
        {
            YearPack.Write(fixture.Data, 2023, ["hoang-hoa"], output, AnalyticsOptions.Default);
        }

        using var pack = new OpenedPresentation(File.ReadAllBytes(pptx));
        var titles = pack.Slides.Select(OpenedPresentation.Title).ToList();

        var (words, width, height, pngs) = SlideRendering.Render(pptx, folder);

        pngs.Length.ShouldBe(titles.Count);
        var footerTop = height * 6.95 / 7.5;
        var pages = words.GroupBy(w => w.Page).ToDictionary(g => g.Key, g => g.ToList());
        for (var i = 0; i < titles.Count; i++)
        {
            var page = pages[i + 1];
            var text = string.Join(" ", page.Select(w => w.Text));
            text.ShouldContain(titles[i]!.Split(' ')[^1], Case.Sensitive, $"slide {i + 1}");
            page.ShouldAllBe(w => w.XMin >= 0 && w.XMax <= width && w.YMax <= height, $"slide {i + 1}: a word leaves the page");
            // Below the footer's top only the source line and the slide number: a word of the content there ran off.
            var footer = page.Where(w => w.YMin >= footerTop - 2).ToList();
            var content = page.Where(w => w.YMax > footerTop + 2 && w.YMin < footerTop - 2).Select(w => w.Text).ToList();
            content.ShouldBeEmpty($"slide {i + 1}: text over the source line");
            if (i > 0)
            {
                footer.ShouldContain(w => w.Text == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"slide {i + 1}: its number");
            }
        }
    }
}
