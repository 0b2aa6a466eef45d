using System.Globalization;
using CchcAnalytics.Core;
using DuckDB.NET.Data;

namespace CchcAnalytics.Storage;

/// <summary>A year of a unit's series: the unit that held it then, and the total used (appraised where present).</summary>
/// <param name="Year">Index year.</param>
/// <param name="UnitId">Unit that carried the series that year (tinh-gia before 2020, nghi-son after).</param>
/// <param name="Stage">Stage the total comes from.</param>
/// <param name="PointsTotal">Total points; null when a score is missing.</param>
/// <param name="MaxTotal">Applicable maximum.</param>
/// <param name="FrameworkId">Framework the submission was checked against.</param>
/// <param name="Synthetic">Generated sample data.</param>
public sealed record SeriesPoint(int Year, string UnitId, Stage Stage, decimal? PointsTotal, decimal MaxTotal, string FrameworkId, bool Synthetic);

/// <summary>What storing a published-results file did.</summary>
/// <param name="Added">Rows new to the database.</param>
/// <param name="Unchanged">Rows already stored with the same values.</param>
/// <param name="Conflicts">Rows whose stored values differ; when any, nothing was written.</param>
public sealed record PublishedSave(int Added, int Unchanged, IReadOnlyList<string> Conflicts);

public sealed partial class ScoreStore
{
    /// <summary>Replaces the lineage events (reference data: <c>data/lineage.csv</c> is the truth).</summary>
    public void ReplaceLineage(IEnumerable<LineageEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM unit_event");
        foreach (var e in events)
        {
            Execute(
                connection,
                "INSERT INTO unit_event VALUES ($id, $year, $date, $event, $province, $level, $from, $to, $fromKind, $toKind, $basis, $source, $note)",
                ("id", e.Id),
                ("year", e.EffectiveYear),
                ("date", e.Date),
                ("event", e.Kind.ToCode()),
                ("province", e.Province),
                ("level", e.Level),
                ("from", e.FromUnit),
                ("to", e.ToUnit),
                ("fromKind", e.FromKind?.ToCode()),
                ("toKind", e.ToKind?.ToCode()),
                ("basis", e.LegalBasis),
                ("source", e.Source),
                ("note", e.Note));
        }

        transaction.Commit();
    }

    public IReadOnlyList<LineageEvent> LoadLineage()
    {
        using var connection = connections.Open();
        using var reader = Query(connection,
            "SELECT event_id, effective_year, event_date, event, province, level, from_unit, to_unit, from_kind, to_kind, legal_basis, source, note " +
            "FROM unit_event ORDER BY effective_year, event_id");
        var events = new List<LineageEvent>();
        while (reader.Read())
        {
            events.Add(new LineageEvent(
                reader.GetString(0),
                reader.GetInt32(1),
                GetDate(reader, 2),
                LineageEventKindText.Parse(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                KindOrNull(reader, 8),
                KindOrNull(reader, 9),
                reader.GetString(10),
                reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return events;
    }

    /// <summary>Replaces the concepts and the crosswalk (reference data: <c>data/frameworks/</c> is the truth).</summary>
    public void ReplaceCrosswalk(Crosswalk crosswalk)
    {
        ArgumentNullException.ThrowIfNull(crosswalk);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM crosswalk");
        Execute(connection, "DELETE FROM concept");
        foreach (var concept in crosswalk.Concepts.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            Execute(connection, "INSERT INTO concept VALUES ($id, $level, $name)", ("id", concept.Id), ("level", concept.Level.ToCode()), ("name", concept.Name));
        }

        foreach (var entry in crosswalk.Entries)
        {
            Execute(
                connection,
                "INSERT INTO crosswalk VALUES ($framework, $code, $concept, $mapping, $from, $note)",
                ("framework", entry.FrameworkId),
                ("code", entry.Code),
                ("concept", entry.ConceptId),
                ("mapping", entry.Mapping.ToCode()),
                ("from", entry.FromCodes.Count == 0 ? null : string.Join('|', entry.FromCodes)),
                ("note", entry.Note));
        }

        transaction.Commit();
    }

    public Crosswalk LoadCrosswalk()
    {
        using var connection = connections.Open();
        var concepts = new List<Concept>();
        using (var reader = Query(connection, "SELECT concept_id, level, name FROM concept ORDER BY concept_id"))
        {
            while (reader.Read())
            {
                concepts.Add(new Concept(reader.GetString(0), CriterionLevelText.Parse(reader.GetString(1)), reader.GetString(2)));
            }
        }

        var entries = new List<CrosswalkEntry>();
        using (var reader = Query(connection, "SELECT framework_id, code, concept_id, mapping, from_codes, note FROM crosswalk ORDER BY rowid"))
        {
            while (reader.Read())
            {
                if (!MappingKindText.TryParse(reader.GetString(3), out var mapping))
                {
                    throw new InvalidDataException($"Unknown crosswalk mapping '{reader.GetString(3)}' in the database.");
                }

                entries.Add(new CrosswalkEntry(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.GetString(2),
                    mapping,
                    reader.IsDBNull(4) ? [] : reader.GetString(4).Split('|'),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        return new Crosswalk(concepts, entries);
    }

    /// <summary>Stores published results from one file, all or nothing. A row already stored with the same values is
    /// left alone; a row stored with different values is a conflict and nothing is written (published results are
    /// never overwritten: correct the file or the database by hand, deliberately).</summary>
    public PublishedSave SavePublished(IReadOnlyList<PublishedResult> results, string sourceFile, string sourceHash, string actor)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        int added = 0, unchanged = 0;
        var conflicts = new List<string>();
        var now = connections.Time.GetUtcNow().UtcDateTime;
        foreach (var result in results)
        {
            var stored = ReadPublished(connection, "WHERE unit_id = $unit AND year = $year AND decision = $decision",
                ("unit", result.UnitId), ("year", result.Year), ("decision", result.Decision)).SingleOrDefault();
            if (stored is not null)
            {
                if (stored == result)
                {
                    unchanged++;
                }
                else
                {
                    conflicts.Add($"{result.UnitId} năm {result.Year} ({result.Decision}) đã được lưu với giá trị khác " +
                        $"(điểm {Show(stored.Points)} → {Show(result.Points)}, chỉ số {Show(stored.IndexPercent)} → {Show(result.IndexPercent)}, thứ hạng {Show(stored.Rank)} → {Show(result.Rank)}{(stored.Note != result.Note ? "; ghi chú khác nhau" : "")}).");
                }

                continue;
            }

            Execute(
                connection,
                "INSERT INTO published_result VALUES ($unit, $year, $decision, $points, $max, $index, $rank, $of, $date, $reported, $url, $note, $file, $hash, $now)",
                ("unit", result.UnitId),
                ("year", result.Year),
                ("decision", result.Decision),
                ("points", result.Points),
                ("max", result.MaxPoints),
                ("index", result.IndexPercent),
                ("rank", result.Rank),
                ("of", result.RankOf),
                ("date", result.DecisionDate),
                ("reported", result.ReportedOn),
                ("url", result.SourceUrl),
                ("note", result.Note),
                ("file", sourceFile),
                ("hash", sourceHash),
                ("now", now));
            added++;
        }

        if (conflicts.Count > 0)
        {
            transaction.Rollback();
            return new PublishedSave(0, 0, conflicts);
        }

        if (added > 0)
        {
            Execute(
                connection,
                "INSERT INTO ingest_event VALUES (nextval('ingest_event_id_seq'), $now, $actor, $file, $hash, 'added', $detail)",
                ("now", now),
                ("actor", actor),
                ("file", sourceFile),
                ("hash", sourceHash),
                ("detail", $"published results: {added.ToString(CultureInfo.InvariantCulture)} rows added"));
        }

        transaction.Commit();
        return new PublishedSave(added, unchanged, []);
    }

    /// <summary>Published results, optionally of one year, by year and rank.</summary>
    public IReadOnlyList<PublishedResult> LoadPublished(int? year = null)
    {
        using var connection = connections.Open();
        return year is null
            ? ReadPublished(connection, "")
            : ReadPublished(connection, "WHERE year = $year", ("year", year.Value));
    }

    /// <summary>The totals of a series year by year, each from the unit that held the series that year, appraised
    /// where present, else self-assessed.</summary>
    public IReadOnlyList<SeriesPoint> GetSeries(UnitSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = new List<SeriesPoint>();
        foreach (var segment in series.Segments)
        {
            foreach (var byYear in GetSubmissions(currentOnly: true, unitId: segment.Unit.Id).Where(s => segment.Covers(s.Year)).GroupBy(s => s.Year))
            {
                var used = byYear.FirstOrDefault(s => s.Stage == Stage.Appraised) ?? byYear.First(s => s.Stage == Stage.Self);
                points.Add(new SeriesPoint(used.Year, used.UnitId, used.Stage, used.PointsTotal, used.MaxTotal, used.FrameworkId, used.Synthetic));
            }
        }

        return points.OrderBy(p => p.Year).ToList();
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

                list.Add(new Score(
                    reader.GetString(1),
                    CriterionLevelText.Parse(reader.GetString(2)),
                    reader.GetString(3),
                    reader.GetDecimal(4),
                    reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        return submissions.Select(s => (s, (IReadOnlyList<Score>)(scores.GetValueOrDefault(s.Id) ?? []))).ToList();
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

    /// <summary>The newest audit events (who, when, which file and hash, what changed), newest first.</summary>
    public IReadOnlyList<(DateTime At, string Actor, string File, string Hash, string Outcome, string Detail)> GetEvents(int limit)
    {
        using var connection = connections.Open();
        using var reader = Query(connection,
            "SELECT event_at, actor, source_file, source_hash, outcome, detail FROM ingest_event ORDER BY event_id DESC LIMIT $limit", ("limit", limit));
        var events = new List<(DateTime, string, string, string, string, string)>();
        while (reader.Read())
        {
            events.Add((reader.GetDateTime(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return events;
    }

    private static List<PublishedResult> ReadPublished(DuckDBConnection connection, string where, params (string Name, object? Value)[] parameters)
    {
        using var reader = Query(connection,
            "SELECT unit_id, year, points, max_points, index_percent, published_rank, rank_of, decision, decision_date, reported_on, source_url, note " +
            $"FROM published_result {where} ORDER BY year, published_rank NULLS LAST, unit_id",
            parameters);
        var results = new List<PublishedResult>();
        while (reader.Read())
        {
            results.Add(new PublishedResult(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetDecimal(2),
                reader.IsDBNull(3) ? null : reader.GetDecimal(3),
                reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.GetString(7),
                GetDate(reader, 8),
                GetDate(reader, 9),
                reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return results;
    }

    private static string Show(decimal? value) => value is { } v ? VietnameseText.Number(v) : "không có";

    private static UnitKind? KindOrNull(DuckDBDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : UnitKindText.TryParse(reader.GetString(ordinal), out var kind) ? kind
        : throw new InvalidDataException($"Unknown unit kind '{reader.GetString(ordinal)}' in the database.");
}
