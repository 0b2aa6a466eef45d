using System.Globalization;
using CchcAnalytics.Core;
using DuckDB.NET.Data;
using static CchcAnalytics.Storage.StoreSql;

namespace CchcAnalytics.Storage;

/// <summary>Draft frameworks: where each came from, and removing one (issue 12: the province decides the framework).</summary>
public sealed partial class SubmissionStore
{
    /// <summary>Where every draft framework came from (drafts made before schema version 4 have none).</summary>
    public IReadOnlyList<DraftOrigin> GetDraftOrigins()
    {
        using var connection = connections.Open();
        using var reader = Query(connection,
            "SELECT framework_id, unit_id, year, source_file, source_hash, created_by, created_at FROM framework_origin ORDER BY year, framework_id");
        var origins = new List<DraftOrigin>();
        while (reader.Read())
        {
            origins.Add(new DraftOrigin(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetDateTime(6)));
        }

        return origins;
    }

    /// <summary>The current submissions checked against a framework.</summary>
    public IReadOnlyList<Submission> GetCurrentSubmissionsUsing(string frameworkId)
    {
        ArgumentNullException.ThrowIfNull(frameworkId);
        using var connection = connections.Open();
        return CurrentUsing(connection, frameworkId);
    }

    /// <summary>Removes a draft framework, all or nothing, with an audit row. Only drafts: reference frameworks come from
    /// the data folder. When current submissions were checked against the draft, nothing changes unless
    /// <paramref name="withdrawSubmissions"/> asks explicitly to withdraw them too: each then stops being current (kept as
    /// history, never deleted) with its own audit row, because a submission whose framework is gone cannot be analysed.</summary>
    public DraftRemoval RemoveDraftFramework(string frameworkId, bool withdrawSubmissions, string actor)
    {
        ArgumentNullException.ThrowIfNull(frameworkId);
        ArgumentNullException.ThrowIfNull(actor);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        string? status = null;
        int year = 0;
        using (var reader = Query(connection, "SELECT status, year_from FROM framework WHERE framework_id = $id", ("id", frameworkId)))
        {
            if (reader.Read())
            {
                status = reader.GetString(0);
                year = reader.GetInt32(1);
            }
        }

        if (status is null)
        {
            transaction.Rollback();
            return new DraftRemoval(DraftRemovalStatus.NotFound, []);
        }

        if (FrameworkStatusText.Parse(status) != FrameworkStatus.Draft)
        {
            transaction.Rollback();
            return new DraftRemoval(DraftRemovalStatus.NotDraft, []);
        }

        var inUse = CurrentUsing(connection, frameworkId);
        if (inUse.Count > 0 && !withdrawSubmissions)
        {
            transaction.Rollback();
            return new DraftRemoval(DraftRemovalStatus.InUse, inUse);
        }

        var now = connections.Time.GetUtcNow().UtcDateTime;
        foreach (var submission in inUse)
        {
            Execute(connection, "UPDATE submission SET is_current = false, superseded_at = $now WHERE submission_id = $id", ("now", now), ("id", submission.Id));
            // Starts with "unit year stage" like every submission's row, so readers who may not see the unit-year do not see it.
            Execute(connection,
                "INSERT INTO ingest_event VALUES (nextval('ingest_event_id_seq'), $now, $actor, $file, $hash, 'withdrawn', $detail)",
                ("now", now), ("actor", actor), ("file", submission.SourceFile), ("hash", submission.SourceHash),
                ("detail", string.Create(CultureInfo.InvariantCulture,
                    $"{submission.UnitId} {submission.Year} {submission.Stage.ToCode()} v{submission.Version}: thôi là số liệu hiện hành vì bộ tiêu chí tạm {frameworkId} bị xóa (giữ trong lịch sử)")));
        }

        Execute(connection, "DELETE FROM framework_criterion WHERE framework_id = $id", ("id", frameworkId));
        Execute(connection, "DELETE FROM framework_component WHERE framework_id = $id", ("id", frameworkId));
        Execute(connection, "DELETE FROM framework_origin WHERE framework_id = $id", ("id", frameworkId));
        Execute(connection, "DELETE FROM framework WHERE framework_id = $id", ("id", frameworkId));
        // Shown to every reader, so it names neither the file nor the unit the draft came from, nor how many tables were
        // withdrawn (their own rows say so, to readers who may see them; HideUnpublished).
        Execute(connection,
            "INSERT INTO ingest_event VALUES (nextval('ingest_event_id_seq'), $now, $actor, '', '', 'framework-removed', $detail)",
            ("now", now), ("actor", actor),
            ("detail", string.Create(CultureInfo.InvariantCulture,
                $"{frameworkId}: bộ tiêu chí tạm năm {year} bị xóa{(inUse.Count > 0 ? "; các bảng điểm đã kiểm tra theo nó thôi là số liệu hiện hành" : "")}")));
        transaction.Commit();
        return new DraftRemoval(DraftRemovalStatus.Removed, inUse);
    }

    /// <summary>Stores a draft framework a file introduced, with where it came from and an audit row (who, when,
    /// which file and hash). A draft of that id already stored is left alone, and nothing more is written.</summary>
    private static void WriteDraftWithOrigin(DuckDBConnection connection, Framework framework, IReadOnlyList<IncomingSubmission> submissions, DateTime now, string actor)
    {
        if (!ReferenceStore.WriteFramework(connection, framework) || framework.Status != FrameworkStatus.Draft)
        {
            return;
        }

        // Every submission of one Save comes from one file; the one checked against the draft names its unit-year.
        var source = submissions.FirstOrDefault(s => s.FrameworkId == framework.Id) ?? (submissions.Count > 0 ? submissions[0] : null);
        if (source is null)
        {
            return;
        }

        var (unitId, year) = (source.Sheet.UnitId, source.Sheet.Year);
        Execute(connection,
            "INSERT INTO framework_origin VALUES ($id, $unit, $year, $file, $hash, $actor, $now)",
            ("id", framework.Id), ("unit", unitId), ("year", year), ("file", source.SourceFile), ("hash", source.SourceHash), ("actor", actor), ("now", now));
        // Starts with "unit year:" so that readers who may not see that unit-year (HideUnpublished) do not see it either.
        Execute(connection,
            "INSERT INTO ingest_event VALUES (nextval('ingest_event_id_seq'), $now, $actor, $file, $hash, 'framework-draft', $detail)",
            ("now", now), ("actor", actor), ("file", source.SourceFile), ("hash", source.SourceHash),
            ("detail", string.Create(CultureInfo.InvariantCulture,
                $"{unitId} {year}: bảng của tệp này được lấy làm bộ tiêu chí tạm {framework.Id} ({framework.Criteria.Count} dòng, {VietnameseText.Number(framework.TotalMax)} điểm)")));
    }

    private static List<Submission> CurrentUsing(DuckDBConnection connection, string frameworkId)
    {
        using var reader = Query(connection,
            $"SELECT {SubmissionColumns} FROM submission WHERE is_current AND framework_id = $id ORDER BY year, unit_id, stage",
            ("id", frameworkId));
        var result = new List<Submission>();
        while (reader.Read())
        {
            result.Add(ReadSubmission(reader));
        }

        return result;
    }
}
