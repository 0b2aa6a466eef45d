using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Text;

namespace CchcAnalytics.Ingest.Pdf;

/// <summary>Reads a Bảng tổng hợp from PDF lines under its header, with the text layout's rules and problems: a line
/// with a criterion code in the STT column starts a row, a line without one continues it (a wrapped name or evidence,
/// the rest of a row a page break cut), and the summary footer's result row ends the table.</summary>
/// <remarks>PDF-only cases: page furniture and the header repeated on each page are skipped (a repeated header also
/// re-measures the columns for its page); a code wrapped in a narrow STT column ("1.2" over ".2") is joined back; and
/// wrapped evidence lines are joined with a space where the line broke because the next word did not fit, and with a
/// line break where it would have fitted (a new paragraph or a line break in the cell).</remarks>
internal static class PdfTableReader
{
    private static readonly string[] FooterHeaderWords = ["điểm chuẩn", "tổng điểm", "điểm tự đánh giá"];

    private static readonly string[] ResultWords = ["kết quả", "tổng cộng", "tổng số điểm"];

    /// <summary>The rows, and the footer's totals when the table has a result row.</summary>
    public sealed record Table(List<ParsedRow> Rows, decimal? FooterMax, decimal? FooterSelf, decimal? FooterAppraised, int? FooterLine);

    public static Table Read(IReadOnlyList<PdfLine> lines, int start, PdfColumns first, IReadOnlyList<string> header, ISet<PdfLine> furniture, string file, List<Problem> problems)
    {
        var builders = new List<RowBuilder>();
        RowBuilder? current = null;
        var columns = first;
        var footerBand = new List<PdfLine>();
        var lastPage = start > 0 ? lines[start - 1].Page : 0;
        PdfLine? previous = null;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Page != lastPage)
            {
                lastPage = line.Page;
                if (RepeatedHeader(lines, i, header) is { } repeated)
                {
                    // The header repeated at the top of the page (at the same height on every page, so it also looks
                    // like furniture); its cells measure this page's columns.
                    var pageRows = lines.Skip(repeated.End).TakeWhile(l => l.Page == line.Page).Where(l => !furniture.Contains(l));
                    columns = PdfColumns.From(repeated.Columns, repeated.Cells, pageRows);
                    i = repeated.End - 1;
                    continue;
                }
            }

            if (furniture.Contains(line))
            {
                continue;
            }

            if (PdfHeader.IsColumnNumberLine(line))
            {
                continue;
            }

            var cells = columns.Split(line);
            var map = columns.Columns;
            string Text(int column) => column >= 0 && column < cells.Length ? PdfLine.Join(cells[column]) : "";
            var stt = Text(map.Code);
            var code = CriterionCode.Normalize(stt);
            var lower = line.Text.ToLowerInvariant();
            var segments = line.Segments(PdfHeader.CellGapEm).Select(PdfLine.Join).ToList();
            var hasNumber = new[] { map.Max, map.Self, map.Appraised }.Any(c => PointsText.IsNumber(Text(c)));

            if (code is null && segments.Any(s => ResultWords.Any(w => s.ToLowerInvariant().StartsWith(w, StringComparison.Ordinal)) || s.Equals("tổng", StringComparison.OrdinalIgnoreCase))
                && segments.Any(PointsText.IsNumber))
            {
                var footer = ReadResult(line, footerBand, cells, columns, file, problems);
                return new Table(Finish(builders, current, file, problems), footer.Max, footer.Self, footer.Appraised, line.DocumentLine);
            }

            if (stt.Length == 0 && segments.Count >= 2 && FooterHeaderWords.Any(w => lower.Contains(w, StringComparison.Ordinal)) || footerBand.Count > 0 && code is null)
            {
                // The summary footer's own header; it is taken back if a coded row follows after all.
                footerBand.Add(line);
                previous = line;
                continue;
            }

            if (footerBand.Count > 0)
            {
                foreach (var band in footerBand)
                {
                    current?.Continue(band, columns.Split(band), columns, file, problems);
                }

                footerBand.Clear();
            }

            var fragment = current is not null && current.CodeOpenAfter == previous && stt.Length > 0
                && (current.RawCode.EndsWith('.') || stt.StartsWith('.'))
                && CriterionCode.Normalize(current.RawCode + stt) is not null
                && (code is null || !hasNumber);
            if (fragment)
            {
                // A code wrapped in a narrow STT column: "1.2" on the row's line, ".2" under it.
                current!.RawCode += stt;
                current.Code = CriterionCode.Normalize(current.RawCode)!;
                current.CodeOpenAfter = line;
                current.Continue(line, cells, columns, file, problems, skipCode: true);
            }
            else if (code is not null)
            {
                if (current is not null)
                {
                    builders.Add(current);
                }

                current = new RowBuilder(line, stt, code, columns);
                current.Start(cells, Text, file, problems);
                if (builders.Count >= IngestLimits.MaxTableRows)
                {
                    problems.Add(Problem.Error(ProblemCodes.TooManyRows, file, line.DocumentLine,
                        $"Bảng tổng hợp trong tệp {Path.GetFileName(file)} có hơn {IngestLimits.Count(IngestLimits.MaxTableRows)} dòng, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxTableRows)} dòng; một Bảng tổng hợp có khoảng 150 dòng. Không có gì được ghi.", line.Where));
                    return new Table([], null, null, null, null);
                }
            }
            else if (stt.Length > 0)
            {
                problems.Add(Problem.Error(ProblemCodes.BadCode, file, line.DocumentLine,
                    $"'{stt}' ở cột STT ({line.Where}) không phải là mã tiêu chí (mã đúng có dạng 7, 7.1 hoặc 7.1.4).", line.Where));
            }
            else
            {
                // Text between the header and the first row is not read; after it, the line continues the row.
                current?.Continue(line, cells, columns, file, problems);
            }

            previous = line;
        }

        foreach (var band in footerBand)
        {
            current?.Continue(band, columns.Split(band), columns, file, problems);
        }

        return new Table(Finish(builders, current, file, problems), null, null, null, null);
    }

    /// <summary>The table's header repeated among the first lines of the page that starts at <c>lines[first]</c> (under a
    /// running header): the same lines as the first header when the page is laid out the same, else any header there.</summary>
    private static (TableColumns Columns, List<PdfHeaderCell> Cells, int End)? RepeatedHeader(IReadOnlyList<PdfLine> lines, int first, IReadOnlyList<string> header)
    {
        var none = new HashSet<PdfLine>();
        for (var j = first; j < lines.Count && j < first + 4 && lines[j].Page == lines[first].Page; j++)
        {
            var same = lines.Skip(j).Take(header.Count).ToList();
            if (same.Count == header.Count && same.All(l => l.Page == lines[first].Page) && same.Select(l => l.Text).SequenceEqual(header)
                && PdfHeader.FromBand(same) is { } exact)
            {
                return (exact.Columns, exact.Cells, j + header.Count);
            }
        }

        for (var j = first; j < lines.Count && j < first + 4 && lines[j].Page == lines[first].Page; j++)
        {
            if (PdfHeader.At(lines, j, none) is { } other)
            {
                return other;
            }
        }

        return null;
    }

    private static List<ParsedRow> Finish(List<RowBuilder> builders, RowBuilder? current, string file, List<Problem> problems)
    {
        if (current is not null)
        {
            builders.Add(current);
        }

        // A column's right edge is the furthest any of its lines reaches: where a wrapped line had to break.
        var edges = builders.SelectMany(b => b.Evidence).GroupBy(s => s.Columns).ToDictionary(g => g.Key, g => g.Max(s => s.Span.X1));
        var rows = builders.Select(b => b.ToRow(edges)).ToList();
        if (rows.FirstOrDefault(r => Unreadable(r.Name) || Unreadable(r.Evidence)) is { } garbled)
        {
            problems.Add(Problem.Error(ProblemCodes.Mojibake, file, garbled.Line,
                $"Chữ của mục {garbled.Code} ({garbled.Cell}) trong tệp {Path.GetFileName(file)} không đọc được: PDF không cho biết các ký tự này là chữ gì (phông chữ thiếu bảng mã Unicode). Hãy gửi tệp Word (.docx) hoặc Excel (.xlsx) của báo cáo; không có gì được ghi.", garbled.Cell));
        }

        return rows;
    }

    private static bool Unreadable(string? text) =>
        text is not null && text.Any(c => c == '\uFFFD' || c is >= '\uE000' and <= '\uF8FF');

    private static (decimal? Max, decimal? Self, decimal? Appraised) ReadResult(PdfLine line, List<PdfLine> footerBand, List<PdfGlyph>[] cells, PdfColumns columns, string file, List<Problem> problems)
    {
        var numbers = line.Segments(PdfHeader.CellGapEm).Select(PdfLine.Span).OfType<PdfSpan>().Where(s => PointsText.IsNumber(s.Text)).ToList();
        var header = footerBand.Count > 0 ? PdfHeader.Cells(footerBand) : [];
        decimal? Pick(Func<string, bool> names, int tableColumn, string label)
        {
            string text;
            if (header.FirstOrDefault(c => names(c.Text.ToLowerInvariant())) is { } cell)
            {
                var centre = (cell.X0 + cell.X1) / 2;
                var width = cell.X1 - cell.X0;
                text = numbers.Where(n => Math.Abs((n.X0 + n.X1) / 2 - centre) <= width / 2 + line.Size)
                    .MinBy(n => Math.Abs((n.X0 + n.X1) / 2 - centre))?.Text ?? "";
            }
            else if (header.Count == 0 && tableColumn >= 0 && tableColumn < cells.Length)
            {
                text = PdfLine.Join(cells[tableColumn]);
            }
            else
            {
                return null;
            }

            if (PointsText.TryParse(text, out var value))
            {
                return value;
            }

            problems.Add(Problem.Error(ProblemCodes.BadNumber, file, line.DocumentLine,
                $"'{text}' ở cột {label} của dòng tổng ({line.Where}) không phải là số điểm.", line.Where));
            return null;
        }

        var map = columns.Columns;
        return (
            Pick(t => t.Contains("điểm chuẩn", StringComparison.Ordinal), map.Max, "Điểm chuẩn (tổng)"),
            Pick(t => t.Contains("tự đánh giá", StringComparison.Ordinal) || t.Contains("tự chấm", StringComparison.Ordinal), map.Self, "Điểm tự đánh giá (tổng)"),
            Pick(t => t.Contains("thẩm định", StringComparison.Ordinal), map.Appraised, "Điểm thẩm định (tổng)"));
    }

    /// <summary>One row while it is read: its first line, its code as printed so far, and its name and evidence as spans.</summary>
    private sealed class RowBuilder(PdfLine line, string rawCode, string code, PdfColumns columns)
    {
        private readonly List<PdfSpan> name = [];

        public PdfLine Line { get; } = line;

        public string RawCode { get; set; } = rawCode;

        public string Code { get; set; } = code;

        /// <summary>The last line whose STT cell belongs to this row; a code fragment may follow it directly.</summary>
        public PdfLine? CodeOpenAfter { get; set; } = line;

        public decimal? Max { get; private set; }

        public decimal? Self { get; private set; }

        public decimal? Appraised { get; private set; }

        public List<(PdfColumns Columns, PdfSpan Span)> Evidence { get; } = [];

        public void Start(List<PdfGlyph>[] cells, Func<int, string> text, string file, List<Problem> problems)
        {
            var map = columns.Columns;
            Max = Number(text(map.Max), "Điểm chuẩn", file, problems);
            Self = Number(text(map.Self), "Điểm tự chấm", file, problems);
            Appraised = map.Appraised >= 0 ? Number(text(map.Appraised), "Điểm thẩm định", file, problems) : null;
            AddText(cells, columns);
        }

        public void Continue(PdfLine at, List<PdfGlyph>[] cells, PdfColumns layout, string file, List<Problem> problems, bool skipCode = false)
        {
            var map = layout.Columns;
            foreach (var column in new[] { map.Max, map.Self, map.Appraised })
            {
                var text = column >= 0 && column < cells.Length ? PdfLine.Join(cells[column]) : "";
                if (PointsText.IsNumber(text))
                {
                    problems.Add(Problem.Error(ProblemCodes.BadRow, file, at.DocumentLine,
                        $"Có một số ({text}) nằm ở dòng không có mã tiêu chí ({at.Where}), bên dưới dòng {Code}; không thể gán số này cho tiêu chí nào.", at.Where));
                }
            }

            if (!skipCode && CodeOpenAfter is not null && map.Code < cells.Length && cells[map.Code].All(g => g.IsSpace))
            {
                CodeOpenAfter = null;
            }

            AddText(cells, layout);
        }

        public ParsedRow ToRow(Dictionary<PdfColumns, double> edges)
        {
            var evidence = "";
            PdfSpan? last = null;
            foreach (var (layout, span) in Evidence)
            {
                if (last is null)
                {
                    evidence = span.Text;
                }
                else
                {
                    evidence += PdfLine.Joiner(last, span, edges[layout]) + span.Text;
                }

                last = span;
            }

            return new ParsedRow(
                Line.DocumentLine,
                Code,
                string.Concat(name.Select((s, k) => (k == 0 ? "" : PdfLine.Wrapped(name[k - 1])) + s.Text)),
                Max,
                Self,
                Appraised,
                evidence.Length == 0 ? null : evidence,
                Line.Where);
        }

        private void AddText(List<PdfGlyph>[] cells, PdfColumns layout)
        {
            var map = layout.Columns;
            if (map.Name < cells.Length && PdfLine.Span(cells[map.Name]) is { } nameSpan)
            {
                name.Add(nameSpan);
            }

            if (map.Evidence >= 0 && map.Evidence < cells.Length && PdfLine.Span(cells[map.Evidence]) is { } evidenceSpan)
            {
                Evidence.Add((layout, evidenceSpan));
            }
        }

        private decimal? Number(string text, string column, string file, List<Problem> problems)
        {
            if (PointsText.TryParse(text, out var value))
            {
                return value;
            }

            problems.Add(Problem.Error(ProblemCodes.BadNumber, file, Line.DocumentLine,
                $"'{text}' ở cột {column} của dòng {Code} ({Line.Where}) không phải là số điểm.", Line.Where));
            return null;
        }
    }
}
