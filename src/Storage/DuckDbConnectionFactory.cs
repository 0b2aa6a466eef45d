using System.Globalization;
using System.Reflection;
using CchcAnalytics.Core;
using DuckDB.NET.Data;

namespace CchcAnalytics.Storage;

/// <summary>The one DuckDB database instance of this process, opened once: register it as a singleton, and take a
/// connection per operation with <see cref="Open"/> (<c>using var connection = connections.Open();</c>). Never share a
/// connection between threads (DuckDB.NET #260).</summary>
/// <remarks>The factory opens the database (file or <c>:memory:</c>) once, in its constructor, and keeps that anchor
/// connection for its whole life; every <see cref="Open"/> is a new connection to the same instance (in memory a
/// <c>Duplicate()</c> of the anchor), which costs microseconds. Before issue 15 a file was opened and closed per operation: one 60,000-row
/// file opened the database ~840 times (catalog load, a checkpoint after each write). Holding the instance also keeps
/// the file locked against other processes for the factory's life: while the dashboard runs, <c>cchc ingest</c> is
/// refused plainly (<see cref="DatabaseLockedException"/>), and the command line holds its own instance for the whole
/// command. <see cref="Dispose"/> closes the instance, which checkpoints the file once.</remarks>
public sealed class DuckDbConnectionFactory : IIndexDatabase
{
    /// <summary>The schema version this build writes; one embedded script <c>Schema/NNN_*.sql</c> per version.</summary>
    public const int SchemaVersion = 7;

    private static readonly string[] Migrations = ["Schema/001_initial.sql", "Schema/002_province_data.sql", "Schema/003_accounts.sql", "Schema/004_framework_origin.sql", "Schema/005_places.sql", "Schema/006_components.sql", "Schema/007_commune_origins.sql"];

    /// <summary>The factory behind a handle given out as <see cref="IIndexDatabase"/> (every handle is one).</summary>
    public static DuckDbConnectionFactory Of(IIndexDatabase database) =>
        database as DuckDbConnectionFactory ?? throw new ArgumentException($"Không phải cơ sở dữ liệu DuckDB: {database?.GetType().Name ?? "null"}.", nameof(database));

    private readonly DuckDBConnection anchor;
    private readonly Lock anchorLock = new();
    private bool disposed;

    /// <param name="path">The database file, or <c>:memory:</c>.</param>
    /// <param name="holdOpen">Ignored, kept so that existing callers compile: since issue 15 every factory holds its
    /// database open (and the file locked against other processes) for its whole life.</param>
    public DuckDbConnectionFactory(string path, bool holdOpen = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _ = holdOpen;
        Path = path;
        if (!IsInMemory)
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        anchor = OpenInstance();
        try
        {
            EnsureSchema();
        }
        catch
        {
            anchor.Dispose();
            throw;
        }
    }

    /// <summary>The database file, or <c>:memory:</c>.</summary>
    public string Path { get; }

    /// <summary>The clock every store writes its timestamps with (ingested, superseded, audit); tests set a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public bool IsInMemory => Path == ":memory:";

    /// <summary>A new connection to this process's database instance. Dispose it after the operation; never share it
    /// between threads.</summary>
    /// <remarks>In memory it is the anchor's <c>Duplicate()</c>. DuckDB.NET duplicates only in-memory connections; for
    /// a file, it gives a connection opened on the same path the database instance that is already open (the
    /// anchor's, counted by reference), so opening one is a <c>duckdb_connect</c> on that instance, never a new open
    /// of the file.</remarks>
    public DuckDBConnection Open()
    {
        DuckDBConnection connection;
        lock (anchorLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            connection = IsInMemory ? anchor.Duplicate() : new DuckDBConnection(anchor.ConnectionString);
        }

        if (connection.State != System.Data.ConnectionState.Open)
        {
            connection.Open();
        }

        return connection;
    }

    /// <summary>Opens the database instance. Throws <see cref="DatabaseLockedException"/> when another process holds the file.</summary>
    private DuckDBConnection OpenInstance()
    {
        var connection = new DuckDBConnection(IsInMemory ? "Data Source=:memory:" : $"Data Source={Path}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw new DatabaseLockedException(
                $"Cơ sở dữ liệu '{Path}' đang được một chương trình khác mở (thường là dashboard). " +
                "DuckDB chỉ cho một chương trình mở tệp này: hãy dừng dashboard, hoặc tải dữ liệu lên qua dashboard, rồi thử lại. " +
                $"(The database '{Path}' is in use by another process, usually the dashboard: stop it or upload through it.)",
                ex);
        }

        return connection;
    }

    /// <summary>Closes the anchor. When no connection of this factory is still open, that closes the instance, and
    /// DuckDB checkpoints the file (writes the WAL into it) once.</summary>
    public void Dispose()
    {
        lock (anchorLock)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        anchor.Dispose();
    }

    /// <summary>Brings the database to <see cref="SchemaVersion"/>: each missing migration runs in its own transaction
    /// and records its version. A database written by a newer build is refused rather than damaged.</summary>
    private void EnsureSchema()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'";
        var current = 0;
        if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
        {
            command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
            current = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        if (current > SchemaVersion)
        {
            throw new SchemaVersionException(
                $"The database '{Path}' has schema version {current}, newer than this program's {SchemaVersion}. Use a newer CCHC Analytics.");
        }

        for (var version = current + 1; version <= SchemaVersion; version++)
        {
            using var transaction = connection.BeginTransaction();
            command.Transaction = transaction;
            command.CommandText = ReadResource(Migrations[version - 1]);
            command.ExecuteNonQuery();
            command.CommandText = $"INSERT INTO schema_version VALUES ({version.ToString(CultureInfo.InvariantCulture)})";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded schema '{name}' is missing from the Storage assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
