using CchcAnalytics.Core;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Storage.Tests;

public sealed class ScoreStoreTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly ScoreStore store;

    public ScoreStoreTests()
    {
        store = new ScoreStore(connections);
        store.UpsertUnits([new Unit("hoang-hoa", "Hoằng Hóa", UnitKind.Huyen, "thanh-hoa", null, new DateOnly(2025, 6, 30), ["Hoàng Hóa"])]);
    }

    public void Dispose() => connections.Dispose();

    private static IncomingSubmission Incoming(decimal? subPoints, string areaName = "Lĩnh vực 1") => new(
        new ScoreSheet("hoang-hoa", 2017, Stage.Self,
        [
            new Score("1", CriterionLevel.Area, areaName, 2m, 1.5m, null),
            new Score("1.1", CriterionLevel.Criterion, "Tiêu chí 1.1", 2m, 1.5m, "Có kế hoạch"),
            new Score("1.1.1", CriterionLevel.SubCriterion, "TCTP 1.1.1", 1m, 1m, null),
            new Score("1.1.2", CriterionLevel.SubCriterion, "TCTP 1.1.2", 1m, subPoints, null),
        ]),
        "thanh-hoa-district-2017", "a.txt", "text", "hash", "1/BC-UBND", new DateOnly(2017, 11, 20), 1.5m, false,
        [Problem.Warning(ProblemCodes.MissingPoints, "a.txt", 7, "1.1.2 trống")]);

    [Fact]
    public void Save_MissingPoints_StoredAsNullNotZero()
    {
        var outcome = store.Save([Incoming(null)], [], "test").ShouldHaveSingleItem();

        outcome.Action.ShouldBe(SaveAction.Added);
        var scores = store.GetScores(outcome.SubmissionId);
        scores.Single(s => s.Code == "1.1.2").Points.ShouldBeNull();
        scores.Single(s => s.Code == "1.1").Evidence.ShouldBe("Có kế hoạch");
        store.GetProblems(outcome.SubmissionId).ShouldHaveSingleItem().Line.ShouldBe(7);
    }

    [Fact]
    public void Save_DecimalPoints_RoundTripExactly()
    {
        var outcome = store.Save([Incoming(0.5m)], [], "test").Single();

        store.GetScores(outcome.SubmissionId).Single(s => s.Code == "1.1.2").Points.ShouldBe(0.5m);
        var submission = store.GetSubmissions().Single();
        submission.PointsTotal.ShouldBe(1.5m);
        submission.ReportDate.ShouldBe(new DateOnly(2017, 11, 20));
        submission.RowCount.ShouldBe(4);
    }

    [Fact]
    public void Save_SameThenChanged_VersionsAndHistory()
    {
        store.Save([Incoming(0.5m)], [], "test");
        store.Save([Incoming(0.5m)], [], "test").Single().Action.ShouldBe(SaveAction.Unchanged);
        var replaced = store.Save([Incoming(0m)], [], "test").Single();

        replaced.Action.ShouldBe(SaveAction.Replaced);
        replaced.Version.ShouldBe(2);
        store.GetSubmissions().ShouldHaveSingleItem().Version.ShouldBe(2);
        store.GetSubmissions(currentOnly: false).Select(s => (s.Version, s.IsCurrent)).ShouldBe([(2, true), (1, false)]);
        store.TableCounts()["ingest_event"].ShouldBe(2); // added + replaced; the no-op wrote nothing
    }

    [Fact]
    public void Save_FailureMidway_RollsBackEverything()
    {
        store.Save([Incoming(0.5m)], [], "test");
        var before = store.TableCounts();
        var broken = Incoming(0m) with { Sheet = Incoming(0m).Sheet with { Scores = [.. Incoming(0m).Sheet.Scores, Incoming(0m).Sheet.Scores[0]] } };

        Should.Throw<Exception>(() => store.Save([Incoming(0m, "Đổi tên"), broken], [], "test"));

        store.TableCounts().ShouldBe(before);
        store.GetSubmissions().Single().Version.ShouldBe(1);
    }

    [Fact]
    public void Units_RoundTripWithAliases()
    {
        var unit = store.LoadUnits().ShouldHaveSingleItem();
        unit.Name.ShouldBe("Hoằng Hóa");
        unit.Kind.ShouldBe(UnitKind.Huyen);
        unit.ValidTo.ShouldBe(new DateOnly(2025, 6, 30));
        unit.Aliases.ShouldBe(["Hoàng Hóa"]);
    }

    [Fact]
    public void FileDatabase_ReopenedAfterOwnerClosed_KeepsData()
    {
        using var folder = TestFiles.NewTempFolder();
        var path = folder.File("cchc.duckdb");
        using (var first = new DuckDbConnectionFactory(path))
        {
            new ScoreStore(first).UpsertUnits([new Unit("a", "A", UnitKind.Huyen, "p", null, null, [])]);
        }

        // Reopening after the first owner let go works, and the data is there.
        using var again = new DuckDbConnectionFactory(path);
        new ScoreStore(again).LoadUnits().ShouldHaveSingleItem().Id.ShouldBe("a");
    }
}
