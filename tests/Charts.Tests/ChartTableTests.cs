using CchcAnalytics.Analytics;

namespace CchcAnalytics.Charts.Tests;

/// <summary>The data tables behind the charts, checked against the published results the sample is calibrated to
/// (Quyết định 600/QĐ-UBND, 2023) and against the lineage and crosswalk in data/.</summary>
[Collection(ChartsData.Name)]
public sealed class ChartTableTests(ChartsFixture fixture)
{
    private static readonly string[] SpreadColumns = ["min_percent", "q1_percent", "median_percent", "q3_percent", "max_percent"];

    private ChartSpec Build(ChartRequest request) => ChartFactory.Build(fixture.Data, request, AnalyticsOptions.Default);

    [Fact]
    public void ToCsv_HostileText_QuotedNoLineStartsAFormulaAndEachCellRestores()
    {
        var hostile = CchcAnalytics.Tests.HostileText.Evidence;
        var table = new ChartTable(["code", "name", "points"], hostile.Select(e => (IReadOnlyList<object?>)[e.Code, e.Evidence, -2m]).ToList());

        var csv = table.ToCsv();

        CchcAnalytics.Tests.HostileText.FormulaLines(csv).ShouldBeEmpty();
        using var parser = new CsvHelper.CsvParser(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        parser.Read().ShouldBeTrue();
        var read = new List<string[]>();
        while (parser.Read())
        {
            read.Add(parser.Record!);
        }

        read.Select(r => r[0]).ShouldBe(hostile.Select(e => e.Code));
        read.Select(r => CchcAnalytics.Core.CsvSafe.Restore(r[1])).ShouldBe(hostile.Select(e => e.Evidence));
        read.ShouldAllBe(r => r[2] == "-2");
    }

    [Fact]
    public void Ranking2023_Has27UnitsWithTheFirstAndLastAsPublished()
    {
        var table = Build(new ChartRequest(ChartKind.Ranking, Year: 2023)).Table;

        table.Rows.Count.ShouldBe(27);
        (table[0, "rank"], table[0, "unit_id"], table[0, "unit_name"], table[0, "index"]).ShouldBe((1, "dong-son", "huyện Đông Sơn", 92.15m));
        (table[1, "unit_id"], table[1, "index"]).ShouldBe(("hoang-hoa", 91.92m));
        (table[26, "rank"], table[26, "unit_id"], table[26, "index"]).ShouldBe((27, "muong-lat", 86.09m));
        table.Column("synthetic").ShouldAllBe(s => (bool)s!);
    }

    [Fact]
    public void Ranking2023_Csv_UsesADecimalPointAndOneLinePerUnit()
    {
        var csv = ChartRenderer.Csv(Build(new ChartRequest(ChartKind.Ranking, Year: 2023)));

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(28);
        lines[0].ShouldBe("year,rank,rank_of,tied,unit_id,unit_name,index,points,max_points,stage_used,synthetic,framework_id,framework_status,band");
        lines[1].ShouldBe("2023,1,27,false,dong-son,huyện Đông Sơn,92.15,92.15,100,appraised,true,thanh-hoa-district-2023-illustrative,illustrative,≥ 90");
    }

    [Fact]
    public void Ranking2017_MarksTheRealSelfAssessmentAndTheTies()
    {
        var spec = Build(new ChartRequest(ChartKind.Ranking, Year: 2017));

        spec.Subtitle.ShouldBe("27 đơn vị cấp huyện · có dữ liệu mẫu (26/27) · có điểm tự chấm chưa thẩm định (1)");
        var hoangHoa = spec.Table.Rows.Single(r => (string)r[4]! == "hoang-hoa");
        (hoangHoa[6], hoangHoa[9], hoangHoa[10]).ShouldBe((92m, "self", false));
        var tied = spec.Table.Rows.Where(r => (bool)r[3]!).ToList();
        tied.ShouldAllBe(r => spec.Table.Rows.Count(o => (int)o[1]! == (int)r[1]!) > 1);
    }

    [Fact]
    public void UnitTrend_NghiSon_FollowsTinhGiaAndMarksTheNewFrameworkAndTheEnd()
    {
        var spec = Build(new ChartRequest(ChartKind.UnitTrend, UnitIds: ["nghi-son"]));

        spec.Table.Column("year").ShouldBe([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
        spec.Table.Column("unit_id").Distinct().ShouldBe(["tinh-gia", "nghi-son"]);
        spec.Title.ShouldBe("Chỉ số CCHC qua các năm — thị xã Nghi Sơn (huyện Tĩnh Gia đến 2019)");
        spec.Subtitle.ShouldBe("2017–2024 · dữ liệu mẫu · khung minh họa");
        spec.Notes.ShouldContain("Chuỗi số liệu kết thúc năm 2024: cấp huyện kết thúc từ ngày 01/07/2025 (202/2025/QH15).");
        var svg = ChartRenderer.SvgXml(spec);
        svg.ShouldContain("khung mới 2020 (minh họa)");
        svg.ShouldContain("Tĩnh Gia → TX Nghi Sơn");
        svg.ShouldContain("hết chuỗi 2024");
    }

    [Fact]
    public void UnitTrend_DongSon_EndsIn2023WithTheMerger()
    {
        var spec = Build(new ChartRequest(ChartKind.UnitTrend, UnitIds: ["Đông Sơn"]));

        spec.Table.Column("year").Max().ShouldBe(2023);
        ChartRenderer.SvgXml(spec).ShouldContain("hết chuỗi 2023: nhập vào TP Thanh Hóa");
    }

    [Fact]
    public void UnitAreas_HoangHoa2023_HasEightAreasWithProvinceAndPeerBenchmarks()
    {
        var report = UnitReport.Build(fixture.Data, "hoang-hoa", 2023, AnalyticsOptions.Default)!;

        var table = Build(new ChartRequest(ChartKind.UnitAreas, Year: 2023, UnitIds: ["hoang-hoa"])).Table;

        table.Rows.Count.ShouldBe(8);
        table.Column("area_code").ShouldBe(["1", "2", "3", "4", "5", "6", "7", "8"]);
        table.Column("percent").ShouldBe(report.Areas.Select(a => (object?)Math.Round(a.Percent!.Value, 2, MidpointRounding.AwayFromZero)));
        table.Column("province_best_percent").ShouldBe(report.Areas.Select(a => (object?)Math.Round(a.BestPercent, 2, MidpointRounding.AwayFromZero)));
        table.Column("peer_mean_percent").ShouldAllBe(p => p != null);
    }

    [Fact]
    public void AreaDistribution2023_QuartilesLieBetweenMinAndMaxAndTheMedianIsTheBenchmarks()
    {
        var results = fixture.Data.ResultsOf(2023, "thanh-hoa", "district");
        var benchmarks = Benchmarks.Of(results, results[0].Framework).Where(b => b.Level == Core.CriterionLevel.Area).ToList();

        var table = Build(new ChartRequest(ChartKind.AreaDistribution, Year: 2023)).Table;

        table.Rows.Count.ShouldBe(8);
        for (var i = 0; i < 8; i++)
        {
            var row = SpreadColumns.Select(c => (decimal)table[i, c]!).ToList();
            row.ShouldBe(row.Order().ToList());
            table[i, "median_percent"].ShouldBe(Math.Round(benchmarks[i].MedianPercent, 2, MidpointRounding.AwayFromZero));
            table[i, "units"].ShouldBe(27);
        }
    }

    [Fact]
    public void CompareAreas_TwoUnits_HasOneRowPerUnitAndArea()
    {
        var table = Build(new ChartRequest(ChartKind.CompareAreas, Year: 2023, UnitIds: ["hoang-hoa", "muong-lat"])).Table;

        table.Rows.Count.ShouldBe(16);
        table.Column("unit_id").Distinct().ShouldBe(["hoang-hoa", "muong-lat"]);
    }

    [Fact]
    public void CompareTrends_DongSonStopsIn2023AndNghiSonIncludesTinhGia()
    {
        var spec = Build(new ChartRequest(ChartKind.CompareTrends, UnitIds: ["dong-son", "tinh-gia"]));

        var rows = spec.Table.Rows;
        rows.Where(r => (string)r[0]! == "dong-son").Select(r => (int)r[1]!).Max().ShouldBe(2023);
        rows.Count(r => (string)r[0]! == "nghi-son").ShouldBe(8);
        spec.Notes.ShouldContain("Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.");
    }

    [Fact]
    public void Heatmap2023_Area7_ShowsItsCriteriaForEveryUnitBestFirst()
    {
        var spec = Build(new ChartRequest(ChartKind.Heatmap, Year: 2023, Code: "7"));

        spec.Table.Column("code").Distinct().ShouldBe(["7.1", "7.2", "7.3"]);
        spec.Table.Rows.Count.ShouldBe(27 * 3);
        spec.Table[0, "unit_id"].ShouldBe("dong-son");
        spec.Title.ShouldBe("Điểm các tiêu chí của lĩnh vực 7 năm 2023");
    }

    [Fact]
    public void Heatmap2017_Criterion71_ShowsItsSubCriteriaWithTheRealHoangHoaRow()
    {
        var spec = Build(new ChartRequest(ChartKind.Heatmap, Year: 2017, Code: "7.1"));

        spec.Table.Column("code").Distinct().ShouldBe(["7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5"]);
        spec.Table.Rows.Count.ShouldBe(27 * 5);
        spec.Title.ShouldBe("Điểm các tiêu chí thành phần của tiêu chí 7.1 năm 2017");
        // 293/BC-UBND: online services at level 3 and 4 got 0 of 2 and 0 of 3 points.
        var hoangHoa = spec.Table.Rows.Where(r => (string?)r[1] == "hoang-hoa").ToDictionary(r => (string)r[4]!, r => r[8]);
        hoangHoa["7.1.4"].ShouldBe(0m);
        hoangHoa["7.1.5"].ShouldBe(0m);
        hoangHoa["7.1.3"].ShouldBe(75m); // 1,5 of 2
    }

    [Fact]
    public void ConceptHistory_OnlineServicesLevel3_ComparableUntil2022AndNotScoredFrom2023()
    {
        // 7.1.4 (2017 tree) became 7.2.1 in the 2020 khung minh họa (re-weighted 2 → 3: compared as %); the 2023 khung
        // minh họa dropped it (crosswalk.csv).
        var spec = Build(new ChartRequest(ChartKind.ConceptHistory, Code: "7.1.4", Year: 2017));
        var table = spec.Table;

        var rows = table.Rows.Select(r => (Year: (int)r[2]!, Code: (string?)r[6], Comparable: (bool?)r[10])).ToList();
        rows.Where(r => r.Year <= 2019).ShouldAllBe(r => r.Code == "7.1.4");
        rows.Where(r => r.Year is >= 2020 and <= 2022).ShouldAllBe(r => r.Code == "7.2.1");
        rows.Where(r => r.Year >= 2023).ShouldAllBe(r => r.Code == null && r.Comparable == null);
        rows.Where(r => r.Year == 2020).ShouldAllBe(r => r.Comparable == true);
        table.Column("series_unit_id").Distinct().Count().ShouldBe(27);
        spec.Notes.ShouldContain(n => n.Contains("(2 → 3): so sánh theo % điểm chuẩn", StringComparison.Ordinal));
        ChartRenderer.SvgXml(spec).ShouldContain("không chấm từ 2023");
    }

    [Fact]
    public void ConceptHistory_ConceptNewIn2023_StartsWhereTheCrosswalkIntroducesIt()
    {
        // online-services-full-process (toàn trình) is a new measure of the 2023 khung minh họa: no older year joins it.
        var spec = Build(new ChartRequest(ChartKind.ConceptHistory, Code: "online-services-full-process"));

        spec.Table.Column("year").Distinct().ShouldBe([2023, 2024]);
        spec.Table.Column("code").Distinct().ShouldBe(["7.2.1"]);
    }

    [Fact]
    public void SelfVsAppraised_Year2022_GapsAreSelfMinusAppraisedLargestFirst()
    {
        var gaps = YearAppraisalGaps.Of(2022, fixture.Data.ResultsOf(2022, "thanh-hoa", "district"));

        var table = Build(new ChartRequest(ChartKind.SelfVsAppraised, Year: 2022)).Table;

        table.Rows.Count.ShouldBe(gaps.Units.Count);
        table.Column("gap").ShouldBe(gaps.Units.Select(g => (object?)g.Gap));
        table.Rows.ShouldAllBe(r => (decimal)r[5]! == (decimal)r[3]! - (decimal)r[4]!);
    }

    [Fact]
    public void SelfVsAppraised_UnitYear_AreasAddUpToTheTotals()
    {
        var result = fixture.Data.Result("hoang-hoa", 2022)!;
        var gap = AppraisalGap.Of(result)!;

        var table = Build(new ChartRequest(ChartKind.SelfVsAppraised, Year: 2022, UnitIds: ["hoang-hoa"])).Table;

        table.Column("self_points").Cast<decimal>().Sum().ShouldBe(gap.SelfTotal);
        table.Column("appraised_points").Cast<decimal>().Sum().ShouldBe(gap.AppraisedTotal);
    }

    [Fact]
    public void ToCsv_FormulaLikeText_GetsTheApostropheButNumbersStayNumbers()
    {
        var table = new ChartTable(["name", "delta"], [["=1+2", -3.5m], ["@A1", 2m], ["- gạch đầu dòng", 0m], ["Hoằng Hóa", 1m]]);

        table.ToCsv().ShouldBe("name,delta\n'=1+2,-3.5\n'@A1,2\n'- gạch đầu dòng,0\nHoằng Hóa,1\n");
    }
}
