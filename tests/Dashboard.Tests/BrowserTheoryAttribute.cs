namespace CchcAnalytics.Dashboard.Tests;

/// <summary>The theory form of <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        Skip = Chromium.SkipReason;
    }
}
