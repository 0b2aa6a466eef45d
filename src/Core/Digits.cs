using System.Globalization;

namespace CchcAnalytics.Core;

/// <summary>Folds every Unicode decimal digit (fullwidth <c>１</c>, Arabic-Indic <c>٢٠١٧</c>, Devanagari …) to its ASCII
/// digit, so numbers, codes, years and dates written with them read as what they say.</summary>
/// <remarks>
/// .NET's <c>\d</c> matches any Unicode decimal digit, but <c>int.Parse</c> and <c>decimal.Parse</c> accept only
/// ASCII digits: a fullwidth year matched a pattern, then threw while being parsed (issue 12, §5). Every place that
/// matches a number with a pattern folds its text here first. Only digits change: fullwidth punctuation (<c>，</c>) and
/// the Arabic decimal separator (<c>٫</c>) are not a decimal comma and still make a cell "not a number". Stored text
/// (names, evidence) is never folded: it stays what the document says.
/// </remarks>
public static class Digits
{
    /// <summary>The text with every decimal digit (Unicode category Nd, in the Basic Multilingual Plane) as ASCII
    /// <c>0</c>–<c>9</c>; the same instance when there is nothing to fold.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfOtherDigit(text);
        if (first < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (chars[i] > '\u007F' && CharUnicodeInfo.GetUnicodeCategory(chars[i]) == UnicodeCategory.DecimalDigitNumber)
            {
                chars[i] = (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(chars[i]));
            }
        }

        return new string(chars);
    }

    /// <summary>Whether <paramref name="text"/> holds a decimal digit other than ASCII <c>0</c>–<c>9</c>.</summary>
    public static bool HasOtherDigits(string text) => IndexOfOtherDigit(text ?? "") >= 0;

    private static int IndexOfOtherDigit(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > '\u007F' && CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.DecimalDigitNumber)
            {
                return i;
            }
        }

        return -1;
    }
}
