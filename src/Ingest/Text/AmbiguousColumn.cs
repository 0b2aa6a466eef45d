namespace CchcAnalytics.Ingest;

/// <summary>Two header cells that claim the same column role.</summary>
/// <param name="Role">The role as the user knows it ("Điểm tự chấm").</param>
/// <param name="First">The first column (0-based) with that header.</param>
/// <param name="Second">Another column with it.</param>
public sealed record AmbiguousColumn(string Role, int First, int Second);
