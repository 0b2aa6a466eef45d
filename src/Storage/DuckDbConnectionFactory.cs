using System.Globalization;
using System.Reflection;
using DuckDB.NET.Data;

namespace CchcAnalytics.Storage;

/// <summary>Opens connections to one DuckDB database. Register it as a singleton; open one connection per
/// operation and never share a connection between threads (DuckDB.NET #260).</summary>
/// <remarks>For <c>:memory:</c>, and for a file opened with <c>holdOpen</c>, the factory keeps one anchor connection
/// open: in memory, connections are duplicated from it; for a file, DuckDB.NET gives every connection of this process
/// the same database instance, and the held connection keeps the file locked against other processes.</remarks>
public sealed class DuckDbConnectionFactory : IDisposable
{
    /// <summary>The schema version this build writes; one embedded script <c>Schema/NNN_*.sql</c> per version.</summary>
    public const int SchemaVersion = 4;

    private static readonly string[] Migrations = ["Schema/001_initial.sql", "Schema/002_province_data.sql", "Schema/003_accounts.sql", "Schema/004_framework_origin.sql"];

    private readonly DuckDBConnection? anchor;
    private readonly Lock anchorLock = new();

    /// <param name="path">The database file, or <c>:memory:</c>.</param>
    /// <param name="holdOpen">Keep the file open (and locked against other processes) for the factory's lifetime,
    /// as the dashboard does: another process — <c>cchc ingest</c>, <c>cchc user add</c> — is then refused plainly
    /// instead of writing behind the dashboard's back between two of its requests. Connections of this process share
    /// the held one's database instance.</param>
    public DuckDbConnectionFactory(string path, bool holdOpen = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        if (!IsInMemory)
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        if (IsInMemory || holdOpen)
        {
            anchor = OpenNew();
        }

        EnsureSchema();
    }

    /// <summary>The database file, or <c>:memory:</c>.</summary>
    public string Path { get; }

    /// <summary>The clock every store writes its timestamps with (ingested, superseded, audit); tests set a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public bool IsInMemory => Path == ":memory:";

    /// <summary>Opens a new connection. Throws <see cref="DatabaseLockedException"/> when another process holds the file.</summary>
    public DuckDBConnection Open()
    {
        // In memory, connections must be duplicated from the anchor to see its database; for a file, DuckDB.NET shares
        // one database instance among the connections this process opens to the same path, the held one included.
        if (anchor is not null && IsInMemory)
        {
            DuckDBConnection duplicate;
            lock (anchorLock)
            {
                duplicate = anchor.Duplicate();
            }

            if (duplicate.State != System.Data.ConnectionState.Open)
            {
                duplicate.Open();
            }

            return duplicate;
        }

        return OpenNew();
    }

    private DuckDBConnection OpenNew()
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

    public void Dispose() => anchor?.Dispose();

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
