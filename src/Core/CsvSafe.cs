using System.Diagnostics.CodeAnalysis;

namespace CchcAnalytics.Core;

/// <summary>Neutralises spreadsheet formula injection in text cells ("CSV injection", OWASP): a text that Excel,
/// LibreOffice or Google Sheets could take for a formula gets a leading apostrophe.</summary>
/// <remarks>
/// <para>A text is dangerous when its first character is <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return (OWASP's list), or when its first character after leading white space is one of <c>= + - @</c> (some programs
/// trim before they parse). Such a text is stored as <c>'</c> + the text: the apostrophe is visible, so a reader sees
/// that the cell was changed, and it stays text when the cell is edited, re-saved as CSV or pasted elsewhere.
/// Excel's own <c>quotePrefix</c> style was not chosen because Excel drops it when it saves a CSV, so the formula would
/// come back in the next program.</para>
/// <para>A text that already starts with an apostrophe is prefixed too, so the change can always be undone:
/// <see cref="Restore"/> removes exactly one leading apostrophe. That makes the transformation reversible for every
/// text, not just for the dangerous ones.</para>
/// <para>Every export people may open in a spreadsheet uses it: the .xlsx workbooks, the charts' CSV and the canonical
/// scores CSV, which still ingests unchanged because its reader applies <see cref="Restore"/> to the same text columns.</para>
/// </remarks>
public static class CsvSafe
{
    /// <summary>The character put in front of a dangerous text.</summary>
    public const char Prefix = '\'';

    /// <summary>Whether <paramref name="text"/> would be taken for a formula (or starts with <see cref="Prefix"/>).</summary>
    public static bool NeedsPrefix(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text[0] is '\t' or '\r' or Prefix)
        {
            return true;
        }

        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '=' or '+' or '-' or '@';
            }
        }

        return false;
    }

    /// <summary>The text to store: <paramref name="text"/> itself, or <c>'</c> + <paramref name="text"/> when it
    /// <see cref="NeedsPrefix">needs the prefix</see>. Null stays null.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Neutralize(string? text) => NeedsPrefix(text) ? Prefix + text : text;

    /// <summary>The original text of a neutralised cell: removes the one apostrophe <see cref="Neutralize"/> added.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Restore(string? text) =>
        text is [Prefix, .. var rest] && NeedsPrefix(rest) ? rest : text;
}
