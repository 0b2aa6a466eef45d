namespace CchcAnalytics.Ingest.Reference;

/// <summary>Reference data (units, lineage, frameworks, crosswalk) that cannot be used; the message names file and line.</summary>
public sealed class ReferenceDataException : Exception
{
    public ReferenceDataException(string message)
        : base(message)
    {
    }

    public ReferenceDataException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ReferenceDataException()
    {
    }
}
