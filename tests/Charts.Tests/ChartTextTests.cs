namespace CchcAnalytics.Charts.Tests;

/// <summary>Chart text on hand-made values: vi-VN numbers, area names, the status words and CSV cells.</summary>
public sealed class ChartTextTests
{
    [Theory]
    [InlineData("92.15", "92,15")]
    [InlineData("92.154", "92,15")]
    [InlineData("92.155", "92,16")]
    [InlineData("91.3", "91,30")]
    [InlineData("100", "100,00")]
    [InlineData("0.5", "0,50")]
    [InlineData("-1.2", "-1,20")]
    public void Percent_TwoDecimalsAlways_AsTheTablesWriteThem(string value, string expected) =>
        ChartText.Percent(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData("15.5", "15,5")]
    [InlineData("92", "92")]
    [InlineData("0.125", "0,125")]
    public void Points_AsScored_NeverRounded(string value, string expected) =>
        ChartText.Points(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Tick_VietnameseDecimalCommaAndYearsWithoutSeparator()
    {
        ChartText.Tick(92.5).ShouldBe("92,5");
        ChartText.Year(2017).ShouldBe("2017");
        ChartText.Years([2019, 2017, 2018]).ShouldBe("2017–2019");
    }

    [Theory]
    [InlineData("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "Công tác chỉ đạo, điều hành CCHC")]
    [InlineData("CÁI CÁCH THỦ TỤC HÀNH CHÍNH", "Cái cách thủ tục hành chính")]
    [InlineData("Ứng dụng công nghệ thông tin", "Ứng dụng công nghệ thông tin")]
    public void SentenceCase_AllCapsAreaNames_KeepAcronyms(string name, string expected) => ChartText.SentenceCase(name).ShouldBe(expected);

    [Fact]
    public void AreaLabel_LongName_IsCutWithAnEllipsis() =>
        ChartText.AreaLabel("5", "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC").ShouldBe("5. Xây dựng và nâng cao chất lượng đội ngũ…");

    [Theory]
    [InlineData(27, 27, 0, true, "dữ liệu mẫu · khung minh họa")]
    [InlineData(27, 26, 1, false, "có dữ liệu mẫu (26/27) · có điểm tự chấm chưa thẩm định (1)")]
    [InlineData(1, 0, 1, false, "điểm tự chấm")]
    [InlineData(3, 0, 0, false, "")]
    public void Status_Parts(int results, int synthetic, int self, bool illustrative, string expected) =>
        new ChartStatus(results, synthetic, self, illustrative).ToString().ShouldBe(expected);

    [Fact]
    public void Csv_QuotesNamesWithCommasAndLeavesMissingEmpty()
    {
        var table = new ChartTable(["code", "name", "points", "weak"], [["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 15.50m, true], ["7.1.4", "Mức \"3\"", null, false]]);

        table.ToCsv().ShouldBe("code,name,points,weak\n1,\"CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\",15.5,true\n7.1.4,\"Mức \"\"3\"\"\",,false\n");
    }

    [Fact]
    public void Table_RowOfTheWrongWidth_IsRejected() =>
        Should.Throw<ArgumentException>(() => new ChartTable(["a", "b"], [["x"]]));

    [Fact]
    public void Wrap_BreaksBetweenWordsAndCutsTheLastLine() =>
        Builders.HeatGrid.Wrap("Ứng dụng công nghệ thông tin của cấp huyện", 14, 2).ShouldBe("Ứng dụng công\nnghệ thông…");
}
