namespace CchcAnalytics.Bench;

/// <summary>One hot path: <c>Setup</c> runs before every iteration, untimed (a fresh snapshot, a fresh database file);
/// <c>Run</c> is what is timed. <c>Id</c> is stable (targets and the smoke test use it); <c>Iterations</c> is the
/// number of timed runs of a full bench (--quick runs fewer), whose median is reported.</summary>
internal sealed record BenchCase(string Id, string Title, int Iterations, Action Run, Action? Setup = null);
