using CchcAnalytics.Core;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Ingest;

/// <summary>What happened to one input file: accepted (and, when ingesting, what was stored) or rejected and why.</summary>
public sealed record FileReport(ValidationResult Validation, IReadOnlyList<SaveOutcome> Outcomes)
{
    public string File => Validation.File;

    public bool Accepted => Validation.Accepted;

    public IReadOnlyList<Problem> Problems => Validation.Problems;

    public IReadOnlyList<IncomingSubmission> Submissions => Validation.Submissions;

    /// <summary>The unit when the file holds one unit, else null.</summary>
    public string? UnitId => Submissions.Select(s => s.Sheet.UnitId).Distinct().Count() == 1 ? Submissions[0].Sheet.UnitId : null;

    /// <summary>The year when the file holds one year, else null.</summary>
    public int? Year => Submissions.Select(s => s.Sheet.Year).Distinct().Count() == 1 ? Submissions[0].Sheet.Year : null;

    public IReadOnlyList<Stage> Stages => Submissions.Select(s => s.Sheet.Stage).Distinct().Order().ToList();

    /// <summary>Criterion rows per submission (the first submission's count when the file has several).</summary>
    public int Rows => Submissions.Count == 0 ? 0 : Submissions[0].Sheet.Scores.Count;

    public decimal? MaxPoints => Single(Submissions.Select(s => (decimal?)s.Sheet.MaxTotal));

    public decimal? SelfPoints => Single(Submissions.Where(s => s.Sheet.Stage == Stage.Self).Select(s => s.Sheet.PointsTotal));

    public decimal? AppraisedPoints => Single(Submissions.Where(s => s.Sheet.Stage == Stage.Appraised).Select(s => s.Sheet.PointsTotal));

    private decimal? Single(IEnumerable<decimal?> values)
    {
        var list = values.ToList();
        return UnitId is not null && Year is not null && list.Count > 0 ? list[0] : null;
    }
}
