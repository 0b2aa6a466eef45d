using System.Text.RegularExpressions;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Architecture.Tests;

/// <summary>Time comes from a <see cref="TimeProvider"/> (DEVELOPERS.md, issue 15 §4): no code in src/ reads the clock
/// itself, so tests can fix the date and nothing depends on when it runs.</summary>
public sealed partial class ClockTests
{
    [Fact]
    public void Sources_NoDirectClockRead()
    {
        var src = Path.Combine(TestFiles.RepositoryRoot, "src");
        var found = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(TestFiles.RepositoryRoot, f).Replace('\\', '/'), Line: i + 1, Text: line)))
            .Where(l => Clock().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        found.ShouldBeEmpty("Read the time from the registered TimeProvider instead.");
    }

    [Fact]
    public void Scan_PlantedClockRead_IsFound() => Clock().IsMatch("var year = DateTime.Now.Year;").ShouldBeTrue();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex Clock();
}
