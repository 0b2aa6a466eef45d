using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Exports;

/// <summary>Composes the standard meeting pack of one year from the analytics: title slide; ranking (top and bottom,
/// đồng hạng marked); results per area; persistent weaknesses shared across units; one slide of findings (nhận xét)
/// per unit report; and a closing "Ghi chú về số liệu" slide with the data-status notes.</summary>
/// <remarks>Charts come from the caller (the dashboard renders them) through a provider keyed by <see cref="ChartKeys"/>;
/// a null answer leaves the slide without a picture. When any unit's data is synthetic, the subtitle and every data
/// slide's title say so ("dữ liệu mẫu", or "có dữ liệu mẫu" when only some are), because slides get copied into other
/// decks without their title slide. Numbers are written the Vietnamese way (92,15).</remarks>
public static class MeetingPackBuilder
{
    public const string NotesSlideTitle = "Ghi chú về số liệu";

    public static PackContent Build(
        Ranking ranking,
        IReadOnlyList<UnitReport> reports,
        IReadOnlyList<SharedWeakness> weaknesses,
        Func<string, byte[]?> charts,
        MeetingPackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(weaknesses);
        ArgumentNullException.ThrowIfNull(charts);
        options ??= MeetingPackOptions.Default;
        var year = ranking.Year;
        var results = ranking.Units.Select(u => u.Result).Concat(ranking.Unranked).ToList();
        var synthetic = results.Count(r => r.Synthetic);
        var mark = synthetic == 0 ? "" : synthetic == results.Count ? " (dữ liệu mẫu)" : " (có dữ liệu mẫu)";
        var province = options.ProvinceName ?? Place.ProvinceName(ranking.Province);
        var subtitle = $"Tỉnh {province} — năm {year}" + (synthetic == 0 ? "" : synthetic == results.Count ? " — dữ liệu mẫu" : " — có dữ liệu mẫu");

        List<PackSlide> slides =
        [
            RankingSlide(ranking, mark, charts, options),
            AreaSlide(ranking, mark, charts),
            WeaknessSlide(ranking, weaknesses, mark, charts, options),
            .. reports.Select(r => UnitSlide(r, charts)),
            NotesSlide(ranking),
        ];
        return new PackContent($"Chỉ số cải cách hành chính {Place.LevelName(ranking.Level)} năm {year}", subtitle, slides);
    }

    private static PackSlide RankingSlide(Ranking ranking, string mark, Func<string, byte[]?> charts, MeetingPackOptions options)
    {
        var title = $"Xếp hạng Chỉ số CCHC năm {ranking.Year}{mark}";
        var units = ranking.Units;
        if (units.Count == 0)
        {
            return new PackSlide(title) { Bullets = ["Không có đơn vị nào được xếp hạng năm này."] };
        }

        var shown = Math.Max(1, options.TopAndBottom);
        var whole = units.Count <= (2 * shown) + 1;
        var rows = new List<IReadOnlyList<string>>();
        rows.AddRange((whole ? units : units.Take(shown)).Select(RankRow));
        if (!whole)
        {
            rows.Add(["…", "…", "", "", ""]);
            rows.AddRange(units.Skip(units.Count - shown).Select(RankRow));
        }

        var indexes = units.Select(u => u.Index).ToList();
        var summary = $"{units.Count} đơn vị được xếp hạng; chỉ số từ {Percent(indexes.Min())}% đến {Percent(indexes.Max())}%, bình quân {Percent(indexes.Average())}%.";
        return new PackSlide(title)
        {
            Bullets = whole ? [summary] : [summary, $"Bảng: {shown} đơn vị đứng đầu và {shown} đơn vị cuối bảng (đầy đủ trong ghi chú)."],
            Table = new PackTable(["Hạng", "Đơn vị", "Điểm", "Chỉ số (%)", "Thay đổi hạng"], rows),
            Image = Image(charts, ChartKeys.Ranking, $"Biểu đồ xếp hạng Chỉ số CCHC năm {ranking.Year} của {units.Count} đơn vị"),
            Notes = string.Join("\n", units.Select(u => $"{Rank(u)}. {u.Result.Unit.FullName}: {Points(u.Result.Points)}/{Points(u.Result.MaxPoints)} điểm, chỉ số {Percent(u.Index)}%{(u.Result.Synthetic ? " (dữ liệu mẫu)" : "")}")),
        };
    }

    private static PackSlide AreaSlide(Ranking ranking, string mark, Func<string, byte[]?> charts)
    {
        var title = $"Kết quả theo lĩnh vực năm {ranking.Year}{mark}";
        var results = ranking.Units.Select(u => u.Result).ToList();
        var image = Image(charts, ChartKeys.AreaDistribution, $"Biểu đồ phân bố tỷ lệ điểm của các đơn vị theo từng lĩnh vực, năm {ranking.Year}");
        if (results.Count == 0)
        {
            return new PackSlide(title) { Bullets = ["Không có số liệu theo lĩnh vực năm này."], Image = image };
        }

        // Areas are compared within one framework; a year that mixes frameworks uses the one most units were scored on.
        var frameworks = results.GroupBy(r => r.Framework.Id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var framework = frameworks[0].First().Framework;
        var areas = Benchmarks.Areas(results, framework).ToList();
        var bullets = new List<string>
        {
            $"Tỷ lệ điểm đạt được so với điểm chuẩn của từng lĩnh vực, trên {frameworks[0].Count()} đơn vị.",
        };
        if (frameworks.Count > 1)
        {
            bullets.Add($"Năm này các đơn vị được chấm theo {frameworks.Count} bộ tiêu chí; bảng dùng bộ của {frameworks[0].Count()}/{results.Count} đơn vị.");
        }

        if (framework.Status == FrameworkStatus.Illustrative)
        {
            bullets.Add("Bộ tiêu chí là khung minh họa, không phải khung chính thức.");
        }

        return new PackSlide(title)
        {
            Bullets = bullets,
            Table = new PackTable(
                ["Mã", "Lĩnh vực", "Điểm chuẩn", "Bình quân (%)", "Trung vị (%)", "Cao nhất (%)"],
                areas.Select(a => (IReadOnlyList<string>)[a.Code, a.Name, Points(a.MaxPoints), Percent(a.MeanPercent), Percent(a.MedianPercent), Percent(a.BestPercent)]).ToList()),
            Image = image,
            Notes = string.Join("\n", areas.Select(a => $"Lĩnh vực {a.Code}: cao nhất {Percent(a.BestPercent)}% ({a.BestUnits.Count} đơn vị: {string.Join(", ", a.BestUnits.Select(id => NameOf(ranking, id)))}).")),
        };
    }

    private static PackSlide WeaknessSlide(Ranking ranking, IReadOnlyList<SharedWeakness> weaknesses, string mark, Func<string, byte[]?> charts, MeetingPackOptions options)
    {
        var analytics = options.Analytics;
        var rule = $"Tiêu chí dưới {VietnameseText.Number(analytics.WeakBelowPercent)}% điểm chuẩn ít nhất {analytics.WeakYears}/{analytics.WindowYears} năm gần nhất (yếu kéo dài), ở từ {options.MinSharedUnits} đơn vị trở lên.";
        var shared = weaknesses.Where(w => w.UnitIds.Count >= options.MinSharedUnits)
            .OrderByDescending(w => w.UnitIds.Count).ThenBy(w => w.Code, CriterionCode.Comparer).ToList();
        var title = $"Điểm yếu kéo dài chung của nhiều đơn vị{mark}";
        if (shared.Count == 0)
        {
            return new PackSlide(title) { Bullets = [rule, "Năm này không có tiêu chí nào như vậy."] };
        }

        var shown = shared.Take(Math.Max(1, options.MaxSharedWeaknesses)).ToList();
        var bullets = new List<string> { rule };
        if (shown.Count < shared.Count)
        {
            bullets.Add($"Bảng nêu {shown.Count} tiêu chí chung nhiều đơn vị nhất; {shared.Count - shown.Count} tiêu chí khác có trong ghi chú.");
        }

        return new PackSlide(title)
        {
            Bullets = bullets,
            Table = new PackTable(
                ["Mã", "Tiêu chí", "Số đơn vị"],
                shown.Select(w => (IReadOnlyList<string>)[w.Code, w.Name, w.UnitIds.Count.ToString(VietnameseText.Culture)]).ToList()),
            Image = Image(charts, ChartKeys.SharedWeaknesses, $"Biểu đồ các tiêu chí yếu kéo dài theo số đơn vị, năm {ranking.Year}"),
            Notes = string.Join("\n", shared.Select(w => $"{w.Code} {w.Name}: {string.Join(", ", w.UnitIds.Select(id => NameOf(ranking, id)))}.")),
        };
    }

    private static PackSlide UnitSlide(UnitReport report, Func<string, byte[]?> charts)
    {
        var result = report.Result;
        var unit = result.Unit;
        var notes = new List<string>();
        if (report.Rank is { } rank)
        {
            notes.Add($"Chỉ số {Percent(rank.Index)}%, hạng {Rank(rank)}/{rank.RankOf}, nhóm {rank.Band.Label}; điểm {result.StageUsed.ToVietnamese()}.");
        }

        notes.AddRange(report.Trend.Warnings);
        return new PackSlide($"{unit.FullName}: nhận xét năm {result.Year}{(result.Synthetic ? " (dữ liệu mẫu)" : "")}")
        {
            Bullets = report.Findings.Count > 0 ? report.Findings.Select(f => f.Text).ToList() : ["Chưa có nhận xét cho đơn vị này."],
            Image = Image(charts, ChartKeys.UnitTrend(unit.Id), $"Biểu đồ xu hướng Chỉ số CCHC của {unit.FullName} qua các năm"),
            Notes = notes.Count > 0 ? string.Join("\n", notes) : null,
        };
    }

    private static PackSlide NotesSlide(Ranking ranking)
    {
        var bullets = new List<string>();
        bullets.AddRange(ranking.Notes.Count > 0 ? ranking.Notes : ["Không có lưu ý đặc biệt về trạng thái số liệu năm này."]);
        if (ranking.Unranked.Count > 0)
        {
            bullets.Add($"Chưa xếp hạng vì thiếu điểm: {string.Join(", ", ranking.Unranked.Select(u => u.Unit.FullName))}.");
        }

        bullets.Add("Chỉ số = tổng điểm / tổng điểm chuẩn áp dụng × 100; dùng điểm thẩm định nếu có, nếu không dùng điểm tự chấm.");
        bullets.Add("Xếp hạng theo chỉ số; các đơn vị bằng chỉ số được xếp đồng hạng (hạng kế tiếp bỏ qua). Thay đổi hạng so với năm trước theo chuỗi số liệu của đơn vị.");
        return new PackSlide(NotesSlideTitle) { Bullets = bullets };
    }

    private static IReadOnlyList<string> RankRow(RankedUnit u) =>
    [
        Rank(u),
        u.Result.Unit.FullName,
        Points(u.Result.Points),
        Percent(u.Index),
        u.RankChange switch
        {
            null => "",
            > 0 and var up => $"+{up}",
            var change => change.Value.ToString(VietnameseText.Culture),
        },
    ];

    private static string Rank(RankedUnit u) => u.Tied ? $"{u.Rank} (đồng hạng)" : u.Rank.ToString(VietnameseText.Culture);

    private static PackImage? Image(Func<string, byte[]?> charts, string key, string altText) =>
        charts(key) is { Length: > 0 } png ? new PackImage(png, altText) : null;

    private static string NameOf(Ranking ranking, string unitId) =>
        ranking.Find(unitId)?.Result.Unit.FullName ?? ranking.Unranked.FirstOrDefault(u => u.Unit.Id == unitId)?.Unit.FullName ?? unitId;

    private static string Points(decimal? value) => value is { } v ? VietnameseText.Number(v) : "";

    private static string Percent(decimal value) => VietnameseText.Number(Math.Round(value, 2));
}
