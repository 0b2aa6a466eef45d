using System.Globalization;
using System.Text;

namespace CchcAnalytics.Core;

/// <summary>Vietnamese text normalisation for matching names as documents really spell them.</summary>
/// <remarks>
/// Documents mix NFC and NFD, upper and lower case, and the old and new tone placement ("Hoá" / "Hóa",
/// "Thuỷ" / "Thủy"). <see cref="MatchKey"/> removes all of those differences but keeps the vowel letters
/// (ă, â, ê, ô, ơ, ư, đ) and which tone each syllable carries, so "Hoằng" and "Hoàng" stay different.
/// </remarks>
public static class VietnameseText
{
    /// <summary>Acronyms kept upper-case when an all-caps area name is turned into sentence case.</summary>
    private static readonly HashSet<string> Acronyms = new(["CCHC", "TTHC", "UBND", "HĐND", "QPPL", "VBQPPL", "CNTT", "TCTP"], StringComparer.Ordinal);

    /// <summary>An all-caps name ("HIỆN ĐẠI HÓA HÀNH CHÍNH") in sentence case, keeping acronyms (CCHC, TTHC); other
    /// names are returned unchanged.</summary>
    public static string SentenceCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Any(char.IsLower))
        {
            return name;
        }

        var builder = new StringBuilder();
        var first = true;
        foreach (var word in name.Split(' '))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            var core = word.Trim(',', '.', ';', ':', '(', ')');
            if (Acronyms.Contains(core))
            {
                builder.Append(word);
            }
            else
            {
                var lower = word.ToLower(Culture);
                builder.Append(first && lower.Length > 0 ? char.ToUpper(lower[0], Culture) + lower[1..] : lower);
            }

            first = false;
        }

        return builder.ToString();
    }


    private const char Grave = '\u0300';      // huyền
    private const char Acute = '\u0301';      // sắc
    private const char Tilde = '\u0303';      // ngã
    private const char HookAbove = '\u0309';  // hỏi
    private const char DotBelow = '\u0323';   // nặng

    /// <summary>Unicode NFC, the only form stored.</summary>
    public static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    /// <summary>A key equal for every spelling variant of the same words: case, NFC/NFD, tone placement,
    /// punctuation and spacing. Each syllable becomes its toneless letters plus a tone digit (1–5).</summary>
    public static string MatchKey(string text)
    {
        var words = SplitWords(text);
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(SyllableKey(word));
        }

        return builder.ToString();
    }

    /// <summary>Lower-case ASCII without any diacritics ("Hoằng Hóa" → "hoang hoa"); đ becomes d.</summary>
    public static string AsciiKey(string text)
    {
        var builder = new StringBuilder();
        foreach (var word in SplitWords(text))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            foreach (var c in word.Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>ASCII slug for ids: "Hoằng Hóa" → "hoang-hoa".</summary>
    public static string Slug(string text) => AsciiKey(text).Replace(' ', '-');

    private static IEnumerable<string> SplitWords(string text)
    {
        var lower = Nfc(text).ToLower(CultureInfo.InvariantCulture);
        var current = new StringBuilder();
        foreach (var c in lower)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string SyllableKey(string word)
    {
        var tone = 0;
        var letters = new StringBuilder();
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            var t = c switch
            {
                Acute => 1,
                Grave => 2,
                HookAbove => 3,
                Tilde => 4,
                DotBelow => 5,
                _ => 0,
            };
            if (t != 0)
            {
                tone = t;
                continue;
            }

            letters.Append(c);
        }

        var baseLetters = letters.ToString().Normalize(NormalizationForm.FormC);
        return tone == 0 ? baseLetters : baseLetters + tone.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>vi-VN culture: decimal comma, dot thousands ("92,5", "1.234").</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>An index, a % of max or a difference of them, the one rounding rule for tables, charts and exports
    /// (docs/methodology.md, "Làm tròn / Rounding"): rounded half away from zero to two decimals and always written with
    /// two, vi-VN: "91,30", "100,00", "-0,50".</summary>
    public static string Percent(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", Culture);

    /// <summary>The text with its first letter in capitals, to start a sentence: "huyện Mường Lát" → "Huyện Mường Lát".</summary>
    public static string Capitalised(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];
    }

    /// <summary>A number as Vietnamese readers write it: "92,5", "0,25", "100" (at most three decimals, no trailing zeros).</summary>
    public static string Number(decimal value) => value.ToString("#,0.###", Culture);
}
