namespace CchcAnalytics.Exports.Pptx;

/// <summary>Estimates how much room Arial text takes, so the writer can choose font sizes and split what does not fit
/// without a renderer. Widths are Arial's advance widths (in ems) by character class, rounded up a little: a slide
/// that is slightly too empty is better than one whose text runs off the bottom.</summary>
internal static class TextMeasure
{
    /// <summary>Line height as a multiple of the font size (Arial's ascent + descent is 1.12 em).</summary>
    public const double LineHeight = 1.2;

    private const double Safety = 1.06;

    /// <summary>Width of <paramref name="text"/> on one line, in ems.</summary>
    public static double WidthEm(ReadOnlySpan<char> text)
    {
        var width = 0.0;
        foreach (var c in text)
        {
            width += c switch
            {
                ' ' => 0.278,
                'i' or 'j' or 'l' or 'I' or '.' or ',' or ':' or ';' or '\'' or '!' or '|' => 0.25,
                'f' or 't' or 'r' or '(' or ')' or '-' or '[' or ']' => 0.333,
                'm' or 'M' or 'W' => 0.86,
                'w' => 0.72,
                '—' or '…' or '%' => 0.9,
                >= '0' and <= '9' => 0.556,
                _ when char.IsUpper(c) => 0.72,
                _ => 0.556,
            };
        }

        return width * Safety;
    }

    /// <summary>Lines <paramref name="text"/> takes when wrapped at word boundaries in <paramref name="widthPt"/> points
    /// at <paramref name="sizePt"/>; a word wider than the line is broken.</summary>
    public static int Lines(string text, double widthPt, double sizePt)
    {
        var lineEm = widthPt / sizePt;
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            lines++;
            var used = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = WidthEm(word);
                if (used > 0 && used + 0.278 + w <= lineEm)
                {
                    used += 0.278 + w;
                    continue;
                }

                if (used > 0)
                {
                    lines++;
                }

                while (w > lineEm)
                {
                    lines++;
                    w -= lineEm;
                }

                used = w;
            }
        }

        return lines;
    }

    /// <summary>The widest word of <paramref name="text"/>, in ems (a column narrower than this breaks words).</summary>
    public static double LongestWordEm(string text) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => WidthEm(w)).DefaultIfEmpty(0).Max();

    /// <summary>The widest line of <paramref name="text"/> without wrapping, in ems.</summary>
    public static double LongestLineEm(string text) => text.Split('\n').Select(l => WidthEm(l)).Max();
}
