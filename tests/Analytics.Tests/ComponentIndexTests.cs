using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Analytics.Tests;

/// <summary>Issue 13 §3: the index of a framework with components (data/README.md): 100 × (Σ add + Σ bonus − Σ subtract)
/// / Σ add applicable maxima, kept in 0..100; a missing component is left out of both sides, never 0.</summary>
public sealed class ComponentIndexTests : IDisposable
{
    private const string Province = "thanh-hoa";
    private const string Level = "commune";
    private static readonly AnalyticsOptions Options = AnalyticsOptions.Default;

    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;

    public ComponentIndexTests()
    {
        store = new ScoreStore(connections);
        var report = new IngestRunner(store, ReferenceData.Embedded).Run(folder.Write("communes-2025.csv", CommuneCsv.TwoUnits()), new IngestOptions());
        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
    }

    public void Dispose()
    {
        connections.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Load_CommuneWithSurveyBonusPenalty_IndexIsTheFormula()
    {
        foreach (var data in new[] { IndexData.Load(connections), IndexData.Load(store) })
        {
            // 100 × (70 + 15 + 2 − 1) / (80 + 20) = 86.
            var hoangHoa = data.Result(CommuneCsv.HoangHoa, 2025).ShouldNotBeNull();
            (hoangHoa.Points, hoangHoa.MaxPoints, hoangHoa.Index).ShouldBe(((decimal?)86m, 100m, (decimal?)86m));
            hoangHoa.Components.Select(c => (c.Id, c.Role, c.Points, c.MaxPoints)).ShouldBe(
            [
                ("criteria", ComponentRole.Add, (decimal?)70m, 80m),
                ("survey", ComponentRole.Add, 15m, 20m),
                ("bonus", ComponentRole.Bonus, 2m, 5m),
                ("penalty", ComponentRole.Subtract, 1m, 5m),
            ]);

            // No survey: left out of both sides, 100 × (70 + 2 − 1) / 80 = 88,75.
            var ngaSon = data.Result(CommuneCsv.NgaSon, 2025).ShouldNotBeNull();
            (ngaSon.Points, ngaSon.MaxPoints, ngaSon.Index).ShouldBe(((decimal?)71m, 80m, (decimal?)88.75m));
            ngaSon.Component("survey").ShouldNotBeNull().Points.ShouldBeNull();
            ngaSon.Component("survey")!.MaxPoints.ShouldBe(20m);
        }
    }

    [Fact]
    public void Ranking_CommunesWithComponents_RankedByTheFormulasIndex()
    {
        var ranking = Ranker.For(IndexData.Load(connections), 2025, Province, Level, Options);

        ranking.Units.Select(u => (u.Result.Unit.Id, u.Rank, u.Index)).ShouldBe([(CommuneCsv.NgaSon, 1, 88.75m), (CommuneCsv.HoangHoa, 2, 86m)]);
    }

    [Fact]
    public void Report_CommuneWithComponents_FindingsAndNextRankUseTheIndexPoints()
    {
        var report = UnitReport.Build(IndexData.Load(connections), CommuneCsv.HoangHoa, 2025, Options).ShouldNotBeNull();

        report.Findings[0].Text.ShouldBe("[Dữ liệu mẫu] Năm 2025, xã Hoằng Hóa đạt 86/100 điểm (điểm tự chấm, chưa thẩm định), chỉ số 86%, xếp thứ 2/2.");
        // 88,75 − 86 = 2,75 points of index over a maximum of 100.
        report.NextRankPath.ShouldNotBeNull().PointsNeeded.ShouldBe(2.75m);
    }

    [Fact]
    public void Total_CriteriaOnly_TheTreesNumbersUnchanged()
    {
        var framework = Hand.Framework;
        var parts = IndexFormula.Parts(framework, 92.5m, 100m, []);

        parts.ShouldHaveSingleItem().Id.ShouldBe("criteria");
        IndexFormula.Total(parts).ShouldBe(((decimal?)92.5m, 100m));
    }

    [Theory]
    [InlineData(80, 20, 5, 0, 100)]        // 105 / 100 is kept at 100
    [InlineData(0, null, 0, 5, 0)]         // −5 / 80 is kept at 0
    [InlineData(70, null, null, null, 87.5)] // no component scored: the tree alone
    public void Index_BonusAndPenalty_KeptBetween0And100(int criteria, int? survey, int? bonus, int? penalty, double expected)
    {
        var framework = CommuneFramework();
        ComponentScore? Score(string id, int? points, decimal max) => points is null ? null : new ComponentScore(id, id, max, points);
        var scores = new[] { Score("survey", survey, 20m), Score("bonus", bonus, 5m), Score("penalty", penalty, 5m) }.OfType<ComponentScore>().ToList();

        var (points, max) = IndexFormula.Total(IndexFormula.Parts(framework, criteria, 80m, scores));

        IndexFormula.Index(points, max).ShouldBe((decimal)expected);
    }

    [Fact]
    public void Index_CriteriaMissing_NullEvenWithASurvey()
    {
        var (points, max) = IndexFormula.Total(IndexFormula.Parts(CommuneFramework(), null, 80m, [new ComponentScore("survey", "s", 20m, 15m)]));

        (points, max).ShouldBe(((decimal?)null, 80m));
        IndexFormula.Index(points, max).ShouldBeNull();
    }

    private static Framework CommuneFramework() =>
        ReferenceData.Embedded.Frameworks.Single(f => f.Id == CommuneCsv.Framework);
}
