using System.Globalization;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Text;

namespace CchcAnalytics.Ingest.Office;

/// <summary>The file-name convention of Office reports, for a unit or year the document itself does not state (the
/// statements above the table are read by <see cref="LetterReader"/>, as for every format).</summary>
/// <remarks>
/// The convention is <c>&lt;unit-id-or-slug&gt;-&lt;year&gt;[-anything].xlsx|.docx</c>, e.g. <c>hoang-hoa-2017.xlsx</c> or
/// <c>hoang-hoa-2017-bc293.docx</c>; it fills in only what the document does not state, and says so with a
/// <c>from-file-name</c> warning. The text reader does not use it.
/// </remarks>
internal static partial class OfficeLetter
{
    /// <summary>Fills in a unit or year the document does not state from a file named
    /// <c>&lt;unit-id-or-slug&gt;-&lt;year&gt;[-anything].&lt;ext&gt;</c>, with a warning; the validator's own
    /// errors (give --unit / --year) stand when the name does not follow the convention.</summary>
    public static void FillFromFileName(LetterFacts facts, string file, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(problems);
        if (facts.UnitText is not null && facts.Year is not null)
        {
            return;
        }

        var name = VietnameseText.Nfc(Path.GetFileNameWithoutExtension(file)).ToLowerInvariant();
        if (FileNamePattern().Match(name) is not { Success: true } match)
        {
            return;
        }

        var taken = new List<string>();
        var fileName = Path.GetFileName(file);
        if (facts.UnitText is null)
        {
            facts.UnitStatements.Add(new UnitStatement(StatementKind.FileName, match.Groups["unit"].Value, null, fileName));
            taken.Add($"đơn vị '{facts.UnitText}'");
        }

        if (facts.Year is null)
        {
            facts.YearStatements.Add(new YearStatement(StatementKind.FileName, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), null, fileName));
            taken.Add(string.Create(CultureInfo.InvariantCulture, $"năm {facts.Year}"));
        }

        var missing = taken.Count == 2 ? "đơn vị và năm" : taken[0].StartsWith("năm", StringComparison.Ordinal) ? "năm" : "đơn vị";
        problems.Add(Problem.Warning(ProblemCodes.FromFileName, file, null,
            $"Văn bản không ghi {missing}: đã lấy {string.Join(" và ", taken)} từ tên tệp '{Path.GetFileName(file)}'. Hãy kiểm tra tên tệp có đúng không."));
    }

    // The unit part is as short as possible, so "hoang-hoa-2017-bc293" gives hoang-hoa and 2017.
    [GeneratedRegex(@"^(?<unit>[\p{L}\p{Nd}]+(?:-[\p{L}\p{Nd}]+)*?)-(?<year>\d{4})(?:-.*)?$")]
    private static partial Regex FileNamePattern();
}
