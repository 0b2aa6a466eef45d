using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CchcAnalytics.Core;

/// <summary>Neutralises spreadsheet formula injection in text cells ("CSV injection", OWASP): a text that Excel,
/// LibreOffice or Google Sheets could take for a formula gets a leading apostrophe, and so does every later line of it
/// that could.</summary>
/// <remarks>
/// <para>A text is dangerous when its first character is <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return (OWASP's list), or when its first character after leading white space is one of <c>= + - @</c> (some programs
/// trim before they parse). Such a text is stored as <c>'</c> + the text: the apostrophe is visible, so a reader sees
/// that the cell was changed, and it stays text when the cell is edited, re-saved as CSV or pasted elsewhere.
/// Excel's own <c>quotePrefix</c> style was not chosen because Excel drops it when it saves a CSV, so the formula would
/// come back in the next program.</para>
/// <para>Every line of a text is a place where a program may start reading a cell: a CSV reader that splits on line
/// breaks first, a paste of a multi-line cell into a sheet (one row per line), a program that takes a lone CR for a
/// line end. So the same rule is applied to each line after a line break (LF, CR LF or a lone CR): a line whose first
/// character is a tab or <c>'</c>, or whose first character after white space is one of <c>= + - @</c>, gets its own
/// apostrophe.</para>
/// <para>A text or a line that already starts with an apostrophe is prefixed too, so the change can always be undone:
/// <see cref="Restore"/> removes exactly the apostrophes <see cref="Neutralize"/> added. That makes the transformation
/// reversible for every text, not just for the dangerous ones.</para>
/// <para>Every export people may open in a spreadsheet uses it: the .xlsx workbooks, the charts' CSV, the tables of the
/// meeting pack and the canonical scores CSV, which still ingests unchanged because its reader applies
/// <see cref="Restore"/> to the same text columns.</para>
/// </remarks>
public static class CsvSafe
{
    /// <summary>The character put in front of a dangerous text or line.</summary>
    public const char Prefix = '\'';

    /// <summary>Whether <paramref name="text"/> would be taken for a formula (or starts with <see cref="Prefix"/>).
    /// Only the start of the text counts here; <see cref="Neutralize"/> also guards each later line.</summary>
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

    /// <summary>The text to store: <paramref name="text"/> itself when neither its start nor any later line could be
    /// taken for a formula; otherwise with an apostrophe in front of the text (<see cref="NeedsPrefix"/>) and in front
    /// of each such later line. Null stays null.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Neutralize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var lines = GuardLines(text);
        return NeedsPrefix(text) ? Prefix + lines : lines;
    }

    /// <summary>The original text of a neutralised cell: removes the apostrophes <see cref="Neutralize"/> added.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Restore(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Neutralize prefixes the whole text exactly when the original needs it, and a text it did not prefix never
        // starts with an apostrophe (that would have needed one), so this reading is unambiguous.
        if (text[0] == Prefix)
        {
            var original = UnguardLines(text[1..]);
            if (NeedsPrefix(original))
            {
                return original;
            }
        }

        return UnguardLines(text);
    }

    /// <summary>Whether a spreadsheet could take the line starting at <paramref name="rest"/> (up to the next line
    /// break) for a formula, or it starts with <see cref="Prefix"/>.</summary>
    private static bool LineNeedsPrefix(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return false;
        }

        if (rest[0] is '\t' or Prefix)
        {
            return true;
        }

        foreach (var c in rest)
        {
            if (c is '\r' or '\n')
            {
                return false;
            }

            if (!char.IsWhiteSpace(c))
            {
                return c is '=' or '+' or '-' or '@';
            }
        }

        return false;
    }

    /// <summary>Whether a line starts at <paramref name="index"/> (&gt; 0): after an LF, or after a CR not followed by
    /// an LF (CR LF is one line break).</summary>
    private static bool IsLineStart(string text, int index) =>
        text[index - 1] == '\n' || (text[index - 1] == '\r' && text[index] != '\n');

    private static string GuardLines(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (IsLineStart(text, i) && LineNeedsPrefix(text.AsSpan(i)))
            {
                builder ??= new StringBuilder(text.Length + 8);
                builder.Append(text, copied, i - copied).Append(Prefix);
                copied = i;
            }
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static string UnguardLines(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == Prefix && IsLineStart(text, i) && LineNeedsPrefix(text.AsSpan(i + 1)))
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, i - copied);
                copied = i + 1;
            }
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }
}
