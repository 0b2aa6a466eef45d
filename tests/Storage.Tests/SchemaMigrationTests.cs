using CchcAnalytics.Core;
using CchcAnalytics.Tests;
using DuckDB.NET.Data;

namespace CchcAnalytics.Storage.Tests;

/// <summary>A database written by an earlier build is upgraded in place, keeping its data; one written by a later
/// build is refused, not damaged.</summary>
public sealed class SchemaMigrationTests : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Open_Version1Database_UpgradesAndKeepsRows()
    {
        var path = folder.File("v1.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            Execute(connection, File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "src", "Storage", "Schema", "001_initial.sql")));
            Execute(connection, "INSERT INTO schema_version VALUES (1)");
            Execute(connection, "INSERT INTO unit VALUES ('hoang-hoa', 'Hoằng Hóa', 'huyen', 'district', 'thanh-hoa', NULL, DATE '2025-06-30')");
        }

        using var connections = new DuckDbConnectionFactory(path);
        var store = new ScoreStore(connections);

        var unit = store.Reference.LoadUnits().ShouldHaveSingleItem();
        (unit.Id, unit.Name, unit.FirstYear, unit.LastYear).ShouldBe(("hoang-hoa", "Hoằng Hóa", (int?)null, (int?)null));
        store.Submissions.TableCounts()["published_result"].ShouldBe(0);
        using var check = connections.Open();
        using var command = check.CreateCommand();
        command.CommandText = "SELECT list(version ORDER BY version)::VARCHAR FROM schema_version";
        command.ExecuteScalar().ShouldBe($"[{string.Join(", ", Enumerable.Range(1, DuckDbConnectionFactory.SchemaVersion))}]");
    }

    [Fact]
    public void Open_Version5Database_AddsTheComponentTablesAndKeepsPublishedResults()
    {
        var path = folder.File("v5.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            foreach (var script in new[] { "001_initial.sql", "002_province_data.sql", "003_accounts.sql", "004_framework_origin.sql", "005_places.sql" })
            {
                Execute(connection, File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "src", "Storage", "Schema", script)));
            }

            Execute(connection, "INSERT INTO schema_version VALUES (1), (2), (3), (4), (5)");
            Execute(connection, "INSERT INTO published_result VALUES ('dong-son', 2023, '600/QĐ-UBND', 92.15, NULL, 92.15, 1, 27, NULL, NULL, 'https://x.org', NULL, 'f.csv', 'h', TIMESTAMP '2026-01-01 00:00:00')");
            Execute(connection, "INSERT INTO framework VALUES ('f', 'thanh-hoa', 'district', 2017, NULL, NULL, 'derived', 's', 100)");
        }

        using var connections = new DuckDbConnectionFactory(path);
        var store = new ScoreStore(connections);

        var published = store.Published.LoadPublished().ShouldHaveSingleItem();
        (published.UnitId, published.Points, published.Components.Count).ShouldBe(("dong-son", (decimal?)92.15m, 0));
        store.Submissions.TableCounts()["component_score"].ShouldBe(0);
        // A framework stored before version 6 has no component rows: it is its criteria tree alone.
        store.Reference.LoadFrameworks().ShouldHaveSingleItem().Components.ShouldHaveSingleItem().Id.ShouldBe(FrameworkComponent.CriteriaId);
    }

    [Fact]
    public void Open_DatabaseFromANewerBuild_Refused()
    {
        var path = folder.File("future.duckdb");
        using (var connections = new DuckDbConnectionFactory(path))
        using (var connection = connections.Open())
        {
            Execute(connection, "INSERT INTO schema_version VALUES (99)");
        }

        Should.Throw<SchemaVersionException>(() => new DuckDbConnectionFactory(path))
            .Message.ShouldContain($"schema version 99, newer than this program's {DuckDbConnectionFactory.SchemaVersion}");
    }

    [Fact]
    public void Open_TwiceOnTheSameFile_MigratesOnce()
    {
        var path = folder.File("twice.duckdb");
        new DuckDbConnectionFactory(path).Dispose();
        using var connections = new DuckDbConnectionFactory(path);
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM schema_version";
        Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(DuckDbConnectionFactory.SchemaVersion);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
