using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>Opens a database the way the product does (<see cref="DuckDbConnectionFactory"/> runs the migration check,
/// and replays or discards a WAL left by a killed process) and checks that it is whole: every submission of every file
/// is exactly version A or exactly version B (all rows and the content hash), the versions and the audit trail agree,
/// and nothing is missing, duplicated or orphaned.</summary>
internal static class StoredState
{
    /// <summary>The version ('A' or 'B') each file is at. Fails the test on any inconsistency.</summary>
    public static IReadOnlyDictionary<string, char> Check(string database, SubmissionVersions versions, string context)
    {
        using var connections = new DuckDbConnectionFactory(database);
        var store = new ScoreStore(connections);
        using var connection = connections.Open();

        Scalar(connection, "SELECT count(*) FROM schema_version").ShouldBe(DuckDbConnectionFactory.SchemaVersion, context);
        Scalar(connection, "SELECT max(version) FROM schema_version").ShouldBe(DuckDbConnectionFactory.SchemaVersion, context);

        var submissions = store.Submissions.GetSubmissions(currentOnly: false);
        var scores = ReadScores(connection);
        var superseded = ReadSuperseded(connection);

        // Every stored version, current or not, is whole: its rows are all there and hash to its content hash.
        foreach (var submission in submissions)
        {
            var rows = scores.GetValueOrDefault(submission.Id) ?? [];
            rows.Count.ShouldBe(submission.RowCount, $"{context}: submission {submission.Id} ({submission.UnitId} {submission.Year} v{submission.Version}) rows");
            new ScoreSheet(submission.UnitId, submission.Year, submission.Stage, rows).ComputeContentHash()
                .ShouldBe(submission.ContentHash, $"{context}: submission {submission.Id} rows do not hash to its content hash");
            superseded[submission.Id].ShouldBe(!submission.IsCurrent, $"{context}: submission {submission.Id} superseded_at vs is_current");
        }

        scores.Keys.Except(submissions.Select(s => s.Id)).ShouldBeEmpty($"{context}: score rows without a submission");
        Scalar(connection, "SELECT count(*) FROM submission_problem WHERE submission_id NOT IN (SELECT submission_id FROM submission)")
            .ShouldBe(0, $"{context}: problems without a submission");

        // Versions per unit-year-stage: 1..n without gaps, exactly one current, and it is the newest.
        var byKey = submissions.GroupBy(s => new SubmissionKey(s.UnitId, s.Year, s.Stage.ToCode())).ToDictionary(g => g.Key, g => g.ToList());
        byKey.Keys.Order().ShouldBe(versions.Keys.Select(k => k.Key).Order(), $"{context}: stored unit-year-stages");
        foreach (var (key, list) in byKey)
        {
            list.Select(s => s.Version).Order().ShouldBe(Enumerable.Range(1, list.Count), $"{context}: {key} versions");
            var current = list.Where(s => s.IsCurrent).ShouldHaveSingleItem($"{context}: {key} current versions");
            current.Version.ShouldBe(list.Count, $"{context}: {key} current is not the newest");
        }

        // The audit trail: one event per stored version ('added' for v1, 'replaced' after), nothing else.
        var expectedEvents = submissions
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.UnitId} {s.Year} {s.Stage.ToCode()} v{s.Version} {(s.Version == 1 ? "added" : "replaced")}"))
            .Order(StringComparer.Ordinal).ToList();
        ReadEvents(connection).ShouldBe(expectedEvents, $"{context}: ingest_event vs submission versions");

        // Each file is all A or all B: its submissions were written in one transaction.
        var state = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var file in versions.Files)
        {
            var found = new HashSet<char>();
            var writes = new HashSet<DateTime>();
            foreach (var (key, a) in file.A)
            {
                var current = byKey[key].Single(s => s.IsCurrent);
                var b = file.B[key];
                var version = current.ContentHash == a.ComputeContentHash() ? 'A'
                    : current.ContentHash == b.ComputeContentHash() ? 'B'
                    : throw new ShouldAssertException($"{context}: {key} is neither version A nor version B (hash {current.ContentHash})");
                scores[current.Id].ShouldBe((version == 'A' ? a : b).Scores, $"{context}: {key} rows are not exactly version {version}");
                found.Add(version);
                writes.Add(current.IngestedAt);
            }

            found.Count.ShouldBe(1, $"{context}: {file.Name} is half A, half B ({string.Join(", ", found)})");
            writes.Count.ShouldBe(1, $"{context}: {file.Name}'s current submissions come from more than one write");
            state[file.Name] = found.Single();
        }

        return state;
    }

    private static Dictionary<long, List<Score>> ReadScores(DuckDB.NET.Data.DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT submission_id, code, level, name, max_points, points, evidence FROM score ORDER BY submission_id, ordinal";
        using var reader = command.ExecuteReader();
        var scores = new Dictionary<long, List<Score>>();
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

        return scores;
    }

    private static Dictionary<long, bool> ReadSuperseded(DuckDB.NET.Data.DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT submission_id, superseded_at IS NOT NULL FROM submission";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<long, bool>();
        while (reader.Read())
        {
            result[reader.GetInt64(0)] = reader.GetBoolean(1);
        }

        return result;
    }

    /// <summary>Events as "unit year stage vN outcome", from the detail the store writes ("hoang-hoa 2017 self v1: …").</summary>
    private static List<string> ReadEvents(DuckDB.NET.Data.DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT detail, outcome FROM ingest_event";
        using var reader = command.ExecuteReader();
        var events = new List<string>();
        while (reader.Read())
        {
            var detail = reader.GetString(0);
            events.Add(detail[..detail.IndexOf(':', StringComparison.Ordinal)] + " " + reader.GetString(1));
        }

        events.Sort(StringComparer.Ordinal);
        return events;
    }

    private static long Scalar(DuckDB.NET.Data.DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
