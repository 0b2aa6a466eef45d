using static CchcAnalytics.Storage.StoreSql;

namespace CchcAnalytics.Storage;

/// <summary>The audit trail (<c>ingest_event</c>): every write that changed the database, who, when, which file. The
/// stores write its rows in their own transactions; this reads them.</summary>
public sealed class AuditLog(DuckDbConnectionFactory connections)
{
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
}
