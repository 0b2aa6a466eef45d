using System.Globalization;
using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using CchcAnalytics.Exports.Xlsx;

namespace CchcAnalytics.Exports;

/// <summary>Formatted .xlsx files of scores and rankings for people to open in Excel: Vietnamese headers, numbers as
/// numbers, empty cells for missing points, synthetic rows marked, and a "Ghi chú" sheet that explains the columns and
/// the status of the data.</summary>
/// <remarks>Text cells are made formula-safe with <see cref="CsvSafe"/> (a leading apostrophe before the text and
/// before each line in it that a spreadsheet could take for a formula, visible, explained in the notes sheet); numbers
/// are written as values, never as formulas.</remarks>
public static class ScoresWorkbook
{
    public const string NotesSheet = "Ghi chú";

    /// <summary>The column headers of a year's sheet, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "Mã đơn vị", "Đơn vị", "Năm", "Giai đoạn (tự chấm/thẩm định)", "Mã tiêu chí", "Cấp", "Tên tiêu chí",
        "Điểm chuẩn", "Điểm", "Tài liệu kiểm chứng", "Dữ liệu mẫu",
    ];

    /// <summary>The column headers of a ranking sheet, in order.</summary>
    public static IReadOnlyList<string> RankingHeaders { get; } =
    [
        "Hạng", "Đồng hạng", "Đơn vị", "Điểm", "Điểm chuẩn", "Chỉ số", "Nhóm", "Thay đổi hạng",
        "Điểm dùng để xếp hạng", "Dữ liệu mẫu", "Mã đơn vị",
    ];

    /// <summary>The "Cấp" of a component row (survey, bonus, penalty points; issue 13 §3).</summary>
    public const string ComponentLevelName = "thành phần chỉ số";

    /// <summary>The text of the "Dữ liệu mẫu" column for synthetic rows.</summary>
    public const string SyntheticMark = "có";

    private static readonly double[][] ScoreWidths =
    [
        [10, 18], [10, 22], [6, 8], [11, 16], [8, 12], [9, 20], [30, 60], [8, 12], [8, 10], [20, 60], [8, 12],
    ];

    private static readonly double[][] RankingWidths =
    [
        [6, 8], [9, 12], [16, 30], [8, 10], [8, 12], [8, 10], [8, 14], [8, 12], [12, 16], [8, 12], [10, 18],
    ];

    /// <summary>Writes <paramref name="rows"/> (the canonical export) as one sheet per year plus the notes sheet,
    /// first. <paramref name="notes"/> are extra Vietnamese notes for the notes sheet (framework status, the source
    /// database); they are shown as given.</summary>
    public static void Write(Stream output, IReadOnlyList<ExportRow> rows, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        var years = rows.Select(r => r.Year).Distinct().Order().ToList();
        using var writer = new SpreadsheetWriter("Điểm Chỉ số CCHC");
        var order = AddScoreSheets(writer, years, year => rows.Where(r => r.Year == year), notes);
        writer.Save(output, order);
    }

    /// <summary>Writes the current rows of <paramref name="selection"/> like <see cref="Write(Stream, IReadOnlyList{ExportRow}, IReadOnlyList{string})"/>,
    /// streamed (issue 15): each year's rows are read from the database twice (widths, then cells), never held in
    /// memory, and the package is built in a temporary file, then copied to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(Stream output, CurrentRows selection, IReadOnlyList<string>? notes = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(selection);
        using var writer = new SpreadsheetWriter("Điểm Chỉ số CCHC", onDisk: true);
        var order = AddScoreSheets(writer, selection.Years, year => selection.OfYear(year).Rows, notes);
        await writer.SaveAsync(output, order, cancellation).ConfigureAwait(false);
    }

    /// <summary>One sheet per year from <paramref name="rowsOf"/> (enumerated twice per year), then the notes sheet
    /// with each year's figures, counted on the first pass; returns the sheets' order (notes first).</summary>
    private static List<string> AddScoreSheets(SpreadsheetWriter writer, IReadOnlyList<int> years, Func<int, IEnumerable<ExportRow>> rowsOf, IReadOnlyList<string>? notes)
    {
        var columns = Columns(Headers, ScoreWidths);
        var figures = new List<YearFigures>();
        foreach (var year in years)
        {
            var counted = new YearFigures(year);
            var passes = 0;
            writer.AddSheet(SheetName(year), columns, () =>
            {
                var first = passes++ == 0;
                return rowsOf(year).Select(r =>
                {
                    if (first)
                    {
                        counted.Add(r);
                    }

                    return Row(r);
                });
            }, header: true, textColumn: 4);
            figures.Add(counted);
        }

        writer.AddSheet(NotesSheet, NotesColumns, ScoreNotes(figures, writer.NeutralizedCells, notes ?? []), header: false, selected: true);
        return [NotesSheet, .. years.Select(SheetName)];
    }

    /// <summary>Writes one year's ranking (sheet "Xếp hạng 2023") and a notes sheet with the ranking's notes.</summary>
    public static void WriteRanking(Stream output, Ranking ranking, Places? places = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(ranking);
        var name = $"Xếp hạng {ranking.Year.ToString(CultureInfo.InvariantCulture)}";
        using var writer = new SpreadsheetWriter($"{name} Chỉ số CCHC");
        writer.AddSheet(name, Columns(RankingHeaders, RankingWidths), ranking.Units.Select(RankingRow).ToList(), header: true, selected: true);
        writer.AddSheet(NotesSheet, NotesColumns, RankingNotes(ranking, writer.NeutralizedCells, places ?? Places.None), header: false);
        writer.Save(output, [name, NotesSheet]);
    }

    /// <summary>A year's sheet name ("2023").</summary>
    public static string SheetName(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static readonly XlsxColumn[] NotesColumns = [new("Mục", 22, 30), new("Nội dung", 100, 110)];

    private static XlsxColumn[] Columns(IReadOnlyList<string> headers, double[][] widths) =>
        headers.Select((h, i) => new XlsxColumn(h, widths[i][0], widths[i][1])).ToArray();

    private static XlsxRow Row(ExportRow r) => new(
        [
            XlsxCell.Of(r.UnitId),
            XlsxCell.Of(r.UnitName),
            XlsxCell.Of(r.Year, XlsxFormat.Integer),
            XlsxCell.Of(StageText.TryParse(r.Stage, out var stage) ? stage.ToVietnamese() : r.Stage),
            XlsxCell.Of(r.Code),
            XlsxCell.Of(CriterionLevelText.TryParse(r.Level, out var level) ? level.ToVietnamese() : r.Level == ComponentScore.Level ? ComponentLevelName : r.Level),
            XlsxCell.Of(r.Name, wrap: true),
            XlsxCell.Of(r.MaxPoints),
            XlsxCell.Of(r.Points),
            XlsxCell.Of(r.Evidence),
            XlsxCell.Of(r.Synthetic ? SyntheticMark : null),
        ],
        Bold: r.Level == CriterionLevel.Area.ToCode(),
        Highlight: r.Synthetic);

    private static XlsxRow RankingRow(RankedUnit u) => new(
        [
            XlsxCell.Of(u.Rank, XlsxFormat.Integer),
            XlsxCell.Of(u.Tied ? "đồng hạng" : null),
            XlsxCell.Of(u.Result.Unit.FullName),
            XlsxCell.Of(u.Result.Points),
            XlsxCell.Of(u.Result.MaxPoints),
            XlsxCell.Of(u.Index, XlsxFormat.Index),
            XlsxCell.Of(u.Band.Label),
            XlsxCell.Of(u.RankChange, XlsxFormat.Change),
            XlsxCell.Of(u.Result.StageUsed.ToVietnamese()),
            XlsxCell.Of(u.Result.Synthetic ? SyntheticMark : null),
            XlsxCell.Of(u.Result.Unit.Id),
        ],
        Highlight: u.Result.Synthetic);

    private static List<XlsxRow> ScoreNotes(List<YearFigures> figures, int neutralized, IReadOnlyList<string> notes)
    {
        var years = figures.Select(f => f.Year).ToList();
        var lines = new List<XlsxRow>
        {
            new([XlsxCell.Title("Điểm Chỉ số cải cách hành chính (Chỉ số CCHC) — bảng xuất từ CCHC Analytics")]),
            Line("Nội dung", years.Count == 0
                ? "Không có dòng điểm nào."
                : $"Mỗi trang tính là một năm ({string.Join(", ", years.Select(SheetName))}). Mỗi dòng là một tiêu chí (lĩnh vực, tiêu chí hoặc tiêu chí thành phần) của một bộ điểm: một đơn vị, một năm, một giai đoạn (tự chấm hoặc thẩm định)."),
            Heading("Các cột"),
            Line(Headers[0], "Mã cố định của đơn vị (chữ không dấu), để lọc và đối chiếu giữa các bảng."),
            Line(Headers[1], "Tên đơn vị (huyện, thị xã, thành phố)."),
            Line(Headers[2], "Năm đánh giá Chỉ số CCHC."),
            Line(Headers[3], "tự chấm: điểm đơn vị tự đánh giá; thẩm định: điểm sau thẩm định."),
            Line(Headers[4], "Mã theo bộ tiêu chí của năm đó: 7 là lĩnh vực, 7.1 là tiêu chí, 7.1.4 là tiêu chí thành phần. Bộ tiêu chí có thể đổi giữa các năm, nên cùng một mã chưa chắc là cùng một nội dung."),
            Line(Headers[5], $"lĩnh vực, tiêu chí hoặc tiêu chí thành phần. Dòng lĩnh vực in đậm. “{ComponentLevelName}”: điểm điều tra xã hội học (mã survey), điểm thưởng (bonus) hoặc điểm trừ (penalty) của bộ tiêu chí có các thành phần này, sau các dòng tiêu chí; chỉ số = 100 × (điểm theo bộ tiêu chí + điều tra + thưởng − trừ) / (điểm tối đa của bộ tiêu chí và của điều tra), trong khoảng 0–100."),
            Line(Headers[6], "Tên tiêu chí như trong bộ tiêu chí hoặc báo cáo của đơn vị."),
            Line(Headers[7], "Điểm tối đa của dòng."),
            Line(Headers[8], "Điểm đạt được ở giai đoạn đó. Ô trống nghĩa là không có số liệu, không phải 0 điểm."),
            Line(Headers[9], "Văn bản, tài liệu đơn vị nêu làm căn cứ (nếu có)."),
            Line(Headers[10], $"“{SyntheticMark}”: dữ liệu mẫu do phần mềm tạo ra để minh họa, KHÔNG phải số liệu thật. Các dòng này được tô màu vàng nhạt."),
            Heading("Cách ghi số liệu"),
            Line("Định dạng số", "Điểm được lưu dưới dạng số, không phải công thức. Excel hiển thị theo thiết lập vùng của máy: Excel tiếng Việt hiển thị 92,5; Excel tiếng Anh hiển thị 92.5."),
            Line("Chống chèn công thức", $"Ô văn bản bắt đầu bằng dấu =, +, -, @ (kể cả sau khoảng trắng), ký tự tab hoặc dấu ' được thêm một dấu ' ở đầu, để Excel và các phần mềm bảng tính khác không hiểu nhầm là công thức; mỗi dòng trong ô bắt đầu như vậy cũng được thêm một dấu ' ở đầu dòng. Nội dung gốc là phần còn lại khi bỏ các dấu ' được thêm đó. Tệp này có {neutralized} ô như vậy."),
            Heading("Trạng thái số liệu theo năm"),
        };
        foreach (var f in figures)
        {
            lines.Add(Line(SheetName(f.Year),
                $"{f.Units.Count} đơn vị ({f.Units.Count - f.SyntheticUnits.Count} số liệu thật, {f.SyntheticUnits.Count} dữ liệu mẫu); {f.Self} bộ điểm tự chấm, {f.Appraised} bộ điểm thẩm định; {f.Rows} dòng, {f.Missing} ô điểm trống."));
        }

        if (notes.Count > 0)
        {
            lines.Add(Heading("Lưu ý"));
            lines.AddRange(notes.Select(n => Line("", n)));
        }

        return lines;
    }

    private static List<XlsxRow> RankingNotes(Ranking ranking, int neutralized, Places places)
    {
        var bands = string.Join("; ", ranking.Units.Select(u => u.Band.Label).Distinct());
        var lines = new List<XlsxRow>
        {
            new([XlsxCell.Title($"Xếp hạng Chỉ số CCHC năm {SheetName(ranking.Year)} — tỉnh {places.ProvinceName(ranking.Province)}, {places.LevelName(ranking.Level)}")]),
            Line("Số đơn vị", $"{ranking.Units.Count} đơn vị được xếp hạng."),
            Heading("Các cột"),
            Line(RankingHeaders[0], "Thứ hạng theo chỉ số, cao nhất là 1. Các đơn vị bằng chỉ số được xếp đồng hạng và hạng kế tiếp bị bỏ qua (chỉ số 92, 91, 91, 90 → hạng 1, 2, 2, 4)."),
            Line(RankingHeaders[1], "“đồng hạng”: đơn vị có cùng chỉ số với ít nhất một đơn vị khác."),
            Line(RankingHeaders[3], "Tổng điểm: điểm thẩm định nếu có, nếu không là điểm tự chấm (xem cột “Điểm dùng để xếp hạng”)."),
            Line(RankingHeaders[4], "Tổng điểm chuẩn áp dụng cho đơn vị (không phải lúc nào cũng là 100)."),
            Line(RankingHeaders[5], "Chỉ số = Điểm / Điểm chuẩn × 100 (%), hiển thị 2 chữ số thập phân."),
            Line(RankingHeaders[6], $"Nhóm theo chỉ số ({bands})."),
            Line(RankingHeaders[7], "Số bậc tăng (+) hoặc giảm (-) so với năm trước, theo chuỗi số liệu của đơn vị (ví dụ thị xã Nghi Sơn nối tiếp huyện Tĩnh Gia). Ô trống: năm trước không được xếp hạng."),
            Line(RankingHeaders[9], $"“{SyntheticMark}”: dữ liệu mẫu do phần mềm tạo ra để minh họa, KHÔNG phải số liệu thật. Các dòng này được tô màu vàng nhạt."),
            Line("Định dạng số", "Số được lưu dưới dạng số, không phải công thức; Excel hiển thị theo thiết lập vùng của máy (Excel tiếng Việt hiển thị 92,15)."),
            Line("Chống chèn công thức", $"Ô văn bản (hoặc dòng trong ô) bắt đầu bằng dấu =, +, -, @, ký tự tab hoặc dấu ' được thêm một dấu ' ở đầu. Tệp này có {neutralized} ô như vậy."),
        };
        if (ranking.Notes.Count > 0 || ranking.Unranked.Count > 0)
        {
            lines.Add(Heading("Lưu ý về số liệu"));
            lines.AddRange(ranking.Notes.Select(n => Line("", n)));
            if (ranking.Unranked.Count > 0)
            {
                lines.Add(Line("", $"Chưa xếp hạng vì thiếu điểm: {string.Join(", ", ranking.Unranked.Select(u => u.Unit.FullName))}."));
            }
        }

        return lines;
    }

    /// <summary>A year's figures for the notes sheet, counted as its rows stream past (sets of units and stages only).</summary>
    private sealed class YearFigures(int year)
    {
        private readonly HashSet<(string UnitId, string Stage)> stages = [];

        public int Year { get; } = year;

        public HashSet<string> Units { get; } = new(StringComparer.Ordinal);

        public HashSet<string> SyntheticUnits { get; } = new(StringComparer.Ordinal);

        public int Self { get; private set; }

        public int Appraised { get; private set; }

        public int Rows { get; private set; }

        public int Missing { get; private set; }

        public void Add(ExportRow row)
        {
            Rows++;
            Missing += row.Points is null ? 1 : 0;
            Units.Add(row.UnitId);
            if (row.Synthetic)
            {
                SyntheticUnits.Add(row.UnitId);
            }

            if (stages.Add((row.UnitId, row.Stage)))
            {
                Self += row.Stage == Stage.Self.ToCode() ? 1 : 0;
                Appraised += row.Stage == Stage.Appraised.ToCode() ? 1 : 0;
            }
        }
    }

    private static XlsxRow Heading(string text) => new([XlsxCell.Of(text), XlsxCell.Empty], Bold: true);

    private static XlsxRow Line(string label, string text) => new([XlsxCell.Of(label), XlsxCell.Of(text, wrap: true)]);
}
