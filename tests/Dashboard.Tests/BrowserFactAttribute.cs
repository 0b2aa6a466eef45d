namespace CchcAnalytics.Dashboard.Tests;

/// <summary>A test that drives the dashboard in Chromium: skipped when <see cref="Chromium.ExecutablePath"/> is missing,
/// except under CI=true, where it runs and fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        Skip = Chromium.SkipReason;
    }
}
