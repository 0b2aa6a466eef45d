using CchcAnalytics.Core;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcAnalytics.Exports.Xlsx;

/// <summary>Writes an .xlsx of plain sheets: shared strings, a fixed set of styles, numbers as numbers (never formulas),
/// text through <see cref="OfficeText.Cell"/> (formula-safe), optional frozen header row with autofilter.</summary>
/// <remarks>Sheets are written row by row with <see cref="OpenXmlWriter"/>, from rows enumerated twice (once for the
/// widths and the row count, which come first in the sheet's XML, once to write them), so a sheet of any size is never
/// held in memory: a full scores export has ~50,000 rows today and millions at national scale (issue 15). The package
/// is built in memory, or in a temporary file that is deleted on close (<c>onDisk</c>), and copied to the caller's
/// stream at <see cref="Save"/>, because System.IO.Packaging needs a seekable stream and an HTTP response is not one.
/// Only the shared strings (distinct texts) stay in memory.</remarks>
internal sealed class SpreadsheetWriter : IDisposable
{
    public const string FontName = "Arial";

    private const uint HeaderStyle = 1;
    private const uint FirstDataStyle = 2;
    private static readonly XlsxFormat[] Formats = Enum.GetValues<XlsxFormat>();

    private readonly Stream buffer;
    private readonly SpreadsheetDocument document;
    private readonly WorkbookPart workbookPart;
    private readonly Dictionary<string, int> stringIndex = new(StringComparer.Ordinal);
    private readonly List<string> strings = [];
    private readonly List<(string Name, string PartId, string? FilterRange)> sheets = [];

    /// <param name="title">The workbook's title.</param>
    /// <param name="onDisk">Build the package in a temporary file (deleted on close) instead of in memory: for exports
    /// whose size grows with the database.</param>
    public SpreadsheetWriter(string title, bool onDisk = false)
    {
        buffer = onDisk
            ? new FileStream(Path.Combine(Path.GetTempPath(), "cchc-xlsx-" + Guid.NewGuid().ToString("N") + ".tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose)
            : new MemoryStream();
        document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Title = OfficeText.Clean(title);
        document.PackageProperties.Creator = "CCHC Analytics";
        document.PackageProperties.Language = "vi-VN";
        workbookPart = document.AddWorkbookPart();
    }

    /// <summary>Text cells that got an apostrophe of <see cref="CsvSafe"/> (at their start or at a line in them).</summary>
    public int NeutralizedCells { get; private set; }

    /// <summary>Adds a sheet. With <paramref name="header"/>, row 1 holds the column headers, is frozen and carries an
    /// autofilter over the data; <paramref name="textColumn"/> (0-based) holds codes like "7" that Excel must not flag
    /// as numbers stored as text.</summary>
    public void AddSheet(string name, IReadOnlyList<XlsxColumn> columns, IReadOnlyList<XlsxRow> rows, bool header, bool selected = false, int? textColumn = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        AddSheet(name, columns, () => rows, header, selected, textColumn);
    }

    /// <summary>Adds a sheet whose rows are read twice from <paramref name="rows"/> (a new enumeration each time, e.g.
    /// from the database): once for the widths and the row count, once to write them; none is kept.</summary>
    public void AddSheet(string name, IReadOnlyList<XlsxColumn> columns, Func<IEnumerable<XlsxRow>> rows, bool header, bool selected = false, int? textColumn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0 || name[0] == '\'' || name[^1] == '\'')
        {
            throw new ArgumentException($"'{name}' is not a valid sheet name (31 characters at most, none of []:*?/\\, no apostrophe at either end)", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var (count, widths) = Measure(columns, rows(), header);
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var lastRow = count + (header ? 1 : 0);
        var lastColumn = ColumnName(columns.Count - 1);
        var range = $"A1:{lastColumn}{Math.Max(lastRow, 1)}";
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetDimension { Reference = range });
            writer.WriteElement(SheetViews(header, selected));
            writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15D });
            writer.WriteElement(widths);
            writer.WriteStartElement(new SheetData());
            var rowNumber = 1u;
            if (header)
            {
                var number = rowNumber++;
                WriteRow(writer, number, columns.Select((c, i) => HeaderCell(c.Header, $"{ColumnName(i)}{number}")));
            }

            foreach (var row in rows())
            {
                var number = rowNumber++;
                WriteRow(writer, number, row.Cells.Select((cell, i) => DataCell(cell, $"{ColumnName(i)}{number}", StyleOf(cell.Format, row.Bold, row.Highlight))));
            }

            writer.WriteEndElement();
            if (header)
            {
                writer.WriteElement(new AutoFilter { Reference = range });
            }

            writer.WriteElement(new PageMargins { Left = 0.5D, Right = 0.5D, Top = 0.75D, Bottom = 0.75D, Header = 0.3D, Footer = 0.3D });
            if (textColumn is { } column && lastRow > 1)
            {
                var letter = ColumnName(column);
                writer.WriteElement(new IgnoredErrors(new IgnoredError
                {
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}1:{letter}{lastRow}" },
                    NumberStoredAsText = true,
                }));
            }

            writer.WriteEndElement();
        }

        sheets.Add((OfficeText.Clean(name), workbookPart.GetIdOfPart(part), header ? $"{Quote(name)}!$A$1:${lastColumn}${Math.Max(lastRow, 1)}" : null));
    }

    /// <summary>Writes the workbook with its sheets in <paramref name="order"/> (names given to <c>AddSheet</c>)
    /// and copies it to <paramref name="output"/>.</summary>
    public void Save(Stream output, IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(output);
        Finish(order);
        buffer.CopyTo(output);
    }

    /// <summary>As <see cref="Save"/>, copying to <paramref name="output"/> asynchronously (an HTTP response).</summary>
    public async Task SaveAsync(Stream output, IReadOnlyList<string> order, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        Finish(order);
        await buffer.CopyToAsync(output, cancellation).ConfigureAwait(false);
    }

    /// <summary>Writes the workbook part, the styles and the shared strings, closes the package and rewinds the buffer.</summary>
    private void Finish(IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var ordered = order.Select(n => sheets.Single(s => s.Name == OfficeText.Clean(n))).ToList();
        if (ordered.Count != sheets.Count)
        {
            throw new ArgumentException($"{nameof(order)} must name every sheet once", nameof(order));
        }

        var sheetElements = new Sheets(ordered.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = s.PartId }));
        var filters = ordered.Select((s, i) => (s.FilterRange, Index: i)).Where(f => f.FilterRange is not null)
            .Select(f => new DefinedName(f.FilterRange!) { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)f.Index, Hidden = true })
            .ToList();
        var workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheetElements);
        if (filters.Count > 0)
        {
            workbook.Append(new DefinedNames(filters));
        }

        workbookPart.Workbook = workbook;
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        WriteSharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());
        document.Dispose();
        buffer.Position = 0;
    }

    public void Dispose()
    {
        document.Dispose();
        buffer.Dispose();
    }

    /// <summary>Column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The number as stored: invariant culture, a decimal point, no trailing zeros, at most six decimals
    /// (an index like 91.9195979899… is shown with two anyway).</summary>
    public static string Number(decimal value) =>
        Math.Round(value, 6, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture);

    private static uint StyleOf(XlsxFormat format, bool bold, bool highlight) =>
        FirstDataStyle + (uint)((((int)format * 2) + (bold ? 1 : 0)) * 2) + (highlight ? 1u : 0u);

    private static string Quote(string sheetName) => $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'";

    private static void WriteRow(OpenXmlWriter writer, uint number, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = number });
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private Cell HeaderCell(string text, string reference) => new()
    {
        CellReference = reference,
        StyleIndex = HeaderStyle,
        DataType = CellValues.SharedString,
        CellValue = new CellValue(SharedString(OfficeText.Cell(text))),
    };

    private Cell DataCell(XlsxCell cell, string reference, uint style)
    {
        var result = new Cell { CellReference = reference, StyleIndex = style };
        if (cell.IsNumber)
        {
            if (cell.Number is { } number)
            {
                result.CellValue = new CellValue(Number(number));
            }
        }
        else if (!string.IsNullOrEmpty(cell.Text))
        {
            var clean = OfficeText.Clean(cell.Text);
            var safe = CsvSafe.Neutralize(clean);
            if (safe.Length != clean.Length)
            {
                NeutralizedCells++;
            }

            var text = OfficeText.Truncate(safe);
            result.DataType = CellValues.SharedString;
            result.CellValue = new CellValue(SharedString(text));
        }

        return result;
    }

    private int SharedString(string text)
    {
        if (!stringIndex.TryGetValue(text, out var index))
        {
            index = strings.Count;
            strings.Add(text);
            stringIndex.Add(text, index);
        }

        return index;
    }

    private void WriteSharedStrings(SharedStringTablePart part)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new SharedStringTable { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count });
        foreach (var text in strings)
        {
            var element = new Text(text);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            {
                element.Space = SpaceProcessingModeValues.Preserve;
            }

            writer.WriteElement(new SharedStringItem(element));
        }

        writer.WriteEndElement();
    }

    private static SheetViews SheetViews(bool frozenHeader, bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0U, TabSelected = selected ? true : null };
        if (frozenHeader)
        {
            view.Append(
                new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        }

        return new SheetViews(view);
    }

    /// <summary>The number of rows, and widths fitted to the longest line of each column (header included), within the
    /// column's range, in one pass over the rows.</summary>
    private static (int Count, Columns Widths) Measure(IReadOnlyList<XlsxColumn> columns, IEnumerable<XlsxRow> rows, bool header)
    {
        var longest = columns.Select(c => header ? c.Header.Length * 1.15 : 0).ToArray();
        var count = 0;
        foreach (var row in rows)
        {
            if (row.Cells.Count > columns.Count)
            {
                throw new ArgumentException($"{nameof(rows)} has a row with more cells than {nameof(columns)}", nameof(rows));
            }

            count++;
            for (var i = 0; i < row.Cells.Count; i++)
            {
                if (row.Cells[i] is { Format: not XlsxFormat.Title } cell)
                {
                    var length = cell.IsNumber
                        ? (cell.Number is { } n ? Number(n).Length + 2 : 0)
                        : LongestLine(cell.Text ?? "") * (row.Bold ? 1.1 : 1.0);
                    longest[i] = Math.Max(longest[i], length);
                }
            }
        }

        var result = new Columns();
        for (var i = 0; i < columns.Count; i++)
        {
            var width = Math.Clamp(Math.Ceiling(longest[i]) + 2, columns[i].MinWidth, columns[i].MaxWidth);
            result.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true });
        }

        return (count, result);
    }

    /// <summary>Characters of the longest line of <paramref name="text"/> (lines split at '\n').</summary>
    private static int LongestLine(string text)
    {
        var longest = 0;
        foreach (var line in text.AsSpan().Split('\n'))
        {
            longest = Math.Max(longest, line.End.Value - line.Start.Value);
        }

        return longest;
    }

    private static Stylesheet Styles()
    {
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164U, FormatCode = "0.0##" },
            new NumberingFormat { NumberFormatId = 165U, FormatCode = "0.00" },
            new NumberingFormat { NumberFormatId = 166U, FormatCode = "+0;-0;0" })
        { Count = 3U };
        var fonts = new Fonts(Font(false, 11), Font(true, 11), Font(true, 14)) { Count = 3U };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9E1F2"),
            Solid("FFFFF2CC"))
        { Count = 4U };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF8EA9DB" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2U };
        var formats = new List<CellFormat>
        {
            new() { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new()
            {
                NumberFormatId = 0U, FontId = 1U, FillId = 2U, BorderId = 1U, FormatId = 0U,
                ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
                Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center },
            },
        };
        foreach (var format in Formats)
        {
            foreach (var bold in new[] { false, true })
            {
                foreach (var highlight in new[] { false, true })
                {
                    var numberFormat = format switch
                    {
                        XlsxFormat.Points => 164U,
                        XlsxFormat.Integer => 1U,
                        XlsxFormat.Index => 165U,
                        XlsxFormat.Change => 166U,
                        _ => 0U,
                    };
                    formats.Add(new CellFormat
                    {
                        NumberFormatId = numberFormat,
                        FontId = format == XlsxFormat.Title ? 2U : bold ? 1U : 0U,
                        FillId = highlight ? 3U : 0U,
                        BorderId = 0U,
                        FormatId = 0U,
                        ApplyNumberFormat = numberFormat != 0U ? true : null,
                        ApplyFont = format == XlsxFormat.Title || bold ? true : null,
                        ApplyFill = highlight ? true : null,
                        ApplyAlignment = true,
                        Alignment = new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = format == XlsxFormat.WrappedText ? true : null },
                    });
                }
            }
        }

        return new Stylesheet(
            numberFormats,
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(formats) { Count = (uint)formats.Count },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }

    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = FontName }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid });
}
