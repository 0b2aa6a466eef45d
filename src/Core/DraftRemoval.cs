namespace CchcAnalytics.Core;

/// <summary>What asking to remove a draft framework did.</summary>
public enum DraftRemovalStatus
{
    /// <summary>The draft is gone (and the submissions checked against it withdrawn, when asked).</summary>
    Removed,

    /// <summary>No framework has that id.</summary>
    NotFound,

    /// <summary>The framework is official, derived or illustrative: reference data, never removed here.</summary>
    NotDraft,

    /// <summary>Current submissions were checked against the draft and withdrawing them was not asked for; nothing changed.</summary>
    InUse,
}

/// <summary>The result of SubmissionStore.RemoveDraftFramework (Storage).</summary>
/// <param name="Status">What happened.</param>
/// <param name="Submissions">The current submissions checked against the draft: withdrawn (Removed) or in the way (InUse).</param>
public sealed record DraftRemoval(DraftRemovalStatus Status, IReadOnlyList<Submission> Submissions);
