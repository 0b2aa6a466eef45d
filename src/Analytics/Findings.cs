using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>One generated remark ("nhận xét"), with the numbers it was made from so a reader can check it.</summary>
/// <param name="Kind">rank, area-change, weakest, persistent, appraisal-cut, next-rank.</param>
/// <param name="Text">The Vietnamese sentence.</param>
/// <param name="Numbers">The numbers in the sentence, by name.</param>
public sealed record Finding(string Kind, string Text, IReadOnlyDictionary<string, decimal> Numbers);

/// <summary>Rules that turn a unit report's measures into short Vietnamese sentences.</summary>
public static class Findings
{
    public static IReadOnlyList<Finding> For(UnitReport report, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var findings = new List<Finding>();
        var result = report.Result;
        var sample = result.Synthetic ? "[Dữ liệu mẫu] " : "";
        if (report.Rank is { } rank && result.Points is { } points)
        {
            var change = rank.RankChange switch
            {
                null when rank.StageChanged => $"; không so sánh thứ hạng với năm {result.Year - 1} vì năm đó dùng điểm {rank.PreviousStage!.Value.ToVietnamese()}",
                null => "",
                0 => $", giữ nguyên thứ hạng so với năm {result.Year - 1}",
                > 0 and var up => $", tăng {up} bậc so với năm {result.Year - 1}",
                var down => $", giảm {-down} bậc so với năm {result.Year - 1}",
            };
            var stage = result.StageUsed == Stage.Self ? " (điểm tự chấm, chưa thẩm định)" : "";
            findings.Add(new Finding("rank",
                $"{sample}Năm {result.Year}, {result.Unit.FullName} đạt {N(points)}/{N(result.MaxPoints)} điểm{stage}, chỉ số {N(Math.Round(rank.Index, 2))}%, xếp thứ {rank.Rank}/{rank.RankOf}{(rank.Tied ? " (đồng hạng)" : "")}{change}.",
                Numbers(("points", points), ("max_points", result.MaxPoints), ("index", rank.Index), ("rank", rank.Rank), ("rank_of", rank.RankOf), ("rank_change", rank.RankChange ?? 0))));
        }

        var changes = report.AreaChanges.Where(a => a.Delta is not null).OrderByDescending(a => a.Delta).ToList();
        if (changes.Count > 0 && changes[0].Delta > 0)
        {
            var best = changes[0];
            findings.Add(new Finding("area-change",
                $"{sample}Lĩnh vực {best.Code} “{VietnameseText.SentenceCase(best.Name)}” tăng mạnh nhất: {Signed(best.Delta!.Value)} điểm % ({N(Math.Round(best.Before!.Value, 1))}% → {N(Math.Round(best.After!.Value, 1))}%).",
                Numbers(("before_percent", best.Before!.Value), ("after_percent", best.After!.Value), ("delta", best.Delta!.Value))));
        }

        if (changes.Count > 0 && changes[^1].Delta < 0)
        {
            var worst = changes[^1];
            findings.Add(new Finding("area-change",
                $"{sample}Lĩnh vực {worst.Code} “{VietnameseText.SentenceCase(worst.Name)}” giảm nhiều nhất: {Signed(worst.Delta!.Value)} điểm % ({N(Math.Round(worst.Before!.Value, 1))}% → {N(Math.Round(worst.After!.Value, 1))}%).",
                Numbers(("before_percent", worst.Before!.Value), ("after_percent", worst.After!.Value), ("delta", worst.Delta!.Value))));
        }

        foreach (var weakest in report.Weakest.Take(3))
        {
            findings.Add(new Finding("weakest",
                $"{sample}Mất nhiều điểm ở {weakest.Code} “{weakest.Name}”: {N(weakest.Points!.Value)}/{N(weakest.MaxPoints)} điểm (mất {N(weakest.Lost!.Value)}).",
                Numbers(("points", weakest.Points!.Value), ("max_points", weakest.MaxPoints), ("lost", weakest.Lost!.Value))));
        }

        foreach (var weakness in report.Weaknesses.Where(w => w.Kind == WeaknessKind.Chronic))
        {
            var years = string.Join(", ", weakness.History.Where(h => h.Weak).Select(h => $"{h.Year}: {N(Math.Round(h.Percent!.Value, 1))}%"));
            findings.Add(new Finding("persistent",
                $"{sample}{weakness.Code} “{weakness.Name}” dưới {N(options.WeakBelowPercent)}% điểm chuẩn {weakness.WeakYears}/{options.WindowYears} năm gần nhất ({years}).",
                Numbers(("weak_years", weakness.WeakYears), ("window_years", options.WindowYears), ("threshold_percent", options.WeakBelowPercent))));
        }

        if (report.AppraisalGap is { Gap: > 0 } gap && gap.Cuts.FirstOrDefault() is { } cut)
        {
            findings.Add(new Finding("appraisal-cut",
                $"{sample}Thẩm định trừ {N(gap.Gap)} điểm so với tự chấm ({N(gap.SelfTotal)} → {N(gap.AppraisedTotal)}); trừ nhiều nhất ở {cut.Code} “{cut.Name}” (−{N(cut.Gap)}).",
                Numbers(("self_total", gap.SelfTotal), ("appraised_total", gap.AppraisedTotal), ("gap", gap.Gap), ("largest_cut", cut.Gap))));
        }

        if (report.PeerGroup is { } group)
        {
            findings.Add(new Finding("peer-group",
                $"{sample}Thuộc {group.Label} ({group.Members.Count} đơn vị có cơ cấu điểm theo lĩnh vực tương tự, chỉ số bình quân {N(Math.Round(group.MeanIndex, 2))}%).",
                Numbers(("group", group.Number), ("members", group.Members.Count), ("mean_index", group.MeanIndex))));
        }

        if (report.Anomaly is { } anomaly)
        {
            findings.Add(new Finding("anomaly", sample + anomaly.Vietnamese,
                Numbers([("score", anomaly.Score), .. anomaly.Areas.Select(a => ($"z_{a.AreaCode}", a.ZScore))])));
        }

        if (report.NextRankPath is { Reachable: true } path)
        {
            findings.Add(new Finding("next-rank",
                $"{sample}Cần thêm {N(Math.Round(path.PointsNeeded, 2))} điểm để lên {path.Target}: {string.Join(", ", path.Steps.Select(s => $"{s.Code} (mất {N(s.Lost)}; {s.OthersAtMax}/{s.Others} đơn vị khác đạt tối đa)"))}.",
                Numbers(("points_needed", path.PointsNeeded), ("criteria", path.Steps.Count))));
        }

        return findings;
    }

    private static string N(decimal value) => VietnameseText.Number(value);

    private static string Signed(decimal value) => (value > 0 ? "+" : "") + N(Math.Round(value, 1));

    private static Dictionary<string, decimal> Numbers(params (string Name, decimal Value)[] numbers) =>
        numbers.ToDictionary(n => n.Name, n => n.Value, StringComparer.Ordinal);
}
