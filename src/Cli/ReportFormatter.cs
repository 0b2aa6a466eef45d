using System.Globalization;
using System.Text.Json;
using CchcAnalytics.Cli.Json;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Cli;

/// <summary>Prints file results as plain lines or as the JSON documented in the README.</summary>
internal static class ReportFormatter
{
    public static void WriteText(FileReport report, TextWriter output, bool storing)
    {
        if (report.Accepted)
        {
            var groups = report.Submissions
                .GroupBy(s => (s.Sheet.UnitId, s.Sheet.Year))
                .Select(g =>
                {
                    var self = g.FirstOrDefault(s => s.Sheet.Stage == Stage.Self);
                    var appraised = g.FirstOrDefault(s => s.Sheet.Stage == Stage.Appraised);
                    var first = g.First();
                    var stages = string.Join("+", g.Select(s => s.Sheet.Stage.ToCode()));
                    var points = $"self {Points(self?.Sheet.PointsTotal)}/{Points(first.Sheet.MaxTotal)}"
                                 + (appraised is null ? "" : $", appraised {Points(appraised.Sheet.PointsTotal)}/{Points(first.Sheet.MaxTotal)}");
                    return $"{g.Key.UnitId} {g.Key.Year} [{stages}] {first.Sheet.Scores.Count} rows, {points}";
                })
                .ToList();
            var summary = groups.Count <= 2 ? string.Join("; ", groups) : $"{groups.Count} unit-years";
            var synthetic = report.Submissions.Count(s => s.Synthetic);
            if (synthetic > 0)
            {
                summary += synthetic == report.Submissions.Count ? " [synthetic: dữ liệu mẫu]" : $" [{synthetic} synthetic submissions: dữ liệu mẫu]";
            }
            var stored = storing ? " — " + Outcomes(report.Outcomes) : "";
            var warnings = report.Problems.Count(p => p.Severity == Severity.Warning);
            output.WriteLine(TerminalText.Escape($"accepted  {report.File}: {summary}{stored}{(warnings > 0 ? $" ({warnings} warning{(warnings > 1 ? "s" : "")})" : "")}"));
        }
        else
        {
            var errors = report.Problems.Count(p => p.Severity == Severity.Error);
            output.WriteLine(TerminalText.Escape($"rejected  {report.File}: {errors} error{(errors > 1 ? "s" : "")}{(storing ? "; nothing was written" : "")}"));
        }

        WriteProblems(report.Problems, output);
    }

    /// <summary>One line for a published-results file, then its problems.</summary>
    public static void WritePublished(PublishedReport report, TextWriter output, bool storing)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (report.Accepted)
        {
            var stored = storing ? $" — {report.Added} added, {report.Unchanged} unchanged" : "";
            output.WriteLine(TerminalText.Escape($"accepted  {report.File}: published results, {report.Rows} rows{stored}"));
        }
        else
        {
            var errors = report.Problems.Count(p => p.Severity == Severity.Error);
            output.WriteLine(TerminalText.Escape($"rejected  {report.File}: {errors} error{(errors > 1 ? "s" : "")}{(storing ? "; nothing was written" : "")}"));
        }

        WriteProblems(report.Problems, output);
    }

    public static string Json(IReadOnlyList<FileReport> reports)
    {
        IReadOnlyList<FileReportJson> files = [.. reports.Select(report => new FileReportJson(
            report.File,
            report.Accepted ? "accepted" : "rejected",
            report.UnitId,
            report.Year,
            [.. report.Stages.Select(stage => stage.ToCode())],
            report.Rows,
            CliJsonContext.Number(report.MaxPoints),
            CliJsonContext.Number(report.SelfPoints),
            CliJsonContext.Number(report.AppraisedPoints),
            report.Submissions.Count,
            report.Submissions.Count(s => s.Synthetic),
            [.. report.Problems.Select(problem => new ProblemJson(
                problem.Severity == Severity.Error ? "error" : "warning",
                problem.Code,
                problem.Line,
                problem.Cell,
                problem.Message))]))];
        return JsonSerializer.Serialize(files, CliJsonContext.Cli.IReadOnlyListFileReportJson);
    }

    private static string Outcomes(IReadOnlyList<SaveOutcome> outcomes)
    {
        var added = outcomes.Count(o => o.Action == SaveAction.Added);
        var replaced = outcomes.Count(o => o.Action == SaveAction.Replaced);
        var unchanged = outcomes.Count(o => o.Action == SaveAction.Unchanged);
        if (outcomes.Count == 1)
        {
            var o = outcomes[0];
            return o.Action switch
            {
                SaveAction.Added => $"added (version {o.Version})",
                SaveAction.Replaced when o.Previous is { Synthetic: false } previous => $"REPLACED real data: version {previous.Version} → version {o.Version}, older kept as history",
                SaveAction.Replaced => $"replaced: now version {o.Version}, older kept as history",
                _ => "unchanged (same content already stored)",
            };
        }

        return $"{added} added, {replaced} replaced (new versions), {unchanged} unchanged";
    }

    private static string Points(decimal? value) => value is { } v ? ScoreSheet.Canonical(v) : "—";

    /// <summary>A file's problems, one per line, errors first; past <see cref="ProblemDigest.DefaultShown"/> the rest
    /// are counted per code (<c>--json</c> prints every one).</summary>
    private static void WriteProblems(IReadOnlyList<Problem> problems, TextWriter output)
    {
        var digest = ProblemDigest.Of(problems);
        foreach (var problem in digest.Shown)
        {
            // The file name and the quoted input in a message come from outside: one problem, one line.
            output.WriteLine($"  {TerminalText.Escape(problem.ToString())}");
            if (problem.Code == ProblemCodes.InternalError && problem.Detail is { } detail)
            {
                // A bug of the program: the operator sends this to whoever maintains it (users of the dashboard see
                // only the Vietnamese message; the detail goes to its log).
                output.WriteLine($"    {TerminalText.Escape("chi tiết kỹ thuật: " + detail.ReplaceLineEndings(" | "))}");
            }
        }

        if (digest.Hidden > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  … {digest.Hidden} more problems not shown (--json lists all {digest.Total}); by code: {string.Join(", ", digest.ByCode.Select(c => $"{c.Code} ×{c.Count}"))}"));
        }
    }
}
