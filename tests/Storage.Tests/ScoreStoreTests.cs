using CchcAnalytics.Core;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Storage.Tests;

public sealed class ScoreStoreTests : IDisposable
{
    private static readonly int[] TwoYears = [2017, 2018];
    private static readonly Stage[] BothStages = [Stage.Self, Stage.Appraised];
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly ScoreStore store;

    public ScoreStoreTests()
    {
        store = new ScoreStore(connections);
        store.Reference.UpsertUnits([new Unit("hoang-hoa", "Hoằng Hóa", UnitKind.Huyen, "thanh-hoa", null, new DateOnly(2025, 6, 30), ["Hoàng Hóa"])]);
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
        var outcome = store.Submissions.Save([Incoming(null)], [], "test").ShouldHaveSingleItem();

        outcome.Action.ShouldBe(SaveAction.Added);
        var scores = store.Submissions.GetScores(outcome.SubmissionId);
        scores.Single(s => s.Code == "1.1.2").Points.ShouldBeNull();
        scores.Single(s => s.Code == "1.1").Evidence.ShouldBe("Có kế hoạch");
        store.Submissions.GetCurrentProblems().ShouldHaveSingleItem().Problem.Line.ShouldBe(7);
    }

    [Fact]
    public void Save_ComponentScores_StoredWithTheSubmissionAndExportedAfterItsRows()
    {
        var incoming = Incoming(0.5m);
        incoming = incoming with
        {
            Sheet = incoming.Sheet with { Components = [new ComponentScore("survey", "Điều tra xã hội học", 20m, 15.5m), new ComponentScore("bonus", "Điểm thưởng", 5m, null)] },
        };

        var outcome = store.Submissions.Save([incoming], [], "test").Single();

        store.Submissions.GetComponents(outcome.SubmissionId).ShouldBe(
            [new ComponentScore("survey", "Điều tra xã hội học", 20m, 15.5m), new ComponentScore("bonus", "Điểm thưởng", 5m, null)]);
        store.Submissions.GetCurrentComponents()[outcome.SubmissionId].Count.ShouldBe(2);
        var rows = store.Submissions.GetCurrentRows();
        rows.Select(r => (r.Code, r.Level)).ShouldBe([("1", "area"), ("1.1", "criterion"), ("1.1.1", "sub_criterion"), ("1.1.2", "sub_criterion"), ("survey", "component"), ("bonus", "component")]);
        rows[^1].Points.ShouldBeNull();
        store.Submissions.Save([incoming], [], "test").Single().Action.ShouldBe(SaveAction.Unchanged);
    }

    [Fact]
    public void UpsertFramework_WithComponents_LoadsThemBackInOrder()
    {
        var framework = new Framework("f", "thanh-hoa", "commune", 2025, null, null, FrameworkStatus.Illustrative, "s",
            [new FrameworkCriterion("1", CriterionLevel.Area, "A", 80m)])
        {
            Components =
            [
                new FrameworkComponent("f", "criteria", "Điểm theo bộ tiêu chí", 80m, ComponentRole.Add),
                new FrameworkComponent("f", "survey", "Điều tra", 20m, ComponentRole.Add, "ghi chú"),
                new FrameworkComponent("f", "penalty", "Điểm trừ", 5m, ComponentRole.Subtract),
            ],
        };

        store.Reference.UpsertFramework(framework);

        var loaded = store.Reference.LoadFrameworks().Single(f => f.Id == "f");
        loaded.Components.ShouldBe(framework.Components);
        loaded.HasComponents.ShouldBeTrue();
    }

    [Fact]
    public void Save_DecimalPoints_RoundTripExactly()
    {
        var outcome = store.Submissions.Save([Incoming(0.5m)], [], "test").Single();

        store.Submissions.GetScores(outcome.SubmissionId).Single(s => s.Code == "1.1.2").Points.ShouldBe(0.5m);
        var submission = store.Submissions.GetSubmissions().Single();
        submission.PointsTotal.ShouldBe(1.5m);
        submission.ReportDate.ShouldBe(new DateOnly(2017, 11, 20));
        submission.RowCount.ShouldBe(4);
    }

    [Fact]
    public void Save_SameThenChanged_VersionsAndHistory()
    {
        store.Submissions.Save([Incoming(0.5m)], [], "test");
        store.Submissions.Save([Incoming(0.5m)], [], "test").Single().Action.ShouldBe(SaveAction.Unchanged);
        var replaced = store.Submissions.Save([Incoming(0m)], [], "test").Single();

        replaced.Action.ShouldBe(SaveAction.Replaced);
        replaced.Version.ShouldBe(2);
        store.Submissions.GetSubmissions().ShouldHaveSingleItem().Version.ShouldBe(2);
        store.Submissions.GetSubmissions(currentOnly: false).Select(s => (s.Version, s.IsCurrent)).ShouldBe([(2, true), (1, false)]);
        store.Submissions.TableCounts()["ingest_event"].ShouldBe(2); // added + replaced; the no-op wrote nothing
    }

    [Fact]
    public void GetCurrentSubmissions_SeveralUnitYears_CurrentOfEachInOneCall()
    {
        store.Submissions.Save([Incoming(0.5m)], [], "test");
        store.Submissions.Save([Incoming(0m)], [], "test");
        var other = Incoming(1m) with { Sheet = Incoming(1m).Sheet with { Year = 2018 } };
        store.Submissions.Save([other], [], "test");

        var current = store.Submissions.GetCurrentSubmissions([("hoang-hoa", 2017), ("hoang-hoa", 2018), ("hoang-hoa", 2019), ("hoang-hoa", 2017)]);

        current.Count.ShouldBe(3);
        current[("hoang-hoa", 2017)].ShouldHaveSingleItem().Version.ShouldBe(2);
        current[("hoang-hoa", 2018)].ShouldHaveSingleItem().PointsTotal.ShouldBe(1.5m);
        current[("hoang-hoa", 2019)].ShouldBeEmpty();
    }

    [Fact]
    public void Save_ManySubmissionsInOneFile_IdsVersionsAndAuditInOrder()
    {
        var sheets = Enumerable.Range(2017, 5).Select(year => Incoming(0.5m) with { Sheet = Incoming(0.5m).Sheet with { Year = year } }).ToList();
        store.Submissions.Save([sheets[0]], [], "test");
        var changed = sheets[0] with { Sheet = sheets[0].Sheet with { Scores = [.. sheets[0].Sheet.Scores.Take(3), sheets[0].Sheet.Scores[3] with { Points = 0m }] } };

        var outcomes = store.Submissions.Save([changed, .. sheets.Skip(1)], [], "test");

        outcomes.Select(o => (o.Year, o.Action, o.Version)).ShouldBe(
            [(2017, SaveAction.Replaced, 2), (2018, SaveAction.Added, 1), (2019, SaveAction.Added, 1), (2020, SaveAction.Added, 1), (2021, SaveAction.Added, 1)]);
        outcomes[0].Previous.ShouldNotBeNull().PointsTotal.ShouldBe(1.5m);
        var stored = store.Submissions.GetSubmissions();
        stored.Select(s => s.Id).Order().ShouldBe(outcomes.Select(o => o.SubmissionId).Order());
        outcomes.ShouldAllBe(o => store.Submissions.GetScores(o.SubmissionId).Count == 4);
        store.Submissions.GetCurrentProblems().Select(p => p.Year).ShouldBe([2017, 2018, 2019, 2020, 2021]);
        store.Audit.GetEvents(10).Select(e => e.Detail[..14]).ShouldBe(
            ["hoang-hoa 2021", "hoang-hoa 2020", "hoang-hoa 2019", "hoang-hoa 2018", "hoang-hoa 2017", "hoang-hoa 2017"]);
        store.Audit.GetEvents(10)[4].Outcome.ShouldBe("replaced");
    }

    [Fact]
    public void CurrentRows_MoreSubmissionsThanOneChunk_StreamsEveryRowInExportOrder()
    {
        // 320 unit-years × 2 stages: more submissions than one streamed chunk (500), saved in a shuffled order.
        var units = Enumerable.Range(0, 32).Select(i => new Unit($"u{i:00}", $"Đơn vị {i}", UnitKind.Huyen, "thanh-hoa", null, null, [])).ToList();
        store.Reference.UpsertUnits(units);
        var incoming = (from unit in units
                        from year in Enumerable.Range(2015, 10)
                        from stage in BothStages
                        select Incoming(year % 3 == 0 ? null : 0.5m) with { Sheet = Incoming(0.5m).Sheet with { UnitId = unit.Id, Year = year, Stage = stage } })
            .OrderBy(i => i.Sheet.Year % 4).ThenByDescending(i => i.Sheet.UnitId, StringComparer.Ordinal).ToList();
        store.Submissions.Save(incoming, [], "test");

        var selection = store.Submissions.CurrentRows();
        var rows = selection.Rows.ToList();

        selection.Submissions.Count.ShouldBe(640);
        rows.Count.ShouldBe(640 * 4);
        rows.Select(r => (r.Year, r.UnitId, r.Stage == "self" ? 0 : 1)).ShouldBe(
            rows.Select(r => (r.Year, r.UnitId, r.Stage == "self" ? 0 : 1)).OrderBy(k => k.Year).ThenBy(k => k.UnitId, StringComparer.Ordinal).ThenBy(k => k.Item3));
        rows.Take(4).Select(r => r.Code).ShouldBe(["1", "1.1", "1.1.1", "1.1.2"]);
        rows.First().UnitName.ShouldBe("Đơn vị 0");
        selection.OfYear(2016).Rows.Count().ShouldBe(32 * 2 * 4);
        store.Submissions.CurrentRows(2016, (unit, _) => unit != "u00").Rows.Select(r => r.UnitId).Distinct().Count().ShouldBe(31);
    }

    [Fact]
    public void CurrentRowsSplit_SmallParts_PerYearAtUnitBoundaries()
    {
        var units = Enumerable.Range(0, 5).Select(i => new Unit($"u{i}", $"Đơn vị {i}", UnitKind.Huyen, "thanh-hoa", null, null, [])).ToList();
        store.Reference.UpsertUnits(units);
        store.Submissions.Save([.. from unit in units
                       from year in TwoYears
                       from stage in BothStages
                       where year == 2017 || unit.Id != "u4"
                       select Incoming(0.5m) with { Sheet = Incoming(0.5m).Sheet with { UnitId = unit.Id, Year = year, Stage = stage } }], [], "test");

        // A unit-year has 8 rows (2 stages × 4): parts of at most 17 rows hold 2 unit-years.
        var parts = store.Submissions.CurrentRows().Split(17);

        parts.Select(p => (p.Submissions[0].Year, string.Join(' ', p.Submissions.Select(s => s.UnitId).Distinct()))).ShouldBe(
            [(2017, "u0 u1"), (2017, "u2 u3"), (2017, "u4"), (2018, "u0 u1"), (2018, "u2 u3")]);
        parts.Sum(p => p.Rows.Count()).ShouldBe(store.Submissions.GetCurrentRows().Count);
        store.Submissions.CurrentRows().Split(1).Count.ShouldBe(9);
    }

    [Fact]
    public void Save_FailureMidway_RollsBackEverything()
    {
        store.Submissions.Save([Incoming(0.5m)], [], "test");
        var before = store.Submissions.TableCounts();
        var broken = Incoming(0m) with { Sheet = Incoming(0m).Sheet with { Scores = [.. Incoming(0m).Sheet.Scores, Incoming(0m).Sheet.Scores[0]] } };

        Should.Throw<Exception>(() => store.Submissions.Save([Incoming(0m, "Đổi tên"), broken], [], "test"));

        store.Submissions.TableCounts().ShouldBe(before);
        store.Submissions.GetSubmissions().Single().Version.ShouldBe(1);
    }

    [Fact]
    public void Units_RoundTripWithAliases()
    {
        var unit = store.Reference.LoadUnits().ShouldHaveSingleItem();
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
            new ScoreStore(first).Reference.UpsertUnits([new Unit("a", "A", UnitKind.Huyen, "p", null, null, [])]);
        }

        // Reopening after the first owner let go works, and the data is there.
        using var again = new DuckDbConnectionFactory(path);
        new ScoreStore(again).Reference.LoadUnits().ShouldHaveSingleItem().Id.ShouldBe("a");
    }
}
