namespace CchcAnalytics.Core;

/// <summary>Where a draft framework came from: the real table it was made of, and who made it when.</summary>
/// <param name="FrameworkId">The draft, e.g. <c>thanh-hoa-district-2021-draft</c>.</param>
/// <param name="UnitId">The unit whose table became the draft.</param>
/// <param name="Year">The index year of that table (and of the draft).</param>
/// <param name="SourceFile">The file as it was given (a path, or an upload's name).</param>
/// <param name="SourceHash">SHA-256 of the file, lower-case hex.</param>
/// <param name="CreatedBy">The audit trail's actor (<c>cli:NAME</c>, <c>user:NAME</c>).</param>
/// <param name="CreatedAt">When, UTC.</param>
public sealed record DraftOrigin(string FrameworkId, string UnitId, int Year, string SourceFile, string SourceHash, string CreatedBy, DateTime CreatedAt);
