using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Ingest;

/// <summary>What the dashboard's upload, appraisal and Dữ liệu pages need of the stored data, behind one Ingest-side
/// service (issue 15 §4: the dashboard talks to an upload service, never to the store): validating and storing a file
/// through <see cref="IngestRunner"/>, the versions a file would replace, a unit-year's current tables, the drafts,
/// stored warnings and the audit trail. Writes go through the caller's write lock (the dashboard's
/// <c>IndexDataProvider.Write</c>).</summary>
public sealed class UploadDesk(ScoreStore store)
{
    /// <summary>The desk of an open database handle (<c>Analytics.IndexDatabase.Open</c>).</summary>
    public UploadDesk(IIndexDatabase database)
        : this(new ScoreStore(DuckDbConnectionFactory.Of(database)))
    {
    }

    /// <summary>Whether the database holds no submission yet (a first start).</summary>
    public bool IsEmpty() => store.Submissions.TableCounts()["submission"] == 0;

    /// <summary>
    /// Makes the database ready for the dashboard: when it holds no submissions yet (first start), loads the data
    /// folder into it as <c>cchc ingest data</c> would (<paramref name="report"/> hears of each file: path, accepted);
    /// otherwise refreshes the reference data an older database lacks — the words of the levels (schema 5), the communes'
    /// former districts (schema 7), the frameworks' index components (schema 6) — from the data folder. The caller holds
    /// its write lock.
    /// </summary>
    public DatabaseBuild EnsureBuilt(string dataFolder, Action<string, bool> report)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        ArgumentNullException.ThrowIfNull(report);
        if (IsEmpty())
        {
            var plan = DataFolder.Plan([dataFolder]);
            new IngestRunner(store, plan.Reference).RunPlan(plan, new IngestOptions(Actor: "dashboard:startup", MayDefineFramework: true), report);
            return DatabaseBuild.Built;
        }

        var refreshed = false;
        var noPlaces = store.Reference.LoadPlaces().Levels.Count == 0;
        var noOrigins = store.Reference.LoadOrigins().Count == 0;
        if ((noPlaces || noOrigins) && DataFolder.Plan([dataFolder]) is { FromDataFolder: true } existing)
        {
            if (noPlaces && existing.Reference.Places.Levels.Count > 0)
            {
                store.Reference.ReplacePlaces(existing.Reference.Places);
                refreshed = true;
            }

            if (noOrigins && existing.Reference.Origins.Count > 0)
            {
                store.Reference.ReplaceOrigins(existing.Reference.Origins);
                refreshed = true;
            }
        }

        if (store.Submissions.TableCounts()["framework_component"] == 0 && DataFolder.Plan([dataFolder]) is { FromDataFolder: true } withComponents)
        {
            foreach (var framework in withComponents.Reference.Frameworks)
            {
                store.Reference.UpsertFramework(framework);
            }

            refreshed = true;
        }

        return refreshed ? DatabaseBuild.Refreshed : DatabaseBuild.Ready;
    }

    /// <summary>The database's own reference data, which uploads are checked against (never the data folder's).</summary>
    public ReferenceData Reference() => new(store.Reference.LoadUnits(), store.Reference.LoadFrameworks(), store.Reference.LoadLineage(), store.Reference.LoadCrosswalk());

    /// <summary>Validates a file against the database's reference data; nothing is written.</summary>
    public FileReport Validate(string name, byte[] bytes, IngestOptions options) => new IngestRunner(Reference()).Run(name, bytes, options);

    /// <summary>Validates and stores a file, all or nothing, against the database's own reference data.</summary>
    public FileReport Store(string name, byte[] bytes, IngestOptions options) => new IngestRunner(store, null).Run(name, bytes, options);

    /// <summary>Every stored version of a unit-year (both stages), newest first within a stage.</summary>
    public IReadOnlyList<Submission> Versions(string unitId, int year) => store.Submissions.GetSubmissions(currentOnly: false, unitId, year);

    /// <summary>The current self-assessment of a unit-year with its scores and, when there is one, the current
    /// appraisal's scores by code; null when the unit-year has no current self-assessment.</summary>
    public (Submission Self, IReadOnlyList<Score> SelfScores, IReadOnlyDictionary<string, Score> Appraised)? CurrentTables(string unitId, int year)
    {
        var current = store.Submissions.GetSubmissions(currentOnly: true, unitId, year);
        if (current.FirstOrDefault(s => s.Stage == Stage.Self) is not { } self)
        {
            return null;
        }

        var appraised = current.FirstOrDefault(s => s.Stage == Stage.Appraised) is { } a
            ? store.Submissions.GetScores(a.Id).ToDictionary(s => s.Code, StringComparer.Ordinal)
            : new Dictionary<string, Score>(StringComparer.Ordinal);
        return (self, store.Submissions.GetScores(self.Id), appraised);
    }

    /// <summary>Every stored submission, current or not.</summary>
    public IReadOnlyList<Submission> AllVersions() => store.Submissions.GetSubmissions(currentOnly: false);

    /// <summary>The current submissions checked against a framework.</summary>
    public IReadOnlyList<Submission> CurrentUsing(string frameworkId) => store.Submissions.GetCurrentSubmissionsUsing(frameworkId);

    /// <summary>Where every draft framework came from.</summary>
    public IReadOnlyList<DraftOrigin> DraftOrigins() => store.Submissions.GetDraftOrigins();

    /// <summary>The warnings stored with every current submission.</summary>
    public IReadOnlyList<(string UnitId, int Year, Stage Stage, Problem Problem)> CurrentProblems() => store.Submissions.GetCurrentProblems();

    /// <summary>The newest audit events, newest first.</summary>
    public IReadOnlyList<(DateTime At, string Actor, string File, string Hash, string Outcome, string Detail)> Events(int limit) => store.Audit.GetEvents(limit);

    /// <summary>Removes a draft framework (see <see cref="SubmissionStore.RemoveDraftFramework"/>).</summary>
    public DraftRemoval RemoveDraft(string frameworkId, bool withdrawSubmissions, string actor) =>
        store.Submissions.RemoveDraftFramework(frameworkId, withdrawSubmissions, actor);
}

/// <summary>What <see cref="UploadDesk.EnsureBuilt"/> did.</summary>
public enum DatabaseBuild
{
    /// <summary>The database had data and every reference table; nothing was written.</summary>
    Ready,

    /// <summary>The database had data; reference data it lacked were read from the data folder.</summary>
    Refreshed,

    /// <summary>The database was empty and the data folder was loaded into it.</summary>
    Built,
}
