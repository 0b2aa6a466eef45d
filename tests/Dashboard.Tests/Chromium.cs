namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Debian's Chromium, which the browser tests drive (Playwright never downloads a browser of its own here).
/// Missing: the browser tests are skipped on a developer machine, and fail under CI (CI=true), where .ci/run installs
/// the <c>chromium</c> package.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsRequired => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>Why browser tests are skipped, or null when they run (Chromium present, or CI requires it).</summary>
    public static string? SkipReason => IsInstalled || IsRequired
        ? null
        : $"{ExecutablePath} is missing: install Debian's chromium package to run the browser tests (under CI=true they fail instead).";
}
