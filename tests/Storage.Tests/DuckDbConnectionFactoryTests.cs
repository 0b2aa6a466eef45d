using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Tests;
using DuckDB.NET.Data;

namespace CchcAnalytics.Storage.Tests;

/// <summary>One database instance per factory (issue 15): opened once, every operation a connection to it, the file
/// closed (and checkpointed) once, at <see cref="DuckDbConnectionFactory.Dispose"/>.</summary>
public sealed class DuckDbConnectionFactoryTests : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Open_FileAfterAnotherOperationClosed_SameDatabaseInstance()
    {
        using var connections = new DuckDbConnectionFactory(folder.File("one.duckdb"));
        using (var first = connections.Open())
        {
            // A global setting lives in the database instance, not in a connection or in the file.
            Execute(first, "SET GLOBAL memory_limit = '123MiB'");
        }

        // Before issue 15 the file was closed with the last connection and opened anew here, with the default limit.
        using var second = connections.Open();
        Scalar(second, "SELECT current_setting('memory_limit')").ShouldBe("123.0 MiB");
    }

    [Fact]
    public void Open_ConcurrentOperations_EachItsOwnConnection()
    {
        using var connections = new DuckDbConnectionFactory(folder.File("threads.duckdb"));
        var store = new ScoreStore(connections);
        store.Reference.UpsertUnits([new Unit("hoang-hoa", "Hoằng Hóa", UnitKind.Huyen, "thanh-hoa", null, null, [])]);

        var counts = new long[8];
        Parallel.For(0, counts.Length, i => counts[i] = store.Submissions.TableCounts()["unit"]);

        counts.ShouldAllBe(c => c == 1);
    }

    [Fact]
    public void Dispose_WritesEverythingIntoTheFile_NoWalLeft()
    {
        var path = folder.File("closed.duckdb");
        using (var connections = new DuckDbConnectionFactory(path))
        {
            new ScoreStore(connections).Reference.UpsertUnits([new Unit("hoang-hoa", "Hoằng Hóa", UnitKind.Huyen, "thanh-hoa", null, null, [])]);
        }

        File.Exists(path + ".wal").ShouldBeFalse();
        using var reopened = new DuckDbConnectionFactory(path);
        new ScoreStore(reopened).Reference.LoadUnits().ShouldHaveSingleItem().Name.ShouldBe("Hoằng Hóa");
    }

    [Fact]
    public void Open_AfterDispose_Throws()
    {
        var connections = new DuckDbConnectionFactory(":memory:");
        connections.Dispose();

        Should.Throw<ObjectDisposedException>(() => connections.Open());
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
