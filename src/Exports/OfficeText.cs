using System.Text;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;

namespace CchcAnalytics.Exports;

/// <summary>Text as Office files can hold it: NFC, without the characters XML 1.0 forbids, line breaks as LF.</summary>
internal static partial class OfficeText
{
    /// <summary>Excel refuses a cell longer than this.</summary>
    public const int MaxCellLength = 32_767;

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = c switch
            {
                '\r' => false,
                '\t' or '\n' => true,
                < ' ' => false,
                _ when char.IsHighSurrogate(c) => i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]),
                _ when char.IsLowSurrogate(c) => i > 0 && char.IsHighSurrogate(text[i - 1]),
                '\uFFFE' or '\uFFFF' => false,
                _ => true,
            };
            if (keep && builder is null)
            {
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length);
            if (keep)
            {
                builder.Append(c);
            }
            else if (c == '\r')
            {
                // CR LF and a lone CR both become one LF, so the file does not depend on the writer's platform.
                if (i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    builder.Append('\n');
                }
            }
        }

        return VietnameseText.Nfc(builder?.ToString() ?? text);
    }

    /// <summary>A cell's text: cleaned, neutralised against formulas, and cut to Excel's limit with a visible mark.</summary>
    public static string Cell(string? text) => Truncate(CsvSafe.Neutralize(Clean(text)));

    /// <summary>Text for a slide (a table cell, a bullet, a note): cleaned, and neutralised against formulas at its
    /// start and at every line (<see cref="CsvSafe"/>), because a table or text copied from PowerPoint and pasted into
    /// a spreadsheet becomes one cell per cell or line. A plain signed number ("+2", "-1", "92,5") is kept as it is:
    /// a spreadsheet reads it as that number, never as a formula.</summary>
    public static string Slide(string? text)
    {
        var clean = Clean(text);
        return SignedNumber().IsMatch(clean) ? clean : CsvSafe.Neutralize(clean);
    }

    /// <summary>Cuts a text to Excel's cell limit, ending it with "…" so the cut is visible.</summary>
    public static string Truncate(string safe)
    {
        if (safe.Length <= MaxCellLength)
        {
            return safe;
        }

        var cut = char.IsHighSurrogate(safe[MaxCellLength - 2]) ? MaxCellLength - 2 : MaxCellLength - 1;
        return string.Concat(safe.AsSpan(0, cut), "…");
    }

    [GeneratedRegex(@"^[+-]?\d+([.,]\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SignedNumber();
}
