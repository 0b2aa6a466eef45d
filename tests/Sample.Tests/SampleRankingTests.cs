using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Sample.Tests;

/// <summary>The department and commune sample through the product's own path: the generated files ingested into a
/// DuckDB file in a temporary folder, read back as the dashboard reads them (<see cref="IndexData.Load(DuckDbConnectionFactory, long)"/>)
/// and ranked by <see cref="Ranker"/>, against the published results of QĐ 600/QĐ-UBND (2023) and QĐ 482/QĐ-UBND (2024).</summary>
public sealed class SampleRankingTests(SampleRankingTests.Ingested ingested) : IClassFixture<SampleRankingTests.Ingested>
{
    private const string Province = "thanh-hoa";

    private static readonly string[] TiedIn2024 = ["thanh-hoa-so-noi-vu", "thanh-hoa-van-phong-ubnd", "thanh-hoa-so-kh-cn", "thanh-hoa-so-y-te"];

    public sealed class Ingested : IDisposable
    {
        private readonly TempFolder folder = TestFiles.NewTempFolder();
        private readonly DuckDbConnectionFactory connections;

        public Ingested()
        {
            Inputs = SampleInputs.FromDataFolder(Path.Combine(TestFiles.RepositoryRoot, "data"));
            var files = new SampleGenerator(Inputs).Generate(new SampleOptions(Levels: ["department", "commune"]));
            connections = new DuckDbConnectionFactory(folder.File("cchc.duckdb"));
            var runner = new IngestRunner(new ScoreStore(connections), Inputs.Reference);
            foreach (var path in SampleWriter.Write(files, folder.File("sample")))
            {
                var report = runner.Run(path, new IngestOptions());
                report.Accepted.ShouldBeTrue(string.Join('\n', report.Problems));
                report.Problems.ShouldBeEmpty();
            }

            Data = IndexData.Load(connections);
        }

        public SampleInputs Inputs { get; }

        public IndexData Data { get; }

        public void Dispose()
        {
            connections.Dispose();
            folder.Dispose();
        }
    }

    private Ranking Ranking(int year, string level) => Ranker.For(ingested.Data, year, Province, level, AnalyticsOptions.Default);

    [Fact]
    public void Ranking2024Departments_IndexEqualsQd482AndRanksAreThePublishedOnesBesideTheTies()
    {
        var ranking = Ranking(2024, "department");
        var qd482 = ingested.Inputs.Published.Where(p => p.Year == 2024 && p.Decision == "482/QĐ-UBND").ToList();

        ranking.Units.Count.ShouldBe(20);
        qd482.Count.ShouldBe(20);
        foreach (var published in qd482)
        {
            var ranked = ranking.Find(published.UnitId)!;
            (ranked.Result.StageUsed, ranked.Result.Synthetic, ranked.Result.MaxPoints).ShouldBe((Stage.Appraised, true, 100m), published.UnitId);
            ranked.Index.ShouldBe(published.IndexPercent!.Value, published.UnitId);
            if (qd482.Count(o => o.IndexPercent == published.IndexPercent) == 1)
            {
                ranked.Rank.ShouldBe(published.Rank!.Value, published.UnitId);
            }
        }

        // The two shared printed indexes are ties (đồng hạng), where QĐ 482 prints Văn phòng UBND tỉnh 3rd (Sở Nội vụ,
        // 90.02 as well, unranked) and Sở Y tế 14th (Sở KH&CN 13th, 85.02 both).
        var ties = TiedIn2024.Select(id => ranking.Find(id)!).ToList();
        ties.Select(t => (t.Rank, t.Tied)).ShouldBe([(2, true), (2, true), (13, true), (13, true)]);
        ranking.Units.Where(u => !ties.Contains(u)).ShouldAllBe(u => !u.Tied);
        // The survey is a component of the index: 70 criteria points + 30 survey points.
        var taiChinh = ranking.Find("thanh-hoa-so-tai-chinh")!.Result;
        (taiChinh.Component("criteria")!.MaxPoints, taiChinh.Component("survey")!.MaxPoints).ShouldBe((70m, 30m));
        (taiChinh.Component("criteria")!.Points + taiChinh.Component("survey")!.Points).ShouldBe(90.05m);
    }

    [Fact]
    public void Ranking2023Departments_TheFourPrintedResultsHold()
    {
        var ranking = Ranking(2023, "department");

        ranking.Units.Count.ShouldBe(20);
        (ranking.Find("thanh-hoa-so-cong-thuong")!.Rank, ranking.Find("thanh-hoa-so-cong-thuong")!.Result.Points).ShouldBe((1, (decimal?)92.83m));
        (ranking.Find("thanh-hoa-so-gtvt")!.Rank, ranking.Find("thanh-hoa-so-gtvt")!.Result.Points).ShouldBe((2, (decimal?)91.86m));
        // Printed 91.651: points carry two decimals.
        (ranking.Find("thanh-hoa-bql-kkt-nghi-son")!.Rank, ranking.Find("thanh-hoa-bql-kkt-nghi-son")!.Result.Points).ShouldBe((6, (decimal?)91.65m));
        var banDanToc = ranking.Find("thanh-hoa-ban-dan-toc")!;
        (banDanToc.Rank, banDanToc.Tied, banDanToc.Result.Points, banDanToc.Result.MaxPoints).ShouldBe((20, false, (decimal?)68.32m, 84m));
        Math.Round(banDanToc.Index, 2).ShouldBe(81.33m);
        VietnameseText.Percent(banDanToc.Index).ShouldBe("81,33");
        banDanToc.Result.Component("survey")!.MaxPoints.ShouldBe(14m);
    }

    [Fact]
    public void Rankings2026_SelfAssessedOnly_DepartmentsAndCommunesRankedWithoutSurvey()
    {
        foreach (var (level, count) in new[] { ("department", 20), ("commune", 166) })
        {
            var ranking = Ranking(2026, level);
            ranking.Units.Count.ShouldBe(count, level);
            ranking.Units.ShouldAllBe(u => u.Result.StageUsed == Stage.Self && u.Result.Synthetic);
            // No survey in a self-assessment: left out of both sides of the index, never 0.
            ranking.Units.ShouldAllBe(u => u.Result.Component("survey")!.Points == null && u.Result.MaxPoints == u.Result.Framework.TotalMax);
        }
    }

    [Fact]
    public void Ranking2025Communes_166AppraisedWithSurveyBonusAndPenalty()
    {
        var ranking = Ranking(2025, "commune");

        ranking.Units.Count.ShouldBe(166);
        ranking.Units.ShouldAllBe(u => u.Result.StageUsed == Stage.Appraised && u.Result.MaxPoints == 100m && u.Result.Component("survey")!.Points != null);
        ranking.Units.Count(u => u.Result.Component("bonus")!.Points is not null).ShouldBeInRange(3, 40);
        ranking.Units.Count(u => u.Result.Component("penalty")!.Points is not null).ShouldBeInRange(3, 40);
    }
}
