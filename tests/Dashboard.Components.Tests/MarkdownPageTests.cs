using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Services;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>docs/phuong-phap.md through Markdig: the real document's headings, tables and lists, plus the Markdown the
/// hand-written renderer did not know (lists, code blocks) and the markup a document must never carry.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class MarkdownPageTests(DashboardData data) : DashboardContext(data)
{
    [Fact]
    public void Methodology_RealDocument_RendersHeadingsTablesAndExample()
    {
        var cut = Render<Methodology>();

        var article = cut.Find("article[data-testid=methodology]");
        var h1 = article.QuerySelector("h1").ShouldNotBeNull();
        h1.TextContent.ShouldBe("Phương pháp tính");
        h1.Id.ShouldBe("phuong-phap-tinh");
        var h2 = article.QuerySelectorAll("h2");
        h2.Length.ShouldBe(11);
        h2[0].Id.ShouldBe("1-diem-dung-de-tinh");
        h2[8].Id.ShouldBe("9-nhom-tuong-dong-va-canh-bao-bat-thuong");
        h2[10].TextContent.ShouldBe("11. Làm tròn số");
        // The weakness kinds of section 6: one table with its header row.
        var table = article.QuerySelector("table.data").ShouldNotBeNull();
        table.QuerySelectorAll("th").Select(th => th.TextContent).ShouldBe(["Loại", "Điều kiện"]);
        table.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelector("td")!.TextContent)
            .ShouldBe(["Yếu kéo dài", "Mới phát sinh", "Đang cải thiện"]);
        article.TextContent.ShouldContain("Hoằng Hóa 2017 (tự chấm): 92 / 100 → chỉ số 92; lĩnh vực 7: 6,5 / 13 = 50%");
        article.TextContent.ShouldContain("ví dụ 91,30");
        article.QuerySelectorAll("strong").Select(s => s.TextContent).ShouldContain("k-means");
        article.QuerySelectorAll("ul li").Length.ShouldBeGreaterThan(20);
        article.QuerySelectorAll("blockquote strong").Select(s => s.TextContent).ShouldContain("khung minh họa");
        article.QuerySelectorAll("a").Length.ShouldBe(0);
    }

    [Fact]
    public void ToHtml_TableWithEmptyHeaderRow_DropsTheHeader()
    {
        var html = MarkdownPage.ToHtml("| | |\n|---|---|\n| **VI** | Chỉ số = điểm / điểm chuẩn × 100 |\n| **EN** | Index = points / maximum × 100 |\n");

        html.ShouldStartWith("<table class=\"data\">");
        html.ShouldNotContain("<th");
        html.ShouldNotContain("<thead");
        html.Split("<tr>").Length.ShouldBe(3);
        html.ShouldContain("<td><strong>VI</strong></td>");
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
    public void ToHtml_RelativeLink_IsItsText()
    {
        // A file of the repository (peer-groups.md) is not a page of the dashboard: its text, no link.
        var html = MarkdownPage.ToHtml("Chi tiết: [peer-groups.md](peer-groups.md).");

        html.ShouldBe("<p>Chi tiết: peer-groups.md.</p>\n");
    }

    [Fact]
    public void ToHtml_WebLink_KeepsLinkWithNoopener()
    {
        var html = MarkdownPage.ToHtml("Nguồn: [Bộ Nội vụ](https://moha.gov.vn/cchc).");

        html.ShouldBe("<p>Nguồn: <a href=\"https://moha.gov.vn/cchc\" rel=\"noopener noreferrer\">Bộ Nội vụ</a>.</p>\n");
    }
}
