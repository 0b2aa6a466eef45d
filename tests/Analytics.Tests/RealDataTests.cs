using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Analytics.Tests;

/// <summary>The measures on the real Hoằng Hóa 2017 report and on the whole data folder. Sample-based expectations are
/// derived from the data themselves or from what the generator guarantees, never from its random values.</summary>
public sealed class RealDataTests(AnalyticsFixture fixture) : IClassFixture<AnalyticsFixture>
{
    private static readonly AnalyticsOptions Options = AnalyticsOptions.Default;

    private IndexData Data => fixture.Data;

    [Fact]
    public void RealReport_Alone_Index92Area7At50PercentWeakestCriteria()
    {
        using var connections = new DuckDbConnectionFactory(":memory:");
        var store = new ScoreStore(connections);
        new IngestRunner(store, ReferenceData.Embedded).Run(TestFiles.RealReport, new IngestOptions()).Accepted.ShouldBeTrue();

        var report = UnitReport.Build(IndexData.Load(store), "hoang-hoa", 2017, Options)!;

        report.Result.StageUsed.ShouldBe(Stage.Self);
        (report.Result.Points, report.Result.MaxPoints, report.Result.Index).ShouldBe(((decimal?)92m, 100m, (decimal?)92m));
        report.Areas.Single(a => a.Code == "7").Percent.ShouldBe(50m); // 6.5 / 13
        report.Areas.Single(a => a.Code == "5").Percent!.Value.ShouldBe(15.5m / 16m * 100m);
        report.Weakest.Take(4).Select(w => (w.Code, w.Lost)).ShouldBe([("7.1.5", (decimal?)3m), ("7.1.4", 2m), ("7.2.2", 1m), ("8.5", 1m)]);
        (report.Rank!.Rank, report.Rank.RankOf).ShouldBe((1, 1));
        report.Findings[0].Text.ShouldBe("Năm 2017, huyện Hoằng Hóa đạt 92/100 điểm (điểm tự chấm, chưa thẩm định), chỉ số 92%, xếp thứ 1/1.");
        report.Findings.ShouldContain(f => f.Kind == "weakest" && f.Text == "Mất nhiều điểm ở 7.1.5 “Mức độ cung cấp dịch vụ công trực tuyến mức độ 4”: 0/3 điểm (mất 3).");
        report.AppraisalGap.ShouldBeNull();
    }

    [Fact]
    public void Ranking2017_RealSelfAssessmentAmongSampleAppraisals_IsRankedAndFlagged()
    {
        var ranking = Ranker.For(Data, 2017, "thanh-hoa", "district", Options);

        ranking.Units.Count.ShouldBe(27);
        var hoangHoa = ranking.Find("hoang-hoa")!;
        (hoangHoa.Result.StageUsed, hoangHoa.Result.Synthetic, hoangHoa.Index).ShouldBe((Stage.Self, false, 92m));
        hoangHoa.Rank.ShouldBe(ranking.Units.Count(u => u.Index > 92m) + 1);
        ranking.Notes.ShouldContain("1 đơn vị chỉ có điểm tự chấm (chưa thẩm định): huyện Hoằng Hóa; so sánh với điểm thẩm định của các đơn vị khác cần thận trọng.");
        ranking.Notes.ShouldContain("26/27 đơn vị là dữ liệu mẫu (không phải số liệu thật).");
    }

    [Fact]
    public void Ranking2023_AgreesWithThePublishedRanks()
    {
        var ranking = Ranker.For(Data, 2023, "thanh-hoa", "district", Options);

        foreach (var published in Data.Published.Where(p => p.Year == 2023 && p.RankOf == 27))
        {
            var ranked = ranking.Find(published.UnitId)!;
            (ranked.Rank, ranked.RankOf, ranked.Result.Points).ShouldBe((published.Rank!.Value, 27, published.Points));
        }

        ranking.Notes.ShouldContain("Bộ tiêu chí của năm này là khung minh họa (không phải khung chính thức).");
    }

    [Fact]
    public void Ranking2020_NghiSonInheritsTinhGiasRank()
    {
        var tinhGia2019 = Ranker.For(Data, 2019, "thanh-hoa", "district", Options).Find("tinh-gia")!;
        var nghiSon2020 = Ranker.For(Data, 2020, "thanh-hoa", "district", Options).Find("nghi-son")!;

        nghiSon2020.PreviousRank.ShouldBe(tinhGia2019.Rank);
        nghiSon2020.RankChange.ShouldBe(tinhGia2019.Rank - nghiSon2020.Rank);
        var trend = Trends.ForUnit(Data, "tinh-gia", Options);
        trend.Points.Select(p => p.UnitId).Distinct().ShouldBe(["tinh-gia", "nghi-son"]);
        trend.Points.Count.ShouldBe(8);
        trend.Warnings.ShouldContain("Chuỗi số liệu kết thúc năm 2024: cấp huyện kết thúc từ ngày 01/07/2025 (202/2025/QH15).");
    }

    [Fact]
    public void Ranking2024_DongSonGoneAndItsSeriesSaysWhy()
    {
        Ranker.For(Data, 2024, "thanh-hoa", "district", Options).Units.Count.ShouldBe(26);
        var trend = Trends.ForUnit(Data, "dong-son", Options);
        trend.Points[^1].Year.ShouldBe(2023);
        trend.Warnings.ShouldContain("Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.");
    }

    [Fact]
    public void PersistentWeaknesses_OnlineServicesSurfaceWhereTheyStayLow()
    {
        // For 2019 (window 2017–2019, one framework): every unit whose 7.1.4 stays below 50 % all three years has
        // online-services-level-3 as a chronic weakness, and no other unit does.
        var units = Data.ResultsOf(2019, "thanh-hoa", "district").Select(r => r.Unit.Id).ToList();
        var expected = units.Where(u => Enumerable.Range(2017, 3).All(y => Data.SeriesResult(u, y)?.Find("7.1.4")?.Percent < 50m)).ToList();
        expected.Count.ShouldBeGreaterThan(5);
        foreach (var unit in units)
        {
            var chronic = Weaknesses.ForUnit(Data, unit, 2019, Options).Any(w => w.ConceptId == "online-services-level-3" && w.Kind == WeaknessKind.Chronic);
            chronic.ShouldBe(expected.Contains(unit), unit);
        }

        var shared = Weaknesses.Province(Data, 2019, "thanh-hoa", "district", Options);
        shared.Single(s => s.ConceptId == "online-services-level-3").UnitIds.ShouldBe(expected.Order(StringComparer.Ordinal).ToList());
        shared.Take(2).Select(s => s.Code).ShouldBe(["7.1.4", "7.1.5"], ignoreOrder: true);
    }

    [Fact]
    public void PersistentWeaknesses_AcrossTheFrameworkChangeOf2020_FollowTheConcept()
    {
        // 2021: window 2019–2021 spans the 2017 tree (7.1.5) and the khung minh họa (7.2.2), the same concept re-weighted.
        var unit = Data.ResultsOf(2021, "thanh-hoa", "district").Select(r => r.Unit.Id)
            .First(u => Enumerable.Range(2019, 3).All(y => Data.SeriesResult(u, y)?.FindConcept("online-services-level-4")?.Percent < 50m));

        var weakness = Weaknesses.ForUnit(Data, unit, 2021, Options).Single(w => w.ConceptId == "online-services-level-4");

        weakness.Kind.ShouldBe(WeaknessKind.Chronic);
        weakness.History.Select(h => (h.Year, h.Code)).ShouldBe([(2019, "7.1.5"), (2020, "7.2.2"), (2021, "7.2.2")]);
    }

    [Fact]
    public void PersistentWeaknesses_DoNotJoinARedefinedConcept()
    {
        // From 2023 online services are measured as toàn trình / một phần (new concepts): nothing older joins them.
        foreach (var result in Data.ResultsOf(2024, "thanh-hoa", "district"))
        {
            Weaknesses.ForUnit(Data, result.Unit.Id, 2024, Options)
                .Where(w => w.ConceptId is "online-services-full-process" or "online-services-partial")
                .ShouldAllBe(w => w.Kind != WeaknessKind.Chronic && w.History.All(h => h.Year >= 2023));
        }
    }

    [Fact]
    public void Trend_HoangHoa_Self2017IsNotComparedWithAppraised2018()
    {
        // The real 2017 report is self-assessed (92, 293/BC-UBND); 2018 onwards are appraised (sample): no Δ −1, no rank −7.
        var trend = Trends.ForUnit(Data, "hoang-hoa", Options);
        var (first, second) = (trend.Points[0], trend.Points[1]);

        (first.Year, first.StageUsed, first.Points).ShouldBe((2017, Stage.Self, (decimal?)92m));
        (second.Year, second.StageUsed, second.StageChanged).ShouldBe((2018, Stage.Appraised, true));
        (second.DeltaPoints, second.DeltaIndex, second.RankChange).ShouldBe(((decimal?)null, (decimal?)null, (int?)null));
        trend.Warnings.ShouldContain("Năm 2017 dùng điểm tự chấm, năm 2018 dùng điểm thẩm định: không tính mức thay đổi điểm, chỉ số và thứ hạng giữa hai năm này.");
        trend.SlopeStage.ShouldBe(Stage.Appraised);
        trend.Slope.ShouldBe(Trends.Slope(trend.Points.Where(p => p.Year >= 2018).Select(p => (p.Year, p.Index!.Value))));
        Ranker.For(Data, 2018, "thanh-hoa", "district", Options).Find("hoang-hoa")!.StageChanged.ShouldBeTrue();
        Trends.Movers(Data, 2018, "thanh-hoa", "district", Options).ShouldNotContain(m => m.Current.Result.Unit.Id == "hoang-hoa");
    }

    [Fact]
    public void PersistentWeaknesses_OnlineServicesCriterion2023_NeverJoins2022()
    {
        // 7.2 of 2023–2024 is a new criterion (both sub-criteria redefined): no unit has it as chronic, and it is not
        // among the province's shared weaknesses, which 2022's 7.2 values used to make it (8 units).
        foreach (var year in new[] { 2023, 2024 })
        {
            foreach (var result in Data.ResultsOf(year, "thanh-hoa", "district"))
            {
                Weaknesses.ForUnit(Data, result.Unit.Id, year, Options).Where(w => w.Code == "7.2")
                    .ShouldAllBe(w => w.Kind != WeaknessKind.Chronic && w.History.All(h => h.Year >= 2023));
            }

            Weaknesses.Province(Data, year, "thanh-hoa", "district", Options).ShouldNotContain(s => s.Code == "7.2");
        }
    }

    [Fact]
    public void SelfVsAppraised_OnTheSample_SelfNeverBelowAppraised()
    {
        foreach (var result in Data.ResultsOf(2022, "thanh-hoa", "district"))
        {
            var gap = AppraisalGap.Of(result)!;
            gap.Gap.ShouldBe(gap.Leaves.Sum(l => l.Gap));
            gap.OverClaimRatio.ShouldBeInRange(0m, 1m);
            (gap.SelfTotal - gap.AppraisedTotal).ShouldBeGreaterThanOrEqualTo(0m);
        }
    }

    [Fact]
    public void UnitReport_2023_HoangHoaCarriesEverything()
    {
        var report = UnitReport.Build(Data, "hoang-hoa", 2023, Options)!;

        (report.Rank!.Rank, report.Rank.RankOf, report.Result.Points).ShouldBe((2, 27, (decimal?)91.92m));
        report.Areas.Count.ShouldBe(8);
        report.Areas.ShouldAllBe(a => a.BestPercent >= a.MedianPercent);
        report.NextRankPath!.Target.ShouldBe("hạng 1");
        report.NextRankPath.PointsNeeded.ShouldBe(92.15m - 91.92m);
        report.Findings[0].Text.ShouldStartWith("[Dữ liệu mẫu] Năm 2023, huyện Hoằng Hóa đạt 91,92/100 điểm, chỉ số 91,92%, xếp thứ 2/27");
        report.Trend.Points[0].Year.ShouldBe(2017);
    }

    [Fact]
    public void UnitReport_2024_DepartmentAreaFindingsQuoteAreaNamesInSentenceCase()
    {
        // The frameworks print area names in capitals, as the decisions do; a finding quotes them in a sentence.
        var report = UnitReport.Build(Data, "thanh-hoa-so-noi-vu", 2024, Options)!;

        var areaFindings = report.Findings.Where(f => f.Text.Contains("Lĩnh vực ", StringComparison.Ordinal)).ToList();
        areaFindings.ShouldNotBeEmpty();
        areaFindings.ShouldContain(f => f.Text.Contains("Lĩnh vực 5 “Cải cách chế độ công vụ” tăng mạnh nhất", StringComparison.Ordinal));
        areaFindings.ShouldAllBe(f => !f.Text.Contains("CẢI CÁCH", StringComparison.Ordinal));
    }
}
