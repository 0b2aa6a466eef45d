using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Sample.Tests;

/// <summary>The generated sample, read from the repository's own data folder. Tests check only what the generator
/// guarantees (structure, lineage, calibration, labels, the shape of the online-services curve), never its random values.
/// The district tests read the district files; departments and communes have their own tests below.</summary>
public sealed class SampleGeneratorTests(SampleGeneratorTests.Generated generated) : IClassFixture<SampleGeneratorTests.Generated>
{
    private static readonly string[] Mountainous = ["muong-lat", "quan-son", "quan-hoa", "ba-thuoc", "lang-chanh", "thuong-xuan", "nhu-xuan"];

    public sealed class Generated
    {
        public Generated()
        {
            Inputs = SampleInputs.FromDataFolder(Path.Combine(TestFiles.RepositoryRoot, "data"));
            Files = new SampleGenerator(Inputs).Generate(new SampleOptions());
            Rows = Files.SelectMany(f => f.Rows).ToList();
            DistrictRows = Files.Where(f => f.Level == "district").SelectMany(f => f.Rows).ToList();
        }

        public SampleInputs Inputs { get; }

        public IReadOnlyList<SampleFile> Files { get; }

        /// <summary>Every level's rows.</summary>
        public IReadOnlyList<ExportRow> Rows { get; }

        public IReadOnlyList<ExportRow> DistrictRows { get; }
    }

    /// <summary>The district rows (2017–2024).</summary>
    private IEnumerable<ExportRow> Rows => generated.DistrictRows;

    private IEnumerable<ExportRow> AllRows => generated.Rows;

    private IEnumerable<ExportRow> LevelRows(string level, int year) =>
        generated.Files.Where(f => f.Level == level && f.Year == year).SelectMany(f => f.Rows);

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
        AllRows.ShouldAllBe(r => r.Synthetic);
        AllRows.ShouldAllBe(r => r.Points != null);
        // Both stages up to 2025; the 2026 assessment is under way, so 2026 is self-assessed only.
        AllRows.Where(r => r.Year <= 2025).GroupBy(r => (r.UnitId, r.Year)).ShouldAllBe(g => g.Select(r => r.Stage).Distinct().Count() == 2);
        AllRows.Where(r => r.Year == 2026).ShouldAllBe(r => r.Stage == "self");
        AllRows.Count(r => r.Year == 2026).ShouldBeGreaterThan(0);
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
        var other = new SampleGenerator(generated.Inputs)
            .Generate(new SampleOptions(Seed: 7)).Where(f => f.Level == "district").SelectMany(f => f.Rows).ToList();
        decimal Total(string unit) => other.Where(r => r.UnitId == unit && r.Year == 2023 && r.Stage == "appraised" && r.Level == "area").Sum(r => r.Points!.Value);

        Total("dong-son").ShouldBe(92.15m);
        Total("muong-lat").ShouldBe(86.09m);
        other.Select(r => (r.UnitId, r.Year, r.Stage, r.Code, r.Points)).SequenceEqual(Rows.Select(r => (r.UnitId, r.Year, r.Stage, r.Code, r.Points)))
            .ShouldBeFalse();
    }

    [Fact]
    public void Generate_ParentRowsAreTheSumOfTheirChildrenAndWithinMax()
    {
        var areaMax = new Dictionary<string, decimal> { ["district"] = 100m, ["department"] = 70m, ["commune"] = 80m };
        foreach (var file in generated.Files)
        {
            foreach (var sheet in file.Rows.GroupBy(r => (r.UnitId, r.Year, r.Stage)))
            {
                var tree = sheet.Where(r => r.Level != "component").ToList();
                var byCode = tree.ToDictionary(r => r.Code);
                foreach (var row in sheet)
                {
                    row.Points!.Value.ShouldBeInRange(0m, row.MaxPoints);
                    var children = tree.Where(c => CriterionCode.ParentOf(c.Code) == row.Code).ToList();
                    if (children.Count > 0)
                    {
                        children.Sum(c => c.Points!.Value).ShouldBe(row.Points.Value, $"{sheet.Key} {row.Code}");
                    }
                }

                byCode.Values.Where(r => r.Level == "area").Sum(r => r.MaxPoints).ShouldBe(areaMax[file.Level]);
            }
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
        AllRows.Where(r => r.Stage == "self" && r.Code == "bonus").Join(
            AllRows.Where(r => r.Stage == "appraised" && r.Code == "bonus"),
            s => (s.UnitId, s.Year),
            a => (a.UnitId, a.Year),
            (s, a) => s.Points >= a.Points).ShouldAllBe(claimedAtLeastGranted => claimedAtLeastGranted);
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

        var submissions = store.Submissions.GetSubmissions();
        // Districts 2017–2024 (both stages), departments 2023–2025 both stages and 2026 self-assessed, communes 2025
        // both stages and 2026 self-assessed.
        submissions.Count.ShouldBe((2 * (26 + (27 * 6) + 26)) + ((2 * 20 * 3) + 20) + ((2 * 166) + 166));
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
        var rows = new SampleGenerator(generated.Inputs with { RealUnitYears = real }).Generate(new SampleOptions(Levels: ["district"]))
            .Single(f => f.Year == 2023).Rows;
        var totals = rows.Where(r => r.Stage == "appraised" && r.Level == "area").GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.Sum(r => r.Points!.Value));

        totals.ShouldNotContainKey("hoang-hoa");
        totals["dong-son"].ShouldBe(92.15m);
        totals["thanh-hoa"].ShouldBe(91.46m);
        totals.Where(t => t.Key is not ("dong-son" or "thanh-hoa" or "muong-lat")).ShouldAllBe(t => t.Value > 86.09m && t.Value < 91.46m);
    }

    [Fact]
    public void Levels_FromTheData_DistrictDepartmentCommuneWithTheirFrameworksYears()
    {
        new SampleGenerator(generated.Inputs).Levels(new SampleOptions()).ShouldBe(
        [
            new SampleLevel("district", 2017, 2024),
            new SampleLevel("department", 2023, 2026),
            new SampleLevel("commune", 2025, 2026),
        ]);
        generated.Files.Select(f => f.FileName).ShouldBe(
            Enumerable.Range(2017, 8).Select(y => $"thanh-hoa-district-{y}-sample.csv")
                .Concat(Enumerable.Range(2023, 4).Select(y => $"thanh-hoa-department-{y}-sample.csv"))
                .Concat(Enumerable.Range(2025, 2).Select(y => $"thanh-hoa-commune-{y}-sample.csv")));
    }

    [Fact]
    public void Generate_Departments_TwentyAYearBothStagesUntil2025AndSelfAssessedIn2026()
    {
        var departments = generated.Inputs.Reference.Units.Where(u => u.Kind == UnitKind.So).Select(u => u.Id).Order(StringComparer.Ordinal).ToList();
        departments.Count.ShouldBe(20);
        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
        {
            var rows = LevelRows("department", year).ToList();
            rows.Select(r => r.UnitId).Distinct().Order(StringComparer.Ordinal).ToList().ShouldBe(departments, year.ToString(CultureInfo.InvariantCulture));
            rows.Select(r => r.Stage).Distinct().Order(StringComparer.Ordinal).ShouldBe(year == 2026 ? ["self"] : ["appraised", "self"]);
        }

        // The survey is run by the province: a component row in the appraised stage only, 30 points, two decimals.
        var surveys = LevelRows("department", 2024).Where(r => r.Code == "survey").ToList();
        surveys.Count.ShouldBe(20);
        surveys.ShouldAllBe(r => r.Stage == "appraised" && r.Level == "component" && r.MaxPoints == 30m && r.Name == "Điểm điều tra xã hội học");
        surveys.ShouldAllBe(r => r.Points == Math.Round(r.Points!.Value, 2));
        LevelRows("department", 2026).ShouldNotContain(r => r.Level == "component");
    }

    [Theory]
    [InlineData(SampleGenerator.DefaultSeed)]
    [InlineData(7)]
    public void Generate_Departments2024_AppraisedIndexEqualsQd482AndRanksFollow(int seed)
    {
        var rows = seed == SampleGenerator.DefaultSeed
            ? LevelRows("department", 2024).ToList()
            : new SampleGenerator(generated.Inputs).Generate(new SampleOptions(Seed: seed, Levels: ["department"])).Single(f => f.Year == 2024).Rows.ToList();
        var qd482 = generated.Inputs.Published.Where(p => p.Year == 2024 && p.Decision == "482/QĐ-UBND").ToList();
        qd482.Count.ShouldBe(20);
        var index = Indexes(rows);

        // Exactly the published index % (points over 70 + 30 = 100, two decimals), for every department.
        index.Count.ShouldBe(20);
        foreach (var published in qd482)
        {
            index[published.UnitId].ShouldBe(published.IndexPercent!.Value, published.UnitId);
        }

        // Ranks as Ranker gives them (standard competition ranking): the published ones wherever the published index
        // is not shared. Two printed indexes are shared: 90.02 (Sở Nội vụ, no printed rank, and Văn phòng UBND tỉnh,
        // printed 3rd) and 85.02 (Sở KH&CN 13th, Sở Y tế 14th); equal indexes are equal ranks, 2nd and 13th.
        var rank = Ranks(index);
        foreach (var published in qd482.Where(p => qd482.Count(o => o.IndexPercent == p.IndexPercent) == 1))
        {
            rank[published.UnitId].ShouldBe(published.Rank!.Value, published.UnitId);
        }

        (rank["thanh-hoa-so-noi-vu"], rank["thanh-hoa-van-phong-ubnd"], rank["thanh-hoa-so-kh-cn"], rank["thanh-hoa-so-y-te"]).ShouldBe((2, 2, 13, 13));
    }

    [Fact]
    public void Generate_Departments2023_TheFourPrintedValuesHold()
    {
        var rows = LevelRows("department", 2023).ToList();
        var sheets = rows.Where(r => r.Stage == "appraised").GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => IndexOf(g));
        var rank = Ranks(sheets.ToDictionary(s => s.Key, s => s.Value.Index));

        sheets.Count.ShouldBe(20);
        // QĐ 600/QĐ-UBND: Sở Công Thương 92.83 (1st), Sở GTVT 91.86 (2nd), BQL KKT Nghi Sơn 91.651 (6th: points carry two
        // decimals, so 91.65), Ban Dân tộc 68.32 points = 81.33 % (20th of 20: an applicable maximum of 84).
        (sheets["thanh-hoa-so-cong-thuong"].Points, sheets["thanh-hoa-so-cong-thuong"].Max, rank["thanh-hoa-so-cong-thuong"]).ShouldBe((92.83m, 100m, 1));
        (sheets["thanh-hoa-so-gtvt"].Points, sheets["thanh-hoa-so-gtvt"].Max, rank["thanh-hoa-so-gtvt"]).ShouldBe((91.86m, 100m, 2));
        (sheets["thanh-hoa-bql-kkt-nghi-son"].Points, sheets["thanh-hoa-bql-kkt-nghi-son"].Max, rank["thanh-hoa-bql-kkt-nghi-son"]).ShouldBe((91.65m, 100m, 6));
        var banDanToc = sheets["thanh-hoa-ban-dan-toc"];
        (banDanToc.Points, banDanToc.Max, Math.Round(banDanToc.Index, 2), rank["thanh-hoa-ban-dan-toc"]).ShouldBe((68.32m, 84m, 81.33m, 20));
        rank.Values.Count(r => r == 20).ShouldBe(1);

        // The 16 points of maximum that do not apply are the survey's (the tree's maxima are the framework's): its
        // applicable maximum is 14 of 30.
        rows.Single(r => r.UnitId == "thanh-hoa-ban-dan-toc" && r.Stage == "appraised" && r.Code == "survey").MaxPoints.ShouldBe(14m);
        rows.Where(r => r.Code == "survey" && r.UnitId != "thanh-hoa-ban-dan-toc").ShouldAllBe(r => r.MaxPoints == 30m);
    }

    [Fact]
    public void Generate_Communes_166UnitsBothStagesIn2025AndSelfAssessedIn2026()
    {
        var communes = generated.Inputs.Reference.Units.Where(u => u.Kind is UnitKind.Xa or UnitKind.Phuong).Select(u => u.Id).Order(StringComparer.Ordinal).ToList();
        communes.Count.ShouldBe(166);
        var rows2025 = LevelRows("commune", 2025).ToList();
        var rows2026 = LevelRows("commune", 2026).ToList();

        rows2025.GroupBy(r => r.UnitId).Select(g => g.Key).Order(StringComparer.Ordinal).ShouldBe(communes);
        rows2025.GroupBy(r => r.UnitId).ShouldAllBe(g => g.Select(r => r.Stage).Distinct().Count() == 2);
        rows2026.Select(r => r.UnitId).Distinct().Order(StringComparer.Ordinal).ShouldBe(communes);
        rows2026.ShouldAllBe(r => r.Stage == "self");
        rows2025.Concat(rows2026).ShouldAllBe(r => r.Synthetic);

        // The survey (20 points, two decimals) in the appraised stage of every commune, never self-assessed; bonus
        // points for a few, penalty points for a few, each at most 5.
        var surveys = rows2025.Where(r => r.Code == "survey").ToList();
        surveys.Select(r => r.UnitId).Distinct().Count().ShouldBe(166);
        surveys.ShouldAllBe(r => r.Stage == "appraised" && r.Level == "component" && r.MaxPoints == 20m && r.Points == Math.Round(r.Points!.Value, 2));
        rows2026.ShouldNotContain(r => r.Code == "survey");
        var bonus = rows2025.Where(r => r.Code == "bonus" && r.Stage == "appraised").ToList();
        var penalty = rows2025.Where(r => r.Code == "penalty" && r.Stage == "appraised").ToList();
        bonus.Count.ShouldBeInRange(3, 40);
        penalty.Count.ShouldBeInRange(3, 40);
        bonus.Concat(penalty).ShouldAllBe(r => r.MaxPoints == 5m && r.Points > 0 && r.Points <= 5m);
        bonus.Select(r => r.UnitId).Except(penalty.Select(r => r.UnitId)).Count().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Generate_Communes_PhuongAboveXaMountainousLowerOnlineServicesLow()
    {
        var mountainous = new HashSet<string>(["muong-lat", "quan-son", "quan-hoa", "ba-thuoc", "lang-chanh", "thuong-xuan", "nhu-xuan", "nhu-thanh", "ngoc-lac", "cam-thuy", "thach-thanh"]);
        var rows = LevelRows("commune", 2025).Where(r => r.Stage == "appraised").ToList();
        var index = Indexes(rows);
        var origins = generated.Inputs.FormerDistricts;
        bool Mountain(string id) => origins.TryGetValue(id, out var former) && former.Count > 0 && former.All(mountainous.Contains);
        var phuong = index.Where(i => i.Key.StartsWith("thanh-hoa-phuong-", StringComparison.Ordinal)).Average(i => i.Value);
        var xa = index.Where(i => i.Key.StartsWith("thanh-hoa-xa-", StringComparison.Ordinal)).ToList();
        var mountainXa = xa.Where(i => Mountain(i.Key)).ToList();
        var otherXa = xa.Where(i => !Mountain(i.Key)).ToList();

        mountainXa.Count.ShouldBeGreaterThan(20);
        phuong.ShouldBeGreaterThan(xa.Average(i => i.Value));
        otherXa.Average(i => i.Value).ShouldBeGreaterThan(mountainXa.Average(i => i.Value) + 2);
        // Online services (7.2 toàn trình, 7.3 thanh toán trực tuyến): under half of their points on average.
        var online = rows.Where(r => r.Code is "7.2" or "7.3").ToList();
        (online.Sum(r => r.Points!.Value) / online.Sum(r => r.MaxPoints)).ShouldBeLessThan(0.5m);
    }

    [Fact]
    public void Generate_TwoRuns_GiveTheSameRows()
    {
        var again = new SampleGenerator(SampleInputs.FromDataFolder(Path.Combine(TestFiles.RepositoryRoot, "data"))).Generate(new SampleOptions());

        again.Select(f => (f.Level, f.Year, f.FileName)).ShouldBe(generated.Files.Select(f => (f.Level, f.Year, f.FileName)));
        again.SelectMany(f => f.Rows).SequenceEqual(generated.Rows).ShouldBeTrue();
    }

    [Fact]
    public void FromDataFolder_NotADataFolder_Refused() =>
        Should.Throw<CchcAnalytics.Ingest.Reference.ReferenceDataException>(() => SampleInputs.FromDataFolder(Path.Combine(TestFiles.RepositoryRoot, "data", "raw")))
            .Message.ShouldContain("is not a data folder");

    /// <summary>The index of one unit-year-stage as data/README.md defines it: 100 × (Σ area points + survey + bonus −
    /// penalty) / (Σ area maxima + the survey's applicable maximum), kept in 0..100; a component without a row is left
    /// out of both sides.</summary>
    private static (decimal Points, decimal Max, decimal Index) IndexOf(IEnumerable<ExportRow> sheet)
    {
        var rows = sheet.ToList();
        var component = rows.Where(r => r.Level == "component").ToDictionary(r => r.Code);
        var points = rows.Where(r => r.Level == "area").Sum(r => r.Points!.Value)
            + (component.GetValueOrDefault("survey")?.Points ?? 0)
            + (component.GetValueOrDefault("bonus")?.Points ?? 0)
            - (component.GetValueOrDefault("penalty")?.Points ?? 0);
        var max = rows.Where(r => r.Level == "area").Sum(r => r.MaxPoints) + (component.GetValueOrDefault("survey")?.MaxPoints ?? 0);
        return (points, max, Math.Clamp(points * 100 / max, 0, 100));
    }

    /// <summary>The appraised index of every unit in <paramref name="rows"/>.</summary>
    private static Dictionary<string, decimal> Indexes(IEnumerable<ExportRow> rows) =>
        rows.Where(r => r.Stage == "appraised").GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => IndexOf(g).Index);

    /// <summary>Standard competition ranks, as Ranker gives them: one more than the number of higher indexes.</summary>
    private static Dictionary<string, int> Ranks(Dictionary<string, decimal> index) =>
        index.ToDictionary(i => i.Key, i => index.Values.Count(v => v > i.Value) + 1);
}
