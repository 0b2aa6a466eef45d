using CchcAnalytics.Analytics.Peers;

namespace CchcAnalytics.Analytics.Tests.Peers;

/// <summary>Peer groups on the repository's data as ingested (the real Hoằng Hóa 2017 report plus the labelled
/// synthetic sample). The sample's values are random; only properties its generator guarantees are asserted.</summary>
public sealed class PeerGroupingDataTests(AnalyticsFixture fixture) : IClassFixture<AnalyticsFixture>
{
    /// <summary>The sample generator's mountainous huyện (a lower base level).</summary>
    private static readonly string[] Mountainous =
        ["muong-lat", "quan-son", "quan-hoa", "ba-thuoc", "lang-chanh", "thuong-xuan", "nhu-xuan", "nhu-thanh", "ngoc-lac", "cam-thuy", "thach-thanh"];

    /// <summary>Cities and district-level towns (a higher base level).</summary>
    private static readonly string[] Cities = ["thanh-hoa", "sam-son", "bim-son", "nghi-son"];

    private IReadOnlyList<UnitYearResult> Results2023 => fixture.Data.ResultsOf(2023, "thanh-hoa", "district");

    [Fact]
    public void Analyse_2023_EveryUnitInExactlyOneGroup()
    {
        var results = Results2023;
        var analysis = PeerGrouping.Analyse(results, AnalyticsOptions.Default);

        results.Count.ShouldBe(27);
        analysis.Excluded.ShouldBeEmpty();
        analysis.Groups.Count.ShouldBe(3);
        var members = analysis.Groups.SelectMany(g => g.Members.Select(m => m.Unit.Id)).ToList();
        members.Count.ShouldBe(27);
        members.ShouldBeUnique();
        members.Order(StringComparer.Ordinal).ShouldBe(results.Select(r => r.Unit.Id).Order(StringComparer.Ordinal));
        foreach (var result in results)
        {
            analysis.GroupOf(result.Unit.Id).ShouldNotBeNull().Members.ShouldContain(m => m.Unit.Id == result.Unit.Id);
        }

        analysis.Groups.Select(g => g.MeanIndex).ShouldBeInOrder(SortDirection.Descending);
        analysis.Comparison.RuleGroups.Count.ShouldBe(27);
        analysis.Anomalies.Scores.Count.ShouldBe(27);
    }

    [Fact]
    public void Analyse_2023Twice_SameGroups()
    {
        var first = PeerGrouping.Analyse(Results2023, AnalyticsOptions.Default);
        var second = PeerGrouping.Analyse(Results2023, AnalyticsOptions.Default);

        second.Groups.Select(g => g.Members.Select(m => m.Unit.Id).ToArray()).ToArray()
            .ShouldBe(first.Groups.Select(g => g.Members.Select(m => m.Unit.Id).ToArray()).ToArray());
        second.Anomalies.Flags.Select(f => f.Unit.Id).ShouldBe(first.Anomalies.Flags.Select(f => f.Unit.Id));
        second.Comparison.SeedStability.ShouldBe(first.Comparison.SeedStability);
    }

    [Fact]
    public void Analyse_2023_ExplanationListsTheEightAreas()
    {
        var explanation = PeerGrouping.Analyse(Results2023, AnalyticsOptions.Default).Explanation;

        explanation.Features.Select(f => f.AreaCode).ShouldBe(["1", "2", "3", "4", "5", "6", "7", "8"]);
        explanation.Features.ShouldAllBe(f => f.Name.Length > 0 && f.MaxPoints > 0);
        explanation.K.ShouldBe(3);
        explanation.Seed.ShouldBe(2017);
        explanation.UnitCount.ShouldBe(27);
        foreach (var feature in explanation.Features)
        {
            explanation.Vietnamese.ShouldContain($"{feature.AreaCode}. {feature.Name}");
            explanation.English.ShouldContain($"{feature.AreaCode}. {feature.Name}");
        }
    }

    [Fact]
    public void Analyse_2023_MountainousGroupBelowCityGroup()
    {
        var analysis = PeerGrouping.Analyse(Results2023, AnalyticsOptions.Default);

        PeerGroup MostOf(string[] ids) => analysis.Groups.OrderByDescending(g => g.Members.Count(m => ids.Contains(m.Unit.Id))).ThenBy(g => g.Number).First();
        var mountainous = MostOf(Mountainous);
        var cities = MostOf(Cities);

        mountainous.Number.ShouldNotBe(cities.Number);
        mountainous.MeanIndex.ShouldBeLessThan(cities.MeanIndex);
    }

    [Fact]
    public void PeerMean_2023_WithinTheRangeOfTheOtherMembers()
    {
        var analysis = PeerGrouping.Analyse(Results2023, AnalyticsOptions.Default);

        foreach (var group in analysis.Groups.Where(g => g.Members.Count > 1))
        {
            foreach (var member in group.Members)
            {
                foreach (var feature in analysis.Features)
                {
                    var others = group.Members.Where(m => m != member).Select(m => m.PercentOf(feature.AreaCode)!.Value).ToList();
                    analysis.PeerMean(member.Unit.Id, feature.AreaCode).ShouldBe(others.Average());
                }
            }
        }
    }

    [Fact]
    public void PeerMean_2023_FeedsTheUnitBenchmarks()
    {
        var results = Results2023;
        var analysis = PeerGrouping.Analyse(results, AnalyticsOptions.Default);
        var unit = results.First(r => r.Unit.Id == "muong-lat");
        var peers = analysis.GroupOf("muong-lat").ShouldNotBeNull().Members.Where(m => m.Unit.Id != "muong-lat").ToList();

        var rows = Benchmarks.ForUnit(unit, Benchmarks.Of(results, unit.Framework), code => analysis.PeerMean("muong-lat", code));

        foreach (var row in rows.Where(r => r.Criterion.Percent is not null))
        {
            var expected = peers.Select(m => m.Result.Find(row.Criterion.Code)?.Percent).OfType<decimal>().ToList();
            row.PeerMeanPercent.ShouldBe(expected.Count == 0 ? null : expected.Average(), row.Criterion.Code);
        }

        rows.Where(r => r.Criterion.Level == Core.CriterionLevel.Area).ShouldAllBe(r => r.GapToPeerPercent != null);
    }

    [Theory]
    [InlineData(2017)]
    [InlineData(2020)]
    [InlineData(2023)]
    [InlineData(2024)]
    public void Analyse_AnyYear_FlagsAreAboveTheThresholdAndNameTheirAreas(int year)
    {
        var analysis = PeerGrouping.Analyse(fixture.Data.ResultsOf(year, "thanh-hoa", "district"), AnalyticsOptions.Default);

        analysis.Anomalies.Rank.ShouldBe(1);
        analysis.Anomalies.Threshold.ShouldBeGreaterThan(0m);
        foreach (var flag in analysis.Anomalies.Flags)
        {
            flag.Score.ShouldBeGreaterThan(analysis.Anomalies.Threshold);
            flag.Areas.ShouldNotBeEmpty();
            flag.Areas.Select(a => Math.Abs(a.ZScore)).ShouldBeInOrder(SortDirection.Descending);
            flag.Vietnamese.ShouldContain($"lĩnh vực {flag.Areas[0].AreaCode}");
        }
    }
}
