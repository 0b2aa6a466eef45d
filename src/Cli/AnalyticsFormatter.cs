using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Cli;

/// <summary>Prints unit reports and rankings as Vietnamese text, as JSON (field names documented in the README) or as
/// CSV. Percentages and the index are rounded to two decimals for display; they are computed exactly.</summary>
internal static class AnalyticsFormatter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Json(UnitReport report)
    {
        var result = report.Result;
        var json = new JsonObject
        {
            ["unit_id"] = result.Unit.Id,
            ["unit_name"] = result.Unit.FullName,
            ["year"] = result.Year,
            ["stage_used"] = result.StageUsed.ToCode(),
            ["synthetic"] = result.Synthetic,
            ["framework"] = new JsonObject { ["id"] = result.Framework.Id, ["status"] = result.Framework.Status.ToCode() },
            ["points"] = Number(result.Points),
            ["max_points"] = Number(result.MaxPoints),
            ["index"] = Number(Round(result.Index)),
            ["rank"] = report.Rank?.Rank,
            ["rank_of"] = report.Rank?.RankOf,
            ["tied"] = report.Rank?.Tied,
            ["quartile"] = report.Rank?.Quartile,
            ["band"] = report.Rank?.Band.Label,
            ["rank_change"] = report.Rank?.RankChange,
            ["areas"] = Array(report.Areas.Select(a => new JsonObject
            {
                ["code"] = a.Code,
                ["name"] = a.Name,
                ["max_points"] = Number(a.MaxPoints),
                ["points"] = Number(a.Points),
                ["percent"] = Number(Round(a.Percent)),
                ["province_median_percent"] = Number(Round(a.MedianPercent)),
                ["province_best_percent"] = Number(Round(a.BestPercent)),
                ["best_units"] = Array(a.BestUnits.Select(u => JsonValue.Create(u))),
                ["peer_mean_percent"] = Number(Round(a.PeerMeanPercent)),
            })),
            ["weakest"] = Array(report.Weakest.Take(10).Select(w => new JsonObject
            {
                ["code"] = w.Code,
                ["name"] = w.Name,
                ["max_points"] = Number(w.MaxPoints),
                ["points"] = Number(w.Points),
                ["lost"] = Number(w.Lost),
            })),
            ["persistent_weaknesses"] = Array(report.Weaknesses.Select(w => new JsonObject
            {
                ["code"] = w.Code,
                ["concept_id"] = w.ConceptId,
                ["name"] = w.Name,
                ["kind"] = w.Kind.ToCode(),
                ["weak_years"] = w.WeakYears,
                ["history"] = Array(w.History.Select(h => new JsonObject { ["year"] = h.Year, ["code"] = h.Code, ["percent"] = Number(Round(h.Percent)), ["weak"] = h.Weak })),
            })),
            ["appraisal"] = report.AppraisalGap is { } gap ? new JsonObject
            {
                ["self_total"] = Number(gap.SelfTotal),
                ["appraised_total"] = Number(gap.AppraisedTotal),
                ["gap"] = Number(gap.Gap),
                ["share_cut"] = Number(Math.Round(gap.ShareCut, 4)),
                ["over_claim_ratio"] = Number(Math.Round(gap.OverClaimRatio, 4)),
                ["cuts"] = Array(gap.Cuts.Select(c => new JsonObject { ["code"] = c.Code, ["name"] = c.Name, ["self"] = Number(c.Self), ["appraised"] = Number(c.Appraised), ["gap"] = Number(c.Gap) })),
            } : null,
            ["peer_group"] = report.PeerGroup is { } group ? new JsonObject
            {
                ["number"] = group.Number,
                ["label"] = group.Label,
                ["description"] = group.Description,
                ["mean_index"] = Number(Round(group.MeanIndex)),
                ["members"] = Array(group.Members.Select(m => JsonValue.Create(m.Result.Unit.Id))),
                ["k"] = report.Peers!.Explanation.K,
                ["seed"] = report.Peers.Explanation.Seed,
                ["features"] = Array(report.Peers.Features.Select(f => JsonValue.Create(f.AreaCode))),
                ["explanation"] = report.Peers.Explanation.Vietnamese,
                ["comparison_with_index_terciles"] = report.Peers.Comparison.Vietnamese,
                ["k_means_adds_value"] = report.Peers.Comparison.AddsValue,
            } : null,
            ["anomaly"] = report.Anomaly is { } anomaly ? new JsonObject
            {
                ["score"] = Number(Math.Round(anomaly.Score, 3)),
                ["threshold"] = Number(Math.Round(report.Peers!.Anomalies.Threshold, 3)),
                ["text"] = anomaly.Vietnamese,
                ["areas"] = Array(anomaly.Areas.Select(a => new JsonObject
                {
                    ["code"] = a.AreaCode,
                    ["name"] = a.AreaName,
                    ["percent"] = Number(Round(a.Percent)),
                    ["province_mean_percent"] = Number(Round(a.ProvinceMean)),
                    ["z"] = Number(Math.Round(a.ZScore, 2)),
                })),
            } : null,
            ["next_rank"] = Path(report.NextRankPath),
            ["next_band"] = Path(report.NextBandPath),
            ["findings"] = Array(report.Findings.Select(f => new JsonObject
            {
                ["kind"] = f.Kind,
                ["text"] = f.Text,
                ["numbers"] = new JsonObject(f.Numbers.Select(n => KeyValuePair.Create(n.Key, (JsonNode?)JsonValue.Create(n.Value)))),
            })),
            ["notes"] = Array(report.Ranking.Notes.Concat(report.Trend.Warnings).Distinct().Select(n => JsonValue.Create(n))),
        };
        return json.ToJsonString(JsonOptions);
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

    public static string Json(Ranking ranking) => new JsonObject
    {
        ["year"] = ranking.Year,
        ["province"] = ranking.Province,
        ["level"] = ranking.Level,
        ["units"] = Array(ranking.Units.Select(u => new JsonObject
        {
            ["rank"] = u.Rank,
            ["rank_of"] = u.RankOf,
            ["tied"] = u.Tied,
            ["unit_id"] = u.Result.Unit.Id,
            ["unit_name"] = u.Result.Unit.FullName,
            ["points"] = Number(u.Result.Points),
            ["max_points"] = Number(u.Result.MaxPoints),
            ["index"] = Number(Round(u.Index)),
            ["stage_used"] = u.Result.StageUsed.ToCode(),
            ["synthetic"] = u.Result.Synthetic,
            ["band"] = u.Band.Label,
            ["quartile"] = u.Quartile,
            ["previous_rank"] = u.PreviousRank,
            ["rank_change"] = u.RankChange,
        })),
        ["unranked"] = Array(ranking.Unranked.Select(u => JsonValue.Create(u.Unit.Id))),
        ["notes"] = Array(ranking.Notes.Select(n => JsonValue.Create(n))),
    }.ToJsonString(JsonOptions);

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

    private static JsonObject? Path(PathToTarget? path) => path is null ? null : new JsonObject
    {
        ["target"] = path.Target,
        ["points_needed"] = Number(Math.Round(path.PointsNeeded, 3)),
        ["reachable"] = path.Reachable,
        ["steps"] = Array(path.Steps.Select(s => new JsonObject
        {
            ["code"] = s.Code,
            ["name"] = s.Name,
            ["lost"] = Number(s.Lost),
            ["others_at_max"] = s.OthersAtMax,
            ["others"] = s.Others,
        })),
    };

    private static JsonArray Array(IEnumerable<JsonNode?> nodes) => new([.. nodes]);

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    private static JsonValue? Number(decimal? value) => value is { } v ? JsonValue.Create(decimal.Parse(ScoreSheet.Canonical(v), CultureInfo.InvariantCulture)) : null;

    private static string N(decimal? value) => value is { } v ? VietnameseText.Number(v) : "—";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
