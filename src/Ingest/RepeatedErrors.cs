using System.Globalization;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest;

/// <summary>One error per distinct problem (issue 12, §8): the same error on many rows of one column (a whole column
/// of "x", every row's points over its maximum) becomes its first occurrence plus a count and the rows, instead of a
/// hundred lines that say the same thing. Warnings are stored with the submission row by row and stay as they are.</summary>
internal static partial class RepeatedErrors
{
    /// <summary>More errors than this with the same code in the same column are folded into the first.</summary>
    public const int MaxRepeats = 3;

    private const int MaxListedLines = 12;

    public static ValidationResult Collapse(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var groups = result.Problems
            .Where(p => p.Severity == Severity.Error)
            .GroupBy(p => (p.Code, Column: ColumnOf(p.Cell)))
            .Where(g => g.Count() > MaxRepeats)
            .ToList();
        if (groups.Count == 0)
        {
            return result;
        }

        var replaced = new Dictionary<Problem, Problem?>(ReferenceEqualityComparer.Instance);
        foreach (var group in groups)
        {
            var first = group.First();
            var others = group.Skip(1).ToList();
            var lines = others.Select(p => p.Line).OfType<int>().Distinct().ToList();
            var listed = lines.Count == 0
                ? ""
                : ": dòng " + string.Join(", ", lines.Take(MaxListedLines).Select(l => l.ToString(CultureInfo.InvariantCulture)))
                  + (lines.Count > MaxListedLines ? $", … (và {VietnameseText.Number(lines.Count - MaxListedLines)} dòng khác)" : "");
            var where = lines.Count == others.Count ? "dòng khác" : "chỗ khác";
            replaced[first] = first with
            {
                Message = $"{first.Message} Cùng lỗi này còn ở {VietnameseText.Number(others.Count)} {where}{listed}.",
            };
            foreach (var other in others)
            {
                replaced[other] = null;
            }
        }

        var problems = new List<Problem>();
        foreach (var problem in result.Problems)
        {
            if (!replaced.TryGetValue(problem, out var replacement))
            {
                problems.Add(problem);
            }
            else if (replacement is not null)
            {
                problems.Add(replacement);
            }
        }

        return result with { Problems = problems };
    }

    /// <summary>The column a cell reference names, without its row: "D14" → "D", "'Sheet 2'!D14" → "'Sheet 2'!D",
    /// "bảng 2, dòng 14, ô 4" → "bảng 2, ô 4"; a CSV column name stays as it is.</summary>
    private static string? ColumnOf(string? cell) => cell is null ? null : RowPart().Replace(cell, "");

    [GeneratedRegex(@"(?<=[A-Za-z])[0-9]+$|,? ?dòng [0-9]+")]
    private static partial Regex RowPart();
}
