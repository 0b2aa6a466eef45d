using System.Data;
using System.Data.Common;
using System.Globalization;
using CchcAnalytics.Core;
using DuckDB.NET.Data;

namespace CchcAnalytics.Storage;

/// <summary>Reads and writes units, frameworks, submissions and scores. Synchronous by design: DuckDB.NET has no
/// real async I/O. Each method opens its own connection.</summary>
public sealed partial class ScoreStore(DuckDbConnectionFactory connections)
{
    private const string SubmissionColumns =
        "submission_id, unit_id, year, stage, version, is_current, framework_id, source_file, source_format, " +
        "source_hash, content_hash, report_number, report_date, stated_total, max_total, points_total, synthetic, " +
        "ingested_at, row_count";

    /// <summary>Inserts or updates units and their aliases (reference data: the file is the truth).</summary>
    public void UpsertUnits(IEnumerable<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var unit in units)
        {
            Execute(connection, "DELETE FROM unit_alias WHERE unit_id = $id", ("id", unit.Id));
            Execute(connection, "DELETE FROM unit WHERE unit_id = $id", ("id", unit.Id));
            Execute(
                connection,
                "INSERT INTO unit (unit_id, name, kind, level, province, valid_from, valid_to, first_year, last_year) " +
                "VALUES ($id, $name, $kind, $level, $province, $from, $to, $first, $last)",
                ("id", unit.Id),
                ("name", unit.Name),
                ("kind", unit.Kind.ToCode()),
                ("level", unit.Kind.ToLevel()),
                ("province", unit.Province),
                ("from", unit.ValidFrom),
                ("to", unit.ValidTo),
                ("first", unit.FirstYear),
                ("last", unit.LastYear));
            foreach (var alias in unit.Aliases.Distinct(StringComparer.Ordinal))
            {
                Execute(connection, "INSERT INTO unit_alias VALUES ($id, $alias)", ("id", unit.Id), ("alias", alias));
            }
        }

        transaction.Commit();
    }

    public IReadOnlyList<Unit> LoadUnits()
    {
        using var connection = connections.Open();
        var aliases = new Dictionary<string, List<string>>();
        using (var reader = Query(connection, "SELECT unit_id, alias FROM unit_alias ORDER BY unit_id, alias"))
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!aliases.TryGetValue(id, out var list))
                {
                    aliases[id] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        var units = new List<Unit>();
        using (var reader = Query(connection, "SELECT unit_id, name, kind, province, valid_from, valid_to, first_year, last_year FROM unit ORDER BY unit_id"))
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!UnitKindText.TryParse(reader.GetString(2), out var kind))
                {
                    throw new InvalidDataException($"Unit '{id}' has an unknown kind '{reader.GetString(2)}' in the database.");
                }

                units.Add(new Unit(
                    id,
                    reader.GetString(1),
                    kind,
                    reader.GetString(3),
                    GetDate(reader, 4),
                    GetDate(reader, 5),
                    aliases.GetValueOrDefault(id) ?? [],
                    reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    reader.IsDBNull(7) ? null : reader.GetInt32(7)));
            }
        }

        return units;
    }

    /// <summary>Stores a framework. Reference frameworks (official, derived, illustrative) are replaced by the
    /// file's version; a draft is only added when no framework of that id exists yet.</summary>
    public void UpsertFramework(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        WriteFramework(connection, framework);
        transaction.Commit();
    }

    public IReadOnlyList<Framework> LoadFrameworks()
    {
        using var connection = connections.Open();
        var criteria = new Dictionary<string, List<FrameworkCriterion>>();
        using (var reader = Query(connection, "SELECT framework_id, code, level, name, max_points FROM framework_criterion ORDER BY framework_id, ordinal"))
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!criteria.TryGetValue(id, out var list))
                {
                    criteria[id] = list = [];
                }

                list.Add(new FrameworkCriterion(reader.GetString(1), CriterionLevelText.Parse(reader.GetString(2)), reader.GetString(3), reader.GetDecimal(4)));
            }
        }

        var frameworks = new List<Framework>();
        using (var reader = Query(connection, "SELECT framework_id, province, level, year_from, year_to, decision, status, source FROM framework ORDER BY year_from, framework_id"))
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                frameworks.Add(new Framework(
                    id,
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    FrameworkStatusText.Parse(reader.GetString(6)),
                    reader.GetString(7),
                    criteria.GetValueOrDefault(id) ?? []));
            }
        }

        return frameworks;
    }

    /// <summary>Stores the submissions of one input file, all or nothing, in one transaction. Content already
    /// current is left alone; changed content becomes a new current version and the old one stays as history.
    /// Draft frameworks the file introduced are stored in the same transaction.</summary>
    public IReadOnlyList<SaveOutcome> Save(
        IReadOnlyList<IncomingSubmission> submissions,
        IReadOnlyList<Framework> newFrameworks,
        string actor)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(newFrameworks);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        try
        {
            var now = connections.Time.GetUtcNow().UtcDateTime;
            foreach (var framework in newFrameworks)
            {
                WriteDraftWithOrigin(connection, framework, submissions, now, actor);
            }

            var outcomes = new List<SaveOutcome>();
            foreach (var incoming in submissions)
            {
                outcomes.Add(SaveOne(connection, incoming, now, actor));
            }

            // Real data takes the place of generated data for its whole unit-year (both stages).
            foreach (var (unitId, year) in submissions.Where(s => !s.Synthetic).Select(s => (s.Sheet.UnitId, s.Sheet.Year)).Distinct())
            {
                using var retire = Command(connection,
                    "UPDATE submission SET is_current = false, superseded_at = $now WHERE unit_id = $unit AND year = $year AND synthetic AND is_current",
                    [("now", now), ("unit", unitId), ("year", year)]);
                var retired = retire.ExecuteNonQuery();
                if (retired > 0)
                {
                    var source = submissions.First(s => !s.Synthetic && s.Sheet.UnitId == unitId && s.Sheet.Year == year);
                    Execute(connection,
                        "INSERT INTO ingest_event VALUES (nextval('ingest_event_id_seq'), $now, $actor, $file, $hash, 'replaced', $detail)",
                        ("now", now), ("actor", actor), ("file", source.SourceFile), ("hash", source.SourceHash),
                        ("detail", string.Create(CultureInfo.InvariantCulture, $"{unitId} {year}: {retired} bảng dữ liệu mẫu được thay bằng số liệu thật")));
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
            scores.Add(new Score(
                reader.GetString(0),
                CriterionLevelText.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.GetDecimal(3),
                reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
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

    /// <summary>Every criterion row of every current submission, in unit, year, stage and code order.</summary>
    public IReadOnlyList<ExportRow> GetCurrentRows()
    {
        using var connection = connections.Open();
        using var reader = Query(
            connection,
            "SELECT s.unit_id, u.name, s.year, s.stage, c.code, c.level, c.name, c.max_points, c.points, c.evidence, s.synthetic " +
            "FROM current_submission s JOIN score c USING (submission_id) LEFT JOIN unit u USING (unit_id) " +
            "ORDER BY s.year, s.unit_id, CASE s.stage WHEN 'self' THEN 0 ELSE 1 END, c.ordinal");
        var rows = new List<ExportRow>();
        while (reader.Read())
        {
            rows.Add(new ExportRow(
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
                reader.GetBoolean(10)));
        }

        return rows;
    }

    /// <summary>Row counts of every table: a cheap fingerprint to prove a rejected file changed nothing.</summary>
    public IReadOnlyDictionary<string, long> TableCounts()
    {
        using var connection = connections.Open();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in new[] { "unit", "unit_alias", "unit_event", "framework", "framework_criterion", "framework_origin", "concept", "crosswalk", "submission", "score", "submission_problem", "published_result", "ingest_event" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            counts[table] = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static SaveOutcome SaveOne(DuckDBConnection connection, IncomingSubmission incoming, DateTime now, string actor)
    {
        var sheet = incoming.Sheet;
        var contentHash = sheet.ComputeContentHash();
        long? currentId = null;
        string? currentHash = null;
        bool currentSynthetic = false;
        ReplacedVersion? previous = null;
        var maxVersion = 0;
        using (var reader = Query(
                   connection,
                   "SELECT submission_id, content_hash, is_current, version, synthetic, points_total, max_total FROM submission " +
                   "WHERE unit_id = $unit AND year = $year AND stage = $stage",
                   ("unit", sheet.UnitId),
                   ("year", sheet.Year),
                   ("stage", sheet.Stage.ToCode())))
        {
            while (reader.Read())
            {
                maxVersion = Math.Max(maxVersion, reader.GetInt32(3));
                if (reader.GetBoolean(2))
                {
                    currentId = reader.GetInt64(0);
                    currentHash = reader.GetString(1);
                    currentSynthetic = reader.GetBoolean(4);
                    previous = new ReplacedVersion(reader.GetInt32(3), reader.IsDBNull(5) ? null : reader.GetDecimal(5), reader.GetDecimal(6), currentSynthetic);
                }
            }
        }

        if (currentId is { } existing && currentHash == contentHash && currentSynthetic == incoming.Synthetic)
        {
            return new SaveOutcome(sheet.UnitId, sheet.Year, sheet.Stage, SaveAction.Unchanged, existing, maxVersion);
        }

        if (currentId is { } old)
        {
            Execute(connection, "UPDATE submission SET is_current = false, superseded_at = $now WHERE submission_id = $id", ("now", now), ("id", old));
        }

        long id;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT nextval('submission_id_seq')";
            id = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var version = maxVersion + 1;
        Execute(
            connection,
            $"INSERT INTO submission ({SubmissionColumns}, superseded_at) VALUES ($id, $unit, $year, $stage, $version, true, " +
            "$framework, $file, $format, $sourceHash, $contentHash, $reportNumber, $reportDate, $stated, $max, $points, $synthetic, $now, $rows, NULL)",
            ("id", id),
            ("unit", sheet.UnitId),
            ("year", sheet.Year),
            ("stage", sheet.Stage.ToCode()),
            ("version", version),
            ("framework", incoming.FrameworkId),
            ("file", incoming.SourceFile),
            ("format", incoming.SourceFormat),
            ("sourceHash", incoming.SourceHash),
            ("contentHash", contentHash),
            ("reportNumber", incoming.ReportNumber),
            ("reportDate", incoming.ReportDate),
            ("stated", incoming.StatedTotal),
            ("max", sheet.MaxTotal),
            ("points", sheet.PointsTotal),
            ("synthetic", incoming.Synthetic),
            ("now", now),
            ("rows", sheet.Scores.Count));

        using (var appender = connection.CreateAppender("score"))
        {
            var ordinal = 0;
            foreach (var score in sheet.Scores)
            {
                var row = appender.CreateRow()
                    .AppendValue(id)
                    .AppendValue(score.Code)
                    .AppendValue(score.ParentCode)
                    .AppendValue(score.Level.ToCode())
                    .AppendValue(score.Name)
                    .AppendValue(score.MaxPoints)
                    .AppendValue(score.Points)
                    .AppendValue(score.Evidence)
                    .AppendValue(ordinal++);
                row.EndRow();
            }
        }

        var problemOrdinal = 0;
        foreach (var warning in incoming.Warnings)
        {
            Execute(
                connection,
                "INSERT INTO submission_problem VALUES ($id, $ordinal, $severity, $code, $line, $cell, $message)",
                ("id", id),
                ("ordinal", problemOrdinal++),
                ("severity", warning.Severity == Severity.Error ? "error" : "warning"),
                ("code", warning.Code),
                ("line", warning.Line),
                ("cell", warning.Cell),
                ("message", warning.Message));
        }

        var action = currentId is null ? SaveAction.Added : SaveAction.Replaced;
        // A replacement says which version it replaced and what changed in the total (issue 12 §2), so that replacing
        // real data is never silent in the audit trail.
        var replaced = previous is null ? "" : string.Create(
            CultureInfo.InvariantCulture,
            $"; thay v{previous.Version} ({(previous.Synthetic ? "dữ liệu mẫu" : "số liệu thật")}, điểm {Points(previous.PointsTotal)}/{VietnameseText.Number(previous.MaxTotal)}; tổng điểm {Change(previous.PointsTotal, sheet.PointsTotal)})");
        Execute(
            connection,
            "INSERT INTO ingest_event VALUES (nextval('ingest_event_id_seq'), $now, $actor, $file, $hash, $outcome, $detail)",
            ("now", now),
            ("actor", actor),
            ("file", incoming.SourceFile),
            ("hash", incoming.SourceHash),
            ("outcome", action == SaveAction.Added ? "added" : "replaced"),
            ("detail", string.Create(
                CultureInfo.InvariantCulture,
                $"{sheet.UnitId} {sheet.Year} {sheet.Stage.ToCode()} v{version}: {sheet.Scores.Count} dòng, điểm {Points(sheet.PointsTotal)}/{VietnameseText.Number(sheet.MaxTotal)}{replaced}")));

        return new SaveOutcome(sheet.UnitId, sheet.Year, sheet.Stage, action, id, version) { Previous = previous };
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

    /// <summary>Writes a framework; false when it is a draft and a framework of that id exists already (left alone).</summary>
    private static bool WriteFramework(DuckDBConnection connection, Framework framework)
    {
        using (var reader = Query(connection, "SELECT status FROM framework WHERE framework_id = $id", ("id", framework.Id)))
        {
            if (reader.Read() && framework.Status == FrameworkStatus.Draft)
            {
                return false;
            }
        }

        Execute(connection, "DELETE FROM framework_criterion WHERE framework_id = $id", ("id", framework.Id));
        Execute(connection, "DELETE FROM framework WHERE framework_id = $id", ("id", framework.Id));
        Execute(
            connection,
            "INSERT INTO framework VALUES ($id, $province, $level, $from, $to, $decision, $status, $source, $total)",
            ("id", framework.Id),
            ("province", framework.Province),
            ("level", framework.Level),
            ("from", framework.YearFrom),
            ("to", framework.YearTo),
            ("decision", framework.Decision),
            ("status", framework.Status.ToCode()),
            ("source", framework.Source),
            ("total", framework.TotalMax));
        using var appender = connection.CreateAppender("framework_criterion");
        var ordinal = 0;
        foreach (var criterion in framework.Criteria)
        {
            appender.CreateRow()
                .AppendValue(framework.Id)
                .AppendValue(criterion.Code)
                .AppendValue(criterion.ParentCode)
                .AppendValue(criterion.Level.ToCode())
                .AppendValue(criterion.Name)
                .AppendValue(criterion.MaxPoints)
                .AppendValue(ordinal++)
                .EndRow();
        }

        return true;
    }

    private static Submission ReadSubmission(DbDataReader reader)
    {
        return new Submission(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetInt32(2),
            StageText.Parse(reader.GetString(3)),
            reader.GetInt32(4),
            reader.GetBoolean(5),
            reader.GetString(6),
            reader.GetString(7),
            reader.GetString(8),
            reader.GetString(9),
            reader.GetString(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            GetDate(reader, 12),
            reader.IsDBNull(13) ? null : reader.GetDecimal(13),
            reader.GetDecimal(14),
            reader.IsDBNull(15) ? null : reader.GetDecimal(15),
            reader.GetBoolean(16),
            reader.GetDateTime(17),
            reader.GetInt32(18));
    }

    private static DateOnly? GetDate(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.FromDateTime(reader.GetDateTime(ordinal));

    private static void Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static DuckDBDataReader Query(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteReader();
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value switch
            {
                null => DBNull.Value,
                DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                _ => value,
            }));
        }

        return command;
    }
}
