using System.Globalization;
using CchcAnalytics.Analytics;
using CchcAnalytics.Charts;
using CchcAnalytics.Core;
using CchcAnalytics.Exports.Xlsx;

namespace CchcAnalytics.Exports;

/// <summary>The province over the years (<c>/qua-cac-nam</c>) as a workbook: the index and the rank of every unit series
/// in every year (one row per unit, one column per year), the same as one row per unit-year with ties, stage, data
/// status and why a cell is empty, the province mean of each area per year, and a notes sheet. An empty cell is no data,
/// never 0.</summary>
public static class YearsWorkbook
{
    public const string IndexSheet = "Chỉ số";
    public const string RankSheet = "Hạng";
    public const string DetailSheet = "Chi tiết";
    public const string AreaSheet = "Lĩnh vực";

    /// <summary>The column headers of the detail sheet, in order.</summary>
    public static IReadOnlyList<string> DetailHeaders { get; } =
    [
        "Đơn vị", "Năm", "Đơn vị năm đó", "Chỉ số", "Hạng", "Đồng hạng", "Số đơn vị xếp hạng", "Điểm dùng", "Dữ liệu mẫu", "Ghi chú", "Mã đơn vị",
    ];

    private static readonly double[][] DetailWidths = [[16, 40], [6, 8], [16, 30], [8, 10], [6, 8], [9, 12], [8, 12], [9, 12], [8, 12], [20, 80], [10, 18]];

    /// <summary>Writes the workbook of <paramref name="history"/> to <paramref name="output"/>.</summary>
    public static void Write(Stream output, ProvinceHistory history, Places? places = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(history);
        var years = history.Years;
        using var writer = new SpreadsheetWriter($"Chỉ số CCHC qua các năm — {(places ?? Places.None).ProvinceName(history.Province)}");
        XlsxColumn[] Wide(string first) => [new(first, 16, 40), .. years.Select(y => new XlsxColumn(Year(y), 7, 9)), new("Mã đơn vị", 10, 18)];
        bool AllSample(SeriesHistory s) => s.Years.Any(y => y.Result is not null) && s.Years.Where(y => y.Result is not null).All(y => y.Result!.Synthetic);

        writer.AddSheet(IndexSheet, Wide("Đơn vị"), history.Series.Select(s => new XlsxRow(
            [XlsxCell.Of(s.Series.Current.FullName), .. s.Years.Select(y => XlsxCell.Of(y.Result?.Index, XlsxFormat.Index)), XlsxCell.Of(s.Series.Current.Id)],
            Highlight: AllSample(s))).ToList(), header: true, selected: true);
        writer.AddSheet(RankSheet, Wide("Đơn vị"), history.Series.Select(s => new XlsxRow(
            [XlsxCell.Of(s.Series.Current.FullName), .. s.Years.Select(y => XlsxCell.Of(y.Ranked?.Rank, XlsxFormat.Integer)), XlsxCell.Of(s.Series.Current.Id)],
            Highlight: AllSample(s))).ToList(), header: true);
        writer.AddSheet(DetailSheet, DetailHeaders.Select((h, i) => new XlsxColumn(h, DetailWidths[i][0], DetailWidths[i][1])).ToArray(),
            history.Series.SelectMany(s => s.Years.Select(y => new XlsxRow(
            [
                XlsxCell.Of(s.Series.Current.FullName),
                XlsxCell.Of(y.Year, XlsxFormat.Integer),
                XlsxCell.Of(y.Result?.Unit.FullName),
                XlsxCell.Of(y.Result?.Index, XlsxFormat.Index),
                XlsxCell.Of(y.Ranked?.Rank, XlsxFormat.Integer),
                XlsxCell.Of(y.Ranked?.Tied == true ? "đồng hạng" : null),
                XlsxCell.Of(y.Ranked?.RankOf, XlsxFormat.Integer),
                XlsxCell.Of(y.Result?.StageUsed.ToVietnamese()),
                XlsxCell.Of(y.Result?.Synthetic == true ? ScoresWorkbook.SyntheticMark : null),
                XlsxCell.Of(y.Note, wrap: true),
                XlsxCell.Of(s.Series.Current.Id),
            ],
            Highlight: y.Result?.Synthetic == true))).ToList(), header: true, textColumn: 10);
        writer.AddSheet(AreaSheet, [new("Lĩnh vực (% điểm chuẩn)", 30, 70), .. years.Select(y => new XlsxColumn(Year(y), 7, 9))],
            history.Areas.Select(a => new XlsxRow(
                [XlsxCell.Of($"{a.Code}. {NameCase.Sentence(a.Name)}"), .. years.Select(y => XlsxCell.Of(a.Years.FirstOrDefault(m => m.Year == y)?.MeanPercent, XlsxFormat.Index))])).ToList(),
            header: true);
        writer.AddSheet(ScoresWorkbook.NotesSheet, [new("Mục", 22, 30), new("Nội dung", 100, 110)], Notes(history, writer.NeutralizedCells, places ?? Places.None), header: false);
        writer.Save(output, [IndexSheet, RankSheet, DetailSheet, AreaSheet, ScoresWorkbook.NotesSheet]);
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static List<XlsxRow> Notes(ProvinceHistory history, int neutralized, Places places)
    {
        var years = history.Years.Count == 0 ? "" : $"{Year(history.Years[0])}–{Year(history.Years[^1])}";
        var sample = history.Results.Count(r => r.Synthetic);
        var lines = new List<XlsxRow>
        {
            new([XlsxCell.Title($"Chỉ số CCHC qua các năm {years} — tỉnh {places.ProvinceName(history.Province)}, {places.LevelName(history.Level)}")]),
            Line("Nội dung", $"{history.Series.Count} đơn vị, mỗi đơn vị một dòng theo chuỗi số liệu của nó (ví dụ thị xã Nghi Sơn nối tiếp huyện Tĩnh Gia), xếp theo hạng năm gần nhất; đơn vị đã kết thúc chuỗi số liệu ở cuối."),
            Line(IndexSheet, "Chỉ số CCHC (%) = điểm / điểm chuẩn × 100, hai chữ số thập phân. Ô trống: năm đó đơn vị không có số liệu (chưa thành lập, đã nhập vào đơn vị khác, hoặc chưa có báo cáo) — không phải 0. Lý do ở cột “Ghi chú” của trang “Chi tiết”."),
            Line(RankSheet, "Hạng trong năm, cao nhất là 1. Hai đơn vị cùng hạng là đồng hạng (cùng chỉ số); hạng kế tiếp bị bỏ qua (1, 2, 2, 4)."),
            Line(DetailSheet, "Mỗi dòng là một đơn vị – năm, kể cả năm không có số liệu, với đơn vị giữ chuỗi số liệu năm đó, điểm dùng (tự chấm hoặc thẩm định), dữ liệu mẫu và ghi chú."),
            Line(AreaSheet, "Trung bình tỉnh của % điểm chuẩn từng lĩnh vực, trên các đơn vị chấm theo bộ tiêu chí của đa số năm đó. Lĩnh vực được nối qua các năm theo bảng đối chiếu tiêu chí; tên là tên của năm gần nhất."),
            Line("Dữ liệu mẫu", $"{sample}/{history.Results.Count()} đơn vị – năm là dữ liệu mẫu do phần mềm tạo ra để minh họa, KHÔNG phải số liệu thật (dòng tô màu vàng nhạt; ở trang “Chỉ số” và “Hạng”: mọi năm của đơn vị là dữ liệu mẫu)."),
            Line("Điểm tự chấm", "Thứ hạng của một năm dùng điểm tự chấm không so sánh được với năm dùng điểm thẩm định (khác giai đoạn)."),
            Line("Định dạng số", "Số được lưu dưới dạng số, không phải công thức; Excel hiển thị theo thiết lập vùng của máy (Excel tiếng Việt hiển thị 92,15)."),
            Line("Chống chèn công thức", $"Ô văn bản (hoặc dòng trong ô) bắt đầu bằng dấu =, +, -, @, ký tự tab hoặc dấu ' được thêm một dấu ' ở đầu. Tệp này có {neutralized} ô như vậy."),
        };
        if (history.Notes.Count > 0)
        {
            lines.Add(new([XlsxCell.Of("Lưu ý"), XlsxCell.Empty], Bold: true));
            lines.AddRange(history.Notes.Select(n => Line("", n)));
        }

        return lines;
    }

    private static XlsxRow Line(string label, string text) => new([XlsxCell.Of(label), XlsxCell.Of(text, wrap: true)]);
}
