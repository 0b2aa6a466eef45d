using CchcAnalytics.Core;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>One sample file in its two versions, with the expected sheet of every submission in each.</summary>
internal sealed record VersionedFile(
    string APath,
    string BPath,
    IReadOnlyDictionary<SubmissionKey, ScoreSheet> A,
    IReadOnlyDictionary<SubmissionKey, ScoreSheet> B)
{
    public string PathOf(char version) => version == 'A' ? APath : BPath;

    public IReadOnlyDictionary<SubmissionKey, ScoreSheet> Sheets(char version) => version == 'A' ? A : B;

    public string Name => Path.GetFileName(APath)[2..];
}
