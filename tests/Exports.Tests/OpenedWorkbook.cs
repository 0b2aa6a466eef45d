using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcAnalytics.Exports.Tests;

/// <summary>A written .xlsx opened with the Open XML SDK, read the way Excel would: shared strings resolved, styles
/// looked up. Only what the tests need.</summary>
internal sealed class OpenedWorkbook : IDisposable
{
    private readonly MemoryStream stream;

    public OpenedWorkbook(byte[] bytes)
    {
        stream = new MemoryStream(bytes, writable: false);
        Document = SpreadsheetDocument.Open(stream, isEditable: false);
        Part = Document.WorkbookPart.ShouldNotBeNull();
        Strings = Part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
    }

    public SpreadsheetDocument Document { get; }

    public WorkbookPart Part { get; }

    public IReadOnlyList<string> Strings { get; }

    public IReadOnlyList<string> SheetNames => Part.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = Part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Part.GetPartById(sheet.Id!)).Worksheet;
    }

    public IEnumerable<Worksheet> Sheets() => SheetNames.Select(Sheet);

    /// <summary>Rows of a sheet as cells by column letter.</summary>
    public List<Dictionary<string, Cell>> Rows(string sheet) =>
        Sheet(sheet).Descendants<Row>()
            .Select(r => r.Elements<Cell>().ToDictionary(c => Column(c.CellReference!.Value!), StringComparer.Ordinal))
            .ToList();

    /// <summary>The text Excel shows for a string cell, or the stored number; null for an empty cell.</summary>
    public string? Value(Cell? cell) =>
        cell?.CellValue is null ? null
        : cell.DataType?.Value == CellValues.SharedString ? Strings[int.Parse(cell.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture)]
        : cell.CellValue.Text;

    public CellFormat Format(Cell cell) =>
        Part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    public bool IsBold(Cell cell) =>
        Part.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)Format(cell).FontId!.Value).Elements<Bold>().Any();

    public string? FillColour(Cell cell) =>
        Part.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ElementAt((int)Format(cell).FillId!.Value)
            .PatternFill?.ForegroundColor?.Rgb?.Value;

    public string? NumberFormat(Cell cell)
    {
        var id = Format(cell).NumberFormatId?.Value ?? 0;
        return Part.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value ?? $"builtin:{id}";
    }

    public void Dispose()
    {
        Document.Dispose();
        stream.Dispose();
    }

    private static string Column(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());
}
