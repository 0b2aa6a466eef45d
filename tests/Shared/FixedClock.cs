namespace CchcAnalytics.Tests;

/// <summary>A clock tests set and move by hand, passed wherever the code takes a <see cref="TimeProvider"/>.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
