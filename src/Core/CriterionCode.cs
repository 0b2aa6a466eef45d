using System.Text.RegularExpressions;

namespace CchcAnalytics.Core;

/// <summary>Criterion codes such as "7", "7.1", "7.1.4"; documents also write "7.", "7.1.1." which mean the same.</summary>
public static partial class CriterionCode
{
    /// <summary>Normalises a code as printed ("7.1.1.", " 4. ") to its canonical form ("7.1.1", "4"); null when it is not a code.</summary>
    public static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // "１.１" and "٧.١" are codes too: digits are folded to ASCII before matching (issue 12, §5).
        var trimmed = Digits.Fold(text).Trim();
        if (!CodePattern().IsMatch(trimmed))
        {
            return null;
        }

        var parts = trimmed.TrimEnd('.').Split('.');
        // "07.1" and "7.01" are not codes anybody writes, but normalise leading zeros away so they compare equal.
        return string.Join('.', parts.Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Depth of a canonical code: 1 for an area, 2 for a criterion, 3 for a sub-criterion.</summary>
    public static int Depth(string code) => code.Count(c => c == '.') + 1;

    /// <summary>The level for a canonical code, or null when the code is deeper than the index goes.</summary>
    public static CriterionLevel? LevelOf(string code) => Depth(code) switch
    {
        1 => CriterionLevel.Area,
        2 => CriterionLevel.Criterion,
        3 => CriterionLevel.SubCriterion,
        _ => null,
    };

    /// <summary>The parent code ("7.1" for "7.1.4"), or null for an area.</summary>
    public static string? ParentOf(string code)
    {
        var cut = code.LastIndexOf('.');
        return cut < 0 ? null : code[..cut];
    }

    /// <summary>Orders codes numerically part by part, so "7.1.10" follows "7.1.9".</summary>
    public static int Compare(string? left, string? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null)
        {
            return -1;
        }

        if (right is null)
        {
            return 1;
        }

        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var x = int.TryParse(a[i], out var xi) ? xi : int.MaxValue;
            var y = int.TryParse(b[i], out var yi) ? yi : int.MaxValue;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>A comparer for sorting codes in document order.</summary>
    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    [GeneratedRegex(@"^[0-9]{1,2}(\.[0-9]{1,2}){0,4}\.?$")]
    private static partial Regex CodePattern();
}
