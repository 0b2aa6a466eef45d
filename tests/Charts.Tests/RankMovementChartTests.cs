using CchcAnalytics.Analytics;
using SkiaSharp;

namespace CchcAnalytics.Charts.Tests;

/// <summary>The rank-movement slope chart on the whole data folder, and charts rendered at a scale for the meeting pack.</summary>
[Collection(ChartsData.Name)]
public sealed class RankMovementChartTests(ChartsFixture fixture)
{
    private ChartSpec Build(int year) => ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.RankMovement, Year: year), AnalyticsOptions.Default);

    [Fact]
    public void Build_2023_OneRowPerRankedUnitWithLastYearsRank()
    {
        var spec = Build(2023);
        var ranking = Ranker.For(fixture.Data, 2023, "thanh-hoa", "district", AnalyticsOptions.Default);

        spec.Title.ShouldBe("Thay đổi thứ hạng Chỉ số CCHC năm 2022 → 2023");
        spec.Subtitle.ShouldStartWith("27 đơn vị cấp huyện · dữ liệu mẫu");
        spec.Table.Rows.Count.ShouldBe(27);
        var hoangHoa = spec.Table.Rows.Single(r => (string)r[2]! == "hoang-hoa");
        var ranked = ranking.Find("hoang-hoa")!;
        (hoangHoa[4], hoangHoa[5], hoangHoa[6]).ShouldBe((ranked.PreviousRank, ranked.Rank, ranked.RankChange));
    }

    [Fact]
    public void Build_2018_HoangHoaSelfAssessedThenAppraised_NoRankChangeAndSaysKhacGiaiDoan()
    {
        var spec = Build(2018);

        var hoangHoa = spec.Table.Rows.Single(r => (string)r[2]! == "hoang-hoa");
        hoangHoa[6].ShouldBeNull();
        hoangHoa[7].ShouldBe(true);
        spec.Notes.ShouldContain(n => n.Contains("khác giai đoạn", StringComparison.Ordinal));
        ChartRenderer.SvgXml(spec).ShouldContain("Hoằng Hóa — khác giai đoạn");
    }

    [Fact]
    public void Build_FirstYear_FailsNamingTheMissingYear() =>
        Should.Throw<ArgumentException>(() => Build(2017)).Message.ShouldStartWith("Biểu đồ 'rank-movement' so sánh với năm trước, nhưng không có kết quả năm 2016.");

    [Fact]
    public void Png_Scaled_HasThePixelsAskedAndLargerText()
    {
        var spec = ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.UnitTrend, UnitIds: ["hoang-hoa"]), AnalyticsOptions.Default);

        var plain = ChartRenderer.Png(spec, 1800, 700, 1);
        var scaled = ChartRenderer.Png(spec, 1800, 700, 2.5, title: false);

        using var a = SKBitmap.Decode(plain);
        using var b = SKBitmap.Decode(scaled);
        (b.Width, b.Height).ShouldBe((1800, 700));
        // Larger text and thicker lines cover more of the picture with ink.
        ((double)Ink(b)).ShouldBeGreaterThan(Ink(a) * 1.5);
    }

    private static int Ink(SKBitmap bitmap)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                count += c.Red + c.Green + c.Blue < 384 ? 1 : 0;
            }
        }

        return count;
    }
}
