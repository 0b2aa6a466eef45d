namespace CchcAnalytics.Core;

/// <summary>One problem found in an input file: where it is, a stable code and a plain message.</summary>
/// <param name="Severity">Error rejects the whole file; warning is stored with the submission.</param>
/// <param name="Code">Stable kebab-case code, e.g. <c>points-above-max</c> (see <see cref="ProblemCodes"/>).</param>
/// <param name="File">The input file's path as given.</param>
/// <param name="Line">1-based line (text, CSV) or row (spreadsheet); null when the problem is about the whole file.</param>
/// <param name="Message">A specific message a user can act on.</param>
/// <param name="Cell">Spreadsheet cell reference (e.g. "D12") or column name, when known.</param>
public sealed record Problem(Severity Severity, string Code, string File, int? Line, string Message, string? Cell = null)
{
    /// <summary>Technical detail for the log (e.g. a .NET exception's English message); never shown to users, whose
    /// <see cref="Message"/> says in Vietnamese what went wrong.</summary>
    public string? Detail { get; init; }

    public static Problem Error(string code, string file, int? line, string message, string? cell = null) =>
        new(Severity.Error, code, file, line, message, cell);

    public static Problem Warning(string code, string file, int? line, string message, string? cell = null) =>
        new(Severity.Warning, code, file, line, message, cell);

    /// <summary>"file:line: error code: message" — the form compilers use, so editors can jump to it.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        if (Cell is not null)
        {
            where += $" [{Cell}]";
        }

        var severity = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {severity} {Code}: {Message}";
    }
}
