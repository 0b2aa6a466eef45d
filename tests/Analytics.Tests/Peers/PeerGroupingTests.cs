using CchcAnalytics.Analytics.Peers;
using CchcAnalytics.Core;
using static CchcAnalytics.Analytics.Tests.Peers.PeerCases;

namespace CchcAnalytics.Analytics.Tests.Peers;

public sealed class PeerGroupingTests
{
    private static readonly AnalyticsOptions TwoGroups = AnalyticsOptions.Default with { PeerGroups = 2 };

    /// <summary>Two areas (max 10 and 20). Five strong units around 94% and five weak ones around 54% on both areas.</summary>
    private static List<UnitYearResult> TwoClusters()
    {
        var framework = Framework(10m, 20m);
        return
        [
            Result(framework, "s1", 90m, 92m), Result(framework, "s2", 92m, 90m), Result(framework, "s3", 94m, 96m),
            Result(framework, "s4", 96m, 94m), Result(framework, "s5", 98m, 98m),
            Result(framework, "w1", 50m, 52m), Result(framework, "w2", 52m, 50m), Result(framework, "w3", 54m, 56m),
            Result(framework, "w4", 56m, 54m), Result(framework, "w5", 58m, 58m),
        ];
    }

    /// <summary>Three areas (max 10, 20, 30). Ten units whose areas rise together from 60% to 95% (±1), so the only
    /// pattern is the general level.</summary>
    private static List<UnitYearResult> OnALevelLine(Framework framework) =>
    [
        Result(framework, "u01", 60m, 61m, 59m), Result(framework, "u02", 65m, 64m, 66m), Result(framework, "u03", 70m, 71m, 69m),
        Result(framework, "u04", 75m, 74m, 76m), Result(framework, "u05", 80m, 81m, 79m), Result(framework, "u06", 85m, 84m, 86m),
        Result(framework, "u07", 90m, 91m, 89m), Result(framework, "u08", 95m, 94m, 96m), Result(framework, "u09", 72m, 73m, 71m),
        Result(framework, "u10", 83m, 82m, 84m),
    ];

    private static string[] Ids(PeerGroup group) => group.Members.Select(m => m.Unit.Id).ToArray();

    [Fact]
    public void Analyse_TwoObviousClusters_KTwoPutsThemApartWithGroupOneTheStronger()
    {
        var analysis = PeerGrouping.Analyse(TwoClusters(), TwoGroups);

        analysis.Groups.Count.ShouldBe(2);
        Ids(analysis.Groups[0]).ShouldBe(["s1", "s2", "s3", "s4", "s5"]);
        Ids(analysis.Groups[1]).ShouldBe(["w1", "w2", "w3", "w4", "w5"]);
        analysis.Groups.Select(g => g.Number).ShouldBe([1, 2]);
        analysis.Groups[0].Label.ShouldBe("Nhóm 1 – chỉ số cao");
        analysis.Groups[1].Label.ShouldBe("Nhóm 2 – chỉ số thấp");
        // Index = (p1·10 + p2·20) / 30; area means are 94 and 94 in the strong group, 54 and 54 in the weak one.
        analysis.Groups[0].MeanIndex.ShouldBe(94m, 0.000001m);
        analysis.Groups[1].MeanIndex.ShouldBe(54m, 0.000001m);
        analysis.Groups[0].Centroid.ShouldBe([new AreaPercent("1", 94m), new AreaPercent("2", 94m)]);
        analysis.Groups[1].CentroidOf("2").ShouldBe(54m);
    }

    [Fact]
    public void Analyse_SameInputTwiceAndShuffled_IdenticalGroups()
    {
        var results = TwoClusters().Concat([Result(Framework(10m, 20m), "m1", 75m, 74m)]).ToList();
        var options = AnalyticsOptions.Default;

        var first = PeerGrouping.Analyse(results, options);
        var second = PeerGrouping.Analyse(results, options);
        var shuffled = PeerGrouping.Analyse(results.OrderByDescending(r => r.Unit.Id, StringComparer.Ordinal).ToList(), options);

        string[][] Groups(PeerAnalysis a) => a.Groups.Select(Ids).ToArray();
        Groups(second).ShouldBe(Groups(first));
        Groups(shuffled).ShouldBe(Groups(first));
        second.Anomalies.Scores.ShouldBe(first.Anomalies.Scores);
        second.Comparison.AdjustedRandIndex.ShouldBe(first.Comparison.AdjustedRandIndex);
    }

    [Fact]
    public void Analyse_UnitWithMissingArea_IsExcludedAndReportedNotReadAsZero()
    {
        var results = TwoClusters();
        results.Add(Result(Framework(10m, 20m), "gap", 95m, null));

        var analysis = PeerGrouping.Analyse(results, TwoGroups);

        var excluded = analysis.Excluded.ShouldHaveSingleItem();
        excluded.Unit.Id.ShouldBe("gap");
        excluded.MissingAreas.ShouldBe(["2"]);
        excluded.Reason.ShouldBe("Huyện gap không được xếp nhóm năm 2023: thiếu điểm lĩnh vực 2 (không coi thiếu là 0 điểm).");
        analysis.GroupOf("gap").ShouldBeNull();
        analysis.PeerMean("gap", "1").ShouldBeNull();
        analysis.Groups.Sum(g => g.Members.Count).ShouldBe(10);
        analysis.Explanation.UnitCount.ShouldBe(10);
        analysis.Explanation.ExcludedCount.ShouldBe(1);
        analysis.Explanation.Vietnamese.ShouldContain("1 đơn vị không được xếp nhóm vì thiếu điểm lĩnh vực (không coi thiếu là 0): huyện gap.");
        // Had the gap been read as 0 the strong group's mean for area 2 would fall; it is still exactly 94.
        analysis.Groups[0].CentroidOf("2").ShouldBe(94m);
    }

    [Fact]
    public void Analyse_ObviousOutlier_IsFlaggedWithTheLowAreaFirst()
    {
        var framework = Framework(10m, 20m, 30m);
        var results = OnALevelLine(framework);
        // Strong on areas 1 and 3, but only 40% on area 2: a mix no other unit has.
        results.Add(Result(framework, "odd", 92m, 40m, 90m));

        var analysis = PeerGrouping.Analyse(results, AnalyticsOptions.Default);

        var flag = analysis.Anomalies.Flags.ShouldHaveSingleItem();
        flag.Unit.Id.ShouldBe("odd");
        flag.Score.ShouldBeGreaterThan(analysis.Anomalies.Threshold);
        var area = flag.Areas[0];
        area.AreaCode.ShouldBe("2");
        area.Percent.ShouldBe(40m);
        // Province mean of area 2: (61+64+71+74+81+84+91+94+73+82+40) / 11 = 815 / 11.
        area.ProvinceMean.ShouldBe(815m / 11m);
        area.ZScore.ShouldBeLessThan(-2m);
        flag.Vietnamese.ShouldStartWith("Huyện odd có hồ sơ điểm khác thường");
        flag.Vietnamese.ShouldContain("lĩnh vực 2 (Lĩnh vực thử 2) thấp hơn bình quân tỉnh: 40% so với 74,1%");
        analysis.Anomalies.Rank.ShouldBe(1);
        analysis.Anomalies.Scores.Count.ShouldBe(11);
    }

    [Fact]
    public void Analyse_EvenlyWeakUnit_IsNotFlagged()
    {
        // Far below everyone, but on every area alike: its profile is explained by the general level (the first
        // principal component), so it is weak, not unusual.
        var framework = Framework(10m, 20m, 30m);
        var results = OnALevelLine(framework);
        results.Add(Result(framework, "low", 30m, 31m, 29m));

        var analysis = PeerGrouping.Analyse(results, AnalyticsOptions.Default);

        analysis.Anomalies.Flags.ShouldBeEmpty();
    }

    [Fact]
    public void Analyse_FewerThanSixUnits_ScoresNoAnomalies()
    {
        // With n values the largest possible z is √(n − 1): 2 for five units, never above mean + 2 sd.
        var results = TwoClusters().Take(5).ToList();

        var analysis = PeerGrouping.Analyse(results, TwoGroups);

        analysis.Anomalies.Flags.ShouldBeEmpty();
        analysis.Anomalies.Scores.ShouldBeEmpty();
        analysis.Anomalies.Vietnamese.ShouldStartWith("Không đánh giá bất thường");
    }

    [Fact]
    public void PeerMean_StrongUnit_MeanOfTheOtherFourStrongUnits()
    {
        var analysis = PeerGrouping.Analyse(TwoClusters(), TwoGroups);

        // s1 is left out of its own benchmark: area 1 (92+94+96+98)/4, area 2 (90+96+94+98)/4.
        analysis.PeerMean("s1", "1").ShouldBe(95m);
        analysis.PeerMean("s1", "2").ShouldBe(94.5m);
        analysis.PeerMean("w5", "1").ShouldBe(53m);
        analysis.GroupOf("s3")!.Number.ShouldBe(1);
        analysis.GroupOf("w3")!.Number.ShouldBe(2);
    }

    [Fact]
    public void PeerMean_Criterion_MeanPercentOfTheOtherMembersThatHavePoints()
    {
        // Criterion 1.1 (max 4) is not a feature; s3 has no points for it and is left out of s1's benchmark, not read as 0.
        var results = TwoClusters()
            .Select(r => r.Unit.Id switch
            {
                "s1" => WithRow(r, "1.1", 4m, 1m),
                "s2" => WithRow(r, "1.1", 4m, 4m),
                "s3" => WithRow(r, "1.1", 4m, null),
                "s4" => WithRow(r, "1.1", 4m, 3m),
                "s5" => WithRow(r, "1.1", 4m, 2m),
                _ => r,
            })
            .ToList();

        var analysis = PeerGrouping.Analyse(results, TwoGroups);

        // s2, s4, s5: 100 %, 75 %, 50 % → 75 %.
        analysis.PeerMean("s1", "1.1").ShouldBe(75m);
        // The weak group has no 1.1 rows at all.
        analysis.PeerMean("w1", "1.1").ShouldBeNull();
    }

    [Fact]
    public void PeerMean_UnknownUnitOrArea_Null()
    {
        var analysis = PeerGrouping.Analyse(TwoClusters(), TwoGroups);

        analysis.GroupOf("nowhere").ShouldBeNull();
        analysis.PeerMean("nowhere", "1").ShouldBeNull();
        analysis.PeerMean("s1", "9").ShouldBeNull();
    }

    [Fact]
    public void Analyse_MoreGroupsThanUnits_KClampedToTheUnits()
    {
        var framework = Framework(10m, 20m);
        var results = new List<UnitYearResult> { Result(framework, "a", 90m, 90m), Result(framework, "b", 70m, 60m), Result(framework, "c", 50m, 55m) };

        var analysis = PeerGrouping.Analyse(results, AnalyticsOptions.Default with { PeerGroups = 5 });

        analysis.Groups.Count.ShouldBe(3);
        analysis.Explanation.K.ShouldBe(3);
        analysis.Explanation.RequestedK.ShouldBe(5);
        analysis.Explanation.Vietnamese.ShouldContain("yêu cầu 5 nhóm nhưng chỉ lập được 3");
        analysis.Groups.Select(Ids).ShouldBe([["a"], ["b"], ["c"]]);
        analysis.PeerMean("a", "1").ShouldBeNull();
    }

    [Fact]
    public void Analyse_Explanation_ListsFeaturesKSeedAndUnits()
    {
        var analysis = PeerGrouping.Analyse(TwoClusters(), TwoGroups with { Seed = 7 });

        var explanation = analysis.Explanation;
        explanation.Features.Select(f => f.AreaCode).ShouldBe(["1", "2"]);
        explanation.Features.Select(f => f.MaxPoints).ShouldBe([10m, 20m]);
        explanation.K.ShouldBe(2);
        explanation.Seed.ShouldBe(7);
        explanation.UnitCount.ShouldBe(10);
        explanation.Vietnamese.ShouldContain("1. Lĩnh vực thử 1; 2. Lĩnh vực thử 2");
        explanation.Starts.ShouldBe(50);
        explanation.Vietnamese.ShouldContain("hạt giống 7 đến 56");
        explanation.English.ShouldContain("splits the units into 2 groups");
    }

    [Fact]
    public void Analyse_MoreThan500Units_MakesTenStartsAndSaysSo()
    {
        // 501 units in two bands (strong around 94%, weak around 54%): above PeerClustering.ManyUnits.
        var framework = Framework(10m, 20m);
        var results = Enumerable.Range(0, 501).Select(i => i % 2 == 0
            ? Result(framework, $"s{i:000}", 90m + (i % 9), 91m + (i % 7))
            : Result(framework, $"w{i:000}", 50m + (i % 9), 51m + (i % 7))).ToList();

        var analysis = PeerGrouping.Analyse(results, TwoGroups with { Seed = 7 });

        PeerClustering.StartsFor(500).ShouldBe(50);
        PeerClustering.StartsFor(501).ShouldBe(10);
        analysis.Explanation.Starts.ShouldBe(10);
        analysis.Explanation.UnitCount.ShouldBe(501);
        analysis.Explanation.Vietnamese.ShouldContain("thuật toán chạy 10 lần với hạt giống 7 đến 16");
        analysis.Explanation.English.ShouldContain("it runs 10 times with seeds 7 to 16");
        analysis.Groups.Select(g => g.Members.Count).ShouldBe([251, 250]);
        analysis.Groups[0].Members.ShouldAllBe(m => m.Unit.Id.StartsWith('s'));
    }

    [Fact]
    public void Analyse_TwoClusters_KMeansMatchesTheIndexRuleExactly()
    {
        var analysis = PeerGrouping.Analyse(TwoClusters(), TwoGroups);

        var comparison = analysis.Comparison;
        comparison.RuleGroups["s5"].ShouldBe(1);
        comparison.RuleGroups["w1"].ShouldBe(2);
        comparison.AdjustedRandIndex.ShouldBe(1m);
        comparison.KMeansWithinVariance.ShouldBe(comparison.RuleWithinVariance);
        comparison.SeedStability.ShouldBe(1m);
        comparison.AddsValue.ShouldBeFalse();
        comparison.English.ShouldContain("nearly reproduces the index split");
        // Within the strong group area 1 is 94 ± (4, 2, 0, 2, 4): Σ squares 40; area 2 the same; both groups alike.
        // Pooled over 10 units × 2 areas: 4 · 40 / 20 = 8. Whole province adds the ±20 split: 8 + 400.
        comparison.KMeansWithinVariance.ShouldBe(8m);
        comparison.TotalVariance.ShouldBe(408m);
    }

    [Fact]
    public void Analyse_TwoFrameworks_Throws()
    {
        var results = TwoClusters();
        results.Add(Result(Framework("other-framework", 10m, 20m), "x", 50m, 50m));

        Should.Throw<ArgumentException>(() => PeerGrouping.Analyse(results, AnalyticsOptions.Default))
            .Message.ShouldContain("must share one framework");
    }

    [Fact]
    public void Analyse_TwoYears_Throws()
    {
        var results = TwoClusters();
        results.Add(Result(Framework(10m, 20m), "x", 2022, 50m, 50m));

        Should.Throw<ArgumentException>(() => PeerGrouping.Analyse(results, AnalyticsOptions.Default)).Message.ShouldContain("must be one year");
    }

    [Fact]
    public void Analyse_NoResultsOrNoGroups_Throws()
    {
        Should.Throw<ArgumentException>(() => PeerGrouping.Analyse([], AnalyticsOptions.Default));
        Should.Throw<ArgumentException>(() => PeerGrouping.Analyse(TwoClusters(), AnalyticsOptions.Default with { PeerGroups = 0 }));
    }

    [Fact]
    public void Analyse_SameUnitTwice_Throws()
    {
        var results = TwoClusters();
        results.Add(results[0]);

        Should.Throw<ArgumentException>(() => PeerGrouping.Analyse(results, AnalyticsOptions.Default)).Message.ShouldContain("'s1' twice");
    }

    [Fact]
    public void Analyse_EveryUnitExcluded_NoGroupsNoFlags()
    {
        var framework = Framework(10m, 20m);
        var results = new List<UnitYearResult> { Result(framework, "a", null, 90m), Result(framework, "b", 70m, null) };

        var analysis = PeerGrouping.Analyse(results, AnalyticsOptions.Default);

        analysis.Groups.ShouldBeEmpty();
        analysis.Excluded.Select(e => e.Unit.Id).ShouldBe(["a", "b"]);
        analysis.Anomalies.Flags.ShouldBeEmpty();
        analysis.Comparison.AddsValue.ShouldBeFalse();
    }

    [Fact]
    public void Analyse_UnitKindInText_FullNameUsed()
    {
        var framework = Framework(10m, 20m);
        var unit = new Unit("sam", "Sầm Sơn", UnitKind.ThanhPho, "test-province", null, null, []);
        var result = Result(framework, "sam", null, 90m) with { Unit = unit };

        var analysis = PeerGrouping.Analyse([result, Result(framework, "b", 70m, 70m)], AnalyticsOptions.Default);

        analysis.Excluded.ShouldHaveSingleItem().Reason.ShouldStartWith("Thành phố Sầm Sơn không được xếp nhóm");
    }
}
