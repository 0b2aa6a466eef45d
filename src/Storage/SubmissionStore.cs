using System.Globalization;
using CchcAnalytics.Core;
using DuckDB.NET.Data;
using static CchcAnalytics.Storage.StoreSql;

namespace CchcAnalytics.Storage;

/// <summary>Versioned submissions, their scores and warnings: ingest writes them (one set-based transaction per file),
/// the dashboard and the exports read them. Synchronous by design: DuckDB.NET has no real async I/O. Each method takes
/// its own connection from the factory.</summary>
public sealed partial class SubmissionStore(DuckDbConnectionFactory connections)
{
    /// <summary>Stores the submissions of one input file, all or nothing, in one transaction. Content already
    /// current is left alone; changed content becomes a new current version and the old one stays as history.
    /// Draft frameworks the file introduced are stored in the same transaction.</summary>
    /// <remarks>Set-based (issue 15): one query reads what is stored for every unit-year of the file; the new
    /// submissions, their scores, warnings and audit rows go in through DuckDB appenders; the versions they replace
    /// are retired by one UPDATE. A file whose every submission is unchanged writes nothing.</remarks>
    public IReadOnlyList<SaveOutcome> Save(
        IReadOnlyList<IncomingSubmission> submissions,
        IReadOnlyList<Framework> newFrameworks,
        string actor)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(newFrameworks);
        var hashes = submissions.Select(s => s.Sheet.ComputeContentHash()).ToList();
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        try
        {
            var now = connections.Time.GetUtcNow().UtcDateTime;
            foreach (var framework in newFrameworks)
            {
                WriteDraftWithOrigin(connection, framework, submissions, now, actor);
            }

            var storedVersions = StoredVersions(connection, submissions.Select(s => (s.Sheet.UnitId, s.Sheet.Year)));
            var outcomes = new List<SaveOutcome>(submissions.Count);
            var added = new List<(IncomingSubmission Incoming, StoredVersion Stored)>();
            var retired = new List<long>();
            var events = new List<(string Outcome, IncomingSubmission Source, string Detail)>();
            for (var i = 0; i < submissions.Count; i++)
            {
                var incoming = submissions[i];
                var sheet = incoming.Sheet;
                var key = (sheet.UnitId, sheet.Year, sheet.Stage.ToCode());
                var versions = storedVersions.TryGetValue(key, out var list) ? list : storedVersions[key] = [];
                var current = versions.FirstOrDefault(v => v.IsCurrent);
                var maxVersion = versions.Count == 0 ? 0 : versions.Max(v => v.Version);
                if (current is not null && current.ContentHash == hashes[i] && current.Synthetic == incoming.Synthetic)
                {
                    outcomes.Add(new SaveOutcome(sheet.UnitId, sheet.Year, sheet.Stage, SaveAction.Unchanged, current.Id, maxVersion));
                    continue;
                }

                ReplacedVersion? previous = null;
                if (current is not null)
                {
                    previous = new ReplacedVersion(current.Version, current.PointsTotal, current.MaxTotal, current.Synthetic);
                    retired.Add(current.Id);
                    current.IsCurrent = false;
                }

                var version = maxVersion + 1;
                // A negative placeholder id until the sequence gives the ids below, in one query.
                var id = -(added.Count + 1L);
                var stored = new StoredVersion(id, version, true, hashes[i], incoming.Synthetic, sheet.PointsTotal, sheet.MaxTotal);
                added.Add((incoming, stored));
                versions.Add(stored);
                var action = current is null ? SaveAction.Added : SaveAction.Replaced;
                outcomes.Add(new SaveOutcome(sheet.UnitId, sheet.Year, sheet.Stage, action, id, version) { Previous = previous });
                // A replacement says which version it replaced and what changed in the total (issue 12 §2), so that
                // replacing real data is never silent in the audit trail.
                var replaced = previous is null ? "" : string.Create(
                    CultureInfo.InvariantCulture,
                    $"; thay v{previous.Version} ({(previous.Synthetic ? "dữ liệu mẫu" : "số liệu thật")}, điểm {Points(previous.PointsTotal)}/{VietnameseText.Number(previous.MaxTotal)}; tổng điểm {Change(previous.PointsTotal, sheet.PointsTotal)})");
                events.Add((action == SaveAction.Added ? "added" : "replaced", incoming, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{sheet.UnitId} {sheet.Year} {sheet.Stage.ToCode()} v{version}: {sheet.Scores.Count} dòng, điểm {Points(sheet.PointsTotal)}/{VietnameseText.Number(sheet.MaxTotal)}{replaced}")));
            }

            // Real data takes the place of generated data for its whole unit-year (both stages).
            foreach (var (unitId, year) in submissions.Where(s => !s.Synthetic).Select(s => (s.Sheet.UnitId, s.Sheet.Year)).Distinct())
            {
                var sample = storedVersions.Where(p => p.Key.UnitId == unitId && p.Key.Year == year)
                    .SelectMany(p => p.Value).Where(v => v.IsCurrent && v.Synthetic && v.Id > 0).ToList();
                if (sample.Count > 0)
                {
                    foreach (var version in sample)
                    {
                        version.IsCurrent = false;
                        retired.Add(version.Id);
                    }

                    var source = submissions.First(s => !s.Synthetic && s.Sheet.UnitId == unitId && s.Sheet.Year == year);
                    events.Add(("replaced", source, string.Create(CultureInfo.InvariantCulture, $"{unitId} {year}: {sample.Count} bảng dữ liệu mẫu được thay bằng số liệu thật")));
                }
            }

            if (added.Count > 0 || retired.Count > 0)
            {
                Retire(connection, retired.Where(id => id > 0).ToList(), now);
                var ids = NextIds(connection, "submission_id_seq", added.Count);
                var idOf = added.Select((a, i) => (a.Stored.Id, New: ids[i])).ToDictionary(p => p.Id, p => p.New);
                AppendSubmissions(connection, added.Select((a, i) => (a.Incoming, ids[i], a.Stored)).ToList(), now);
                AppendEvents(connection, events, now, actor);
                for (var i = 0; i < outcomes.Count; i++)
                {
                    if (idOf.TryGetValue(outcomes[i].SubmissionId, out var real))
                    {
                        outcomes[i] = outcomes[i] with { SubmissionId = real };
                    }
                }
            }

            transaction.Commit();
            return outcomes;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    /// <summary>Submissions, newest version first within each unit, year and stage.</summary>
    public IReadOnlyList<Submission> GetSubmissions(bool currentOnly = true, string? unitId = null, int? year = null)
    {
        using var connection = connections.Open();
        var sql = $"SELECT {SubmissionColumns} FROM submission WHERE (NOT $current OR is_current) " +
                  "AND ($unit IS NULL OR unit_id = $unit) AND ($year IS NULL OR year = $year) " +
                  "ORDER BY year, unit_id, stage, version DESC";
        using var reader = Query(connection, sql, ("current", currentOnly), ("unit", unitId), ("year", year));
        var result = new List<Submission>();
        while (reader.Read())
        {
            result.Add(ReadSubmission(reader));
        }

        return result;
    }

    /// <summary>The current submissions of each of <paramref name="unitYears"/> (both stages), in one query: the
    /// set-based check ingest makes for a whole file instead of one query per unit-year.</summary>
    public IReadOnlyDictionary<(string UnitId, int Year), IReadOnlyList<Submission>> GetCurrentSubmissions(IEnumerable<(string UnitId, int Year)> unitYears)
    {
        ArgumentNullException.ThrowIfNull(unitYears);
        var keys = unitYears.Distinct().ToList();
        var result = keys.ToDictionary(k => k, _ => new List<Submission>());
        if (keys.Count > 0)
        {
            using var connection = connections.Open();
            Execute(connection, "CREATE OR REPLACE TEMP TABLE wanted_unit_year (unit_id VARCHAR, year INTEGER)");
            using (var appender = connection.CreateAppender("wanted_unit_year"))
            {
                foreach (var (unitId, year) in keys)
                {
                    appender.CreateRow().AppendValue(unitId).AppendValue(year).EndRow();
                }
            }

            using var reader = Query(connection,
                $"SELECT {SubmissionColumns} FROM submission s SEMI JOIN wanted_unit_year k ON s.unit_id = k.unit_id AND s.year = k.year " +
                "WHERE s.is_current ORDER BY year, unit_id, stage, version DESC");
            while (reader.Read())
            {
                var submission = ReadSubmission(reader);
                result[(submission.UnitId, submission.Year)].Add(submission);
            }
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<Submission>)p.Value);
    }

    public IReadOnlyList<Score> GetScores(long submissionId)
    {
        using var connection = connections.Open();
        using var reader = Query(
            connection,
            "SELECT code, level, name, max_points, points, evidence FROM score WHERE submission_id = $id ORDER BY ordinal",
            ("id", submissionId));
        var scores = new List<Score>();
        while (reader.Read())
        {
            scores.Add(ReadScore(reader, 0));
        }

        return scores;
    }

    /// <summary>Warnings stored with a submission at ingest.</summary>
    public IReadOnlyList<Problem> GetProblems(long submissionId)
    {
        using var connection = connections.Open();
        using var reader = Query(
            connection,
            "SELECT p.severity, p.code, s.source_file, p.line, p.message, p.cell FROM submission_problem p " +
            "JOIN submission s USING (submission_id) WHERE submission_id = $id ORDER BY ordinal",
            ("id", submissionId));
        var problems = new List<Problem>();
        while (reader.Read())
        {
            problems.Add(new Problem(
                reader.GetString(0) == "error" ? Severity.Error : Severity.Warning,
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return problems;
    }

    /// <summary>Submissions read per query when rows are streamed (~113 rows each, so ~56,000 rows a chunk).</summary>
    internal const int RowChunkSubmissions = 500;

    /// <summary>Every criterion row (then component row) of every current submission, in year, unit, stage and document order, in memory.
    /// Prefer <see cref="CurrentRows"/>, which streams.</summary>
    public IReadOnlyList<ExportRow> GetCurrentRows() => CurrentRows().Rows.ToList();

    /// <summary>The current submissions of <paramref name="year"/> (every year when null) that <paramref name="include"/>
    /// lets through (a reader's visible unit-years), in export order, with their rows streamed on demand.</summary>
    public CurrentRows CurrentRows(int? year = null, Func<string, int, bool>? include = null)
    {
        var submissions = GetSubmissions(currentOnly: true, year: year)
            .Where(s => include is null || include(s.UnitId, s.Year))
            .OrderBy(s => s.Year)
            .ThenBy(s => s.UnitId, StringComparer.Ordinal)
            .ThenBy(s => s.Stage == Stage.Self ? 0 : 1)
            .ToList();
        return new CurrentRows(submissions, StreamRows);
    }

    /// <summary>The rows of <paramref name="submissions"/> in their order, one query per chunk of
    /// <see cref="RowChunkSubmissions"/>: memory stays bounded whatever the size of the database.</summary>
    private IEnumerable<ExportRow> StreamRows(IReadOnlyList<Submission> submissions)
    {
        if (submissions.Count == 0)
        {
            yield break;
        }

        using var connection = connections.Open();
        for (var start = 0; start < submissions.Count; start += RowChunkSubmissions)
        {
            Execute(connection, "CREATE OR REPLACE TEMP TABLE export_chunk (submission_id BIGINT, position INTEGER)");
            using (var appender = connection.CreateAppender("export_chunk"))
            {
                for (var i = start; i < Math.Min(start + RowChunkSubmissions, submissions.Count); i++)
                {
                    appender.CreateRow().AppendValue(submissions[i].Id).AppendValue(i).EndRow();
                }
            }

            // A submission's component scores (survey, bonus, penalty) follow its criterion rows as level=component rows.
            using var command = Command(connection,
                "SELECT s.unit_id, u.name, s.year, s.stage, c.code, c.level, c.name, c.max_points, c.points, c.evidence, s.synthetic " +
                "FROM export_chunk k JOIN submission s USING (submission_id) " +
                "JOIN (SELECT submission_id, code, level, name, max_points, points, evidence, 0 AS part, ordinal FROM score " +
                $"UNION ALL SELECT submission_id, component, '{ComponentScore.Level}', name, max_points, points, NULL, 1, ordinal FROM component_score) c USING (submission_id) " +
                "LEFT JOIN unit u ON u.unit_id = s.unit_id " +
                "ORDER BY k.position, c.part, c.ordinal", []);
            command.UseStreamingMode = true;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                yield return new ExportRow(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? reader.GetString(0) : reader.GetString(1),
                    reader.GetInt32(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.GetDecimal(7),
                    reader.IsDBNull(8) ? null : reader.GetDecimal(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.GetBoolean(10));
            }
        }
    }

    /// <summary>Every current submission with its scores in document order, read in two queries (for analytics,
    /// which work on a whole province in memory).</summary>
    public IReadOnlyList<(Submission Submission, IReadOnlyList<Score> Scores)> GetCurrentSheets()
    {
        var submissions = GetSubmissions(currentOnly: true);
        var scores = new Dictionary<long, List<Score>>();
        using (var connection = connections.Open())
        using (var reader = Query(connection,
            "SELECT c.submission_id, c.code, c.level, c.name, c.max_points, c.points, c.evidence " +
            "FROM score c JOIN current_submission s USING (submission_id) ORDER BY c.submission_id, c.ordinal"))
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!scores.TryGetValue(id, out var list))
                {
                    scores[id] = list = [];
                }

                list.Add(ReadScore(reader, 1));
            }
        }

        return submissions.Select(s => (s, (IReadOnlyList<Score>)(scores.GetValueOrDefault(s.Id) ?? []))).ToList();
    }

    /// <summary>The component scores (survey, bonus, penalty) of one submission, in file order; empty for most.</summary>
    public IReadOnlyList<ComponentScore> GetComponents(long submissionId)
    {
        using var connection = connections.Open();
        using var reader = Query(connection,
            "SELECT component, name, max_points, points FROM component_score WHERE submission_id = $id ORDER BY ordinal",
            ("id", submissionId));
        var components = new List<ComponentScore>();
        while (reader.Read())
        {
            components.Add(ReadComponent(reader, 0));
        }

        return components;
    }

    /// <summary>The component scores of every current submission that has any, by submission id, in one query (for the
    /// analytics' in-memory reference path, with <see cref="GetCurrentSheets"/>).</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<ComponentScore>> GetCurrentComponents()
    {
        using var connection = connections.Open();
        using var reader = Query(connection,
            "SELECT c.submission_id, c.component, c.name, c.max_points, c.points " +
            "FROM component_score c JOIN current_submission s USING (submission_id) ORDER BY c.submission_id, c.ordinal");
        var components = new Dictionary<long, List<ComponentScore>>();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!components.TryGetValue(id, out var list))
            {
                components[id] = list = [];
            }

            list.Add(ReadComponent(reader, 1));
        }

        return components.ToDictionary(p => p.Key, p => (IReadOnlyList<ComponentScore>)p.Value);
    }

    /// <summary>The warnings stored with every current submission, in one query: (unit, year, stage, problem).</summary>
    public IReadOnlyList<(string UnitId, int Year, Stage Stage, Problem Problem)> GetCurrentProblems()
    {
        using var connection = connections.Open();
        using var reader = Query(connection,
            "SELECT s.unit_id, s.year, s.stage, p.severity, p.code, s.source_file, p.line, p.message, p.cell " +
            "FROM submission_problem p JOIN current_submission s USING (submission_id) ORDER BY s.year, s.unit_id, s.stage, p.ordinal");
        var problems = new List<(string, int, Stage, Problem)>();
        while (reader.Read())
        {
            var severity = reader.GetString(3) == "error" ? Severity.Error : Severity.Warning;
            problems.Add((reader.GetString(0), reader.GetInt32(1), StageText.Parse(reader.GetString(2)),
                new Problem(severity, reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8))));
        }

        return problems;
    }

    /// <summary>Row counts of every table: a cheap fingerprint to prove a rejected file changed nothing.</summary>
    public IReadOnlyDictionary<string, long> TableCounts()
    {
        using var connection = connections.Open();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in new[] { "unit", "unit_alias", "unit_event", "framework", "framework_criterion", "framework_component", "framework_origin", "concept", "crosswalk", "submission", "score", "component_score", "submission_problem", "published_result", "ingest_event" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            counts[table] = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Every stored version of every unit-year in <paramref name="unitYears"/>, both stages, in one query.</summary>
    private static Dictionary<(string UnitId, int Year, string Stage), List<StoredVersion>> StoredVersions(
        DuckDBConnection connection, IEnumerable<(string UnitId, int Year)> unitYears)
    {
        var result = new Dictionary<(string, int, string), List<StoredVersion>>();
        var keys = unitYears.Distinct().ToList();
        if (keys.Count == 0)
        {
            return result;
        }

        Execute(connection, "CREATE OR REPLACE TEMP TABLE incoming_unit_year (unit_id VARCHAR, year INTEGER)");
        using (var appender = connection.CreateAppender("incoming_unit_year"))
        {
            foreach (var (unitId, year) in keys)
            {
                appender.CreateRow().AppendValue(unitId).AppendValue(year).EndRow();
            }
        }

        using (var reader = Query(
                   connection,
                   "SELECT s.unit_id, s.year, s.stage, s.submission_id, s.version, s.is_current, s.content_hash, s.synthetic, s.points_total, s.max_total " +
                   "FROM submission s SEMI JOIN incoming_unit_year k ON s.unit_id = k.unit_id AND s.year = k.year ORDER BY s.submission_id"))
        {
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetInt32(1), reader.GetString(2));
                if (!result.TryGetValue(key, out var list))
                {
                    result[key] = list = [];
                }

                list.Add(new StoredVersion(
                    reader.GetInt64(3), reader.GetInt32(4), reader.GetBoolean(5), reader.GetString(6), reader.GetBoolean(7),
                    reader.IsDBNull(8) ? null : reader.GetDecimal(8), reader.GetDecimal(9)));
            }
        }

        Execute(connection, "DROP TABLE incoming_unit_year");
        return result;
    }

    /// <summary>Takes <paramref name="ids"/> out of the current data (kept as history) in one statement.</summary>
    private static void Retire(DuckDBConnection connection, List<long> ids, DateTime now)
    {
        if (ids.Count == 0)
        {
            return;
        }

        // Ids are numbers from the database, written in the invariant culture: no text of a file reaches this SQL.
        Execute(connection,
            $"UPDATE submission SET is_current = false, superseded_at = $now WHERE submission_id IN ({string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})",
            ("now", now));
    }

    /// <summary><paramref name="count"/> values of a sequence, in the order it gives them.</summary>
    private static List<long> NextIds(DuckDBConnection connection, string sequence, int count)
    {
        var ids = new List<long>(count);
        if (count == 0)
        {
            return ids;
        }

        using var reader = Query(connection, $"SELECT nextval('{sequence}') AS id FROM range($count) ORDER BY id", ("count", (long)count));
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>The new submissions, their scores, component scores and warnings, through one appender per table.</summary>
    private static void AppendSubmissions(DuckDBConnection connection, List<(IncomingSubmission Incoming, long Id, StoredVersion Stored)> added, DateTime now)
    {
        if (added.Count == 0)
        {
            return;
        }

        using (var appender = connection.CreateAppender("submission"))
        {
            foreach (var (incoming, id, stored) in added)
            {
                var sheet = incoming.Sheet;
                appender.CreateRow()
                    .AppendValue(id)
                    .AppendValue(sheet.UnitId)
                    .AppendValue(sheet.Year)
                    .AppendValue(sheet.Stage.ToCode())
                    .AppendValue(stored.Version)
                    .AppendValue(stored.IsCurrent)
                    .AppendValue(incoming.FrameworkId)
                    .AppendValue(incoming.SourceFile)
                    .AppendValue(incoming.SourceFormat)
                    .AppendValue(incoming.SourceHash)
                    .AppendValue(stored.ContentHash)
                    .AppendValue(incoming.ReportNumber)
                    .AppendValue(incoming.ReportDate)
                    .AppendValue(incoming.StatedTotal)
                    .AppendValue(sheet.MaxTotal)
                    .AppendValue(sheet.PointsTotal)
                    .AppendValue(incoming.Synthetic)
                    .AppendValue(now)
                    .AppendValue(stored.IsCurrent ? null : (DateTime?)now)
                    .AppendValue(sheet.Scores.Count)
                    .EndRow();
            }
        }

        using (var appender = connection.CreateAppender("score"))
        {
            foreach (var (incoming, id, _) in added)
            {
                var ordinal = 0;
                foreach (var score in incoming.Sheet.Scores)
                {
                    appender.CreateRow()
                        .AppendValue(id)
                        .AppendValue(score.Code)
                        .AppendValue(score.ParentCode)
                        .AppendValue(score.Level.ToCode())
                        .AppendValue(score.Name)
                        .AppendValue(score.MaxPoints)
                        .AppendValue(score.Points)
                        .AppendValue(score.Evidence)
                        .AppendValue(ordinal++)
                        .EndRow();
                }
            }
        }

        if (added.Any(a => a.Incoming.Sheet.Components.Count > 0))
        {
            using var appender = connection.CreateAppender("component_score");
            foreach (var (incoming, id, _) in added)
            {
                var ordinal = 0;
                foreach (var component in incoming.Sheet.Components)
                {
                    appender.CreateRow()
                        .AppendValue(id)
                        .AppendValue(component.Id)
                        .AppendValue(component.Name)
                        .AppendValue(component.MaxPoints)
                        .AppendValue(component.Points)
                        .AppendValue(ordinal++)
                        .EndRow();
                }
            }
        }

        if (added.All(a => a.Incoming.Warnings.Count == 0))
        {
            return;
        }

        using (var appender = connection.CreateAppender("submission_problem"))
        {
            foreach (var (incoming, id, _) in added)
            {
                var ordinal = 0;
                foreach (var warning in incoming.Warnings)
                {
                    appender.CreateRow()
                        .AppendValue(id)
                        .AppendValue(ordinal++)
                        .AppendValue(warning.Severity == Severity.Error ? "error" : "warning")
                        .AppendValue(warning.Code)
                        .AppendValue(warning.Line)
                        .AppendValue(warning.Cell)
                        .AppendValue(warning.Message)
                        .EndRow();
                }
            }
        }
    }

    /// <summary>The audit rows of one save, in order, through one appender.</summary>
    private static void AppendEvents(DuckDBConnection connection, List<(string Outcome, IncomingSubmission Source, string Detail)> events, DateTime now, string actor)
    {
        if (events.Count == 0)
        {
            return;
        }

        var ids = NextIds(connection, "ingest_event_id_seq", events.Count);
        using var appender = connection.CreateAppender("ingest_event");
        for (var i = 0; i < events.Count; i++)
        {
            var (outcome, source, detail) = events[i];
            appender.CreateRow()
                .AppendValue(ids[i])
                .AppendValue(now)
                .AppendValue(actor)
                .AppendValue(source.SourceFile)
                .AppendValue(source.SourceHash)
                .AppendValue(outcome)
                .AppendValue(detail)
                .EndRow();
        }
    }

    /// <summary>A stored version of a unit-year-stage, as <see cref="Save"/> sees it.</summary>
    private sealed class StoredVersion(long id, int version, bool isCurrent, string contentHash, bool synthetic, decimal? pointsTotal, decimal maxTotal)
    {
        public long Id { get; } = id;

        public int Version { get; } = version;

        public bool IsCurrent { get; set; } = isCurrent;

        public string ContentHash { get; } = contentHash;

        public bool Synthetic { get; } = synthetic;

        public decimal? PointsTotal { get; } = pointsTotal;

        public decimal MaxTotal { get; } = maxTotal;
    }

    private static string Points(decimal? points) => points is { } p ? VietnameseText.Number(p) : "—";

    /// <summary>A change of total in Vietnamese: "+1", "−0,5", "không đổi"; "không so được" when either total is missing.</summary>
    private static string Change(decimal? before, decimal? after) => (before, after) switch
    {
        ({ } b, { } a) when a > b => "+" + VietnameseText.Number(a - b),
        ({ } b, { } a) when a < b => "−" + VietnameseText.Number(b - a),
        ({ }, { }) => "không đổi",
        _ => "không so được (thiếu điểm)",
    };
}
