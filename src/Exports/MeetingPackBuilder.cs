using System.Text.RegularExpressions;
using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Exports;

/// <summary>Composes the meeting pack of one year from the analytics, for a province leader to put on the screen as it
/// is: the year at a glance (ranking, bands, province mean and its change); the ranking table; rank movement since last
/// year (a slope chart); areas province-wide with the weakest highlighted; persistent weaknesses shared by many units;
/// for each chosen unit its index trend, its areas against the province, its weakest criteria and what it takes to move
/// up; and a closing slide of data notes.</summary>
/// <remarks>Slides carry short bullets (at most five, the planner splits the rest); the findings (nhận xét) go in full
/// into the speaker notes. "Dữ liệu mẫu" is said once, in the source line at the foot of every slide
/// (<see cref="PackContent.Footer"/>), which also names the year's published decision, instead of on every bullet and
/// title. Charts come from the caller through a provider keyed by <see cref="ChartKeys"/>; a null answer leaves the
/// slide without a picture. A rank change across a self-assessed and an appraised year is never computed: such a unit
/// says "khác giai đoạn" (docs/methodology.md §5). Numbers are written the Vietnamese way (92,15).</remarks>
public static partial class MeetingPackBuilder
{
    public const string NotesSlideTitle = "Ghi chú về số liệu";

    /// <summary>Builds the pack of <paramref name="ranking"/>'s year with a section per report in <paramref name="reports"/>.</summary>
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
        var province = options.ProvinceName ?? options.Places.ProvinceName(ranking.Province);
        var status = synthetic == 0 ? "" : synthetic == results.Count ? " — dữ liệu mẫu" : " — có dữ liệu mẫu";
        var subtitle = $"Tỉnh {province} — {options.Places.UnitsName(ranking.Level)} — họp đánh giá năm {year}{status}";

        List<PackSlide> slides = [GlanceSlide(ranking, options), RankingSlide(ranking, reports.Select(r => r.Result.Unit.Id).ToHashSet(StringComparer.Ordinal), options)];
        if (options.Previous is { Units.Count: > 0 } previous)
        {
            slides.Add(MovementSlide(ranking, previous, charts));
        }

        slides.Add(AreaSlide(ranking));
        slides.Add(WeaknessSlide(ranking, weaknesses, options));
        foreach (var report in reports)
        {
            slides.AddRange(UnitSlides(report, charts, options));
        }

        slides.Add(NotesSlide(ranking, reports.Count));
        return new PackContent(Title(ranking, reports, province, options.Places), subtitle, slides) { Footer = Footer(ranking, results, options) };
    }

    /// <summary>"Chỉ số CCHC 2023 — huyện Hoằng Hóa" for a unit's pack, "… — huyện Hoằng Hóa, huyện Mường Lát" for two or
    /// three, "… — 4 đơn vị cấp huyện" for more, "… — tỉnh Thanh Hóa" for the province's.</summary>
    public static string Title(Ranking ranking, IReadOnlyList<UnitReport> reports, string? provinceName = null, Places? places = null)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(reports);
        var who = reports.Count switch
        {
            0 => $"tỉnh {provinceName ?? (places ?? Places.None).ProvinceName(ranking.Province)}",
            <= 3 => string.Join(", ", reports.Select(r => r.Result.Unit.FullName)),
            _ => $"{reports.Count} đơn vị {(places ?? Places.None).LevelName(ranking.Level)}",
        };
        return $"Chỉ số CCHC {ranking.Year} — {who}";
    }

    /// <summary>The file name that says what the pack is: <c>chi-so-cchc-2023-hoang-hoa.pptx</c>, the province's
    /// <c>chi-so-cchc-2023-thanh-hoa.pptx</c>, <c>chi-so-cchc-2023-4-don-vi.pptx</c> for more than three units.</summary>
    public static string FileName(int year, string province, IReadOnlyList<string> unitIds)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        var who = unitIds.Count switch
        {
            0 => province,
            <= 3 => string.Join('-', unitIds),
            _ => $"{unitIds.Count}-don-vi",
        };
        return $"chi-so-cchc-{year}-{who}.pptx";
    }

    private static string Footer(Ranking ranking, List<UnitYearResult> results, MeetingPackOptions options)
    {
        var parts = new List<string> { $"Chỉ số CCHC {ranking.Year}" };
        var ids = results.Select(r => r.Unit.Id).ToHashSet(StringComparer.Ordinal);
        var decisions = options.Published.Where(p => p.Year == ranking.Year && ids.Contains(p.UnitId))
            .GroupBy(p => p.Decision).OrderByDescending(g => g.Count()).Select(g => g.First()).ToList();
        foreach (var decision in decisions)
        {
            var date = decision.DecisionDate is { } d ? $" ngày {d.ToString("dd/MM/yyyy", VietnameseText.Culture)}"
                : decision.ReportedOn is { } r ? $" (đưa tin ngày {r.ToString("dd/MM/yyyy", VietnameseText.Culture)})" : "";
            parts.Add($"Công bố: Quyết định {decision.Decision}{date}");
        }

        var self = results.Count(r => r.StageUsed == Stage.Self);
        var stage = self == 0 ? "điểm thẩm định" : self == results.Count ? "điểm tự chấm" : $"điểm thẩm định, {self} đơn vị điểm tự chấm";
        parts.Add($"Tính từ bảng điểm của {results.Count} đơn vị ({stage})");
        var synthetic = results.Count(r => r.Synthetic);
        if (synthetic > 0)
        {
            parts.Add(synthetic == results.Count ? "Dữ liệu mẫu, không phải số liệu thật" : $"Có dữ liệu mẫu ({synthetic}/{results.Count} đơn vị), không phải số liệu thật");
        }

        return string.Join(" · ", parts);
    }

    private static PackSlide GlanceSlide(Ranking ranking, MeetingPackOptions options)
    {
        var title = $"Năm {ranking.Year}: toàn cảnh";
        var units = ranking.Units;
        if (units.Count == 0)
        {
            return new PackSlide(title) { Bullets = ["Không có đơn vị nào được xếp hạng năm này."] };
        }

        var mean = units.Average(u => u.Index);
        var change = "";
        if (options.Previous is { Units.Count: > 0 } previous)
        {
            change = SameStages(ranking, previous)
                ? $" ({Signed(mean - previous.Units.Average(u => u.Index))} điểm % so với năm {previous.Year})"
                : $" (không so sánh với năm {previous.Year}: hai năm dùng điểm khác giai đoạn)";
        }

        var bands = options.Analytics.Bands.Select(b => $"nhóm {b.Label}: {units.Count(u => u.Band.Label == b.Label)}");
        var bullets = new List<string>
        {
            $"{units.Count} đơn vị được xếp hạng; chỉ số bình quân {Percent(mean)}%{change}.",
            $"Số đơn vị theo nhóm chỉ số (%): {string.Join("; ", bands)}.",
            $"Đứng đầu: {units[0].Result.Unit.FullName} ({Percent(units[0].Index)}%); cuối bảng: {units[^1].Result.Unit.FullName} ({Percent(units[^1].Index)}%).",
        };
        var movers = units.Where(u => u.RankChange is not null).ToList();
        if (movers.Count > 0 && movers.Max(u => u.RankChange!.Value) > 0)
        {
            var up = movers.OrderByDescending(u => u.RankChange).First();
            var down = movers.OrderBy(u => u.RankChange).First();
            bullets.Add(down.RankChange < 0
                ? $"Tăng hạng nhiều nhất: {up.Result.Unit.FullName} (+{up.RankChange}); giảm nhiều nhất: {down.Result.Unit.FullName} (−{-down.RankChange})."
                : $"Tăng hạng nhiều nhất: {up.Result.Unit.FullName} (+{up.RankChange}).");
        }

        return new PackSlide(title)
        {
            Bullets = bullets,
            Notes = string.Join("\n", ranking.Notes.Prepend($"Chỉ số từ {Percent(units[^1].Index)}% đến {Percent(units[0].Index)}%, trung vị {Percent(Benchmarks.Median(units.Select(u => u.Index).ToList()))}%.")),
        };
    }

    /// <summary>The province mean is compared only when both years' totals come from the same stage for every unit.</summary>
    private static bool SameStages(Ranking current, Ranking previous)
    {
        var stages = current.Units.Select(u => u.Result.StageUsed).Concat(previous.Units.Select(u => u.Result.StageUsed)).Distinct().Count();
        return stages == 1;
    }

    /// <summary>The top and bottom of the ranking; a unit the pack is made for is shown in its place even when it ranks in
    /// the middle, between two "…" rows.</summary>
    private static PackSlide RankingSlide(Ranking ranking, HashSet<string> chosen, MeetingPackOptions options)
    {
        var title = $"Xếp hạng năm {ranking.Year}";
        var units = ranking.Units;
        if (units.Count == 0)
        {
            return new PackSlide(title) { Bullets = ["Không có đơn vị nào được xếp hạng năm này."] };
        }

        var budget = (2 * Math.Max(1, options.TopAndBottom)) + 1;
        var whole = units.Count <= budget;
        var rows = new List<IReadOnlyList<string>>();
        if (whole)
        {
            rows.AddRange(units.Select(RankRow));
        }
        else
        {
            // A chosen unit ranked in the middle costs two rows (itself and one more "…"): the top and the bottom give
            // them up, so the table keeps its size on the slide.
            var shown = Math.Max(1, options.TopAndBottom);
            List<(RankedUnit Unit, int Index)> own = [];
            for (var k = 0; ; k = own.Count)
            {
                shown = Math.Max(1, options.TopAndBottom - k);
                own = units.Skip(shown).Take(units.Count - (2 * shown)).Select((u, i) => (Unit: u, Index: i)).Where(x => chosen.Contains(x.Unit.Result.Unit.Id)).ToList();
                if (own.Count <= k || shown == 1)
                {
                    break;
                }
            }

            var middle = units.Count - (2 * shown);
            rows.AddRange(units.Take(shown).Select(RankRow));
            var next = 0;
            foreach (var (unit, index) in own)
            {
                if (index > next)
                {
                    rows.Add(["…", $"{index - next} đơn vị (xem ghi chú)", "", ""]);
                }

                rows.Add(RankRow(unit));
                next = index + 1;
            }

            if (middle > next)
            {
                rows.Add(["…", $"{middle - next} đơn vị (xem ghi chú)", "", ""]);
            }

            rows.AddRange(units.Skip(units.Count - shown).Select(RankRow));
        }

        return new PackSlide(title)
        {
            Table = new PackTable(["Hạng", "Đơn vị", "Chỉ số (%)", "So với năm trước"], rows),
            Notes = string.Join("\n", units.Select(u => $"{Rank(u)}. {u.Result.Unit.FullName}: {Points(u.Result.Points)}/{Points(u.Result.MaxPoints)} điểm, chỉ số {Percent(u.Index)}%{Movement(u, ranking.Year)}.")),
        };
    }

    private static PackSlide MovementSlide(Ranking ranking, Ranking previous, Func<string, byte[]?> charts)
    {
        var title = $"Thay đổi thứ hạng so với năm {previous.Year}";
        var notes = string.Join("\n", ranking.Units.Select(u => $"{u.Result.Unit.FullName}: {Movement(u, ranking.Year).TrimStart(',', ' ')}"));
        var image = Image(charts, ChartKeys.RankMovement, $"Biểu đồ thứ hạng năm {previous.Year} và năm {ranking.Year} của {ranking.Units.Count} đơn vị, nối bằng đường: xanh tăng hạng, đỏ cam giảm hạng");
        if (image is not null)
        {
            return new PackSlide(title) { Image = image, Notes = notes };
        }

        var moved = ranking.Units.Where(u => u.RankChange is not null and not 0).OrderByDescending(u => Math.Abs(u.RankChange!.Value)).Take(SlidePlannerLimits.Bullets);
        return new PackSlide(title)
        {
            Bullets = [.. moved.Select(u => $"{u.Result.Unit.FullName}: hạng {u.PreviousRank} → {u.Rank} ({Change(u.RankChange!.Value)})")],
            Notes = notes,
        };
    }

    private static PackSlide AreaSlide(Ranking ranking)
    {
        var title = $"Các lĩnh vực toàn tỉnh năm {ranking.Year}";
        var results = ranking.Units.Select(u => u.Result).ToList();
        if (results.Count == 0)
        {
            return new PackSlide(title) { Bullets = ["Không có số liệu theo lĩnh vực năm này."] };
        }

        // Areas are compared within one framework; a year that mixes frameworks uses the one most units were scored on.
        var frameworks = results.GroupBy(r => r.Framework.Id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var framework = frameworks[0].First().Framework;
        var areas = Benchmarks.Areas(results, framework).ToList();
        var lowest = areas.Min(a => a.MeanPercent);
        var weakest = areas.Where(a => a.MeanPercent == lowest).ToList();
        var strongest = areas.MaxBy(a => a.MeanPercent)!;
        var bullets = new List<string>
        {
            $"Yếu nhất (tô đậm): lĩnh vực {string.Join(", ", weakest.Select(a => a.Code))}, bình quân {Percent(lowest)}% điểm chuẩn; mạnh nhất: lĩnh vực {strongest.Code} ({Percent(strongest.MeanPercent)}%).",
        };
        var notes = new List<string> { $"Tỷ lệ điểm đạt được so với điểm chuẩn của từng lĩnh vực, trên {frameworks[0].Count()} đơn vị." };
        if (frameworks.Count > 1)
        {
            notes.Add($"Năm này các đơn vị được chấm theo {frameworks.Count} bộ tiêu chí; bảng dùng bộ của {frameworks[0].Count()}/{results.Count} đơn vị.");
        }

        if (framework.Status == FrameworkStatus.Illustrative)
        {
            notes.Add("Bộ tiêu chí là khung minh họa, không phải khung chính thức.");
        }

        notes.AddRange(areas.Select(a => $"Lĩnh vực {a.Code} “{a.Name}”: bình quân {Percent(a.MeanPercent)}%, trung vị {Percent(a.MedianPercent)}%, cao nhất {Percent(a.BestPercent)}% ({string.Join(", ", a.BestUnits.Select(id => NameOf(ranking, id)))})."));
        return new PackSlide(title)
        {
            Bullets = bullets,
            Table = new PackTable(
                ["Mã", "Lĩnh vực", "Điểm chuẩn", "Bình quân (%)", "Cao nhất (%)"],
                areas.Select(a => (IReadOnlyList<string>)[a.Code, AreaName(a.Name), Points(a.MaxPoints), Percent(a.MeanPercent), Percent(a.BestPercent)]).ToList())
            {
                Highlight = [.. areas.Select((a, i) => (a, i)).Where(x => x.a.MeanPercent == lowest).Select(x => x.i)],
            },
            Notes = string.Join("\n", notes),
        };
    }

    private static PackSlide WeaknessSlide(Ranking ranking, IReadOnlyList<SharedWeakness> weaknesses, MeetingPackOptions options)
    {
        var analytics = options.Analytics;
        var rule = $"Tiêu chí dưới {VietnameseText.Number(analytics.WeakBelowPercent)}% điểm chuẩn ít nhất {analytics.WeakYears}/{analytics.WindowYears} năm gần nhất, ở từ {analytics.MinSharedUnits} đơn vị trở lên.";
        var shared = weaknesses.Where(w => w.UnitIds.Count >= analytics.MinSharedUnits)
            .OrderByDescending(w => w.UnitIds.Count).ThenBy(w => w.Code, CriterionCode.Comparer).ToList();
        var title = "Điểm yếu kéo dài ở nhiều đơn vị";
        if (shared.Count == 0)
        {
            return new PackSlide(title) { Bullets = [rule, "Năm này không có tiêu chí nào như vậy."] };
        }

        var shown = shared.Take(Math.Max(1, options.MaxSharedWeaknesses)).ToList();
        var bullets = new List<string> { rule };
        if (shown.Count < shared.Count)
        {
            bullets[0] += $" Bảng nêu {shown.Count}/{shared.Count} tiêu chí chung nhiều đơn vị nhất (đủ trong ghi chú).";
        }

        return new PackSlide(title)
        {
            Bullets = bullets,
            Table = new PackTable(
                ["Mã", "Tiêu chí", "Số đơn vị"],
                shown.Select(w => (IReadOnlyList<string>)[w.Code, w.Name, w.UnitIds.Count.ToString(VietnameseText.Culture)]).ToList()),
            Notes = string.Join("\n", shared.Select(w => $"{w.Code} {w.Name}: {string.Join(", ", w.UnitIds.Select(id => NameOf(ranking, id)))}.")),
        };
    }

    private static IEnumerable<PackSlide> UnitSlides(UnitReport report, Func<string, byte[]?> charts, MeetingPackOptions options)
    {
        var result = report.Result;
        var unit = result.Unit;
        var name = unit.FullName;
        var findings = string.Join("\n", report.Findings.Select(f => WithoutSampleMark(f.Text)));

        // 1. The index across years.
        var trend = new List<string>();
        if (report.Rank is { } rank)
        {
            var stage = result.StageUsed == Stage.Self ? " (tự chấm)" : "";
            trend.Add($"Năm {result.Year}: chỉ số {Percent(rank.Index)}%{stage}, hạng {rank.Rank}/{rank.RankOf}{(rank.Tied ? " (đồng hạng)" : "")}{Movement(rank, result.Year)}.");
        }
        else
        {
            trend.Add($"Năm {result.Year}: chưa xếp hạng (thiếu điểm).");
        }

        if (report.Trend.Slope is { } slope && report.Trend.SlopeStage is { } slopeStage)
        {
            var years = report.Trend.Points.Where(p => p.StageUsed == slopeStage && p.Index is not null).Select(p => p.Year).ToList();
            trend.Add($"Xu hướng {years.Min()}–{years.Max()}: {Signed(slope)} điểm %/năm (điểm {slopeStage.ToVietnamese()}).");
        }

        yield return new PackSlide($"{name}: chỉ số qua các năm")
        {
            Bullets = trend,
            Image = Image(charts, ChartKeys.UnitTrend(unit.Id), $"Biểu đồ đường: Chỉ số CCHC của {name} qua các năm, so với trung bình tỉnh"),
            Notes = string.Join("\n", new[] { findings }.Concat(report.Trend.Warnings).Where(t => t.Length > 0)),
        };

        // 2. Its areas against the province.
        var areas = report.Areas.Where(a => a.Percent is not null).ToList();
        var areaBullets = new List<string>();
        if (areas.Count > 0)
        {
            var above = areas.Count(a => a.Percent >= a.MeanPercent);
            var furthest = areas.MinBy(a => a.Percent!.Value - a.MeanPercent)!;
            areaBullets.Add($"Bằng hoặc cao hơn bình quân tỉnh ở {above}/{areas.Count} lĩnh vực"
                + (furthest.Percent < furthest.MeanPercent ? $"; thấp nhất so với tỉnh: lĩnh vực {furthest.Code} ({Percent(furthest.Percent!.Value)}%, tỉnh {Percent(furthest.MeanPercent)}%)." : "."));
        }
        else
        {
            areaBullets.Add("Không có điểm theo lĩnh vực.");
        }

        yield return new PackSlide($"{name}: các lĩnh vực so với toàn tỉnh")
        {
            Bullets = areaBullets,
            Image = Image(charts, ChartKeys.UnitAreas(unit.Id), $"Biểu đồ cột: tỷ lệ điểm từng lĩnh vực của {name} năm {result.Year}, so với bình quân và cao nhất của tỉnh"),
            Notes = string.Join("\n", report.Areas.Select(a => $"Lĩnh vực {a.Code} “{a.Name}”: {(a.Percent is { } p ? Percent(p) + "%" : "không có điểm")}; bình quân tỉnh {Percent(a.MeanPercent)}%, trung vị {Percent(a.MedianPercent)}%, cao nhất {Percent(a.BestPercent)}%.")
                .Concat(report.AreaChanges.Where(c => c.StageChanged).Take(1).Select(_ => $"Không so sánh lĩnh vực với năm {result.Year - 1}: hai năm dùng điểm khác giai đoạn."))),
        };

        // 3. The criteria that lost most.
        var weakest = report.Weakest.Take(Math.Max(1, options.MaxWeakest)).ToList();
        var chronic = report.Weaknesses.Where(w => w.Kind == WeaknessKind.Chronic).ToList();
        var chronicCodes = chronic.Select(w => w.Code).ToHashSet(StringComparer.Ordinal);
        var weakSlide = new PackSlide($"{name}: tiêu chí mất nhiều điểm nhất");
        if (weakest.Count == 0)
        {
            weakSlide = weakSlide with { Bullets = ["Không mất điểm ở tiêu chí nào."] };
        }
        else
        {
            var lost = report.Weakest.Sum(w => w.Lost ?? 0);
            weakSlide = weakSlide with
            {
                Bullets = [$"Mất {Points(lost)} điểm ở {report.Weakest.Count} tiêu chí; {weakest.Count} tiêu chí mất nhiều nhất{(chronic.Count > 0 ? $" (tô đậm: yếu kéo dài {options.Analytics.WeakYears}/{options.Analytics.WindowYears} năm)" : "")}:"],
                Table = new PackTable(
                    ["Mã", "Tiêu chí", "Điểm", "Điểm chuẩn", "Mất"],
                    weakest.Select(w => (IReadOnlyList<string>)[w.Code, w.Name, Points(w.Points), Points(w.MaxPoints), Points(w.Lost)]).ToList())
                {
                    Highlight = [.. weakest.Select((w, i) => (w, i)).Where(x => chronicCodes.Contains(x.w.Code)).Select(x => x.i)],
                },
            };
        }

        yield return weakSlide with
        {
            Notes = string.Join("\n", report.Weakest.Take(15).Select(w => $"{w.Code} “{w.Name}”: {Points(w.Points)}/{Points(w.MaxPoints)} điểm (mất {Points(w.Lost)}).")
                .Concat(chronic.Select(w => $"Yếu kéo dài: {w.Code} “{w.Name}” ({string.Join(", ", w.History.Where(h => h.Weak).Select(h => $"{h.Year}: {(h.Percent is { } p ? Percent(p) : "–")}%"))})."))),
        };

        // 4. What it takes to move up.
        var up = new List<string>();
        if (report.Rank is null)
        {
            up.Add("Chưa xếp hạng năm này (thiếu điểm), nên chưa tính được điểm cần để lên hạng.");
        }
        else if (report.NextRankPath is not { } path)
        {
            up.Add($"Đang đứng đầu tỉnh năm {result.Year}.");
        }
        else
        {
            up.Add(path.Reachable
                ? $"Cần thêm {Points(Math.Round(path.PointsNeeded, 2))} điểm để lên {path.Target}, lấy lại ở:"
                : $"Cần thêm {Points(Math.Round(path.PointsNeeded, 2))} điểm để lên {path.Target}: nhiều hơn số điểm còn mất ở mọi tiêu chí.");
            up.AddRange(path.Steps.Take(SlidePlannerLimits.Bullets - 2).Select(s => $"{s.Code} “{s.Name}”: mất {Points(s.Lost)} điểm; {s.OthersAtMax}/{s.Others} đơn vị khác đạt tối đa."));
        }

        if (report.NextBandPath is { } band)
        {
            up.Add($"Để vào {band.Target}: cần thêm {Points(Math.Round(band.PointsNeeded, 2))} điểm.");
        }

        yield return new PackSlide($"{name}: cần gì để lên hạng")
        {
            Bullets = up,
            Notes = report.NextRankPath is { } full
                ? string.Join("\n", full.Steps.Select(s => $"{s.Code} “{s.Name}”: mất {Points(s.Lost)} điểm; {s.OthersAtMax}/{s.Others} đơn vị khác đạt tối đa."))
                : null,
        };
    }

    private static PackSlide NotesSlide(Ranking ranking, int units)
    {
        var bullets = new List<string>();
        bullets.AddRange(ranking.Notes.Count > 0 ? ranking.Notes : ["Không có lưu ý đặc biệt về trạng thái số liệu năm này."]);
        if (ranking.Unranked.Count > 0)
        {
            bullets.Add($"Chưa xếp hạng vì thiếu điểm: {string.Join(", ", ranking.Unranked.Select(u => u.Unit.FullName))}.");
        }

        bullets.Add("Chỉ số = tổng điểm / tổng điểm chuẩn áp dụng × 100; dùng điểm thẩm định nếu có, nếu không dùng điểm tự chấm.");
        bullets.Add("Bằng chỉ số thì đồng hạng. Không so sánh thứ hạng giữa năm điểm tự chấm và năm điểm thẩm định (khác giai đoạn).");
        if (units == 0)
        {
            bullets.Add("Bộ slide của một đơn vị: mở trang của đơn vị trên bảng điều khiển và bấm “bộ slide họp của đơn vị”.");
        }

        return new PackSlide(NotesSlideTitle) { Bullets = bullets };
    }

    private static IReadOnlyList<string> RankRow(RankedUnit u) => [Rank(u), u.Result.Unit.FullName, Percent(u.Index), ChangeCell(u)];

    private static string ChangeCell(RankedUnit u) => u switch
    {
        { StageChanged: true } => "khác giai đoạn",
        { RankChange: { } change } => Change(change),
        _ => "",
    };

    private static string Change(int change) => change switch
    {
        > 0 => $"+{change}",
        < 0 => $"−{-change}",
        _ => "giữ nguyên",
    };

    /// <summary>", tăng 2 bậc so với năm 2022" and the like; ", khác giai đoạn với năm 2022" across stages.</summary>
    private static string Movement(RankedUnit u, int year) => u switch
    {
        { StageChanged: true } => $", khác giai đoạn với năm {year - 1} (không so sánh hạng)",
        { RankChange: > 0 and var up } => $", tăng {up} bậc so với năm {year - 1}",
        { RankChange: < 0 and var down } => $", giảm {-down} bậc so với năm {year - 1}",
        { RankChange: 0 } => $", giữ hạng năm {year - 1}",
        _ => "",
    };

    /// <summary>Area names are printed in capitals in the decisions; a slide reads better in sentence case.</summary>
    private static string AreaName(string name) => Charts.NameCase.Sentence(name);

    private static string Rank(RankedUnit u) => u.Tied ? $"{u.Rank} (đồng hạng)" : u.Rank.ToString(VietnameseText.Culture);

    private static PackImage? Image(Func<string, byte[]?> charts, string key, string altText) =>
        charts(key) is { Length: > 0 } png ? new PackImage(png, altText) : null;

    private static string NameOf(Ranking ranking, string unitId) =>
        ranking.Find(unitId)?.Result.Unit.FullName ?? ranking.Unranked.FirstOrDefault(u => u.Unit.Id == unitId)?.Unit.FullName ?? unitId;

    /// <summary>A finding without the "[Dữ liệu mẫu]" mark the analytics put first: the footer says it once.</summary>
    private static string WithoutSampleMark(string text) => SampleMark().Replace(text, "");

    private static string Points(decimal? value) => value is { } v ? VietnameseText.Number(v) : "";

    private static string Percent(decimal value) => VietnameseText.Percent(value);

    private static string Signed(decimal value) => (value > 0 ? "+" : value < 0 ? "−" : "") + VietnameseText.Percent(Math.Abs(value));

    [GeneratedRegex(@"^\[Dữ liệu mẫu\]\s*")]
    private static partial Regex SampleMark();

    /// <summary>The planner's bullet limit, for slides that list a few of many.</summary>
    private static class SlidePlannerLimits
    {
        public const int Bullets = Pptx.SlidePlanner.MaxBullets;
    }
}
