namespace CchcAnalytics.Storage;

/// <summary>What storing one submission did.</summary>
public enum SaveAction
{
    /// <summary>First version for this unit, year and stage.</summary>
    Added,

    /// <summary>The content changed: a new version is current and the old one kept as history.</summary>
    Replaced,

    /// <summary>The same content is already current; nothing was written.</summary>
    Unchanged,
}

/// <summary>The result of storing one submission.</summary>
public sealed record SaveOutcome(string UnitId, int Year, Core.Stage Stage, SaveAction Action, long SubmissionId, int Version);
