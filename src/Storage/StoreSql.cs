using System.Data.Common;
using CchcAnalytics.Core;
using DuckDB.NET.Data;

namespace CchcAnalytics.Storage;

/// <summary>The SQL helpers the stores share: parameterised commands and readers of common rows.</summary>
internal static class StoreSql
{
    internal const string SubmissionColumns =
        "submission_id, unit_id, year, stage, version, is_current, framework_id, source_file, source_format, " +
        "source_hash, content_hash, report_number, report_date, stated_total, max_total, points_total, synthetic, " +
        "ingested_at, row_count";

    internal static Submission ReadSubmission(DbDataReader reader)
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

    /// <summary>A score row read from <c>code, level, name, max_points, points, evidence</c> starting at column
    /// <paramref name="first"/>; empty points stay null, never 0.</summary>
    internal static Score ReadScore(DbDataReader reader, int first) => new(
        reader.GetString(first),
        CriterionLevelText.Parse(reader.GetString(first + 1)),
        reader.GetString(first + 2),
        reader.GetDecimal(first + 3),
        reader.IsDBNull(first + 4) ? null : reader.GetDecimal(first + 4),
        reader.IsDBNull(first + 5) ? null : reader.GetString(first + 5));

    /// <summary>A component score read from <c>component, name, max_points, points</c> starting at column
    /// <paramref name="first"/>; empty points stay null, never 0.</summary>
    internal static ComponentScore ReadComponent(DbDataReader reader, int first) => new(
        reader.GetString(first),
        reader.GetString(first + 1),
        reader.GetDecimal(first + 2),
        reader.IsDBNull(first + 3) ? null : reader.GetDecimal(first + 3));

    internal static DateOnly? GetDate(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.FromDateTime(reader.GetDateTime(ordinal));

    internal static void Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    internal static DuckDBDataReader Query(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteReader();
    }

    internal static DuckDBCommand Command(DuckDBConnection connection, string sql, (string Name, object? Value)[] parameters)
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

    internal static UnitKind? KindOrNull(DuckDBDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : UnitKindText.TryParse(reader.GetString(ordinal), out var kind) ? kind
        : throw new InvalidDataException($"Unknown unit kind '{reader.GetString(ordinal)}' in the database.");
}
