namespace CchcAnalytics.Reliability.Tests;

/// <summary>The crash test times its kills from an uninterrupted run it measures first, so the bench smoke tests and the
/// scale data tests must not compete with it for the CPU: the classes of this collection run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class ChildProcesses
{
    public const string Name = "child processes";
}
