namespace CchcAnalytics.Core;

/// <summary>A readable share of a long problem list: a garbage file can raise tens of thousands of problems, and a page
/// or a terminal that prints them all helps nobody. Errors come first (they decide the outcome), each group in the
/// order the checks found them; what is left out is counted per code so nothing disappears silently.</summary>
public sealed class ProblemDigest
{
    /// <summary>Problems shown by the dashboard's upload preview and the CLI's text output, per file.</summary>
    public const int DefaultShown = 200;

    private ProblemDigest(IReadOnlyList<Problem> shown, int total, IReadOnlyList<CodeCount> byCode)
    {
        Shown = shown;
        Total = total;
        ByCode = byCode;
    }

    /// <summary>The problems to print, errors first.</summary>
    public IReadOnlyList<Problem> Shown { get; }

    /// <summary>Every problem of the file.</summary>
    public int Total { get; }

    /// <summary>Problems not in <see cref="Shown"/>.</summary>
    public int Hidden => Total - Shown.Count;

    /// <summary>Every code with its severity and count, most frequent first (ties: errors, then by code), over all problems.</summary>
    public IReadOnlyList<CodeCount> ByCode { get; }

    public static ProblemDigest Of(IReadOnlyList<Problem> problems, int shown = DefaultShown)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentOutOfRangeException.ThrowIfNegative(shown);
        var ordered = problems.Where(p => p.Severity == Severity.Error)
            .Concat(problems.Where(p => p.Severity != Severity.Error))
            .Take(shown)
            .ToList();
        var byCode = problems
            .GroupBy(p => (p.Severity, p.Code))
            .Select(g => new CodeCount(g.Key.Severity, g.Key.Code, g.Count()))
            .OrderByDescending(c => c.Count)
            .ThenByDescending(c => c.Severity)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new ProblemDigest(ordered, problems.Count, byCode);
    }

    /// <param name="Severity">Error or warning.</param>
    /// <param name="Code">The problem code, e.g. <c>points-above-max</c>.</param>
    /// <param name="Count">How many problems of the file carry it.</param>
    public sealed record CodeCount(Severity Severity, string Code, int Count);
}
