using System.Globalization;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest.Text;

/// <summary>Reads points as documents write them: "15,5" (Vietnamese decimal comma) or "0.5" (decimal point),
/// possibly mixed in one document. Anything else is not a number, and an empty cell is "no points", never 0.</summary>
public static partial class PointsText
{
    /// <summary>True when <paramref name="text"/> is empty (result null) or a number (result set).</summary>
    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        // Fullwidth and other Unicode digits read as the digits they are; int/decimal.Parse would throw on them.
        var trimmed = Digits.Fold(text ?? "").Trim().Replace("**", "", StringComparison.Ordinal).Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (!Number().IsMatch(trimmed))
        {
            return false;
        }

        value = decimal.Parse(trimmed.Replace(',', '.').Replace('−', '-'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Whether the cell holds a number (not empty, not text).</summary>
    public static bool IsNumber(string? text) => TryParse(text, out var value) && value is not null;

    [GeneratedRegex(@"^[-−]?[0-9]{1,4}([.,][0-9]{1,3})?$")]
    private static partial Regex Number();
}
