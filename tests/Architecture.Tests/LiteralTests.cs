using System.Text.RegularExpressions;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Architecture.Tests;

/// <summary>"No province or level literal in src/ outside configuration" (issue 13 §1): which province and which level a
/// view shows, and the words for them, come from <c>data/</c> (provinces.csv, levels.csv, units.csv) and the settings,
/// never from a string in the code. The configuration files allowed to hold such strings are listed, with the reason,
/// in configuration-literals.txt.</summary>
public sealed partial class LiteralTests
{
    private const string Configuration = "configuration-literals.txt";

    [Fact]
    public void Source_ProvinceAndLevelLiterals_NoneOutsideConfiguration()
    {
        var allowed = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, Configuration))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t')[0])
            .ToHashSet(StringComparer.Ordinal);

        var found = Scan().Where(f => !allowed.Contains(f.File)).ToList();

        found.ShouldBeEmpty(
            "Province/level literals in src/ (take the province and level from the unit, data/ or the settings):" + Environment.NewLine
            + string.Join(Environment.NewLine, found.Select(f => $"{f.File}:{f.Line}: \"{f.Literal}\"")));
    }

    [Fact]
    public void Scan_PlantedLiteral_IsFound()
    {
        Literal().Matches("var level = \"district\"; var id = \"thanh-hoa-2017\";").Select(m => m.Groups[1].Value).ShouldBe(["district"]);
    }

    /// <summary>Every province or level literal in the C# and Razor sources of src/, with its file and line.</summary>
    private static List<(string File, int Line, string Literal)> Scan()
    {
        var src = Path.Combine(TestFiles.RepositoryRoot, "src");
        var found = new List<(string, int, string)>();
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Literal().Matches(lines[i]))
                {
                    found.Add((Path.GetRelativePath(TestFiles.RepositoryRoot, file).Replace('\\', '/'), i + 1, match.Groups[1].Value));
                }
            }
        }

        return found;
    }

    /// <summary>A whole string literal naming a province or a level (or a unit kind, which implies one).</summary>
    [GeneratedRegex("\"(thanh-hoa|district|commune|department|huyen|thi-xa|thanh-pho|xa|phuong|so)\"")]
    private static partial Regex Literal();
}
