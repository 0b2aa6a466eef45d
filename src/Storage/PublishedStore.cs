using System.Globalization;
using CchcAnalytics.Core;
using DuckDB.NET.Data;
using static CchcAnalytics.Storage.StoreSql;

namespace CchcAnalytics.Storage;

/// <summary>Published results (<c>data/published/*.csv</c>): stored apart from computed results and never overwritten.</summary>
public sealed class PublishedStore(DuckDbConnectionFactory connections)
{
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
                if (stored.SameAs(result))
                {
                    unchanged++;
                }
                else
                {
                    conflicts.Add($"{result.UnitId} năm {result.Year} ({result.Decision}) đã được lưu với giá trị khác " +
                        $"(điểm {Show(stored.Points)} → {Show(result.Points)}, chỉ số {Show(stored.IndexPercent)} → {Show(result.IndexPercent)}, thứ hạng {Show(stored.Rank)} → {Show(result.Rank)}{(stored.Note != result.Note ? "; ghi chú khác nhau" : "")}{(stored.ComponentsText != result.ComponentsText ? $"; thành phần {stored.ComponentsText ?? "không có"} → {result.ComponentsText ?? "không có"}" : "")}).");
                }

                continue;
            }

            Execute(
                connection,
                "INSERT INTO published_result (unit_id, year, decision, points, max_points, index_percent, published_rank, rank_of, decision_date, reported_on, source_url, note, source_file, source_hash, loaded_at, components) " +
                "VALUES ($unit, $year, $decision, $points, $max, $index, $rank, $of, $date, $reported, $url, $note, $file, $hash, $now, $components)",
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
                ("now", now),
                ("components", result.ComponentsText));
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

    private static List<PublishedResult> ReadPublished(DuckDBConnection connection, string where, params (string Name, object? Value)[] parameters)
    {
        using var reader = Query(connection,
            "SELECT unit_id, year, points, max_points, index_percent, published_rank, rank_of, decision, decision_date, reported_on, source_url, note, components " +
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
                reader.IsDBNull(11) ? null : reader.GetString(11))
            {
                Components = reader.IsDBNull(12) ? [] : ParseComponents(reader.GetString(12)),
            });
        }

        return results;
    }

    /// <summary>Reads the stored <c>survey=18.5|bonus=2</c> (written by this store from validated values).</summary>
    private static List<PublishedComponent> ParseComponents(string text) =>
        [.. text.Split('|').Select(part => part.Split('=')).Select(pair => new PublishedComponent(pair[0], decimal.Parse(pair[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)))];

    private static string Show(decimal? value) => value is { } v ? VietnameseText.Number(v) : "không có";
}
