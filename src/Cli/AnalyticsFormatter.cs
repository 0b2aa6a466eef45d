using System.Globalization;
using System.Text.Json;
using CchcAnalytics.Analytics;
using CchcAnalytics.Cli.Json;
using CchcAnalytics.Core;

namespace CchcAnalytics.Cli;

/// <summary>Prints unit reports and rankings as Vietnamese text, as JSON (field names documented in the README) or as
/// CSV. Percentages and the index are rounded to two decimals for display; they are computed exactly.</summary>
internal static class AnalyticsFormatter
{
    public static string Json(UnitReport report)
    {
        var result = report.Result;
        var json = new UnitReportJson(
            UnitId: result.Unit.Id,
            UnitName: result.Unit.FullName,
            Year: result.Year,
            StageUsed: result.StageUsed.ToCode(),
            Synthetic: result.Synthetic,
            Framework: new FrameworkJson(result.Framework.Id, result.Framework.Status.ToCode()),
            Points: Number(result.Points),
            MaxPoints: Number(result.MaxPoints),
            Index: Number(Round(result.Index)),
            Rank: report.Rank?.Rank,
            RankOf: report.Rank?.RankOf,
            Tied: report.Rank?.Tied,
            Quartile: report.Rank?.Quartile,
            Band: report.Rank?.Band.Label,
            RankChange: report.Rank?.RankChange,
            Areas: [.. report.Areas.Select(a => new AreaJson(
                a.Code,
                a.Name,
                Number(a.MaxPoints),
                Number(a.Points),
                Number(Round(a.Percent)),
                Number(Round(a.MedianPercent)),
                Number(Round(a.BestPercent)),
                a.BestUnits,
                Number(Round(a.PeerMeanPercent))))],
            Weakest: [.. report.Weakest.Take(10).Select(w => new WeakestJson(w.Code, w.Name, Number(w.MaxPoints), Number(w.Points), Number(w.Lost)))],
            PersistentWeaknesses: [.. report.Weaknesses.Select(w => new PersistentWeaknessJson(
                w.Code,
                w.ConceptId,
                w.Name,
                w.Kind.ToCode(),
                w.WeakYears,
                [.. w.History.Select(h => new WeaknessYearJson(h.Year, h.Code, Number(Round(h.Percent)), h.Weak))]))],
            Appraisal: report.AppraisalGap is { } gap
                ? new AppraisalJson(
                    Number(gap.SelfTotal),
                    Number(gap.AppraisedTotal),
                    Number(gap.Gap),
                    Number(Math.Round(gap.ShareCut, 4)),
                    Number(Math.Round(gap.OverClaimRatio, 4)),
                    [.. gap.Cuts.Select(c => new AppraisalCutJson(c.Code, c.Name, Number(c.Self), Number(c.Appraised), Number(c.Gap)))])
                : null,
            PeerGroup: report.PeerGroup is { } group
                ? new PeerGroupJson(
                    group.Number,
                    group.Label,
                    group.Description,
                    Number(Round(group.MeanIndex)),
                    [.. group.Members.Select(m => m.Result.Unit.Id)],
                    report.Peers!.Explanation.K,
                    report.Peers.Explanation.Seed,
                    [.. report.Peers.Features.Select(f => f.AreaCode)],
                    report.Peers.Explanation.Vietnamese,
                    report.Peers.Comparison.Vietnamese,
                    report.Peers.Comparison.AddsValue)
                : null,
            Anomaly: report.Anomaly is { } anomaly
                ? new AnomalyJson(
                    Number(Math.Round(anomaly.Score, 3)),
                    Number(Math.Round(report.Peers!.Anomalies.Threshold, 3)),
                    anomaly.Vietnamese,
                    [.. anomaly.Areas.Select(a => new AnomalyAreaJson(a.AreaCode, a.AreaName, Number(Round(a.Percent)), Number(Round(a.ProvinceMean)), Number(Math.Round(a.ZScore, 2))))])
                : null,
            NextRank: Path(report.NextRankPath),
            NextBand: Path(report.NextBandPath),
            Findings: [.. report.Findings.Select(f => new FindingJson(f.Kind, f.Text, f.Numbers))],
            Notes: [.. report.Ranking.Notes.Concat(report.Trend.Warnings).Distinct()]);
        return JsonSerializer.Serialize(json, CliJsonContext.Cli.UnitReportJson);
    }

    public static void Text(UnitReport report, TextWriter output)
    {
        var result = report.Result;
        var sample = result.Synthetic ? "  [DỮ LIỆU MẪU — không phải số liệu thật]" : "";
        output.WriteLine($"{result.Unit.FullName} — năm {result.Year}{sample}");
        output.WriteLine($"Điểm dùng: {(result.StageUsed == Stage.Appraised ? "điểm thẩm định" : "điểm tự chấm (chưa thẩm định)")}; bộ tiêu chí {result.Framework.Id} ({result.Framework.Status.ToVietnamese()})");
        output.WriteLine($"Điểm: {N(result.Points)}/{N(result.MaxPoints)}   Chỉ số: {N(Round(result.Index))}%   Xếp hạng: {(report.Rank is { } r ? $"{r.Rank}/{r.RankOf}{(r.Tied ? " (đồng hạng)" : "")}, nhóm {r.Band.Label}, phần tư {r.Quartile}{(r.RankChange is { } c ? $", {(c >= 0 ? "+" : "")}{c} bậc so với năm trước" : "")}" : "không xếp hạng")}");
        output.WriteLine();
        output.WriteLine("Lĩnh vực                                              Điểm    Chuẩn   %       Trung vị  Cao nhất  Nhóm TĐ");
        foreach (var area in report.Areas)
        {
            output.WriteLine($"{Cut($"{area.Code}. {area.Name}", 52),-52}  {N(area.Points),6}  {N(area.MaxPoints),6}  {N(Round(area.Percent)),6}  {N(Round(area.MedianPercent)),8}  {N(Round(area.BestPercent)),8}  {N(Round(area.PeerMeanPercent)),7}");
        }

        if (report.PeerGroup is { } group)
        {
            output.WriteLine();
            output.WriteLine($"Nhóm tương đồng (TĐ): {group.Label} — {group.Description}");
            output.WriteLine($"  {report.Peers!.Comparison.Vietnamese}");
        }

        if (report.Anomaly is { } anomaly)
        {
            output.WriteLine($"Cơ cấu điểm bất thường: {anomaly.Vietnamese}");
        }

        output.WriteLine();
        output.WriteLine("Mất nhiều điểm nhất:");
        foreach (var weakest in report.Weakest.Take(10))
        {
            output.WriteLine($"  {weakest.Code,-7} mất {N(weakest.Lost),-5} ({N(weakest.Points)}/{N(weakest.MaxPoints)})  {Cut(weakest.Name, 80)}");
        }

        if (report.Weaknesses.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Điểm yếu kéo dài / mới / đang cải thiện:");
            foreach (var weakness in report.Weaknesses)
            {
                output.WriteLine($"  {weakness.Code,-7} {weakness.Kind.ToVietnamese(),-15} {string.Join("  ", weakness.History.Select(h => $"{h.Year}: {N(Round(h.Percent))}%"))}  {Cut(weakness.Name, 60)}");
            }
        }

        if (report.AppraisalGap is { } gap)
        {
            output.WriteLine();
            output.WriteLine($"Tự chấm {N(gap.SelfTotal)} → thẩm định {N(gap.AppraisedTotal)} (chênh {N(gap.Gap)}; {N(Math.Round(gap.ShareCut * 100, 1))}% tiêu chí bị trừ; tỷ lệ chấm cao {N(Math.Round(gap.OverClaimRatio * 100, 2))}%)");
        }

        output.WriteLine();
        output.WriteLine("Nhận xét:");
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"  - {finding.Text}");
        }

        var notes = report.Ranking.Notes.Concat(report.Trend.Warnings).Distinct().ToList();
        if (notes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Lưu ý:");
            foreach (var note in notes)
            {
                output.WriteLine($"  - {note}");
            }
        }
    }

    public static string Json(Ranking ranking) => JsonSerializer.Serialize(
        new RankingJson(
            ranking.Year,
            ranking.Province,
            ranking.Level,
            [.. ranking.Units.Select(u => new RankedUnitJson(
                u.Rank,
                u.RankOf,
                u.Tied,
                u.Result.Unit.Id,
                u.Result.Unit.FullName,
                Number(u.Result.Points),
                Number(u.Result.MaxPoints),
                Number(Round(u.Index)),
                u.Result.StageUsed.ToCode(),
                u.Result.Synthetic,
                u.Band.Label,
                u.Quartile,
                u.PreviousRank,
                u.RankChange,
                [.. u.Result.Components.Select(c => new ComponentJson(c.Id, c.Name, c.Role.ToCode(), Number(c.Points), Number(c.MaxPoints)))]))],
            [.. ranking.Unranked.Select(u => u.Unit.Id)],
            ranking.Notes),
        CliJsonContext.Cli.RankingJson);

    public static void Text(Ranking ranking, TextWriter output)
    {
        output.WriteLine($"Xếp hạng năm {ranking.Year} ({ranking.Units.Count} đơn vị)");
        output.WriteLine("Hạng    Đơn vị                    Điểm     Chuẩn   Chỉ số   Nhóm        ±");
        foreach (var u in ranking.Units)
        {
            var rank = u.Tied ? $"{u.Rank}=" : u.Rank.ToString(CultureInfo.InvariantCulture);
            var change = u.RankChange is { } c ? (c > 0 ? $"+{c}" : c.ToString(CultureInfo.InvariantCulture)) : "";
            var marks = (u.Result.StageUsed == Stage.Self ? " (tự chấm)" : "") + (u.Result.Synthetic ? " *" : "");
            output.WriteLine($"{rank,-7} {Cut(u.Result.Unit.FullName, 24),-24}  {N(u.Result.Points),7}  {N(u.Result.MaxPoints),6}  {N(Round(u.Index)),7}  {u.Band.Label,-10}  {change}{marks}");
        }

        if (ranking.Units.Any(u => u.Result.Synthetic))
        {
            output.WriteLine("* dữ liệu mẫu (không phải số liệu thật)");
        }

        foreach (var note in ranking.Notes)
        {
            output.WriteLine($"- {note}");
        }
    }

    /// <summary>CSV with a decimal point (for scripts), one row per ranked unit.</summary>
    public static void Csv(Ranking ranking, TextWriter output)
    {
        output.Write("year,rank,rank_of,tied,unit_id,unit_name,points,max_points,index,stage_used,synthetic,band,quartile,previous_rank,rank_change\n");
        foreach (var u in ranking.Units)
        {
            string I(decimal? v) => v is { } d ? ScoreSheet.Canonical(d) : "";
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{ranking.Year},{u.Rank},{u.RankOf},{(u.Tied ? "true" : "false")},{u.Result.Unit.Id},\"{u.Result.Unit.FullName}\",{I(u.Result.Points)},{I(u.Result.MaxPoints)},{I(Round(u.Index))},{u.Result.StageUsed.ToCode()},{(u.Result.Synthetic ? "true" : "false")},\"{u.Band.Label}\",{u.Quartile},{u.PreviousRank},{u.RankChange}\n"));
        }
    }

    private static PathJson? Path(PathToTarget? path) => path is null ? null : new PathJson(
        path.Target,
        Number(Math.Round(path.PointsNeeded, 3)),
        path.Reachable,
        [.. path.Steps.Select(s => new PathStepJson(s.Code, s.Name, Number(s.Lost), s.OthersAtMax, s.Others))]);

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    private static decimal? Number(decimal? value) => CliJsonContext.Number(value);

    private static string N(decimal? value) => value is { } v ? VietnameseText.Number(v) : "—";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
