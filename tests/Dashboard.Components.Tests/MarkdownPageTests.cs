using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Services;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>docs/methodology.md through Markdig: the real document's headings, tables and links, plus the Markdown the
/// hand-written renderer did not know (lists, code blocks) and the markup a document must never carry.</summary>
public sealed class MarkdownPageTests : BunitContext
{
    [Fact]
    public void Methodology_RealDocument_RendersHeadingsTablesAndExample()
    {
        var cut = Render<Methodology>();

        var article = cut.Find("article[data-testid=methodology]");
        var h1 = article.QuerySelector("h1").ShouldNotBeNull();
        h1.TextContent.ShouldBe("Phương pháp tính / Methodology");
        h1.Id.ShouldBe("phuong-phap-tinh-methodology");
        var h2 = article.QuerySelectorAll("h2");
        h2.Length.ShouldBe(10);
        h2[0].Id.ShouldBe("1-diem-dung-de-tinh-which-points-are-used");
        var tables = article.QuerySelectorAll("table.data");
        tables.Length.ShouldBe(10);
        // Each VI/EN table's empty "| | |" header row is dropped, as before: two rows of two cells.
        article.QuerySelectorAll("table.data th").Length.ShouldBe(0);
        tables[0].QuerySelectorAll("tr").Length.ShouldBe(2);
        tables[0].QuerySelectorAll("td")[0].TextContent.ShouldBe("VI");
        article.TextContent.ShouldContain("Hoằng Hóa 2017 (tự chấm): 92 / 100 → chỉ số 92; lĩnh vực 7: 6,5 / 13 = 50%");
        article.QuerySelectorAll("strong").Select(s => s.TextContent).ShouldContain("k-means");
        // peer-groups.md is a file of the repository, not a page of the dashboard: its text, no link.
        article.TextContent.ShouldContain("Chi tiết: peer-groups.md.");
        article.QuerySelectorAll("a[href='peer-groups.md']").Length.ShouldBe(0);
    }

    [Fact]
    public void ToHtml_ListsAndCodeBlock_RendersListItemsAndPre()
    {
        var html = MarkdownPage.ToHtml("Các bước:\n\n- Tự chấm\n- Thẩm định\n\n1. một\n2. hai\n\n```\ncchc rank --year 2023\n```\n");

        html.ShouldContain("<ul>\n<li>Tự chấm</li>\n<li>Thẩm định</li>\n</ul>");
        html.ShouldContain("<ol>\n<li>một</li>\n<li>hai</li>\n</ol>");
        html.ShouldContain("<pre><code>cchc rank --year 2023\n</code></pre>");
    }

    [Fact]
    public void ToHtml_RawHtmlAndScriptLinks_AreText()
    {
        var html = MarkdownPage.ToHtml("<script>alert(1)</script>\n\nXem <b>đây</b>, [bấm](javascript:alert(1)) và <javascript:alert(2)>.\n");

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<b>");
        html.ShouldNotContain("href=\"javascript");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("bấm");
    }

    [Fact]
    public void ToHtml_WebLink_KeepsLinkWithNoopener()
    {
        var html = MarkdownPage.ToHtml("Nguồn: [Bộ Nội vụ](https://moha.gov.vn/cchc).");

        html.ShouldBe("<p>Nguồn: <a href=\"https://moha.gov.vn/cchc\" rel=\"noopener noreferrer\">Bộ Nội vụ</a>.</p>\n");
    }
}
