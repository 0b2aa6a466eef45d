using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics.Tests;

/// <summary>Every measure on small hand-made cases; the arithmetic is written next to each expectation.</summary>
public sealed class MeasureTests
{
    private static readonly AnalyticsOptions Options = AnalyticsOptions.Default;
    private static readonly string[] FrameworkIds = ["f17", "f20", "f23"];

    [Fact]
    public void Rank_Ties_StandardCompetitionRankingWithQuartilesAndBands()
    {
        // Totals 92, 91, 91, 89.5 (max 100) → ranks 1, 2, 2, 4 ("1224"); quartile ⌊4·(rank − 1)/4⌋ + 1 → 1, 2, 2, 4.
        var data = Hand.Data(
            [Hand.Unit("a"), Hand.Unit("b"), Hand.Unit("c"), Hand.Unit("d")],
            [
                Hand.Sheet("a", 2020, Stage.Appraised, 25, 25, 25, 17),
                Hand.Sheet("b", 2020, Stage.Appraised, 25, 25, 25, 16),
                Hand.Sheet("c", 2020, Stage.Appraised, 25, 25, 16, 25),
                Hand.Sheet("d", 2020, Stage.Appraised, 25, 25, 25, 14.5m),
            ]);

        var ranking = Ranker.For(data, 2020, "p", "district", Options);

        ranking.Units.Select(u => (u.Result.Unit.Id, u.Rank, u.Tied, u.Quartile, u.Band.Label)).ShouldBe(
        [
            ("a", 1, false, 1, "≥ 90"), ("b", 2, true, 2, "≥ 90"), ("c", 2, true, 2, "≥ 90"), ("d", 4, false, 4, "80 – < 90"),
        ]);
        ranking.Units.ShouldAllBe(u => u.RankOf == 4 && u.PreviousRank == null && u.RankChange == null);
    }

    [Fact]
    public void Rank_ApplicableMaxBelow100_RanksByIndexNotPoints()
    {
        // Like Ban Dân tộc 2023: 68.32 points of an applicable 84 = 81.33 %, above 80 points of 100 = 80 %.
        var small = Hand.MakeFramework("small", 2023, FrameworkStatus.Official) with
        {
            Criteria = Hand.Framework.Criteria.Select(c => c.Code.StartsWith('2') ? c with { MaxPoints = c.MaxPoints - (c.Level == CriterionLevel.Area ? 16 : 8) } : c).ToList(),
        };
        var data = Hand.Data(
            [Hand.Unit("ban-dan-toc"), Hand.Unit("other")],
            [
                Hand.Sheet("ban-dan-toc", 2023, Stage.Appraised, 20, 20, 14.16m, 14.16m, small),
                Hand.Sheet("other", 2023, Stage.Appraised, 20, 20, 20, 20),
            ],
            frameworks: [small, Hand.Framework]);

        var ranking = Ranker.For(data, 2023, "p", "district", Options);

        var first = ranking.Units[0];
        (first.Result.Unit.Id, first.Result.Points, first.Result.MaxPoints).ShouldBe(("ban-dan-toc", (decimal?)68.32m, 84m));
        Math.Round(first.Index, 2).ShouldBe(81.33m);
        ranking.Units[1].Index.ShouldBe(80m);
        ranking.Notes.ShouldContain("Các đơn vị được chấm theo nhiều bộ tiêu chí khác nhau; xếp hạng theo chỉ số (%).");
    }

    [Fact]
    public void Rank_MissingTotal_NotRankedNeverZero()
    {
        var data = Hand.Data(
            [Hand.Unit("a"), Hand.Unit("gap")],
            [Hand.Sheet("a", 2020, Stage.Appraised, 20, 20, 20, 20), Hand.Sheet("gap", 2020, Stage.Appraised, 20, null, 20, 20)]);

        var ranking = Ranker.For(data, 2020, "p", "district", Options);

        ranking.Units.ShouldHaveSingleItem().RankOf.ShouldBe(1);
        ranking.Unranked.ShouldHaveSingleItem().Unit.Id.ShouldBe("gap");
        data.Result("gap", 2020)!.Index.ShouldBeNull();
    }

    [Fact]
    public void Trend_SelfAssessedYearBetweenAppraisedOnes_NoDeltaAcrossStagesAndSlopeOnAppraisedYears()
    {
        // a: 2018 appraised 80, 2019 self 95, 2020 appraised 84, 2021 appraised 86 (max 100); b is always appraised.
        // 2019 and 2020 change stage → no Δ, no rank change; 2021 vs 2020 (both appraised): Δ +2.
        // Slope over the appraised years 2018, 2020, 2021: x̄ = 2019.67, ȳ = 83.33;
        // Σ(x−x̄)(y−ȳ) = (−1.67)(−3.33) + (0.33)(0.67) + (1.33)(2.67) = 5.56 + 0.22 + 3.56 = 9.33; Σ(x−x̄)² = 2.78 + 0.11 + 1.78 = 4.67 → 2.
        var data = Hand.Data(
            [Hand.Unit("a"), Hand.Unit("b")],
            [
                Hand.Sheet("a", 2018, Stage.Appraised, 20, 20, 20, 20), Hand.Sheet("b", 2018, Stage.Appraised, 25, 25, 25, 20),
                Hand.Sheet("a", 2019, Stage.Self, 25, 25, 25, 20), Hand.Sheet("b", 2019, Stage.Appraised, 25, 25, 20, 20),
                Hand.Sheet("a", 2020, Stage.Appraised, 25, 25, 20, 14), Hand.Sheet("b", 2020, Stage.Appraised, 25, 25, 20, 20),
                Hand.Sheet("a", 2021, Stage.Appraised, 25, 25, 20, 16), Hand.Sheet("b", 2021, Stage.Appraised, 25, 25, 20, 20),
            ]);

        var trend = Trends.ForUnit(data, "a", Options);

        trend.Points.Select(p => (p.Year, p.StageUsed, p.StageChanged, p.DeltaIndex, p.RankChange)).ShouldBe(
        [
            (2018, Stage.Appraised, false, (decimal?)null, (int?)null),
            (2019, Stage.Self, true, null, null),
            (2020, Stage.Appraised, true, null, null),
            (2021, Stage.Appraised, false, 2m, 0),
        ]);
        trend.SlopeStage.ShouldBe(Stage.Appraised);
        Math.Round(trend.Slope!.Value, 12).ShouldBe(2m);
        trend.Warnings.ShouldContain("Năm 2018 dùng điểm thẩm định, năm 2019 dùng điểm tự chấm: không tính mức thay đổi điểm, chỉ số và thứ hạng giữa hai năm này.");
        trend.Warnings.ShouldContain("Xu hướng chỉ tính trên các năm dùng điểm thẩm định; không tính năm 2019 (điểm tự chấm).");

        var ranked = Ranker.For(data, 2019, "p", "district", Options).Find("a")!;
        (ranked.PreviousRank, ranked.StageChanged, ranked.RankChange).ShouldBe(((int?)2, true, (int?)null));
        Trends.Movers(data, 2019, "p", "district", Options).Select(m => m.Current.Result.Unit.Id).ShouldBe(["b"]);
        var report = UnitReport.Build(data, "a", 2019, Options)!;
        report.AreaChanges.ShouldAllBe(a => a.StageChanged && a.Before == null);
        report.Findings.Single(f => f.Kind == "rank").Text.ShouldContain("không so sánh thứ hạng với năm 2018 vì năm đó dùng điểm thẩm định");
    }

    [Fact]
    public void Rank_ChangeFollowsASuccession()
    {
        // 2019: old 90 (1st), b 80 (2nd). 2020: b 95 (1st), new 85 (2nd): new inherits old's 1st place → −1; b +1.
        var data = Hand.Data(
            [Hand.Unit("old", last: 2019), Hand.Unit("new", UnitKind.ThiXa, first: 2020), Hand.Unit("b")],
            [
                Hand.Sheet("old", 2019, Stage.Appraised, 25, 25, 20, 20), Hand.Sheet("b", 2019, Stage.Appraised, 20, 20, 20, 20),
                Hand.Sheet("new", 2020, Stage.Appraised, 25, 25, 20, 15), Hand.Sheet("b", 2020, Stage.Appraised, 25, 25, 25, 20),
            ],
            lineage: [new LineageEvent("e", 2020, null, LineageEventKind.Succeeded, "p", "district", "old", "new", null, null, "NQ", "url", null)]);

        var ranking = Ranker.For(data, 2020, "p", "district", Options);

        ranking.Find("new")!.PreviousRank.ShouldBe(1);
        ranking.Find("new")!.RankChange.ShouldBe(-1);
        ranking.Find("b")!.RankChange.ShouldBe(1);
        var movers = Trends.Movers(data, 2020, "p", "district", Options);
        movers.Select(m => (m.Current.Result.Unit.Id, m.DeltaIndex)).ShouldBe([("b", 15m), ("new", -5m)]); // 95 − 80; 85 − 90
    }

    [Fact]
    public void Benchmarks_MeanMedianBestAndGaps()
    {
        // 1.1 points: 25, 20, 10, 5 → mean 15, median (10 + 20) / 2 = 15, best 25 (a); unit d's gaps: −10, −10, −20.
        var data = Hand.Data(
            [Hand.Unit("a"), Hand.Unit("b"), Hand.Unit("c"), Hand.Unit("d")],
            [
                Hand.Sheet("a", 2020, Stage.Appraised, 25, 25, 25, 25), Hand.Sheet("b", 2020, Stage.Appraised, 20, 25, 25, 25),
                Hand.Sheet("c", 2020, Stage.Appraised, 10, 25, 25, 25), Hand.Sheet("d", 2020, Stage.Appraised, 5, 25, 25, 25),
            ]);
        var benchmarks = Benchmarks.Of(data.ResultsOf(2020, "p", "district"), Hand.Framework);

        var b11 = benchmarks.Single(b => b.Code == "1.1");
        (b11.Mean, b11.Median, b11.Best, b11.AtMax, b11.Units).ShouldBe((15m, 15m, 25m, 1, 4));
        b11.BestUnits.ShouldBe(["a"]);
        b11.MeanPercent.ShouldBe(60m);
        var d = Benchmarks.ForUnit(data.Result("d", 2020)!, benchmarks, code => code == "1.1" ? 40m : null).Single(u => u.Criterion.Code == "1.1");
        (d.GapToMean, d.GapToMedian, d.GapToBest, d.GapToPeerPercent).ShouldBe(((decimal?)-10m, (decimal?)-10m, (decimal?)-20m, (decimal?)-20m)); // 20 % − 40 %
        Benchmarks.Median([3m, 1m, 2m]).ShouldBe(2m);
    }

    [Fact]
    public void Trend_SlopeDeltasAndAMissingYear()
    {
        // Index 80 (2017), 82 (2018), 87 (2020): 2019 is missing. Deltas: 2018 +2; 2020 none (not consecutive).
        // Slope: x̄ = 2018.333…, ȳ = 83; Σ(x−x̄)(y−ȳ) = (−1⅓)(−3) + (−⅓)(−1) + (1⅔)(4) = 4 + ⅓ + 6⅔ = 11; Σ(x−x̄)² = 16/9 + 1/9 + 25/9 = 42/9 → 11 · 9 / 42 = 2.357…
        var data = Hand.Data(
            [Hand.Unit("a"), Hand.Unit("b")],
            [
                Hand.Sheet("a", 2017, Stage.Appraised, 20, 20, 20, 20), Hand.Sheet("a", 2018, Stage.Appraised, 21, 21, 20, 20),
                Hand.Sheet("a", 2020, Stage.Appraised, 22, 22, 22, 21), Hand.Sheet("b", 2019, Stage.Appraised, 20, 20, 20, 20),
            ]);

        var trend = Trends.ForUnit(data, "a", Options);

        trend.Points.Select(p => (p.Year, p.Index, p.DeltaIndex)).ShouldBe([(2017, (decimal?)80m, (decimal?)null), (2018, 82m, 2m), (2020, 87m, null)]);
        Math.Round(trend.Slope!.Value, 6).ShouldBe(Math.Round(11m * 9m / 42m, 6));
        trend.Warnings.ShouldContain("Không có số liệu từ năm 2019 đến 2019.");
        Trends.Slope([(2017, 80m), (2018, 82m), (2019, 87m)]).ShouldBe(3.5m); // Σ = (−1)(−3) + 0 + (1)(4) = 7; Σx² = 2
        Trends.Slope([(2017, 80m)]).ShouldBeNull();
    }

    [Fact]
    public void Trend_MergedUnitEndsAndTheReceiverShowsABreak()
    {
        var data = Hand.Data(
            [Hand.Unit("small", last: 2023), Hand.Unit("city", UnitKind.ThanhPho)],
            [
                Hand.Sheet("small", 2023, Stage.Appraised, 20, 20, 20, 20), Hand.Sheet("city", 2023, Stage.Appraised, 22, 22, 22, 22),
                Hand.Sheet("city", 2024, Stage.Appraised, 23, 23, 23, 23),
            ],
            lineage: [new LineageEvent("m", 2024, null, LineageEventKind.Merged, "p", "district", "small", "city", null, null, "NQ", "url", null)]);

        Trends.ForUnit(data, "small", Options).Warnings.ShouldContain("Chuỗi số liệu kết thúc năm 2023: huyện SMALL nhập vào thành phố CITY từ 2024.");
        Trends.ForUnit(data, "city", Options).Warnings.ShouldContain(w => w.StartsWith("Từ 2024: thành phố CITY gồm cả huyện SMALL", StringComparison.Ordinal));
        Ranker.For(data, 2024, "p", "district", Options).Units.ShouldHaveSingleItem().RankOf.ShouldBe(1);
    }

    [Fact]
    public void ConceptTrend_FrameworkChange_ComparableThroughRenumberingNotThroughRedefinition()
    {
        // f17: 1.1 = plan, 2.2 = online. f20 (illustrative): same codes, plan unchanged, online renamed to 2.2 still.
        // f23: online re-defined as a new concept → the 2017/2020 values of "online" are not joined to 2023.
        var f17 = Hand.MakeFramework("f17", 2017, FrameworkStatus.Derived, 2019);
        var f20 = Hand.MakeFramework("f20", 2020, FrameworkStatus.Illustrative, 2022);
        var f23 = Hand.MakeFramework("f23", 2023, FrameworkStatus.Illustrative);
        var crosswalk = new Crosswalk(
            [new("a1", CriterionLevel.Area, "A1"), new("a2", CriterionLevel.Area, "A2"), new("plan", CriterionLevel.Criterion, "Kế hoạch"),
             new("x", CriterionLevel.Criterion, "X"), new("y", CriterionLevel.Criterion, "Y"), new("online", CriterionLevel.Criterion, "Trực tuyến"),
             new("online-full", CriterionLevel.Criterion, "Trực tuyến toàn trình")],
            FrameworkIds.SelectMany(f => new CrosswalkEntry[]
            {
                new(f, "1", "a1", MappingKind.Same, [], null), new(f, "1.1", "plan", MappingKind.Same, [], null), new(f, "1.2", "x", MappingKind.Same, [], null),
                new(f, "2", "a2", MappingKind.Same, [], null), new(f, "2.1", "y", MappingKind.Same, [], null),
                new(f, "2.2", f == "f23" ? "online-full" : "online", f == "f23" ? MappingKind.New : f == "f20" ? MappingKind.Renamed : MappingKind.Same, [], null),
            }).Append(new CrosswalkEntry("f23", null, "online", MappingKind.Dropped, ["2.2"], null)).ToList());
        var data = Hand.Data(
            [Hand.Unit("a")],
            [
                Hand.Sheet("a", 2017, Stage.Appraised, 10, 25, 25, 0, f17), Hand.Sheet("a", 2020, Stage.Appraised, 15, 25, 25, 5, f20),
                Hand.Sheet("a", 2023, Stage.Appraised, 20, 25, 25, 20, f23),
            ],
            frameworks: [f17, f20, f23], crosswalk: crosswalk);

        var plan = Trends.ForConcept(data, "a", "plan");
        plan.Points.Select(p => (p.Year, p.Percent, p.Comparable)).ShouldBe([(2017, (decimal?)40m, true), (2020, 60m, true), (2023, 80m, true)]);
        plan.Slope.ShouldBe(40m / 6m * 1m); // Σ(x−x̄)(y−ȳ) = (−3⅓)(−20) + (−⅓)(0) + (2⅔)(20) = 120; Σ(x−x̄)² = 18 → 6⅔
        plan.Warnings.ShouldContain("Có khung minh họa (không phải khung chính thức) trong so sánh.");

        var online = Trends.ForConcept(data, "a", "online");
        online.Points.Select(p => p.Year).ShouldBe([2017, 2020]);
        online.Points.ShouldAllBe(p => p.Comparable); // compared with its own latest year, 2020
        Trends.ForConcept(data, "a", "online-full").Points.ShouldHaveSingleItem().Year.ShouldBe(2023);
    }

    [Fact]
    public void Weaknesses_ChronicNewAndRecovering()
    {
        // Leaves per year (max 25, weak < 12.5): 1.1 weak 2018–2020 → chronic in 2020 (3 of 3);
        // 1.2 weak only in 2020 → new; 2.1 weak 2017–2019, fine in 2020 → recovering; 2.2 never weak.
        var data = Hand.Data(
            [Hand.Unit("a")],
            [
                Hand.Sheet("a", 2017, Stage.Appraised, 20, 20, 5, 25), Hand.Sheet("a", 2018, Stage.Appraised, 10, 20, 5, 25),
                Hand.Sheet("a", 2019, Stage.Appraised, 12, 20, 10, 25), Hand.Sheet("a", 2020, Stage.Appraised, 12.25m, 5, 20, 25),
            ]);

        var weaknesses = Weaknesses.ForUnit(data, "a", 2020, Options);

        weaknesses.Select(w => (w.Code, w.Kind, w.WeakYears)).ShouldBe([("1.1", WeaknessKind.Chronic, 3), ("1.2", WeaknessKind.New, 1), ("2.1", WeaknessKind.Recovering, 2)]); // 2.1: weak in 2018 and 2019 of the window 2018–2020
        weaknesses[0].History.Select(h => (h.Year, h.Percent)).ShouldBe([(2018, (decimal?)40m), (2019, 48m), (2020, 49m)]);
        Weaknesses.Province(data, 2020, "p", "district", Options).ShouldHaveSingleItem().UnitIds.ShouldBe(["a"]);
        Weaknesses.ForUnit(data, "a", 2020, Options with { WeakYears = 4, WindowYears = 4 }).ShouldNotContain(w => w.Kind == WeaknessKind.Chronic);
    }

    [Fact]
    public void AppraisalGap_CutsShareAndOverClaimRatio()
    {
        // Self 25, 25, 20, 10 (80); appraised 25, 20, 20, 7.5 (72.5). Cuts: 1.2 by 5, 2.2 by 2.5 → 2 of 4 rows cut;
        // over-claim ratio = (5 + 2.5) / 80 = 0.09375.
        var data = Hand.Data(
            [Hand.Unit("a")],
            [Hand.Sheet("a", 2020, Stage.Self, 25, 25, 20, 10), Hand.Sheet("a", 2020, Stage.Appraised, 25, 20, 20, 7.5m)]);

        var gap = AppraisalGap.Of(data.Result("a", 2020)!)!;

        (gap.SelfTotal, gap.AppraisedTotal, gap.Gap, gap.ShareCut, gap.OverClaimRatio).ShouldBe((80m, 72.5m, 7.5m, 0.5m, 0.09375m));
        gap.Cuts.Select(c => (c.Code, c.Gap)).ShouldBe([("1.2", 5m), ("2.2", 2.5m)]);
        gap.Areas.Select(a => a.Gap).ShouldBe([5m, 2.5m]);
        data.Result("a", 2020)!.StageUsed.ShouldBe(Stage.Appraised);
    }

    [Fact]
    public void NextRank_SmallestSetOfLostPointsToTieTheUnitAbove()
    {
        // a 95, b 90, c 80. c needs 10 to tie b: its losses 1.1: 5, 1.2: 10, 2.1: 5 → the smallest set is {1.2}.
        // b needs 5 to tie a: losses 1.1: 5, 2.2: 5 → one of them; equal losses prefer the one more units achieve
        // (1.1: a and c have 25 → 2 others; 2.2: a has 25, c 25 → 2 as well; then code order → 1.1).
        // Band: c (80) needs 10 to reach "≥ 90".
        var data = Hand.Data(
            [Hand.Unit("a"), Hand.Unit("b"), Hand.Unit("c")],
            [
                Hand.Sheet("a", 2020, Stage.Appraised, 25, 25, 25, 20), Hand.Sheet("b", 2020, Stage.Appraised, 20, 25, 25, 20),
                Hand.Sheet("c", 2020, Stage.Appraised, 20, 15, 20, 25),
            ]);
        var ranking = Ranker.For(data, 2020, "p", "district", Options);

        var c = NextRank.ToNextRank(ranking, "c")!;
        (c.Target, c.PointsNeeded, c.Reachable).ShouldBe(("hạng 2", 10m, true));
        c.Steps.Select(s => (s.Code, s.Lost, s.OthersAtMax)).ShouldBe([("1.2", 10m, 2)]);
        NextRank.ToNextRank(ranking, "b")!.Steps.Select(s => s.Code).ShouldBe(["1.1"]);
        NextRank.ToNextRank(ranking, "a").ShouldBeNull();
        var band = NextRank.ToNextBand(ranking, "c", Options)!;
        (band.Target, band.PointsNeeded).ShouldBe(("nhóm ≥ 90", 10m));
        NextRank.ToNextBand(ranking, "a", Options).ShouldBeNull();
    }

    [Fact]
    public void YearAppraisalGaps_PerUnitAndPerArea()
    {
        // a: self 80 → appraised 72.5 (area 1: 50 → 45, area 2: 30 → 27.5); b: self 60 → 60; c has no appraised stage.
        // Area 1 over both: Σ self 50 + 30 = 80, Σ appraised 45 + 30 = 75, over-claim 5 / 80 = 0.0625.
        var data = Hand.Data(
            [Hand.Unit("a"), Hand.Unit("b"), Hand.Unit("c")],
            [
                Hand.Sheet("a", 2020, Stage.Self, 25, 25, 20, 10), Hand.Sheet("a", 2020, Stage.Appraised, 25, 20, 20, 7.5m),
                Hand.Sheet("b", 2020, Stage.Self, 15, 15, 15, 15), Hand.Sheet("b", 2020, Stage.Appraised, 15, 15, 15, 15),
                Hand.Sheet("c", 2020, Stage.Self, 25, 25, 25, 25),
            ]);

        var year = YearAppraisalGaps.Of(2020, data.ResultsOf(2020, "p", "district"));

        year.Units.Select(u => (u.UnitId, u.Gap)).ShouldBe([("a", 7.5m), ("b", 0m)]);
        year.Areas.Select(a => (a.Code, a.Self, a.Appraised, a.OverClaimRatio)).ShouldBe([("1", 80m, 75m, 0.0625m), ("2", 60m, 57.5m, 2.5m / 60m)]);
    }

    [Fact]
    public void Ranking_ComputedOncePerSnapshot()
    {
        IndexData Load() => Hand.Data([Hand.Unit("a"), Hand.Unit("b")],
            [Hand.Sheet("a", 2020, Stage.Appraised, 25, 25, 25, 20), Hand.Sheet("b", 2020, Stage.Appraised, 20, 20, 20, 20)]);
        var data = Load();

        var first = Ranker.For(data, 2020, "p", "district", Options);

        Ranker.For(data, 2020, "p", "district", Options).ShouldBeSameAs(first);
        Ranker.For(data, 2020, "p", "district", Options with { WeakBelowPercent = 40m }).ShouldNotBeSameAs(first);
        Ranker.For(Load(), 2020, "p", "district", Options).ShouldNotBeSameAs(first); // a new snapshot starts empty
    }
}
