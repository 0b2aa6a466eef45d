using System.Text;
using CchcAnalytics.Bench.Scale;
using CchcAnalytics.Ingest;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>The scale bench's data generator (bench/Bench/Scale/ScaleData.cs): the same input gives the same bytes, the
/// added units and every sample row are labelled synthetic, and a year too large for one file is split by unit without
/// losing or duplicating a row. No timing. In the child-process collection, because generating is CPU work that
/// must not compete with the crash test's timed kills.</summary>
[Collection(ChildProcesses.Name)]
public sealed class ScaleDataTests
{
    private static readonly string Data = Path.Combine(TestFiles.RepositoryRoot, "data");

    [Fact]
    public void Write_Scale1_IsByteIdenticalToTheCommittedSample()
    {
        using var folder = TestFiles.NewTempFolder();

        var info = ScaleData.Write(Data, folder.File("x1"), scale: 1);

        info.SyntheticUnits.ShouldBe(0);
        var committed = Directory.GetFiles(Path.Combine(Data, "sample"), "*.csv").Order(StringComparer.Ordinal).ToList();
        info.SampleFiles.Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(committed.Select(Path.GetFileName));
        foreach (var file in committed)
        {
            File.ReadAllBytes(Path.Combine(folder.File("x1"), "sample", Path.GetFileName(file))).ShouldBe(File.ReadAllBytes(file), file);
        }

        File.ReadAllBytes(folder.File("x1/units.csv")).ShouldBe(File.ReadAllBytes(Path.Combine(Data, "units.csv")));
        // Districts 2017–2024 (48,044 rows), departments 2023–2026 and communes 2025–2026.
        info.SampleRows.ShouldBe(70_889);
    }

    [Fact]
    public void Write_Scale3Twice_GivesByteIdenticalFoldersWithLabelledSyntheticUnits()
    {
        using var folder = TestFiles.NewTempFolder();

        var first = ScaleData.Write(Data, folder.File("a"), scale: 3);
        var second = ScaleData.Write(Data, folder.File("b"), scale: 3);

        first.SyntheticUnits.ShouldBe(54);
        Files(folder.File("a")).ShouldBe(Files(folder.File("b")));
        foreach (var relative in Files(folder.File("a")))
        {
            File.ReadAllBytes(Path.Combine(folder.File("a"), relative)).ShouldBe(File.ReadAllBytes(Path.Combine(folder.File("b"), relative)), relative);
        }

        second.SampleRows.ShouldBe(first.SampleRows);
        var units = File.ReadAllLines(folder.File("a/units.csv"), Encoding.UTF8).Where(l => l.StartsWith(ScaleData.UnitIdPrefix, StringComparison.Ordinal)).ToList();
        units.Count.ShouldBe(54);
        units[0].ShouldStartWith("bench-d0001,");
        units[^1].ShouldStartWith("bench-d0054,");
        units.ShouldAllBe(u => u.Contains(" mẫu,huyen,thanh-hoa,,2025-06-30,,2024,", StringComparison.Ordinal));
        units.Select(u => u.Split(',')[1]).Distinct(StringComparer.Ordinal).Count().ShouldBe(54);

        // 81 units a year (80 in 2024, after Đông Sơn's merger), Hoằng Hóa 2017 left to the real report; every row synthetic.
        var rows = first.SampleFiles.SelectMany(DataLines).ToList();
        rows.Count.ShouldBe((int)first.SampleRows);
        rows.ShouldAllBe(r => r.EndsWith(",true", StringComparison.Ordinal));
        var unitYears = rows.Select(UnitYear).Distinct().ToList();
        // The 20 departments are in 2023 and 2024 as well; the scale adds district units only.
        unitYears.Count(u => u.Year == "2023").ShouldBe(81 + 20);
        unitYears.Count(u => u.Year == "2024").ShouldBe(80 + 20);
        unitYears.Count(u => u.Year == "2017").ShouldBe(80);
        unitYears.Where(u => u.Year == "2023").Count(u => u.Unit.StartsWith(ScaleData.UnitIdPrefix, StringComparison.Ordinal)).ShouldBe(54);
    }

    [Fact]
    public void Write_MoreUnitsThanAFileHolds_SplitsEachYearByUnitWithEveryRowOnce()
    {
        using var folder = TestFiles.NewTempFolder();

        var whole = ScaleData.Write(Data, folder.File("whole"), scale: 3);
        var split = ScaleData.Write(Data, folder.File("split"), scale: 3, unitsPerFile: 30);

        // 81 units a year → files of 30, 30 and 21 units.
        split.SampleFiles.Select(Path.GetFileName).ShouldContain("thanh-hoa-district-2023-sample-part01.csv");
        split.SampleFiles.Select(Path.GetFileName).ShouldContain("thanh-hoa-district-2023-sample-part03.csv");
        // Districts 8 years × 3 files, departments 4 years × 1, communes (166) 2 years × 6.
        split.SampleFiles.Count.ShouldBe(24 + 4 + 12);
        split.SampleRows.ShouldBe(whole.SampleRows);
        foreach (var file in split.SampleFiles)
        {
            var units = DataLines(file).Select(r => r[..r.IndexOf(',', StringComparison.Ordinal)]).Distinct().Count();
            units.ShouldBeLessThanOrEqualTo(30, file);
            File.ReadLines(file).First().ShouldBe("unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence,synthetic");
        }

        // The same rows in the same order, and each unit-year (both stages) in one file only.
        split.SampleFiles.SelectMany(DataLines).ShouldBe(whole.SampleFiles.SelectMany(DataLines));
        split.SampleFiles
            .SelectMany(f => DataLines(f).Select(r => (File: f, UnitYear: UnitYear(r))).Distinct())
            .GroupBy(x => x.UnitYear)
            .ShouldAllBe(g => g.Count() == 1);

        // And the product accepts the split files (validated, not stored).
        var runner = new IngestRunner(CchcAnalytics.Ingest.Reference.ReferenceData.LoadFromDirectory(folder.File("split")));
        foreach (var file in split.SampleFiles.Where(f => f.Contains("-2023-", StringComparison.Ordinal)))
        {
            var report = runner.Run(file, new IngestOptions());
            report.Accepted.ShouldBeTrue(string.Join('\n', report.Problems));
            report.Submissions.ShouldAllBe(s => s.Synthetic);
        }
    }

    private static List<string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> DataLines(string file) => File.ReadLines(file, Encoding.UTF8).Skip(1).Where(l => l.Length > 0);

    /// <summary>The unit and year of a canonical CSV line: its first and third fields (the name between them may be
    /// quoted and hold a comma, "Sở Văn hóa, Thể thao và Du lịch").</summary>
    private static (string Unit, string Year) UnitYear(string line)
    {
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 3)
        {
            if (line[i] == '"')
            {
                var end = i + 1;
                while ((end = line.IndexOf('"', end)) + 1 < line.Length && line[end + 1] == '"')
                {
                    end += 2;
                }

                fields.Add(line[(i + 1)..end].Replace("\"\"", "\"", StringComparison.Ordinal));
                i = end + 2;
            }
            else
            {
                var comma = line.IndexOf(',', i);
                fields.Add(line[i..comma]);
                i = comma + 1;
            }
        }

        return (fields[0], fields[2]);
    }
}
