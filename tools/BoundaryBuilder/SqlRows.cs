using System.Text.RegularExpressions;

namespace CchcAnalytics.BoundaryBuilder;

/// <summary>Reads the value tuples of the dataset's SQL import scripts: <c>('14758','Hàm Rồng',…,'38',3)</c>.</summary>
internal static partial class SqlRows
{
    /// <summary>Every parenthesised tuple of quoted strings and bare integers, as text fields ('' unescaped).</summary>
    public static IEnumerable<IReadOnlyList<string>> Tuples(string sql)
    {
        foreach (Match tuple in TuplePattern().Matches(sql))
        {
            yield return FieldPattern().Matches(tuple.Groups[1].Value)
                .Select(f => f.Groups["text"].Success ? f.Groups["text"].Value.Replace("''", "'", StringComparison.Ordinal) : f.Groups["bare"].Value)
                .ToList();
        }
    }

    [GeneratedRegex(@"\(((?:\s*(?:'(?:[^']|'')*'|NULL|\d+)\s*,)+\s*(?:'(?:[^']|'')*'|NULL|\d+)\s*)\)")]
    private static partial Regex TuplePattern();

    [GeneratedRegex(@"'(?<text>(?:[^']|'')*)'|(?<bare>NULL|\d+)")]
    private static partial Regex FieldPattern();
}
