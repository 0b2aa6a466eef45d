namespace CchcAnalytics.Storage;

/// <summary>The database was written by a newer build of CCHC Analytics; it is refused rather than damaged.</summary>
public sealed class SchemaVersionException : Exception
{
    public SchemaVersionException(string message)
        : base(message)
    {
    }

    public SchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SchemaVersionException()
    {
    }
}
