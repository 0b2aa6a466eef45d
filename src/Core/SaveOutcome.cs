namespace CchcAnalytics.Core;

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
public sealed record SaveOutcome(string UnitId, int Year, Core.Stage Stage, SaveAction Action, long SubmissionId, int Version)
{
    /// <summary>The version this one took the place of (<see cref="SaveAction.Replaced"/> only), so that replacing
    /// real data can be said loudly: which version, and what changed in the total.</summary>
    public ReplacedVersion? Previous { get; init; }
}

/// <summary>A version that stopped being current when a new one was stored.</summary>
/// <param name="Version">Its version number.</param>
/// <param name="PointsTotal">Its total points; null when a score was missing.</param>
/// <param name="MaxTotal">Its applicable maximum.</param>
/// <param name="Synthetic">Whether it was generated sample data (replacing it is expected) or real data.</param>
public sealed record ReplacedVersion(int Version, decimal? PointsTotal, decimal MaxTotal, bool Synthetic);
