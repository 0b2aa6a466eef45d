namespace CchcAnalytics.Cli.Json;

// The shape of `cchc validate --format json` (one object per file), documented in the README.

internal sealed record FileReportJson(
    string File,
    string Status,
    string? UnitId,
    int? Year,
    IReadOnlyList<string> Stages,
    int Rows,
    decimal? MaxPoints,
    decimal? Points,
    decimal? AppraisedPoints,
    int Submissions,
    int Synthetic,
    IReadOnlyList<ProblemJson> Problems);

internal sealed record ProblemJson(string Severity, string Code, int? Line, string? Cell, string Message);
