namespace CchcAnalytics.Storage;

/// <summary>Groups the stores of one database: <see cref="Submissions"/> (versioned submissions, scores, warnings,
/// export rows, draft frameworks), <see cref="Reference"/> (units, frameworks, lineage, crosswalk, places, origins),
/// <see cref="Published"/> (published results) and <see cref="Audit"/> (the audit trail). It forwards nothing: callers
/// use the focused store directly, or take only the one they need.</summary>
public sealed class ScoreStore(DuckDbConnectionFactory connections)
{
    public SubmissionStore Submissions { get; } = new(connections);

    public ReferenceStore Reference { get; } = new(connections);

    public PublishedStore Published { get; } = new(connections);

    public AuditLog Audit { get; } = new(connections);
}
