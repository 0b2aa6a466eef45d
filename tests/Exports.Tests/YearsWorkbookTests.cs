using CchcAnalytics.Analytics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;

namespace CchcAnalytics.Exports.Tests;

/// <summary>The province over the years as a workbook (/export/years.xlsx), from the whole data folder: valid Open XML,
/// one row per unit series, numbers as numbers, an empty cell (never 0) where a unit has no data, and the real
/// Hoằng Hóa 2017 report unmarked.</summary>
[Collection(DataFolderDefinition.Name)]
public sealed class YearsWorkbookTests(ExportsFixture fixture)
{
    private static readonly string[] Years = ["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"];

    private byte[] Write()
    {
        using var output = new MemoryStream();
        YearsWorkbook.Write(output, ProvinceHistory.For(fixture.Data, "thanh-hoa", "district", AnalyticsOptions.Default));
        Artifacts.Save("cchc-qua-cac-nam.xlsx", output.ToArray());
        return output.ToArray();
    }

    [Fact]
    public void Write_WholeDataFolder_ValidWithTheSheetsAReaderExpects()
    {
        using var book = new OpenedWorkbook(Write());

        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(book.Document).Select(e => e.Description).ShouldBeEmpty();
        book.SheetNames.ShouldBe([YearsWorkbook.IndexSheet, YearsWorkbook.RankSheet, YearsWorkbook.DetailSheet, YearsWorkbook.AreaSheet, ScoresWorkbook.NotesSheet]);
        var index = book.Rows(YearsWorkbook.IndexSheet);
        index[0].Values.Select(book.Value).ShouldBe(["Đơn vị", .. Years, "Mã đơn vị"]);
        index.Count.ShouldBe(1 + 27);
        book.Rows(YearsWorkbook.DetailSheet).Count.ShouldBe(1 + (27 * 8));
        book.Rows(YearsWorkbook.AreaSheet).Count.ShouldBe(1 + 8);
    }

    [Fact]
    public void Write_IndexAndRank_RealReportPublishedPlacesAndDongSonsEnd()
    {
        using var book = new OpenedWorkbook(Write());

        var index = book.Rows(YearsWorkbook.IndexSheet).Skip(1).ToDictionary(r => book.Value(r["J"])!);
        var rank = book.Rows(YearsWorkbook.RankSheet).Skip(1).ToDictionary(r => book.Value(r["J"])!);
        // Hoằng Hóa 2017: 92 (the real report), first; 2023: 91,92, second (600/QĐ-UBND).
        (book.Value(index["hoang-hoa"]["B"]), book.Value(rank["hoang-hoa"]["B"])).ShouldBe(("92", "1"));
        index["hoang-hoa"]["B"].DataType.ShouldBeNull(); // a number, not text
        (book.Value(index["hoang-hoa"]["H"]), book.Value(rank["hoang-hoa"]["H"])).ShouldBe(("91.92", "2"));
        (book.Value(index["dong-son"]["H"]), book.Value(rank["dong-son"]["H"])).ShouldBe(("92.15", "1"));
        // Đông Sơn 2024: merged into TP Thanh Hóa, an empty cell, not 0.
        (book.Value(index["dong-son"].GetValueOrDefault("I")), book.Value(rank["dong-son"].GetValueOrDefault("I"))).ShouldBe((null, null));
        var detail = book.Rows(YearsWorkbook.DetailSheet).Skip(1).Single(r => book.Value(r["K"]) == "dong-son" && book.Value(r["B"]) == "2024");
        book.Value(detail["J"]).ShouldBe("Chuỗi số liệu kết thúc năm 2023: huyện Đông Sơn nhập vào thành phố Thanh Hóa từ 2024.");
        var real = book.Rows(YearsWorkbook.DetailSheet).Skip(1).Single(r => book.Value(r["K"]) == "hoang-hoa" && book.Value(r["B"]) == "2017");
        (book.Value(real["D"]), book.Value(real["E"]), book.Value(real["H"]), book.Value(real.GetValueOrDefault("I"))).ShouldBe(("92", "1", "tự chấm", null));
        var tie = book.Rows(YearsWorkbook.DetailSheet).Skip(1).Single(r => book.Value(r["K"]) == "nong-cong" && book.Value(r["B"]) == "2017");
        (book.Value(tie["E"]), book.Value(tie["F"])).ShouldBe(("3", "đồng hạng"));
    }
}
