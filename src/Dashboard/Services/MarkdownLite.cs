using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Just enough Markdown for docs/methodology.md: headings, paragraphs, pipe tables, bold, code and links.
/// Everything is HTML-encoded first, so the page can never carry markup from the file.</summary>
public static partial class MarkdownLite
{
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = new StringBuilder();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                var level = Math.Min(line.TakeWhile(c => c == '#').Count(), 4);
                var text = line.TrimStart('#').Trim();
                html.Append(CultureInfoInvariant($"<h{level} id=\"{Slug(text)}\">{Inline(text)}</h{level}>\n"));
            }
            else if (line.StartsWith('|'))
            {
                html.Append("<table class=\"data\">");
                var header = true;
                for (; i < lines.Length && lines[i].StartsWith('|'); i++)
                {
                    var cells = lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();
                    if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')))
                    {
                        continue;
                    }

                    var tag = header ? "th" : "td";
                    if (header && cells.All(c => c.Length == 0))
                    {
                        header = false;
                        continue;
                    }

                    html.Append("<tr>").Append(string.Concat(cells.Select(c => $"<{tag}>{Inline(c)}</{tag}>"))).Append("</tr>");
                    header = false;
                }

                i--;
                html.Append("</table>\n");
            }
            else if (line.Trim().Length > 0)
            {
                // Consecutive lines are one paragraph, as in Markdown.
                var paragraph = new List<string> { line.Trim() };
                while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0 && !lines[i + 1].StartsWith('#') && !lines[i + 1].StartsWith('|'))
                {
                    paragraph.Add(lines[++i].Trim());
                }

                html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>\n");
            }
        }

        return html.ToString();
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text).Replace("\\|", "|", StringComparison.Ordinal);
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        encoded = Code().Replace(encoded, "<code>$1</code>");
        encoded = Italic().Replace(encoded, "<em>$1</em>");
        return Link().Replace(encoded, m => m.Groups[2].Value.StartsWith("http", StringComparison.Ordinal)
            ? $"<a href=\"{m.Groups[2].Value}\" rel=\"noopener noreferrer\">{m.Groups[1].Value}</a>"
            : m.Groups[1].Value);
    }

    private static string Slug(string text) => Core.VietnameseText.Slug(text);

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])")]
    private static partial Regex Italic();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)]+)\)")]
    private static partial Regex Link();
}
