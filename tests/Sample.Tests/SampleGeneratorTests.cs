using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Sample.Tests;

/// <summary>The generated sample, read from the repository's own data folder. Tests check only what the generator
/// guarantees (structure, lineage, calibration, labels, the shape of the online-services curve), never its random values.</summary>
public sealed class SampleGeneratorTests(SampleGeneratorTests.Generated generated) : IClassFixture<SampleGeneratorTests.Generated>
{
    private static readonly string[] Mountainous = ["muong-lat", "quan-son", "quan-hoa", "ba-thuoc", "lang-chanh", "thuong-xuan", "nhu-xuan"];

    public sealed class Generated
    {
        public Generated()
        {
            Inputs = SampleInputs.FromDataFolder(Path.Combine(TestFiles.RepositoryRoot, "data"));
            Files = new SampleGenerator(Inputs.Reference, Inputs.Published, Inputs.RealUnitYears).Generate(new SampleOptions());
            Rows = Files.SelectMany(f => f.Rows).ToList();
        }

        public SampleInputs Inputs { get; }

        public IReadOnlyList<SampleFile> Files { get; }

        public IReadOnlyList<ExportRow> Rows { get; }
    }

    private IEnumerable<ExportRow> Rows => generated.Rows;

    /// <summary>Appraised total of a unit-year: the sum of its area rows.</summary>
    private decimal Total(string unit, int year, string stage = "appraised") =>
        Rows.Where(r => r.UnitId == unit && r.Year == year && r.Stage == stage && r.Level == "area").Sum(r => r.Points!.Value);

    private Dictionary<string, decimal> Totals(int year) =>
        Rows.Where(r => r.Year == year).Select(r => r.UnitId).Distinct().ToDictionary(u => u, u => Total(u, year));

    [Fact]
    public void Generate_DefaultSeed_IsByteIdenticalToTheCommittedFiles()
    {
        using var folder = TestFiles.NewTempFolder();
        SampleWriter.Write(generated.Files, folder.Path);

        var committed = Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, "data", "sample"), "*.csv").Select(f => Path.GetFileName(f)).Order().ToList();
        committed.ShouldBe(generated.Files.Select(f => f.FileName).Order().ToList());
        foreach (var name in committed)
        {
            File.ReadAllBytes(Path.Combine(folder.Path, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(TestFiles.RepositoryRoot, "data", "sample", name)))
                .ShouldBeTrue($"data/sample/{name} differs from the generator's output: run 'dotnet run --project src/Cli -- sample --out data/sample'.");
        }
    }

    [Fact]
    public void Generate_UnitsPerYear_FollowTheLineage()
    {
        int Units(int year) => Rows.Where(r => r.Year == year).Select(r => r.UnitId).Distinct().Count();

        // 27 district-level units every year until Đông Sơn joins TP Thanh Hóa in 2024; Hoằng Hóa 2017 is real data.
        Units(2017).ShouldBe(26);
        Enumerable.Range(2018, 6).Select(Units).ShouldAllBe(count => count == 27);
        Units(2024).ShouldBe(26);
        Rows.Where(r => r.UnitId == "tinh-gia").Select(r => r.Year).Distinct().Order().ShouldBe([2017, 2018, 2019]);
        Rows.Where(r => r.UnitId == "nghi-son").Select(r => r.Year).Distinct().Order().ShouldBe([2020, 2021, 2022, 2023, 2024]);
        Rows.Where(r => r.UnitId == "dong-son").Max(r => r.Year).ShouldBe(2023);
    }

    [Fact]
    public void Generate_NeverCoversARealUnitYear()
    {
        generated.Inputs.RealUnitYears.ShouldContain(("hoang-hoa", 2017));
        Rows.ShouldNotContain(r => r.UnitId == "hoang-hoa" && r.Year == 2017);
        Rows.Count(r => r.UnitId == "hoang-hoa").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Generate_EveryRowIsLabelledSyntheticAndHasBothStages()
    {
        Rows.ShouldAllBe(r => r.Synthetic);
        Rows.GroupBy(r => (r.UnitId, r.Year)).ShouldAllBe(g => g.Select(r => r.Stage).Distinct().Count() == 2);
        Rows.ShouldAllBe(r => r.Points != null);
    }

    [Fact]
    public void Generate_PublishedUnitYears_EqualThePublishedPointsAndRanks()
    {
        // QĐ 600/QĐ-UBND (2023): Đông Sơn 92.15 (1st), Hoằng Hóa 91.92 (2nd), TP Thanh Hóa 91.46 (3rd), Mường Lát 86.09 (27th of 27).
        var totals = Totals(2023);
        totals["dong-son"].ShouldBe(92.15m);
        totals["hoang-hoa"].ShouldBe(91.92m);
        totals["thanh-hoa"].ShouldBe(91.46m);
        totals["muong-lat"].ShouldBe(86.09m);
        var ranking = totals.OrderByDescending(t => t.Value).Select(t => t.Key).ToList();
        ranking.Count.ShouldBe(27);
        ranking.Take(3).ShouldBe(["dong-son", "hoang-hoa", "thanh-hoa"]);
        ranking[^1].ShouldBe("muong-lat");
        totals.Values.Count(v => v == 86.09m).ShouldBe(1); // no tie at the bottom
    }

    [Fact]
    public void Generate_AnotherSeed_ChangesValuesButKeepsTheCalibration()
    {
        var other = new SampleGenerator(generated.Inputs.Reference, generated.Inputs.Published, generated.Inputs.RealUnitYears)
            .Generate(new SampleOptions(Seed: 7)).SelectMany(f => f.Rows).ToList();
        decimal Total(string unit) => other.Where(r => r.UnitId == unit && r.Year == 2023 && r.Stage == "appraised" && r.Level == "area").Sum(r => r.Points!.Value);

        Total("dong-son").ShouldBe(92.15m);
        Total("muong-lat").ShouldBe(86.09m);
        other.Select(r => (r.UnitId, r.Year, r.Stage, r.Code, r.Points)).SequenceEqual(Rows.Select(r => (r.UnitId, r.Year, r.Stage, r.Code, r.Points)))
            .ShouldBeFalse();
    }

    [Fact]
    public void Generate_ParentRowsAreTheSumOfTheirChildrenAndWithinMax()
    {
        foreach (var sheet in Rows.GroupBy(r => (r.UnitId, r.Year, r.Stage)))
        {
            var byCode = sheet.ToDictionary(r => r.Code);
            foreach (var row in sheet)
            {
                row.Points!.Value.ShouldBeInRange(0m, row.MaxPoints);
                var children = sheet.Where(c => CriterionCode.ParentOf(c.Code) == row.Code).ToList();
                if (children.Count > 0)
                {
                    children.Sum(c => c.Points!.Value).ShouldBe(row.Points.Value, $"{sheet.Key} {row.Code}");
                }
            }

            byCode.Values.Where(r => r.Level == "area").Sum(r => r.MaxPoints).ShouldBe(100m);
        }
    }

    [Fact]
    public void Generate_OnlineServices_LowForMostIn2017AndImprovingAtDifferentSpeeds()
    {
        decimal Percent(string unit, int year, params string[] codes)
        {
            var rows = Rows.Where(r => r.UnitId == unit && r.Year == year && r.Stage == "appraised" && codes.Contains(r.Code)).ToList();
            return rows.Sum(r => r.Points!.Value) / rows.Sum(r => r.MaxPoints) * 100;
        }

        var units2017 = Rows.Where(r => r.Year == 2017).Select(r => r.UnitId).Distinct().ToList();
        var low2017 = units2017.Count(u => Percent(u, 2017, "7.1.4", "7.1.5") < 50);
        low2017.ShouldBeGreaterThanOrEqualTo((int)(units2017.Count * 0.8));

        // 2020–2022: the same services as 7.2.1 / 7.2.2 of the khung minh họa.
        var units2022 = Rows.Where(r => r.Year == 2022).Select(r => r.UnitId).Distinct().ToList();
        var mean2017 = units2017.Average(u => Percent(u, 2017, "7.1.4", "7.1.5"));
        var mean2022 = units2022.Average(u => Percent(u, 2022, "7.2.1", "7.2.2"));
        mean2022.ShouldBeGreaterThan(mean2017 + 20);
        units2022.Count(u => Percent(u, 2022, "7.2.1", "7.2.2") < 50).ShouldBeGreaterThanOrEqualTo(2, "some units stay low year after year");
        units2022.Count(u => Percent(u, 2022, "7.2.1", "7.2.2") >= 75).ShouldBeGreaterThanOrEqualTo(2, "others improve fast");
    }

    [Fact]
    public void Generate_MountainousDistricts_BelowCitiesOnAverageEveryYear()
    {
        var cities = new[] { "thanh-hoa", "sam-son", "bim-son" };
        foreach (var year in Enumerable.Range(2017, 8))
        {
            var totals = Totals(year);
            var mountain = totals.Where(t => Mountainous.Contains(t.Key)).Average(t => t.Value);
            var city = totals.Where(t => cities.Contains(t.Key)).Average(t => t.Value);
            mountain.ShouldBeLessThan(city, year.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Generate_SelfAssessed_NeverBelowAppraisedAndSometimesInflated()
    {
        var pairs = Rows.Where(r => r.Stage == "self").Join(
            Rows.Where(r => r.Stage == "appraised"),
            s => (s.UnitId, s.Year, s.Code),
            a => (a.UnitId, a.Year, a.Code),
            (s, a) => (Self: s, Appraised: a)).ToList();
        pairs.ShouldAllBe(p => p.Self.Points >= p.Appraised.Points);
        var cuts = pairs.Where(p => p.Self.Points > p.Appraised.Points).ToList();
        cuts.Count.ShouldBeGreaterThan(100);
        cuts.Where(p => p.Appraised.Level == "sub_criterion").ShouldAllBe(p => p.Appraised.Evidence!.StartsWith("Thẩm định trừ", StringComparison.Ordinal));
        var gaps = Rows.Select(r => (r.UnitId, r.Year)).Distinct().Select(k => Total(k.UnitId, k.Year, "self") - Total(k.UnitId, k.Year)).ToList();
        gaps.Count(g => g >= 3).ShouldBeGreaterThan(0, "a few unit-years inflate their self-score");
        gaps.Count(g => g <= 1.5m).ShouldBeGreaterThan(gaps.Count / 2, "most self-scores are close to the appraisal");
    }

    [Fact]
    public void Generate_FilesIngestCleanly_AsSyntheticSubmissionsWithoutWarnings()
    {
        using var connections = new DuckDbConnectionFactory(":memory:");
        var store = new ScoreStore(connections);
        var runner = new IngestRunner(store, generated.Inputs.Reference);
        using var folder = TestFiles.NewTempFolder();

        foreach (var path in SampleWriter.Write(generated.Files, folder.Path))
        {
            var report = runner.Run(path, new IngestOptions());
            report.Accepted.ShouldBeTrue(string.Join('\n', report.Problems));
            report.Problems.ShouldBeEmpty();
        }

        var submissions = store.GetSubmissions();
        submissions.Count.ShouldBe(2 * (26 + (27 * 6) + 26));
        submissions.ShouldAllBe(s => s.Synthetic);
        submissions.Where(s => s.Year >= 2020).ShouldAllBe(s => s.FrameworkId.EndsWith("-illustrative", StringComparison.Ordinal));
        submissions.Single(s => s.UnitId == "dong-son" && s.Year == 2023 && s.Stage == Stage.Appraised).PointsTotal.ShouldBe(92.15m);
    }

    [Fact]
    public void Generate_PublishedUnitCoveredByRealData_KeepsItsPlaceFree()
    {
        // As if Hoằng Hóa's real 2023 report (91.92, published 2nd) were in data/raw: it is not generated, and every
        // generated unit other than the published ones still falls between 3rd (91.46) and 27th (86.09).
        var real = generated.Inputs.RealUnitYears.Append(("hoang-hoa", 2023)).ToList();
        var rows = new SampleGenerator(generated.Inputs.Reference, generated.Inputs.Published, real).Generate(new SampleOptions())
            .Single(f => f.Year == 2023).Rows;
        var totals = rows.Where(r => r.Stage == "appraised" && r.Level == "area").GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.Sum(r => r.Points!.Value));

        totals.ShouldNotContainKey("hoang-hoa");
        totals["dong-son"].ShouldBe(92.15m);
        totals["thanh-hoa"].ShouldBe(91.46m);
        totals.Where(t => t.Key is not ("dong-son" or "thanh-hoa" or "muong-lat")).ShouldAllBe(t => t.Value > 86.09m && t.Value < 91.46m);
    }

    [Fact]
    public void FromDataFolder_NotADataFolder_Refused() =>
        Should.Throw<CchcAnalytics.Ingest.Reference.ReferenceDataException>(() => SampleInputs.FromDataFolder(Path.Combine(TestFiles.RepositoryRoot, "data", "raw")))
            .Message.ShouldContain("is not a data folder");
}
