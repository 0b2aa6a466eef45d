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
            .ShouldStartWith("Không có loại biểu đồ 'pie'. Các loại biểu đồ: ranking, area-distribution, unit-trend, unit-areas, compare-areas, compare-trends, heatmap, concept-history, self-vs-appraised, map, rank-movement, rank-bump, area-means, trend-panel.");

    [Fact]
    public void Codes_RoundTrip() =>
        Enum.GetValues<ChartKind>().ShouldAllBe(k => ChartKindText.Parse(k.ToCode()) == k);

    [Fact]
    public void Build_UndefinedKind_Fails() =>
        Fails(new ChartRequest((ChartKind)42, Year: 2023)).Message.ShouldStartWith("Không có loại biểu đồ 42.");

    [Fact]
    public void Build_UnknownUnit_SaysWhichAndHow() =>
        Fails(new ChartRequest(ChartKind.UnitTrend, UnitIds: ["hoang-hai"])).Message
            .ShouldStartWith("Không có đơn vị 'hoang-hai'. Hãy dùng mã trong data/units.csv (ví dụ hoang-hoa) hoặc tên tiếng Việt của đơn vị.");

    [Fact]
    public void Build_UnknownYear_SaysWhichYearsExist() =>
        Fails(new ChartRequest(ChartKind.Ranking, Year: 2030)).Message
            .ShouldStartWith("Không có kết quả năm 2030: số liệu của đơn vị cấp huyện thuộc tỉnh Thanh Hóa có các năm 2017–2024.");

    [Fact]
    public void Build_MissingYear_SaysTheKindNeedsOne() =>
        Fails(new ChartRequest(ChartKind.Heatmap)).Message.ShouldStartWith("Biểu đồ 'heatmap' cần một năm (2017–2024).");

    [Fact]
    public void Build_UnitWithoutAResultThatYear_SaysWhyTheSeriesEnded() =>
        Fails(new ChartRequest(ChartKind.UnitAreas, Year: 2024, UnitIds: ["dong-son"])).Message
            .ShouldStartWith("huyện Đông Sơn (dong-son) không có kết quả năm 2024. Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.");

    [Theory]
    [InlineData(ChartKind.CompareAreas, 1, "Biểu đồ 'compare-areas' cần từ 2 đến 6 đơn vị (đã chọn 1).")]
    [InlineData(ChartKind.CompareTrends, 7, "Biểu đồ 'compare-trends' cần từ 2 đến 6 đơn vị (đã chọn 7).")]
    [InlineData(ChartKind.UnitTrend, 0, "Biểu đồ 'unit-trend' cần đúng một đơn vị (đã chọn 0).")]
    [InlineData(ChartKind.AreaDistribution, 1, "Biểu đồ 'area-distribution' không nhận đơn vị nào (đã chọn 1).")]
    public void Build_WrongNumberOfUnits_SaysHowMany(ChartKind kind, int count, string message)
    {
        string[] units = ["hoang-hoa", "dong-son", "muong-lat", "thieu-hoa", "ha-trung", "nga-son", "vinh-loc"];

        Fails(new ChartRequest(kind, Year: 2023, UnitIds: units.Take(count).ToList())).Message.ShouldStartWith(message);
    }

    [Fact]
    public void Build_SameSeriesTwice_Fails() =>
        Fails(new ChartRequest(ChartKind.CompareTrends, UnitIds: ["tinh-gia", "nghi-son"])).Message
            .ShouldStartWith("thị xã Nghi Sơn (nghi-son) được chọn hai lần (trực tiếp hoặc qua đơn vị tiền thân/kế tục).");

    [Fact]
    public void Build_DepartmentInADistrictChart_Fails() =>
        Fails(new ChartRequest(ChartKind.UnitTrend, UnitIds: ["thanh-hoa-so-noi-vu"]) { Level = "district" }).Message
            .ShouldStartWith("Sở Nội vụ (thanh-hoa-so-noi-vu) không phải là đơn vị cấp huyện của tỉnh Thanh Hóa.");

    [Fact]
    public void Build_UnitWithoutALevel_DrawnAtTheUnitsLevel() =>
        ChartFactory.WithScope(fixture.Data, new ChartRequest(ChartKind.UnitTrend, UnitIds: ["thanh-hoa-so-noi-vu"])).Level.ShouldBe("department");

    [Theory]
    [InlineData(299, 600)]
    [InlineData(1000, 4001)]
    public void Build_SizeOutOfRange_Fails(int width, int height) =>
        Fails(new ChartRequest(ChartKind.Ranking, Year: 2023, Width: width, Height: height)).Message.ShouldContain("phải từ 300 đến 4.000 điểm ảnh");

    [Fact]
    public void Render_SizeOutOfRange_Fails()
    {
        var spec = ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.Ranking, Year: 2023), AnalyticsOptions.Default);

        Should.Throw<ArgumentException>(() => ChartRenderer.Png(spec, 10, 10)).ParamName.ShouldBe("width");
    }

    [Fact]
    public void Build_HeatmapCodeWithNothingUnderIt_ListsTheAreas() =>
        Fails(new ChartRequest(ChartKind.Heatmap, Year: 2017, Code: "7.1.4")).Message
            .ShouldStartWith("'7.1.4' không có tiêu chí con trong bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND): chọn một lĩnh vực (1, 2, 3, 4, 5, 6, 7, 8) hoặc một tiêu chí có tiêu chí thành phần (ví dụ 1.1).");

    [Fact]
    public void Build_HeatmapCodeNotInTheFramework_SaysSo() =>
        Fails(new ChartRequest(ChartKind.Heatmap, Year: 2023, Code: "9")).Message
            .ShouldStartWith("'9' không có trong khung minh họa 2023–2024: chọn một lĩnh vực (1, 2, 3, 4, 5, 6, 7, 8)");

    [Fact]
    public void Build_UnknownConcept_SaysWhereCodesAreRead() =>
        Fails(new ChartRequest(ChartKind.ConceptHistory, Code: "9.9")).Message
            .ShouldStartWith("Không có khái niệm hoặc mã tiêu chí '9.9' (mã được tra trong bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND), áp dụng năm 2017).");

    [Fact]
    public void Build_CodeForAKindWithoutOne_Fails() =>
        Fails(new ChartRequest(ChartKind.Ranking, Year: 2023, Code: "7")).Message.ShouldStartWith("Biểu đồ 'ranking' không nhận mã (đã nhập '7')");

    [Fact]
    public void Build_SelfVsAppraisedForASelfAssessmentOnly_SaysThereIsNothingToCompare() =>
        Fails(new ChartRequest(ChartKind.SelfVsAppraised, Year: 2017, UnitIds: ["hoang-hoa"])).Message
            .ShouldStartWith("huyện Hoằng Hóa (hoang-hoa) chưa có điểm thẩm định năm 2017 (chỉ có điểm tự chấm): không có gì để so sánh.");

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
