using CchcAnalytics.Core;

namespace CchcAnalytics.Storage;

/// <summary>The database's stores together: <see cref="Submissions"/> (versioned submissions, scores, warnings, export
/// rows, draft frameworks), <see cref="Reference"/> (units, frameworks, lineage, crosswalk), <see cref="Published"/>
/// (published results) and <see cref="Audit"/> (the audit trail). New code takes the focused store it needs; the
/// methods below only forward to them, so that callers written before the split (issue 15) keep working.</summary>
public sealed class ScoreStore(DuckDbConnectionFactory connections)
{
    public SubmissionStore Submissions { get; } = new(connections);

    public ReferenceStore Reference { get; } = new(connections);

    public PublishedStore Published { get; } = new(connections);

    public AuditLog Audit { get; } = new(connections);

    public void UpsertUnits(IEnumerable<Unit> units) => Reference.UpsertUnits(units);

    public IReadOnlyList<Unit> LoadUnits() => Reference.LoadUnits();

    public void UpsertFramework(Framework framework) => Reference.UpsertFramework(framework);

    public IReadOnlyList<Framework> LoadFrameworks() => Reference.LoadFrameworks();

    public void ReplaceLineage(IEnumerable<LineageEvent> events) => Reference.ReplaceLineage(events);

    public IReadOnlyList<LineageEvent> LoadLineage() => Reference.LoadLineage();

    public void ReplaceCrosswalk(Crosswalk crosswalk) => Reference.ReplaceCrosswalk(crosswalk);

    public Crosswalk LoadCrosswalk() => Reference.LoadCrosswalk();

    public void ReplacePlaces(Places places) => Reference.ReplacePlaces(places);

    public Places LoadPlaces() => Reference.LoadPlaces();

    public void ReplaceOrigins(IReadOnlyList<CommuneOrigin> origins) => Reference.ReplaceOrigins(origins);

    public IReadOnlyList<CommuneOrigin> LoadOrigins() => Reference.LoadOrigins();

    public IReadOnlyList<SaveOutcome> Save(IReadOnlyList<IncomingSubmission> submissions, IReadOnlyList<Framework> newFrameworks, string actor) =>
        Submissions.Save(submissions, newFrameworks, actor);

    public IReadOnlyList<Submission> GetSubmissions(bool currentOnly = true, string? unitId = null, int? year = null) =>
        Submissions.GetSubmissions(currentOnly, unitId, year);

    public IReadOnlyDictionary<(string UnitId, int Year), IReadOnlyList<Submission>> GetCurrentSubmissions(IEnumerable<(string UnitId, int Year)> unitYears) =>
        Submissions.GetCurrentSubmissions(unitYears);

    public IReadOnlyList<Score> GetScores(long submissionId) => Submissions.GetScores(submissionId);

    public IReadOnlyList<Problem> GetProblems(long submissionId) => Submissions.GetProblems(submissionId);

    public IReadOnlyList<ExportRow> GetCurrentRows() => Submissions.GetCurrentRows();

    public CurrentRows CurrentRows(int? year = null, Func<string, int, bool>? include = null) => Submissions.CurrentRows(year, include);

    public IReadOnlyList<(Submission Submission, IReadOnlyList<Score> Scores)> GetCurrentSheets() => Submissions.GetCurrentSheets();

    public IReadOnlyList<(string UnitId, int Year, Stage Stage, Problem Problem)> GetCurrentProblems() => Submissions.GetCurrentProblems();

    public IReadOnlyDictionary<string, long> TableCounts() => Submissions.TableCounts();

    public IReadOnlyList<DraftOrigin> GetDraftOrigins() => Submissions.GetDraftOrigins();

    public IReadOnlyList<Submission> GetCurrentSubmissionsUsing(string frameworkId) => Submissions.GetCurrentSubmissionsUsing(frameworkId);

    public DraftRemoval RemoveDraftFramework(string frameworkId, bool withdrawSubmissions, string actor) =>
        Submissions.RemoveDraftFramework(frameworkId, withdrawSubmissions, actor);

    public PublishedSave SavePublished(IReadOnlyList<PublishedResult> results, string sourceFile, string sourceHash, string actor) =>
        Published.SavePublished(results, sourceFile, sourceHash, actor);

    public IReadOnlyList<PublishedResult> LoadPublished(int? year = null) => Published.LoadPublished(year);

    public IReadOnlyList<(DateTime At, string Actor, string File, string Hash, string Outcome, string Detail)> GetEvents(int limit) => Audit.GetEvents(limit);
}
