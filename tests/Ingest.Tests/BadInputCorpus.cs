using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Tests;
using CsvHelper;
using CsvHelper.Configuration;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>One problem the manifest expects: severity, code, where, and numbers its message must give.</summary>
internal sealed record ExpectedProblem(Severity Severity, string Code, int? Line, string? Cell, IReadOnlyList<decimal> Numbers)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Severity == Severity.Error ? "error" : "warning")} {Code} line {Line?.ToString(CultureInfo.InvariantCulture) ?? "-"} cell {Cell ?? "-"}");
}

/// <summary>One file of the corpus and its exact expected outcome.</summary>
internal sealed record CorpusEntry(string File, bool Accepted, IReadOnlyList<ExpectedProblem> Problems, string Note)
{
    public bool Generated => File.StartsWith(GeneratedBadInput.Prefix, StringComparison.Ordinal);
}

/// <summary>The bad-input corpus in <c>tests/Ingest.Tests/BadInput/</c> and its manifest, <c>expected.csv</c>:
/// <c>file,outcome,severity,code,line,cell,numbers,note</c>, one line per expected problem (an accepted file without
/// problems has one line with empty problem columns). <c>outcome</c> is <c>accepted</c> or <c>rejected</c>;
/// <c>numbers</c> lists, separated by <c>;</c>, numbers the message must state (in any format: 20000, "20 000", 15.5,
/// "15,5"), so the wording can change (it is being translated) without the test losing the facts.</summary>
internal static partial class BadInputCorpus
{
    public static string Folder { get; } = Path.Combine(TestFiles.RepositoryRoot, "tests", "Ingest.Tests", "BadInput");

    public static string ManifestPath => Path.Combine(Folder, "expected.csv");

    /// <summary>Files in the folder that are not corpus entries.</summary>
    public static IReadOnlyList<string> NotEntries { get; } = ["expected.csv", "README.md", ".gitattributes"];

    public static IReadOnlyList<CorpusEntry> Entries { get; } = Load();

    public static CorpusEntry Entry(string file) => Entries.Single(e => e.File == file);

    /// <summary>Every number a message states, read both ways where a separator is ambiguous ("20.000" is 20000 and 20).</summary>
    public static IReadOnlySet<decimal> NumbersIn(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var numbers = new HashSet<decimal>();
        foreach (Match match in Grouped().Matches(message))
        {
            numbers.Add(decimal.Parse(GroupSeparator().Replace(match.Value, ""), CultureInfo.InvariantCulture));
        }

        foreach (Match match in Plain().Matches(message))
        {
            numbers.Add(decimal.Parse(match.Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        }

        return numbers;
    }

    private static List<CorpusEntry> Load()
    {
        using var reader = new StreamReader(ManifestPath, Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var lines = new List<(string File, string Outcome, string Severity, string Code, string Line, string Cell, string Numbers, string Note)>();
        while (csv.Read())
        {
            lines.Add((csv.GetField("file")!, csv.GetField("outcome")!, csv.GetField("severity")!, csv.GetField("code")!,
                csv.GetField("line")!, csv.GetField("cell")!, csv.GetField("numbers")!, csv.GetField("note")!));
        }

        var entries = new List<CorpusEntry>();
        foreach (var group in lines.GroupBy(l => l.File))
        {
            var outcomes = group.Select(l => l.Outcome).Distinct().ToList();
            if (outcomes.Count != 1 || outcomes[0] is not ("accepted" or "rejected"))
            {
                throw new InvalidDataException($"expected.csv: {group.Key} must have one outcome, accepted or rejected.");
            }

            var problems = group.Where(l => l.Code.Length > 0).Select(l => new ExpectedProblem(
                l.Severity switch
                {
                    "error" => Severity.Error,
                    "warning" => Severity.Warning,
                    _ => throw new InvalidDataException($"expected.csv: {group.Key}: severity '{l.Severity}'"),
                },
                l.Code,
                l.Line.Length == 0 ? null : int.Parse(l.Line, CultureInfo.InvariantCulture),
                l.Cell.Length == 0 ? null : l.Cell,
                l.Numbers.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(n => decimal.Parse(n, CultureInfo.InvariantCulture)).ToList())).ToList();
            entries.Add(new CorpusEntry(group.Key, outcomes[0] == "accepted", problems, string.Join(" ", group.Select(l => l.Note).Where(n => n.Length > 0))));
        }

        return entries;
    }

    // 20 000, 20.000, 20,000, 250 000 (space, no-break space or narrow no-break space between groups of three).
    [GeneratedRegex(@"(?<![\d.,])[1-9]\d{0,2}(?:[ \u00A0\u202F.,]\d{3})+(?![\d])")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"[ \u00A0\u202F.,]")]
    private static partial Regex GroupSeparator();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?")]
    private static partial Regex Plain();
}
