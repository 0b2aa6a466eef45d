using System.Globalization;
using System.Text;

namespace CchcAnalytics.Cli;

/// <summary>Text printed to a terminal line by line: control characters (ESC of a colour or cursor sequence, CR, LF,
/// tab …), line and paragraph separators and the bidirectional overrides are written as visible escapes (<c>\x1B</c>,
/// <c>\n</c>, <c>\u202E</c>), so a file name or a cell quoted in a message can neither forge an output line nor
/// recolour or hide one. JSON output needs none of this: its serializer escapes them already.</summary>
internal static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => c <= '\xFF' ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : Unicode(c),
                '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => Unicode(c),
                _ => null,
            };
            if (escape is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append(escape);
        }

        return builder?.ToString() ?? text;
    }

    private static string Unicode(char c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
}
