namespace CchcAnalytics.Storage;

/// <summary>The database file is held by another process (DuckDB allows one read-write process per file),
/// typically the dashboard. Stop it, or upload through it, then try again.</summary>
public sealed class DatabaseLockedException : Exception
{
    public DatabaseLockedException()
    {
    }

    public DatabaseLockedException(string message)
        : base(message)
    {
    }

    public DatabaseLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
