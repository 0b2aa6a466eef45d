using CchcAnalytics.Analytics;

namespace CchcAnalytics.Charts.Tests;

/// <summary>What the dashboard and the CLI may pass in: bad requests fail with an <see cref="ArgumentException"/> that
/// says what is wrong, before anything is drawn.</summary>
[Collection(ChartsData.Name)]
public sealed class ChartFactoryTests(ChartsFixture fixture)
{
    private ArgumentException Fails(ChartRequest request) =>
        Should.Throw<ArgumentException>(() => ChartFactory.Build(fixture.Data, request, AnalyticsOptions.Default));

    [Theory]
    [InlineData("ranking", ChartKind.Ranking)]
    [InlineData("Self-vs-Appraised", ChartKind.SelfVsAppraised)]
    [InlineData(" concept-history ", ChartKind.ConceptHistory)]
    public void ParseKind_KnownCode_ReturnsTheKind(string code, ChartKind expected) => ChartKindText.Parse(code).ShouldBe(expected);

    [Fact]
    public void ParseKind_UnknownCode_NamesTheKnownKinds() =>
        Should.Throw<ArgumentException>(() => ChartKindText.Parse("pie")).Message
            .ShouldStartWith("Unknown chart kind 'pie'. Known kinds: ranking, area-distribution, unit-trend, unit-areas, compare-areas, compare-trends, heatmap, concept-history, self-vs-appraised.");

    [Fact]
    public void Codes_RoundTrip() =>
        Enum.GetValues<ChartKind>().ShouldAllBe(k => ChartKindText.Parse(k.ToCode()) == k);

    [Fact]
    public void Build_UndefinedKind_Fails() =>
        Fails(new ChartRequest((ChartKind)42, Year: 2023)).Message.ShouldStartWith("Unknown chart kind 42.");

    [Fact]
    public void Build_UnknownUnit_SaysWhichAndHow() =>
        Fails(new ChartRequest(ChartKind.UnitTrend, UnitIds: ["hoang-hai"])).Message
            .ShouldStartWith("Unknown unit 'hoang-hai'. Use an id from data/units.csv (e.g. hoang-hoa) or its Vietnamese name.");

    [Fact]
    public void Build_UnknownYear_SaysWhichYearsExist() =>
        Fails(new ChartRequest(ChartKind.Ranking, Year: 2030)).Message
            .ShouldStartWith("No results for 2030: the data for district units of 'thanh-hoa' cover 2017–2024.");

    [Fact]
    public void Build_MissingYear_SaysTheKindNeedsOne() =>
        Fails(new ChartRequest(ChartKind.Heatmap)).Message.ShouldStartWith("Chart 'heatmap' needs a year (2017–2024).");

    [Fact]
    public void Build_UnitWithoutAResultThatYear_SaysWhyTheSeriesEnded() =>
        Fails(new ChartRequest(ChartKind.UnitAreas, Year: 2024, UnitIds: ["dong-son"])).Message
            .ShouldStartWith("huyện Đông Sơn (dong-son) has no result for 2024. Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.");

    [Theory]
    [InlineData(ChartKind.CompareAreas, 1, "Chart 'compare-areas' takes 2 to 6 units (was 1).")]
    [InlineData(ChartKind.CompareTrends, 7, "Chart 'compare-trends' takes 2 to 6 units (was 7).")]
    [InlineData(ChartKind.UnitTrend, 0, "Chart 'unit-trend' takes exactly one unit (was 0).")]
    [InlineData(ChartKind.Ranking, 1, "Chart 'ranking' takes no unit (was 1).")]
    public void Build_WrongNumberOfUnits_SaysHowMany(ChartKind kind, int count, string message)
    {
        string[] units = ["hoang-hoa", "dong-son", "muong-lat", "thieu-hoa", "ha-trung", "nga-son", "vinh-loc"];

        Fails(new ChartRequest(kind, Year: 2023, UnitIds: units.Take(count).ToList())).Message.ShouldStartWith(message);
    }

    [Fact]
    public void Build_SameSeriesTwice_Fails() =>
        Fails(new ChartRequest(ChartKind.CompareTrends, UnitIds: ["tinh-gia", "nghi-son"])).Message
            .ShouldStartWith("thị xã Nghi Sơn (nghi-son) is asked for twice (directly or through its lineage).");

    [Fact]
    public void Build_DepartmentInADistrictChart_Fails() =>
        Fails(new ChartRequest(ChartKind.UnitTrend, UnitIds: ["thanh-hoa-so-noi-vu"])).Message
            .ShouldStartWith("Sở Nội vụ (thanh-hoa-so-noi-vu) is not a district unit of 'thanh-hoa'.");

    [Theory]
    [InlineData(299, 600)]
    [InlineData(1000, 4001)]
    public void Build_SizeOutOfRange_Fails(int width, int height) =>
        Fails(new ChartRequest(ChartKind.Ranking, Year: 2023, Width: width, Height: height)).Message.ShouldContain("must be 300–4000 pixels");

    [Fact]
    public void Render_SizeOutOfRange_Fails()
    {
        var spec = ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.Ranking, Year: 2023), AnalyticsOptions.Default);

        Should.Throw<ArgumentException>(() => ChartRenderer.Png(spec, 10, 10)).ParamName.ShouldBe("width");
    }

    [Fact]
    public void Build_HeatmapCodeThatIsNotAnArea_ListsTheAreas() =>
        Fails(new ChartRequest(ChartKind.Heatmap, Year: 2023, Code: "7.1")).Message
            .ShouldStartWith("'7.1' is not an area of framework thanh-hoa-district-2023-illustrative (areas: 1, 2, 3, 4, 5, 6, 7, 8)");

    [Fact]
    public void Build_UnknownConcept_SaysWhereCodesAreRead() =>
        Fails(new ChartRequest(ChartKind.ConceptHistory, Code: "9.9")).Message
            .ShouldStartWith("Unknown concept or criterion code '9.9' (codes are read in framework thanh-hoa-district-2017, used in 2017).");

    [Fact]
    public void Build_CodeForAKindWithoutOne_Fails() =>
        Fails(new ChartRequest(ChartKind.Ranking, Year: 2023, Code: "7")).Message.ShouldStartWith("Chart 'ranking' takes no code (was '7')");

    [Fact]
    public void Build_SelfVsAppraisedForASelfAssessmentOnly_SaysThereIsNothingToCompare() =>
        Fails(new ChartRequest(ChartKind.SelfVsAppraised, Year: 2017, UnitIds: ["hoang-hoa"])).Message
            .ShouldStartWith("huyện Hoằng Hóa (hoang-hoa) has no appraised points for 2017 (only self-assessed): nothing to compare");

    [Fact]
    public void Build_UnitByVietnameseNameOrPredecessor_ResolvesTheSeries()
    {
        var spec = ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.UnitAreas, Year: 2021, UnitIds: ["Tĩnh Gia"]), AnalyticsOptions.Default);

        spec.Title.ShouldBe("Điểm từng lĩnh vực — thị xã Nghi Sơn, năm 2021");
    }

    [Fact]
    public void WithSize_KeepsEverythingElse()
    {
        var spec = ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.Ranking, Year: 2023), AnalyticsOptions.Default);

        var smaller = spec.WithSize(640, null);

        (smaller.Width, smaller.Height, smaller.Caption, smaller.Table).ShouldBe((640, spec.Height, spec.Caption, spec.Table));
    }
}
