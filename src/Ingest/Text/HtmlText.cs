using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CchcAnalytics.Ingest.Text;

/// <summary>Turns table cells that carry HTML fragments (<c>&lt;p&gt;</c>, <c>&lt;ul&gt;</c>, <c>&lt;i&gt;</c>) and
/// Markdown bold marks into plain text: paragraphs and list items on their own lines, spaces collapsed.</summary>
public static partial class HtmlText
{
    public static string ToPlainText(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return "";
        }

        var text = BlockBreak().Replace(cell, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ').Replace("**", "", StringComparison.Ordinal);
        var builder = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = Spaces().Replace(raw, " ").Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(line);
        }

        return builder.ToString();
    }

    /// <summary>Joins two pieces of a cell split across lines: names with a space, evidence with a line break.</summary>
    public static string Join(string? first, string? second, string separator)
    {
        if (string.IsNullOrEmpty(first))
        {
            return second ?? "";
        }

        return string.IsNullOrEmpty(second) ? first : first + separator + second;
    }

    // A tag ends before the next "<": an unbounded [^>]* rescanned the rest of the cell at every "<br" without a ">",
    // which is quadratic (a 1 MB cell of "<br<br…" took 9 s, a 20 MB one would take an hour).
    [GeneratedRegex(@"<\s*(br|/p|p|/li|li|/div|div|/tr|/ul|/ol)\b[^<>]{0,300}>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBreak();

    [GeneratedRegex(@"<[^<>]{0,300}>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\f\v]+")]
    private static partial Regex Spaces();
}
