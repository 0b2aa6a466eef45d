using System.Collections.Concurrent;
using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Storage;
using DuckDB.NET.Data;

namespace CchcAnalytics.Analytics.Sql;

/// <summary>The analytics' queries: each embedded <c>Sql/*.sql</c> file with the row record it fills. Every call opens
/// its own connection from the factory (one database instance per process) and reads only what its view needs.</summary>
internal sealed class AnalyticsSql(DuckDbConnectionFactory connections)
{
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    public IReadOnlyList<UnitYearRow> UnitYears()
    {
        using var connection = connections.Open();
        using var reader = Query(connection, "unit_years");
        var rows = new List<UnitYearRow>();
        while (reader.Read())
        {
            rows.Add(new UnitYearRow(
                reader.GetString(0), reader.GetInt32(1), StageText.Parse(reader.GetString(2)), reader.GetString(3),
                reader.IsDBNull(9) ? null : reader.GetDecimal(9), reader.GetDecimal(10), reader.GetBoolean(6), reader.GetInt64(7), reader.GetInt64(8),
                reader.IsDBNull(4) ? null : reader.GetDecimal(4), reader.GetDecimal(5)));
        }

        return rows;
    }

    /// <summary>The component scores (survey, bonus, penalty) of the stage used of every current unit-year that has
    /// any, by submission, in file order.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<ComponentScore>> ComponentRows()
    {
        using var connection = connections.Open();
        using var reader = Query(connection, "component_rows");
        var rows = new Dictionary<long, List<ComponentScore>>();
        while (reader.Read())
        {
            var submission = reader.GetInt64(0);
            if (!rows.TryGetValue(submission, out var list))
            {
                rows[submission] = list = [];
            }

            list.Add(new ComponentScore(reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.IsDBNull(4) ? null : reader.GetDecimal(4)));
        }

        return rows.ToDictionary(p => p.Key, p => (IReadOnlyList<ComponentScore>)p.Value);
    }

    /// <summary>Area rows of the stage used of every current unit-year, by submission, names shared between rows.</summary>
    public IReadOnlyDictionary<long, List<ScoreRow>> AreaRows()
    {
        using var connection = connections.Open();
        using var reader = Query(connection, "area_rows");
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new Dictionary<long, List<ScoreRow>>();
        while (reader.Read())
        {
            var row = ReadScore(reader, "", 0, 0, shared);
            if (!rows.TryGetValue(row.Submission, out var list))
            {
                rows[row.Submission] = list = [];
            }

            list.Add(row);
        }

        return rows;
    }

    /// <summary>Every row of one unit-year's two stages, by submission, in framework order.</summary>
    public IReadOnlyList<ScoreRow> UnitYearScores(long used, long self)
    {
        using var connection = connections.Open();
        using var reader = Query(connection, "unit_year_scores", ("used", used), ("self", self));
        var rows = new List<ScoreRow>();
        while (reader.Read())
        {
            rows.Add(ReadScore(reader, "", 0, 0, null));
        }

        return rows;
    }

    public IReadOnlyDictionary<string, BenchmarkRow> Benchmarks(int year, string province, string level, string frameworkId, string hidden)
    {
        using var connection = connections.Open();
        using var reader = Query(connection, "benchmarks",
            ("year", year), ("province", province), ("level", level), ("framework", frameworkId), ("hidden", hidden));
        var rows = new Dictionary<string, BenchmarkRow>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var code = reader.GetString(0);
            rows[code] = new BenchmarkRow(
                code, Int(reader, 1), Points(reader.GetDecimal(2)), Points(reader.GetDecimal(3)), Int(reader, 4), reader.GetDecimal(5),
                reader.GetString(6).Split('|'), Int(reader, 7), Int(reader, 8));
        }

        return rows;
    }

    /// <summary>Self-assessed against appraised rows of every unit-year of one year with both stages (see
    /// <c>appraisal_gaps.sql</c>), in unit order and framework order.</summary>
    public IReadOnlyList<GapRow> AppraisalGaps(int year, string province, string level, string hidden)
    {
        using var connection = connections.Open();
        using var reader = Query(connection, "appraisal_gaps", ("year", year), ("province", province), ("level", level), ("hidden", hidden));
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<GapRow>();
        while (reader.Read())
        {
            rows.Add(new GapRow(
                reader.GetString(0),
                new CriterionGap(Share(shared, reader.GetString(1)), Share(shared, reader.GetString(3)), CriterionLevelText.Parse(reader.GetString(2)), reader.GetDecimal(4),
                    reader.GetDecimal(5), reader.GetDecimal(6)),
                reader.GetBoolean(7)));
        }

        return rows;
    }

    /// <summary>One concept's first row in every current unit-year of a province and level.</summary>
    public IReadOnlyDictionary<(string UnitId, int Year), Score> ConceptRows(string conceptId, string province, string level)
    {
        using var connection = connections.Open();
        using var reader = Query(connection, "concept_rows", ("concept", conceptId), ("province", province), ("level", level));
        var rows = new Dictionary<(string, int), Score>();
        while (reader.Read())
        {
            var row = ReadScore(reader, reader.GetString(0), reader.GetInt32(1), 2, null);
            rows[(row.UnitId, row.Year)] = row.Score;
        }

        return rows;
    }

    /// <summary>Some codes of every current unit-year of one year (a heatmap's cells).</summary>
    public IReadOnlyList<ScoreRow> Cells(int year, string province, string level, IEnumerable<string> codes)
    {
        using var connection = connections.Open();
        using var reader = Query(connection, "cells", ("year", year), ("province", province), ("level", level), ("codes", string.Join('|', codes)));
        var rows = new List<ScoreRow>();
        while (reader.Read())
        {
            rows.Add(ReadScore(reader, reader.GetString(0), reader.GetInt32(1), 2, null));
        }

        return rows;
    }

    /// <summary>Chronic weaknesses of every unit of a year (see <c>chronic_weaknesses.sql</c>).</summary>
    /// <param name="year">The year.</param>
    /// <param name="threshold">Weak below this % of the maximum.</param>
    /// <param name="weakYears">Weak years in the window that make a weakness chronic (k).</param>
    /// <param name="holders">(unit of the year, window year, submission used by the series' holder that year, that year's framework, the unit's framework this year).</param>
    /// <param name="comparable">(concept, earlier framework, later framework) pairs the crosswalk calls comparable.</param>
    public IReadOnlyList<ChronicRow> ChronicWeaknesses(
        int year, decimal threshold, int weakYears,
        IEnumerable<(string UnitId, int Year, long Submission, string FrameworkId, string NowFrameworkId)> holders,
        IEnumerable<(string ConceptId, string Then, string Now)> comparable)
    {
        using var connection = connections.Open();
        Execute(connection,
            "CREATE TEMP TABLE wk_holder (unit_id VARCHAR, year INTEGER, submission_id BIGINT, framework_id VARCHAR, now_framework_id VARCHAR); " +
            "CREATE TEMP TABLE wk_comparable (concept_id VARCHAR, framework_then VARCHAR, framework_now VARCHAR)");
        try
        {
            using (var appender = connection.CreateAppender("wk_holder"))
            {
                foreach (var h in holders)
                {
                    appender.CreateRow().AppendValue(h.UnitId).AppendValue(h.Year).AppendValue(h.Submission).AppendValue(h.FrameworkId).AppendValue(h.NowFrameworkId).EndRow();
                }
            }

            using (var appender = connection.CreateAppender("wk_comparable"))
            {
                foreach (var c in comparable)
                {
                    appender.CreateRow().AppendValue(c.ConceptId).AppendValue(c.Then).AppendValue(c.Now).EndRow();
                }
            }

            using var reader = Query(connection, "chronic_weaknesses", ("year", year), ("threshold", threshold), ("weak_years", weakYears));
            var rows = new List<ChronicRow>();
            while (reader.Read())
            {
                rows.Add(new ChronicRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), Int(reader, 5)));
            }

            return rows;
        }
        finally
        {
            Execute(connection, "DROP TABLE IF EXISTS wk_holder; DROP TABLE IF EXISTS wk_comparable");
        }
    }

    /// <summary>The text of <c>Sql/{name}.sql</c> with <c>@used_stage@</c> expanded.</summary>
    internal static string Text(string name) => Texts.GetOrAdd(name, n => Resource(n).Replace("@used_stage@", Resource("used_stage"), StringComparison.Ordinal));

    private static string Resource(string name)
    {
        using var stream = typeof(AnalyticsSql).Assembly.GetManifestResourceStream($"Sql/{name}.sql")
            ?? throw new InvalidOperationException($"Embedded query 'Sql/{name}.sql' is missing from the Analytics assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ScoreRow ReadScore(DuckDBDataReader reader, string unitId, int year, int first, Dictionary<string, string>? shared)
    {
        string S(int i) => shared is null ? reader.GetString(i) : Share(shared, reader.GetString(i));
        return new ScoreRow(
            unitId,
            year,
            reader.GetInt64(first),
            new Score(
                S(first + 1),
                CriterionLevelText.Parse(reader.GetString(first + 3)),
                S(first + 4),
                reader.GetDecimal(first + 5),
                reader.IsDBNull(first + 6) ? null : reader.GetDecimal(first + 6),
                reader.IsDBNull(first + 7) ? null : reader.GetString(first + 7)),
            reader.FieldCount > first + 8 && reader.GetBoolean(first + 8));
    }

    private static string Share(Dictionary<string, string> shared, string value)
    {
        if (shared.TryGetValue(value, out var existing))
        {
            return existing;
        }

        shared[value] = value;
        return value;
    }

    /// <summary>A sum of points as C# sums them: DuckDB returns SUM(DECIMAL(10,3)) as a wide decimal that DuckDB.NET
    /// reads without trailing zeros (29.5 for 29.500); adding 0.000 gives back the scale of three, so means and medians
    /// divide to exactly the reference path's decimals (14.750, not 14.75).</summary>
    private static decimal Points(decimal sum) => sum + 0.000m;

    private static int Int(DuckDBDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static DuckDBDataReader Query(DuckDBConnection connection, string name, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Text(name);
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter, value ?? DBNull.Value));
        }

        return command.ExecuteReader();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
