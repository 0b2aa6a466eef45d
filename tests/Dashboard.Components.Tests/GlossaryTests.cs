using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Components.Shared;
using CchcAnalytics.Dashboard.Services;
using CchcAnalytics.Tests;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Thuật ngữ (/thuat-ngu): an entry with an anchor for every term the pages use, and every
/// <c>&lt;Term Id="…"&gt;</c> link, written or rendered, pointing at one of them.</summary>
[Collection(SharedDashboardData.Name)]
public sealed partial class GlossaryTests(DashboardData data) : DashboardContext(data)
{
    /// <summary>The terms issue 16 asks the glossary to explain, by anchor.</summary>
    public static TheoryData<string, string> Required => new()
    {
        { "chi-so-cchc", "Chỉ số CCHC" },
        { "diem-chuan", "Điểm chuẩn" },
        { "diem-tu-cham", "Điểm tự chấm" },
        { "diem-tham-dinh", "Điểm thẩm định" },
        { "dong-hang", "Đồng hạng" },
        { "phan-tu", "Phần tư (tứ phân vị)" },
        { "trung-vi", "Trung vị" },
        { "nhom-tuong-dong", "Nhóm tương đồng" },
        { "khung-minh-hoa", "Khung minh họa" },
        { "du-lieu-mau", "Dữ liệu mẫu" },
        { "linh-vuc", "Lĩnh vực" },
        { "tieu-chi", "Tiêu chí" },
        { "tieu-chi-thanh-phan", "Tiêu chí thành phần" },
        { "diem-yeu-keo-dai", "Điểm yếu kéo dài" },
        { "bi-cat-khi-tham-dinh", "Bị cắt khi thẩm định" },
    };

    private IRenderedComponent<GlossaryPage> RenderGlossary()
    {
        GoTo("/thuat-ngu");
        return Render<GlossaryPage>();
    }

    [Theory]
    [MemberData(nameof(Required))]
    public void GlossaryPage_RequiredTerm_HasAnAnchoredEntryWithPlainText(string id, string term)
    {
        var cut = RenderGlossary();

        var title = cut.Find($"dl[data-testid=glossary] dt#{id}");
        title.TextContent.ShouldBe(term);
        var body = title.NextElementSibling!;
        body.TagName.ShouldBe("DD");
        Html.Text(body).Length.ShouldBeGreaterThan(80);
        cut.Find($"[data-testid=glossary-index] a[href='#{id}']").TextContent.ShouldBe(term);
    }

    [Fact]
    public void GlossaryPage_Anchors_UniqueAndInAlphabeticalOrder()
    {
        var cut = RenderGlossary();

        var ids = cut.FindAll("dl[data-testid=glossary] dt").Select(d => d.Id).ToList();
        ids.ShouldBeUnique();
        var terms = cut.FindAll("dl[data-testid=glossary] dt").Select(d => d.TextContent).ToList();
        terms.ShouldBe(terms.Order(StringComparer.Create(CchcAnalytics.Core.VietnameseText.Culture, ignoreCase: true)).ToList());
        // The thresholds are the analytics' settings: 50% and 3 of 3 years by default.
        Html.Text(cut.Find("dt#diem-yeu-keo-dai").NextElementSibling!).ShouldStartWith("Tiêu chí mà đơn vị đạt dưới 50% điểm chuẩn trong ít nhất 3 của 3 năm gần nhất");
    }

    [Fact]
    public void Term_KnownId_LinksToItsEntryWithTheShortDefinition()
    {
        var cut = Render<Term>(p => p.Add(t => t.Id, "dong-hang").AddChildContent("đồng hạng"));

        var link = cut.Find("a.term");
        link.GetAttribute("href").ShouldBe("/thuat-ngu#dong-hang");
        link.GetAttribute("title").ShouldBe("Các đơn vị có cùng chỉ số thì cùng một hạng, và hạng kế tiếp bị bỏ qua (ví dụ 1, 2, 2, 4).");
        link.TextContent.ShouldBe("đồng hạng");
    }

    [Fact]
    public void Term_UnknownId_TheWordsWithoutALink()
    {
        var cut = Render<Term>(p => p.Add(t => t.Id, "khong-co").AddChildContent("chữ"));

        cut.Markup.Trim().ShouldBe("chữ");
    }

    /// <summary>Every page a reader opens, rendered as the dashboard renders it, with the pages' terms.</summary>
    public static TheoryData<string> Pages => new()
    {
        "/?nam=2017", "/don-vi/hoang-hoa?nam=2017", "/so-sanh?nam=2023&dv=dong-son&dv=hoang-hoa", "/tieu-chi?cap=huyen&nam=2023",
        "/du-lieu", "/bao-cao?nam=2023&dv=hoang-hoa", "/qua-cac-nam", "/thuat-ngu", "/phuong-phap",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_TermLinks_ResolveToAGlossaryAnchor(string path)
    {
        var anchors = RenderGlossary().FindAll("dl[data-testid=glossary] dt").Select(d => d.Id).ToHashSet();

        var links = RenderPage(path).FindAll("a.term");

        if (path != "/thuat-ngu")
        {
            links.ShouldNotBeEmpty();
        }

        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            href.ShouldStartWith("/thuat-ngu#");
            anchors.ShouldContain(href["/thuat-ngu#".Length..], $"{path}: {link.OuterHtml}");
            link.GetAttribute("title").ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Source_EveryTermIdWritten_IsInTheGlossary()
    {
        var anchors = Glossary.Entries(Data.Provider.Options).Select(e => e.Id).ToHashSet();
        var components = Path.Combine(TestFiles.RepositoryRoot, "src", "Dashboard", "Components");

        var written = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => TermId().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Id: m.Groups[1].Value)))
            .ToList();

        written.Count.ShouldBeGreaterThan(20);
        written.Where(w => !anchors.Contains(w.Id)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_ReadingHelp_FoldedNotPrintedThreeToFiveSentences(string path)
    {
        var cut = RenderPage(path);

        var help = cut.FindAll("details[data-testid=reading-help]").ShouldHaveSingleItem();
        help.HasAttribute("open").ShouldBeFalse();
        help.ClassList.ShouldContain("no-print");
        Html.Text(help.QuerySelector("summary")!).ShouldBe("Cách đọc trang này");
        var text = Html.Text(help.QuerySelector(".help-body")!);
        Sentence().Count(text).ShouldBeInRange(3, 5, text);
    }

    /// <summary>Renders the page of <paramref name="path"/> as the router would, with an anonymous reader.</summary>
    private IRenderedComponent<DynamicComponent> RenderPage(string path)
    {
        GoTo(path);
        var route = path.Split('?')[0];
        var type = route switch
        {
            "/" => typeof(Overview),
            "/so-sanh" => typeof(Compare),
            "/tieu-chi" => typeof(Criteria),
            "/du-lieu" => typeof(DataPage),
            "/bao-cao" => typeof(PrintReport),
            "/qua-cac-nam" => typeof(YearsPage),
            "/thuat-ngu" => typeof(GlossaryPage),
            "/phuong-phap" => typeof(Methodology),
            _ when route.StartsWith("/don-vi/", StringComparison.Ordinal) => typeof(UnitPage),
            _ => throw new ArgumentException(path, nameof(path)),
        };
        var parameters = type == typeof(UnitPage) ? new Dictionary<string, object> { [nameof(UnitPage.UnitId)] = route["/don-vi/".Length..] } : [];
        return Render<DynamicComponent>(p => p
            .AddCascadingValue<HttpContext>(new DefaultHttpContext())
            .Add(d => d.Type, type)
            .Add(d => d.Parameters, parameters));
    }

    [GeneratedRegex("<Term Id=\"([^\"]*)\"")]
    private static partial Regex TermId();

    /// <summary>A sentence ends in . ! or ? followed by a space or the end (decimal numbers use commas).</summary>
    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex Sentence();
}
