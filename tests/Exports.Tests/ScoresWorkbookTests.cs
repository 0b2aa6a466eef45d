using CchcAnalytics.Core;
using CchcAnalytics.Analytics;
using CchcAnalytics.Storage;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace CchcAnalytics.Exports.Tests;

[Collection(DataFolderDefinition.Name)]
public sealed class ScoresWorkbookTests(ExportsFixture fixture)
{
    private static readonly string[] Years = ["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"];

    [Fact]
    public void Write_WholeDataFolder_NotesFirstThenOneSheetPerYear()
    {
        Artifacts.Save("cchc-scores.xlsx", fixture.ScoresWorkbookBytes);
        using var book = new OpenedWorkbook(fixture.ScoresWorkbookBytes);

        book.SheetNames.ShouldBe([ScoresWorkbook.NotesSheet, .. Years]);
        foreach (var year in Years)
        {
            var rows = book.Rows(year);
            rows.Count.ShouldBe(fixture.Rows.Count(r => r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) == year) + 1, year);
            rows[0].Values.Select(book.Value).ShouldBe(ScoresWorkbook.Headers);
        }
    }

    [Fact]
    public async Task WriteAsync_StreamedFromTheDatabase_SameSheetsCellsWidthsAndNotesAsTheListExport()
    {
        using var output = new MemoryStream();
        await ScoresWorkbook.WriteAsync(output, fixture.Store.Submissions.CurrentRows());

        using var streamed = new OpenedWorkbook(output.ToArray());
        using var listed = new OpenedWorkbook(fixture.ScoresWorkbookBytes);
        streamed.SheetNames.ShouldBe(listed.SheetNames);
        foreach (var name in listed.SheetNames)
        {
            streamed.Rows(name).Select(r => string.Join('|', r.Select(c => c.Key + "=" + streamed.Value(c.Value) + "/" + c.Value.StyleIndex?.Value)))
                .ShouldBe(listed.Rows(name).Select(r => string.Join('|', r.Select(c => c.Key + "=" + listed.Value(c.Value) + "/" + c.Value.StyleIndex?.Value))), name);
            streamed.Sheet(name).Descendants<Column>().Select(c => c.Width!.Value).ShouldBe(listed.Sheet(name).Descendants<Column>().Select(c => c.Width!.Value), name);
        }
    }

    [Fact]
    public async Task WriteAsync_OneYear_OnlyThatYearsSheet()
    {
        using var output = new MemoryStream();
        await ScoresWorkbook.WriteAsync(output, fixture.Store.Submissions.CurrentRows(2023));

        using var book = new OpenedWorkbook(output.ToArray());
        book.SheetNames.ShouldBe([ScoresWorkbook.NotesSheet, "2023"]);
        book.Rows("2023").Count.ShouldBe(fixture.Rows.Count(r => r.Year == 2023) + 1);
    }

    [Fact]
    public void Write_Headers_AreTheVietnameseColumnNames()
    {
        ScoresWorkbook.Headers.ShouldBe(
        [
            "Mã đơn vị", "Đơn vị", "Năm", "Giai đoạn (tự chấm/thẩm định)", "Mã tiêu chí", "Cấp", "Tên tiêu chí",
            "Điểm chuẩn", "Điểm", "Tài liệu kiểm chứng", "Dữ liệu mẫu",
        ]);
    }

    [Fact]
    public void Write_RealHoangHoa2017_PointsAreNumbersAndZeroStaysZero()
    {
        using var book = new OpenedWorkbook(fixture.ScoresWorkbookBytes);
        var rows = book.Rows("2017").Where(r => book.Value(r["A"]) == "hoang-hoa").ToList();

        rows.Count.ShouldBe(111);
        var onlineServices = rows.Single(r => book.Value(r["E"]) == "7.1.4");
        onlineServices["I"].DataType.ShouldBeNull(); // a number, not text
        onlineServices["I"].CellValue!.Text.ShouldBe("0");
        book.NumberFormat(onlineServices["I"]).ShouldBe("0.0##");
        var area7 = rows.Single(r => book.Value(r["E"]) == "7");
        area7["I"].DataType.ShouldBeNull();
        area7["I"].CellValue!.Text.ShouldBe("6.5");
        area7["H"].CellValue!.Text.ShouldBe("13");
        book.IsBold(area7["G"]).ShouldBeTrue();
        book.IsBold(onlineServices["G"]).ShouldBeFalse();
        (book.Value(area7["B"]), book.Value(area7["C"]), book.Value(area7["D"]), book.Value(area7["F"])).ShouldBe(("Hoằng Hóa", "2017", "tự chấm", "lĩnh vực"));
        book.Value(rows.Single(r => book.Value(r["E"]) == "5")["I"]).ShouldBe("15.5");
        rows.ShouldAllBe(r => !r.ContainsKey("K") || r["K"].CellValue == null); // real data: no "có"
        book.FillColour(area7["A"]).ShouldBeNull();
    }

    [Fact]
    public void Write_SyntheticRows_MarkedAndFilled()
    {
        using var book = new OpenedWorkbook(fixture.ScoresWorkbookBytes);
        var rows = book.Rows("2018").Skip(1).ToList();

        rows.ShouldAllBe(r => book.Value(r["K"]) == ScoresWorkbook.SyntheticMark);
        rows.ShouldAllBe(r => book.FillColour(r["A"]) == "FFFFF2CC" && book.FillColour(r["I"]) == "FFFFF2CC");
        var sample2017 = book.Rows("2017").Skip(1).Where(r => book.Value(r["A"]) != "hoang-hoa").ToList();
        sample2017.ShouldAllBe(r => book.Value(r["K"]) == "có");
    }

    [Fact]
    public void Write_MissingPoint_IsAnEmptyCellNotZero()
    {
        var rows = fixture.Rows.Where(r => r.UnitId == "hoang-hoa" && r.Year == 2017)
            .Select(r => r.Code == "7.1.4" ? r with { Points = null } : r).ToList();

        using var book = new OpenedWorkbook(Write(rows));

        var row = book.Rows("2017").Single(r => book.Value(r["E"]) == "7.1.4");
        row["H"].CellValue!.Text.ShouldBe("2");
        row["I"].CellValue.ShouldBeNull();
        book.Value(row["I"]).ShouldBeNull();
        var status = book.Rows(ScoresWorkbook.NotesSheet).Single(r => book.Value(r["A"]) == "2017");
        book.Value(status["B"]).ShouldBe("1 đơn vị (1 số liệu thật, 0 dữ liệu mẫu); 1 bộ điểm tự chấm, 0 bộ điểm thẩm định; 111 dòng, 1 ô điểm trống.");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com/x\",\"Bấm vào đây\")")]
    [InlineData("+1")]
    [InlineData("@x")]
    [InlineData("-2")]
    [InlineData("\t=1+1")]
    public void Write_TextThatLooksLikeAFormula_IsStoredWithALeadingApostrophe(string text)
    {
        var real = fixture.Rows.First(r => r.UnitId == "hoang-hoa" && r.Year == 2017 && r.Code == "7.1.4");
        ExportRow[] rows = [real with { Name = text, Evidence = text, UnitName = text, UnitId = text }];

        using var book = new OpenedWorkbook(Write(rows));

        var row = book.Rows("2017")[1];
        foreach (var column in new[] { "A", "B", "G", "J" })
        {
            row[column].DataType!.Value.ShouldBe(CellValues.SharedString);
            book.Value(row[column]).ShouldBe("'" + text);
        }

        book.Sheets().SelectMany(s => s.Descendants<CellFormula>()).ShouldBeEmpty();
        book.Value(book.Rows(ScoresWorkbook.NotesSheet).Single(r => book.Value(r["A"]) == "Chống chèn công thức")["B"])
            .ShouldEndWith("Tệp này có 4 ô như vậy.");
    }

    [Fact]
    public void Write_RealEvidenceStartingWithADash_IsNeutralisedAndCounted()
    {
        using var book = new OpenedWorkbook(fixture.ScoresWorkbookBytes);
        var planning = book.Rows("2017").Single(r => book.Value(r["A"]) == "hoang-hoa" && book.Value(r["E"]) == "1.1.1");

        book.Value(planning["J"]).ShouldStartWith("'- Kế hoạch số 85/KH-UBND ngày 21/12/2016");
        var original = fixture.Rows.Single(r => r.UnitId == "hoang-hoa" && r.Year == 2017 && r.Code == "1.1.1").Evidence;
        CsvSafe.Restore(book.Value(planning["J"])).ShouldBe(original);
    }

    [Fact]
    public void Write_YearSheets_FrozenHeaderAutofilterAndWidths()
    {
        using var book = new OpenedWorkbook(fixture.ScoresWorkbookBytes);
        var sheet = book.Sheet("2023");

        var pane = sheet.Descendants<Pane>().Single();
        (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value).ShouldBe((PaneStateValues.Frozen, 1D, "A2"));
        var rows = fixture.Rows.Count(r => r.Year == 2023) + 1;
        sheet.Descendants<AutoFilter>().Single().Reference!.Value.ShouldBe($"A1:K{rows}");
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        widths.Count.ShouldBe(11);
        widths.ShouldAllBe(w => w >= 6 && w <= 60);
        widths[6].ShouldBeGreaterThan(widths[2]); // Tên tiêu chí wider than Năm
        book.Part.Workbook.DefinedNames!.Elements<DefinedName>().ShouldContain(d => d.Name == "_xlnm._FilterDatabase" && d.Text == $"'2023'!$A$1:$K${rows}");
    }

    [Fact]
    public void Write_NotesSheet_ExplainsColumnsAndDataStatus()
    {
        using var book = new OpenedWorkbook(fixture.ScoresWorkbookBytes);
        var notes = book.Rows(ScoresWorkbook.NotesSheet).Select(r => (Label: book.Value(r.GetValueOrDefault("A")), Text: book.Value(r.GetValueOrDefault("B")))).ToList();

        foreach (var header in ScoresWorkbook.Headers)
        {
            notes.ShouldContain(n => n.Label == header && !string.IsNullOrEmpty(n.Text), header);
        }

        notes.ShouldContain(n => n.Label == "2017" && n.Text!.StartsWith("27 đơn vị (1 số liệu thật, 26 dữ liệu mẫu); 27 bộ điểm tự chấm, 26 bộ điểm thẩm định;", StringComparison.Ordinal));
        notes.ShouldContain(n => n.Label == "2024" && n.Text!.StartsWith("46 đơn vị (0 số liệu thật, 46 dữ liệu mẫu)", StringComparison.Ordinal));
        notes.Single(n => n.Label == "Dữ liệu mẫu").Text!.ShouldContain("KHÔNG phải số liệu thật");
    }

    [Fact]
    public void Write_WholeDataFolder_IsValidOpenXml()
    {
        using var book = new OpenedWorkbook(fixture.ScoresWorkbookBytes);

        var errors = new OpenXmlValidator().Validate(book.Document).Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var latest = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(book.Document).Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        errors.ShouldBeEmpty();
        latest.ShouldBeEmpty();
    }

    [Fact]
    public void WriteRanking_2023_RanksTiesBandsAndNotes()
    {
        var ranking = Ranker.For(fixture.Data, 2023, "thanh-hoa", "district", AnalyticsOptions.Default);
        using var output = new MemoryStream();
        ScoresWorkbook.WriteRanking(output, ranking);
        Artifacts.Save("cchc-ranking-2023.xlsx", output.ToArray());

        using var book = new OpenedWorkbook(output.ToArray());

        book.SheetNames.ShouldBe(["Xếp hạng 2023", ScoresWorkbook.NotesSheet]);
        new OpenXmlValidator().Validate(book.Document).ShouldBeEmpty();
        var rows = book.Rows("Xếp hạng 2023");
        rows[0].Values.Select(book.Value).ShouldBe(ScoresWorkbook.RankingHeaders);
        rows.Count.ShouldBe(28);
        var first = rows[1];
        (book.Value(first["A"]), book.Value(first["C"]), book.Value(first["D"]), book.Value(first["K"])).ShouldBe(("1", "huyện Đông Sơn", "92.15", "dong-son"));
        book.NumberFormat(first["F"]).ShouldBe("0.00");
        first["F"].DataType.ShouldBeNull();
        foreach (var (row, unit) in rows.Skip(1).Zip(ranking.Units))
        {
            book.Value(row["A"]).ShouldBe(unit.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture));
            book.Value(row.GetValueOrDefault("B")).ShouldBe(unit.Tied ? "đồng hạng" : null);
            book.Value(row.GetValueOrDefault("H")).ShouldBe(unit.RankChange?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var notes = book.Rows(ScoresWorkbook.NotesSheet).Select(r => book.Value(r.GetValueOrDefault("B"))).ToList();
        foreach (var note in ranking.Notes)
        {
            notes.ShouldContain(note);
        }
    }

    [Fact]
    public void Write_HostileEvidenceAndNames_NoLineOfAnyCellStartsAFormulaAndEachRestores()
    {
        var real = fixture.Rows.First(r => r.UnitId == "hoang-hoa" && r.Year == 2017 && r.Code == "7.1.4");
        var rows = CchcAnalytics.Tests.HostileText.Evidence.Select(e => real with { Code = e.Code, Name = e.Evidence, Evidence = e.Evidence }).ToList();

        using var book = new OpenedWorkbook(Write(rows));

        book.Sheets().SelectMany(s => s.Descendants<CellFormula>()).ShouldBeEmpty();
        var cells = book.Rows("2017").Skip(1).ToList();
        cells.Count.ShouldBe(rows.Count);
        foreach (var (row, cell) in rows.Zip(cells))
        {
            foreach (var column in new[] { "G", "J" })
            {
                var value = book.Value(cell[column])!;
                CchcAnalytics.Tests.HostileText.FormulaLines(value).ShouldBeEmpty($"{row.Code} {column}: {value}");
                // Office files hold LF line breaks: a lone CR or CR LF is stored as LF, nothing else changes.
                CsvSafe.Restore(value).ShouldBe(row.Evidence!.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
            }
        }

        book.Value(book.Rows(ScoresWorkbook.NotesSheet).Single(r => book.Value(r["A"]) == "Chống chèn công thức")["B"])
            .ShouldEndWith($"Tệp này có {2 * rows.Count} ô như vậy.");
    }

    private static byte[] Write(IReadOnlyList<ExportRow> rows)
    {
        using var output = new MemoryStream();
        ScoresWorkbook.Write(output, rows);
        return output.ToArray();
    }
}
