using CchcAnalytics.Core;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Cli.Tests;

/// <summary><c>cchc ingest data</c> on the repository's own data folder, into a temporary database file: everything
/// loads in one command, twice without changing anything the second time.</summary>
public sealed class LoadEverythingTests(LoadEverythingTests.Loaded loaded) : IClassFixture<LoadEverythingTests.Loaded>
{
    public sealed class Loaded : IDisposable
    {
        private readonly TempFolder folder = TestFiles.NewTempFolder();

        public Loaded()
        {
            Database = Path.Combine(folder.Path, "cchc.duckdb");
            First = Run("ingest", Path.Combine(TestFiles.RepositoryRoot, "data"), "--db", Database);
            using (var connections = new DuckDbConnectionFactory(Database))
            {
                CountsAfterFirst = new ScoreStore(connections).Submissions.TableCounts();
            }

            Second = Run("ingest", Path.Combine(TestFiles.RepositoryRoot, "data"), "--db", Database);
            // What the levels issue promises on the command line, asked before this fixture holds the file open.
            Communes2025 = Run("rank", "--year", "2025", "--level", "xa", "--format", "json", "--db", Database);
            Departments2024 = Run("rank", "--year", "2024", "--level", "so", "--format", "json", "--db", Database);
            UnknownLevel = Run("rank", "--year", "2024", "--level", "tinh", "--db", Database);
            Connections = new DuckDbConnectionFactory(Database);
            Store = new ScoreStore(Connections);
        }

        public string Database { get; }

        public (int Exit, string Output, string Error) First { get; }

        public (int Exit, string Output, string Error) Second { get; }

        public (int Exit, string Output, string Error) Communes2025 { get; }

        public (int Exit, string Output, string Error) Departments2024 { get; }

        public (int Exit, string Output, string Error) UnknownLevel { get; }

        public IReadOnlyDictionary<string, long> CountsAfterFirst { get; }

        public DuckDbConnectionFactory Connections { get; }

        public ScoreStore Store { get; }

        public void Dispose()
        {
            Connections.Dispose();
            folder.Dispose();
        }

        private static (int Exit, string Output, string Error) Run(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = CchcCli.Run(args, output, error);
            return (exit, output.ToString(), error.ToString());
        }
    }

    private ScoreStore Store => loaded.Store;

    [Fact]
    public void Rank_Communes2025_166UnitsWithTheirOfficialNames()
    {
        loaded.Communes2025.Exit.ShouldBe(0, loaded.Communes2025.Error);
        using var json = System.Text.Json.JsonDocument.Parse(loaded.Communes2025.Output);
        json.RootElement.GetProperty("level").GetString().ShouldBe("commune");
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToList();
        units.Count.ShouldBe(166);
        var names = units.Select(u => u.GetProperty("unit_name").GetString()).ToList();
        names.ShouldContain("xã Hoằng Hóa");
        names.ShouldContain("phường Hạc Thành");
        names.Distinct().Count().ShouldBe(166);
    }

    [Fact]
    public void Rank_Departments2024_TheTwentyOfQd482WithItsIndexes()
    {
        loaded.Departments2024.Exit.ShouldBe(0, loaded.Departments2024.Error);
        using var json = System.Text.Json.JsonDocument.Parse(loaded.Departments2024.Output);
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToList();
        units.Count.ShouldBe(20);
        var published = File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, "data", "published", "thanh-hoa-2024-qd482.csv")).Skip(1)
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, "^([^,]+),(?:\"[^\"]*\"|[^,]*),2024,[^,]*,[^,]*,([0-9.]+),"))
            .ToDictionary(m => m.Groups[1].Value, m => decimal.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        published.Count.ShouldBe(20);
        units.ToDictionary(u => u.GetProperty("unit_id").GetString()!, u => Math.Round(u.GetProperty("index").GetDecimal(), 2))
            .ShouldBe(published, ignoreOrder: true);
    }

    [Fact]
    public void Rank_UnknownLevel_ExitTwoNamingTheLevels()
    {
        loaded.UnknownLevel.Exit.ShouldBe(2);
        loaded.UnknownLevel.Error.ShouldContain("Unknown level 'tinh'. Levels: so (department), huyen (district), xa (commune).");
    }

    [Fact]
    public void Ingest_DataFolder_AcceptsEveryFile()
    {
        loaded.First.Exit.ShouldBe(0, loaded.First.Output + loaded.First.Error);
        loaded.First.Output.ShouldContain("accepted  " + Path.Combine(TestFiles.RepositoryRoot, "data", "published", "thanh-hoa-2023-qd600.csv") + ": published results, 8 rows — 8 added, 0 unchanged");
        loaded.First.Output.ShouldContain("hoang-hoa 2017 [self] 111 rows, self 92/100 — added (version 1)");
        // 2 published-results files, the real report, 8 district, 4 department and 2 commune sample files.
        loaded.First.Output.TrimEnd().ShouldEndWith("17 accepted, 0 rejected.");
        loaded.First.Output.ShouldStartWith("reference data: 214 units, 4 lineage events, 5 frameworks (4 khung minh họa), 409 crosswalk rows");
    }

    [Fact]
    public void Ingest_DataFolderTwice_ChangesNothing()
    {
        loaded.Second.Exit.ShouldBe(0);
        loaded.Second.Output.ShouldContain("published results, 8 rows — 0 added, 8 unchanged");
        loaded.Second.Output.ShouldContain("26 unit-years [synthetic: dữ liệu mẫu] — 0 added, 0 replaced (new versions), 52 unchanged");
        Store.Submissions.TableCounts().ShouldBe(loaded.CountsAfterFirst);
    }

    [Fact]
    public void Ingest_DataFolder_ReferenceCounts()
    {
        var counts = Store.Submissions.TableCounts();
        counts["unit"].ShouldBe(48 + 166);           // 28 district-level units (27 + Nghi Sơn), 20 departments, 166 communes of 2025
        counts["unit_event"].ShouldBe(4);
        counts["framework"].ShouldBe(5);
        counts["framework_criterion"].ShouldBe(111 + 113 + 113 + 33 + 36);   // the three district trees, departments, communes
        counts["crosswalk"].ShouldBe(111 + 114 + 115 + 33 + 36); // every row, plus the dropped concepts (1 in 2020, 2 in 2023)
        counts["published_result"].ShouldBe(28);
    }

    [Fact]
    public void Ingest_DataFolder_SubmissionsPerYearRealAndSynthetic()
    {
        var submissions = Store.Submissions.GetSubmissions();
        var perYear = submissions.GroupBy(s => s.Year).ToDictionary(g => g.Key, g => g.Count());

        // Two stages per unit-year; 2017 has the real Hoằng Hóa self-assessment instead of a generated unit. The 20
        // departments from 2023 and the 166 communes from 2025; 2026 is self-assessed only.
        perYear.ShouldBe(new Dictionary<int, int>
        {
            [2017] = (26 * 2) + 1, [2018] = 54, [2019] = 54, [2020] = 54, [2021] = 54, [2022] = 54, [2023] = 54 + 40, [2024] = 52 + 40,
            [2025] = 40 + (166 * 2), [2026] = 20 + 166,
        });
        var real = submissions.Where(s => !s.Synthetic).ShouldHaveSingleItem();
        (real.UnitId, real.Year, real.Stage, real.PointsTotal, real.MaxTotal).ShouldBe(("hoang-hoa", 2017, Stage.Self, (decimal?)92m, 100m));
        submissions.Count(s => s.Synthetic).ShouldBe(submissions.Count - 1);
        submissions.Select(s => (s.UnitId, s.Year)).Distinct().GroupBy(k => k.Year).ToDictionary(g => g.Key, g => g.Count())
            .ShouldBe(new Dictionary<int, int>
            {
                [2017] = 27, [2018] = 27, [2019] = 27, [2020] = 27, [2021] = 27, [2022] = 27, [2023] = 27 + 20, [2024] = 26 + 20, [2025] = 20 + 166, [2026] = 20 + 166,
            });
    }

    [Fact]
    public void Ingest_DataFolder_TinhGiaAndNghiSonFormOneSeries()
    {
        var lineage = new UnitLineage(Store.Reference.LoadUnits(), Store.Reference.LoadLineage());

        var series = Series(lineage.SeriesOf("nghi-son"));

        series.Select(p => p.Year).ShouldBe(Enumerable.Range(2017, 8));
        series.Select(p => p.UnitId).ShouldBe(["tinh-gia", "tinh-gia", "tinh-gia", "nghi-son", "nghi-son", "nghi-son", "nghi-son", "nghi-son"]);
        series.ShouldAllBe(p => p.Stage == Stage.Appraised && p.Synthetic && p.PointsTotal != null);
        lineage.SeriesOf("nghi-son").EndYear.ShouldBe(2024);
    }

    [Fact]
    public void Ingest_DataFolder_DongSonSeriesStopsIn2023AtThePublishedPoints()
    {
        var lineage = new UnitLineage(Store.Reference.LoadUnits(), Store.Reference.LoadLineage());

        var series = Series(lineage.SeriesOf("dong-son"));

        series.Select(p => p.Year).ShouldBe(Enumerable.Range(2017, 7));
        series[^1].PointsTotal.ShouldBe(92.15m);
        lineage.SeriesOf("dong-son").EndMessage.ShouldBe("Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.");
    }

    [Fact]
    public void Ingest_DataFolder_PublishedResultsKeptApartAndMatchedByTheSample()
    {
        var published = Store.Published.LoadPublished(2023).Where(p => p.RankOf == 27).ToList();
        published.Select(p => (p.UnitId, p.Points, p.Rank)).ShouldBe(
        [
            ("dong-son", (decimal?)92.15m, (int?)1), ("hoang-hoa", 91.92m, 2), ("thanh-hoa", 91.46m, 3), ("muong-lat", 86.09m, 27),
        ]);
        published.ShouldAllBe(p => p.Decision == "600/QĐ-UBND" && p.SourceUrl.StartsWith("https://", StringComparison.Ordinal));

        var appraised2023 = Store.Submissions.GetSubmissions(year: 2023).Where(s => s.Stage == Stage.Appraised && s.FrameworkId == "thanh-hoa-district-2023-illustrative")
            .OrderByDescending(s => s.PointsTotal).Select(s => (s.UnitId, s.PointsTotal)).ToList();
        appraised2023.Count.ShouldBe(27);
        foreach (var result in published)
        {
            appraised2023[result.Rank!.Value - 1].ShouldBe((result.UnitId, result.Points));
        }

        var departments2024 = Store.Published.LoadPublished(2024);
        departments2024.Count.ShouldBe(20);
        departments2024.ShouldAllBe(p => p.Points == null && p.IndexPercent != null && p.Decision == "482/QĐ-UBND");
    }

    [Fact]
    public void Export_OfRealAndSyntheticData_IngestsIntoANewDatabaseAndExportsIdentically()
    {
        using var folder = TestFiles.NewTempFolder();
        var first = folder.File("first.csv");
        var second = folder.File("second.csv");
        var copy = folder.File("copy.duckdb");
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            CchcCli.Run(["export", "scores", "--db", loaded.Database, "--out", first], output, error).ShouldBe(0);
            CchcCli.Run(["ingest", first, "--db", copy], output, error).ShouldBe(0, output.ToString());
            CchcCli.Run(["export", "scores", "--db", copy, "--out", second], output, error).ShouldBe(0);
        }

        File.ReadAllBytes(second).SequenceEqual(File.ReadAllBytes(first)).ShouldBeTrue();
        using var connections = new DuckDbConnectionFactory(copy);
        var submissions = new ScoreStore(connections).Submissions.GetSubmissions();
        submissions.Count.ShouldBe(1067);
        submissions.Count(s => !s.Synthetic).ShouldBe(1);
    }

    [Fact]
    public void Rank_2023Json_PublishedPlacesAndSampleLabels()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        CchcCli.Run(["rank", "--year", "2023", "--db", loaded.Database, "--format", "json"], output, error).ShouldBe(0);

        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToList();
        units.Count.ShouldBe(27);
        units.Take(3).Select(u => u.GetProperty("unit_id").GetString()).ShouldBe(["dong-son", "hoang-hoa", "thanh-hoa"]);
        units[^1].GetProperty("unit_id").GetString().ShouldBe("muong-lat");
        units.ShouldAllBe(u => u.GetProperty("synthetic").GetBoolean());
        json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain("Toàn bộ số liệu năm này là dữ liệu mẫu (không phải số liệu thật).");
    }

    [Fact]
    public void Report_2023Json_CarriesPeerGroupAndPath()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        CchcCli.Run(["report", "--unit", "hoang-hoa", "--year", "2023", "--db", loaded.Database, "--format", "json"], output, error).ShouldBe(0);

        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        (root.GetProperty("rank").GetInt32(), root.GetProperty("points").GetDecimal(), root.GetProperty("synthetic").GetBoolean()).ShouldBe((2, 91.92m, true));
        root.GetProperty("framework").GetProperty("status").GetString().ShouldBe("illustrative");
        root.GetProperty("peer_group").GetProperty("features").GetArrayLength().ShouldBe(8);
        root.GetProperty("peer_group").GetProperty("members").EnumerateArray().Select(m => m.GetString()).ShouldContain("hoang-hoa");
        root.GetProperty("next_rank").GetProperty("points_needed").GetDecimal().ShouldBe(0.23m);
        root.GetProperty("appraisal").GetProperty("appraised_total").GetDecimal().ShouldBe(91.92m);
    }

    [Fact]
    public void ChartsAndPack_2023_WriteFilesThatOpen()
    {
        using var folder = TestFiles.NewTempFolder();
        using var output = new StringWriter();
        using var error = new StringWriter();

        CchcCli.Run(["charts", "--year", "2023", "--unit", "hoang-hoa", "--db", loaded.Database, "--out", folder.Path], output, error).ShouldBe(0, error.ToString());
        CchcCli.Run(["pack", "--year", "2023", "--unit", "hoang-hoa", "--db", loaded.Database, "--out", folder.File("hop-2023.pptx")], output, error).ShouldBe(0, error.ToString());

        Directory.GetFiles(folder.Path, "*.png").Length.ShouldBe(6);
        File.ReadAllBytes(folder.File("ranking-2023.png")).Take(4).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        File.ReadAllText(folder.File("ranking-2023.svg")).ShouldContain("Đông Sơn");
        using var pack = DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(folder.File("hop-2023.pptx"), false);
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(pack).ShouldBeEmpty();
        var texts = pack.PresentationPart!.SlideParts.SelectMany(s => s.Slide.Descendants<DocumentFormat.OpenXml.Drawing.Text>()).Select(t => t.Text).ToList();
        texts.ShouldContain(t => t.Contains("Hoằng Hóa", StringComparison.Ordinal));
        texts.ShouldContain(t => t.Contains("dữ liệu mẫu", StringComparison.Ordinal));
    }

    /// <summary>The totals of a series year by year, each from the unit that held the series that year, appraised where
    /// present, else self-assessed (what ScoreStore.GetSeries did before issue 15 removed it as test-only).</summary>
    private List<(int Year, string UnitId, Stage Stage, decimal? PointsTotal, bool Synthetic)> Series(UnitSeries series) =>
        series.Segments
            .SelectMany(segment => Store.Submissions.GetSubmissions(currentOnly: true, unitId: segment.Unit.Id).Where(s => segment.Covers(s.Year)).GroupBy(s => s.Year))
            .Select(byYear => byYear.FirstOrDefault(s => s.Stage == Stage.Appraised) ?? byYear.First(s => s.Stage == Stage.Self))
            .Select(used => (used.Year, used.UnitId, used.Stage, used.PointsTotal, used.Synthetic))
            .OrderBy(p => p.Year)
            .ToList();
}
