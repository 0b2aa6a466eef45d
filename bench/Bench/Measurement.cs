namespace CchcAnalytics.Bench;

/// <summary>The median of a case's timed iterations, with the bytes it allocated (managed heap, all threads; DuckDB's
/// native memory is not counted) and the process's peak working set while it ran.</summary>
internal sealed record Measurement(string Id, string Title, int Iterations, double MedianMs, double MinMs, long AllocatedBytes, long PeakWorkingSetBytes);
