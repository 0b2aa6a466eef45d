using System.Globalization;
using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CchcAnalytics.Ingest.Office;

/// <summary>Reads a self-assessment report as it is written, in Word (.docx): the cover letter's paragraphs, then the
/// Bảng tổng hợp as a Word table, then possibly a summary footer, with the same rules and problems as the text layout.</summary>
/// <remarks>
/// <para>Letter: the paragraphs before the table, in document order, including those inside earlier tables (the
/// letterhead is often a two-column layout table): unit ("UBND HUYỆN HOẰNG HÓA", or "HUYỆN …" under "UỶ BAN NHÂN DÂN"),
/// "Số: 293/BC-UBND", the date ("Hoằng Hóa, ngày 20 tháng 11 năm 2017"), the index year ("Chỉ số cải cách hành chính năm
/// 2017") and the stated total ("… là: 92 (điểm)"). When the document does not state its unit or year, the file name
/// <c>&lt;unit-id-or-slug&gt;-&lt;year&gt;[-anything].docx</c> gives them (warning <c>from-file-name</c>), and failing
/// that the validator asks for --unit / --year.</para>
/// <para>Table: the first top-level table whose first rows are a Bảng tổng hợp header (one row, or two when a merged
/// "Tổng điểm đánh giá" stands over "Điểm tự chấm" | "Điểm thẩm định"); tables before it are letter. Cells are laid
/// on the table's grid: a cell spanning columns (gridSpan, gridBefore) keeps the columns after it in place, and a
/// cell a vertical merge continues (vMerge) reads as empty, its value being in the merge's first cell. A cell's
/// paragraphs are joined with line breaks, as the text layout joins evidence; a name's are joined with spaces. The
/// summary footer ("Kết quả đạt được | 100 | 92") is read from the table's last rows or from a later table with its
/// own header ("Điểm chuẩn | Tổng điểm đánh giá …").</para>
/// <para>Where: a row's <see cref="ParsedRow.Line"/> and its problems' lines are the row's number within its table
/// (1-based, header rows included), and the cell says "table 2, row 14" ("table 2, row 14, cell 4" for one cell;
/// tables are counted from 1 among the document's top-level tables). Letter facts' lines are paragraph numbers
/// (1-based, counting every paragraph of the document, those in tables too). Limits are in
/// <see cref="OfficePackage"/>.</para>
/// </remarks>
public static class DocxReportReader
{
    /// <summary>Reads <paramref name="bytes"/>; returns the first Bảng tổng hợp (see <see cref="ReadAll"/>), or null
    /// (with errors in <paramref name="problems"/>) when the document cannot be read or holds none.</summary>
    public static ParsedReport? Read(byte[] bytes, string file, List<Problem> problems) =>
        ReadAll(bytes, file, problems) is [var first, ..] ? first : null;

    /// <summary>Reads every Bảng tổng hợp table of the document (a header with coded rows under it), each as one
    /// report with the letter written since the table before it. Empty (with errors in <paramref name="problems"/>)
    /// when the document cannot be read or holds none.</summary>
    public static IReadOnlyList<ParsedReport> ReadAll(byte[] bytes, string file, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(problems);
        if (!OfficePackage.Check(bytes, file, ".docx", problems))
        {
            return [];
        }

        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false, OfficePackage.Settings);
            return ReadDocument(document, bytes, file, problems);
        }
        catch (Exception ex) when (OfficePackage.IsDamagedPackage(ex))
        {
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null, $"Tệp không phải là văn bản Word đọc được: {ReadErrorText.OfPackage(ex)}.")
                with { Detail = $"{ex.GetType().Name}: {ex.Message}" });
            return [];
        }
    }

    private static List<ParsedReport> ReadDocument(WordprocessingDocument document, byte[] bytes, string file, List<Problem> problems)
    {
        if (document.MainDocumentPart?.Document?.Body is not { } body)
        {
            problems.Add(Problem.Error(ProblemCodes.Unreadable, file, null,
                "Tệp là gói ZIP nhưng không phải văn bản Word (không có phần nội dung văn bản). Có phải một bảng tính hoặc tệp khác đã bị đổi đuôi thành .docx không?"));
            return [];
        }

        var tables = body.Descendants<W.Table>().Where(t => !t.Ancestors<W.Table>().Any()).ToList();
        if (tables.Count == 0)
        {
            problems.Add(Problem.Error(ProblemCodes.NoTable, file, null,
                "Văn bản không có bảng nào. Bảng tổng hợp phải là một bảng Word có các cột 'STT', 'Tiêu chí', 'Điểm chuẩn' và 'Điểm tự chấm'."));
            return [];
        }

        var grids = new List<(List<GridRow> Rows, GridTableReader.Header? Header)>();
        for (var t = 0; t < tables.Count; t++)
        {
            var rows = TableGrid(tables[t], t + 1, file, problems);
            if (rows is null)
            {
                return [];
            }

            grids.Add((rows, GridTableReader.FindHeader(rows)));
        }

        var reports = new List<ParsedReport>();
        var ambiguous = false;
        var skipped = new List<Problem>();
        W.Table? after = null;
        for (var t = 0; t < tables.Count; t++)
        {
            if (grids[t].Header is not { } header)
            {
                continue;
            }

            if (GridTableReader.AmbiguityProblems(grids[t].Rows, header, file) is { Count: > 0 } unclear)
            {
                problems.AddRange(unclear);
                ambiguous = true;
                continue;
            }

            var tableProblems = new List<Problem>();
            var (report, last) = ReadReport(body, tables, grids, t, header, after, reports.Count > 0 ? reports[^1] : null, bytes, file, tableProblems);
            if (report.Rows.Count == 0)
            {
                // A header with no coded rows under it (a blank template, an example): not a report. What went wrong
                // in it is said only when no table holds a report.
                skipped.AddRange(tableProblems);
                continue;
            }

            problems.AddRange(tableProblems);
            reports.Add(report);
            after = tables[last];
        }

        if (reports.Count == 0 && skipped.Any(p => p.Severity == Severity.Error))
        {
            problems.AddRange(skipped);
        }
        else if (reports.Count == 0 && !ambiguous)
        {
            problems.Add(GridTableReader.NoHeaderProblem(file, tables.Count == 1 ? "bảng duy nhất của văn bản" : $"{tables.Count} bảng của văn bản", body.InnerText));
        }

        return reports;
    }

    /// <summary>Reads table <paramref name="index"/> as a report; returns it and the index of the last table it used
    /// (a footer standing in a table of its own, before the next Bảng tổng hợp).</summary>
    private static (ParsedReport Report, int Last) ReadReport(W.Body body, List<W.Table> tables, List<(List<GridRow> Rows, GridTableReader.Header? Header)> grids, int index, GridTableReader.Header header, W.Table? after, ParsedReport? previous, byte[] bytes, string file, List<Problem> problems)
    {
        var letter = LetterReader.Read(LetterLines(body, after, tables[index]));
        // A second table under the same letter: the same unit and year as the one before, so the validator refuses the
        // pair as the same submission twice rather than guess which one counts.
        letter.InheritFrom(previous);

        GridTableReader.WithFoldedFileName(file, problems, name => OfficeLetter.FillFromFileName(letter, name, problems));
        var table = GridTableReader.Read(grids[index].Rows, header, file, problems);
        var footer = table.Footer;
        var last = index;
        for (var t = index + 1; footer is null && t < tables.Count && grids[t].Header is null; t++)
        {
            footer = GridTableReader.ReadFooter(grids[t].Rows, file, problems);
            if (footer is not null)
            {
                last = t;
            }
        }

        var report = letter.ToReport(file, "docx", IngestRunner.HashOf(bytes), table.Rows) with
        {
            FooterMax = footer?.Max,
            FooterSelf = footer?.Self,
            FooterAppraised = footer?.Appraised,
            FooterLine = footer?.Line,
            Part = string.Create(CultureInfo.InvariantCulture, $"bảng {index + 1}"),
        };
        return (report, last);
    }

    /// <summary>The paragraphs after <paramref name="after"/> (from the start when null) and before
    /// <paramref name="table"/>, numbered among all the document's paragraphs, digits folded to ASCII so a fullwidth
    /// or Arabic-Indic year or date reads as one (issue 12, §5).</summary>
    private static List<LetterLine> LetterLines(W.Body body, W.Table? after, W.Table table)
    {
        var lines = new List<LetterLine>();
        var number = 0;
        var passed = after is null;
        foreach (var paragraph in body.Descendants<W.Paragraph>())
        {
            var tables = paragraph.Ancestors<W.Table>().ToList();
            if (tables.Contains(table))
            {
                break;
            }

            number++;
            if (!passed)
            {
                passed = after is not null && !tables.Contains(after) && paragraph.IsAfter(after);
                if (!passed)
                {
                    continue;
                }
            }

            lines.AddRange(Plain(ParagraphText(paragraph)).Split('\n').Where(l => l.Length > 0).Select(l => new LetterLine(Digits.Fold(l), number)));
        }

        return lines;
    }

    /// <summary>The table's rows on its column grid; null, with a too-many-rows error, past the row limit.</summary>
    private static List<GridRow>? TableGrid(W.Table table, int number, string file, List<Problem> problems)
    {
        var rows = new List<GridRow>();
        foreach (var row in table.Descendants<W.TableRow>().Where(r => r.Ancestors<W.Table>().First() == table))
        {
            if (row.TableRowProperties?.GetFirstChild<W.Deleted>() is not null || row.Ancestors<W.DeletedRun>().Any())
            {
                // A row deleted with changes tracked: not in the document a person reads (issue 12, §4).
                continue;
            }

            var rowNumber = rows.Count + 1;
            var label = string.Create(CultureInfo.InvariantCulture, $"bảng {number}, dòng {rowNumber}");
            if (rows.Count == IngestLimits.MaxTableRows)
            {
                problems.Add(Problem.Error(ProblemCodes.TooManyRows, file, rowNumber,
                    $"Bảng {number} của tệp {Path.GetFileName(file)} có hơn {IngestLimits.Count(IngestLimits.MaxTableRows)} dòng, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxTableRows)} dòng; một Bảng tổng hợp có khoảng 150 dòng. Không có gì được ghi.", label));
                return null;
            }

            if (RowCells(row, rowNumber, label, file, problems) is not { } cells)
            {
                return null;
            }

            rows.Add(new GridRow(rowNumber, cells, column => string.Create(CultureInfo.InvariantCulture, $"{label}, ô {column + 1}"), label));
        }

        return rows;
    }

    /// <summary>The row's cells on the grid; null, with a text-too-long error, when a cell is longer than
    /// <see cref="IngestLimits.MaxCellCharacters"/> (checked before its text is cleaned up).</summary>
    private static List<string>? RowCells(W.TableRow row, int rowNumber, string label, string file, List<Problem> problems)
    {
        var cells = new List<string>();
        var column = row.TableRowProperties?.GetFirstChild<W.GridBefore>()?.Val?.Value ?? 0;
        foreach (var cell in row.Descendants<W.TableCell>().Where(c => c.Ancestors<W.TableRow>().First() == row))
        {
            var properties = cell.TableCellProperties;
            var span = Math.Clamp(properties?.GridSpan?.Val?.Value ?? 1, 1, OfficePackage.MaxColumns);
            if (column < OfficePackage.MaxColumns)
            {
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                var raw = IsContinuation(properties) ? "" : RawCellText(cell);
                if (raw.Length > IngestLimits.MaxCellCharacters)
                {
                    var where = string.Create(CultureInfo.InvariantCulture, $"{label}, ô {cells.Count + 1}");
                    problems.Add(Problem.Error(ProblemCodes.TextTooLong, file, rowNumber,
                        $"Ô ở {where} của tệp {Path.GetFileName(file)} chứa {IngestLimits.Count(raw.Length)} ký tự, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxCellCharacters)} ký tự một ô; không có gì được ghi.", where));
                    return null;
                }

                cells.Add(Plain(raw));
            }

            column += span;
        }

        return cells;
    }

    /// <summary>A cell that continues a vertical (or legacy horizontal) merge: its value is in the merge's first cell.</summary>
    private static bool IsContinuation(W.TableCellProperties? properties) =>
        properties?.VerticalMerge is { } vertical && (vertical.Val is null || vertical.Val.Value == W.MergedCellValues.Continue)
        || properties?.HorizontalMerge is { } horizontal && (horizontal.Val is null || horizontal.Val.Value == W.MergedCellValues.Continue);

    private static string RawCellText(W.TableCell cell) =>
        string.Join("\n", cell.Descendants<W.Paragraph>().Select(ParagraphText));

    /// <summary>A paragraph's visible text: runs' text, tabs as spaces, line breaks as new lines. Left out (issue 12,
    /// §4): hidden text (<c>w:vanish</c>), text deleted or moved away with changes tracked (<c>w:del</c>,
    /// <c>w:moveFrom</c>), and field codes (other element types).</summary>
    private static string ParagraphText(W.Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            if (element is not (W.Text or W.TabChar or W.Break or W.CarriageReturn or W.NoBreakHyphen) || !IsShown(element, paragraph))
            {
                continue;
            }

            switch (element)
            {
                case W.Text text:
                    builder.Append(text.Text);
                    break;
                case W.TabChar:
                    builder.Append(' ');
                    break;
                case W.Break or W.CarriageReturn:
                    builder.Append('\n');
                    break;
                case W.NoBreakHyphen:
                    builder.Append('-');
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether Word shows <paramref name="element"/>: not in a tracked deletion or move-from, not in a run
    /// formatted as hidden.</summary>
    private static bool IsShown(OpenXmlElement element, W.Paragraph paragraph)
    {
        for (var parent = element.Parent; parent is not null && !ReferenceEquals(parent, paragraph); parent = parent.Parent)
        {
            if (parent is W.DeletedRun or W.MoveFromRun)
            {
                return false;
            }

            if (parent is W.Run run && run.RunProperties?.GetFirstChild<W.Vanish>() is { } vanish && IsOn(vanish.Val?.InnerText))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An on/off attribute: absent means on.</summary>
    private static bool IsOn(string? value) => value is null or "1" or "true" or "on";

    private static string Plain(string text) => VietnameseText.Nfc(HtmlText.ToPlainText(text));
}
