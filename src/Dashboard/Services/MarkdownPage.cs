using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Renders a repository document (docs/phuong-phap.md) as page HTML with Markdig: CommonMark plus pipe tables.
/// Raw HTML in the file is shown as text, never as markup; only http(s) links stay links (with rel="noopener
/// noreferrer"), a relative link (peer-groups.md) points into the repository and is shown as its text; headings get
/// ASCII ids (<see cref="Core.VietnameseText.Slug"/>), tables the dashboard's <c>data</c> class without an empty
/// header row.</summary>
public static class MarkdownPage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var block in document.Descendants<Block>())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    heading.GetAttributes().Id = Core.VietnameseText.Slug(PlainText(heading.Inline));
                    break;
                case Table table:
                    table.GetAttributes().AddClass("data");
                    DropEmptyHeader(table);
                    break;
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsWeb(link.Url) && !link.IsImage)
            {
                link.GetAttributes().AddProperty("rel", "noopener noreferrer");
            }
            else
            {
                Unwrap(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (IsWeb(autolink.Url) && !autolink.IsEmail)
            {
                autolink.GetAttributes().AddProperty("rel", "noopener noreferrer");
            }
            else
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>A table that starts with an empty header row (<c>| | |</c>, as the two-column VI/EN tables of
    /// docs/methodology.md do) has it only because a pipe table needs one; it is not shown.</summary>
    private static void DropEmptyHeader(Table table)
    {
        if (table.Count > 0 && table[0] is TableRow { IsHeader: true } header
            && header.OfType<TableCell>().All(cell => cell.Count == 0 || cell.All(b => b is LeafBlock { Inline: null or { FirstChild: null } })))
        {
            table.RemoveAt(0);
        }
    }

    private static bool IsWeb(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Replaces a link by its text (an image by nothing but its alt text).</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static string PlainText(ContainerInline? inline) => inline is null
        ? ""
        : string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        }));
}
