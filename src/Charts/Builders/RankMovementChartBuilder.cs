using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary><c>rank-movement</c>: a slope chart of every unit's place last year (left) and this year (right), joined by a
/// line that is blue when the unit moved up, vermillion when it moved down and grey when it kept its rank; the three
/// largest moves each way are drawn thicker. A unit whose two totals come from different stages (self-assessed one
/// year, appraised the other) is not joined and says "khác giai đoạn": a rank change across stages is not computed
/// (docs/methodology.md §5). A unit new to the ranking says "mới". Places follow lineage (Tĩnh Gia's 2019 place for
/// Nghi Sơn 2020). Self-contained: it reads only the two rankings.</summary>
public static class RankMovementChartBuilder
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 800;

    /// <summary>Moves of at least this many places each way, the largest three, are drawn thicker.</summary>
    private const int Highlighted = 3;

    /// <param name="current">This year's ranking.</param>
    /// <param name="previous">Last year's ranking.</param>
    /// <param name="holderLastYear">The unit that held a unit's series last year (itself, or its predecessor); null
    /// when the series did not exist.</param>
    public static ChartSpec Build(Ranking current, Ranking previous, Func<string, string?> holderLastYear)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(holderLastYear);
        if (current.Units.Count == 0)
        {
            throw new ArgumentException($"Bảng xếp hạng năm {current.Year} không có đơn vị nào được xếp hạng.", nameof(current));
        }

        var rows = current.Units.Select((u, i) =>
        {
            var holder = holderLastYear(u.Result.Unit.Id);
            var before = holder is null ? -1 : previous.Units.ToList().FindIndex(p => p.Result.Unit.Id == holder);
            return new Row(u, i + 1, before < 0 ? null : before + 1, before < 0 ? null : previous.Units[before]);
        }).ToList();
        var carried = rows.Where(r => r.PreviousUnit is not null).Select(r => r.PreviousUnit!.Result.Unit.Id).ToHashSet(StringComparer.Ordinal);
        var gone = previous.Units.Select((p, i) => (Unit: p, Position: i + 1)).Where(p => !carried.Contains(p.Unit.Result.Unit.Id)).ToList();

        var ups = rows.Where(r => r.Current.RankChange > 0).OrderByDescending(r => r.Current.RankChange).Take(Highlighted).ToHashSet();
        var downs = rows.Where(r => r.Current.RankChange < 0).OrderBy(r => r.Current.RankChange).Take(Highlighted).ToHashSet();
        var stageChanged = rows.Count(r => r.Current.StageChanged);
        var notes = new List<string>
        {
            $"Xanh: tăng hạng; đỏ cam: giảm hạng; xám: giữ nguyên. Nét đậm: {Highlighted} đơn vị tăng và {Highlighted} đơn vị giảm nhiều bậc nhất.",
        };
        if (stageChanged > 0)
        {
            notes.Add($"{stageChanged} đơn vị có điểm khác giai đoạn giữa hai năm (tự chấm và thẩm định): không so sánh thứ hạng, ghi \"khác giai đoạn\".");
        }

        notes.AddRange(current.Notes);
        var table = new ChartTable(
            ["year_from", "year_to", "unit_id", "unit_name", "previous_rank", "rank", "rank_change", "stage_changed", "synthetic"],
            rows.Select(r => (IReadOnlyList<object?>)
            [
                previous.Year, current.Year, r.Current.Result.Unit.Id, r.Current.Result.Unit.FullName, r.PreviousUnit?.Rank, r.Current.Rank,
                r.Current.RankChange, r.Current.StageChanged, r.Current.Result.Synthetic,
            ]).ToList());
        var status = ChartStatus.Of(current.Units.Select(u => u.Result).Concat(previous.Units.Select(u => u.Result)));
        return new ChartSpec(
            ChartKind.RankMovement,
            $"Thay đổi thứ hạng Chỉ số CCHC năm {previous.Year} → {current.Year}",
            $"{current.Units.Count} đơn vị {current.LevelName}",
            status,
            table,
            notes,
            DefaultWidth,
            DefaultHeight,
            (plot, marks) => Draw(plot, marks, previous, current, rows, gone, ups, downs));
    }

    private sealed record Row(RankedUnit Current, int Position, int? PreviousPosition, RankedUnit? PreviousUnit);

    private static void Draw(Plot plot, MarkList marks, Ranking previous, Ranking current, List<Row> rows, List<(RankedUnit Unit, int Position)> gone, HashSet<Row> ups, HashSet<Row> downs)
    {
        const float Size = 12;
        var (from, to) = (previous.Year, current.Year);
        foreach (var row in rows)
        {
            // Each side's whole row (marker and name): this year on the right, last year on the left.
            var unit = row.Current;
            var change = unit.StageChanged ? "khác giai đoạn, không so sánh thứ hạng"
                : row.PreviousUnit is null ? "mới trong xếp hạng"
                : unit.RankChange switch { > 0 => $"tăng {unit.RankChange} bậc", < 0 => $"giảm {-unit.RankChange} bậc", _ => "giữ nguyên hạng" };
            marks.Area($"{MarkLabels.Index(unit.Result.Unit.FullName, to, unit.Index, unit.Rank, unit.RankOf, unit.Tied, unit.Result.StageUsed, unit.Result.Synthetic)} — so với {ChartText.Year(from)}: {change}",
                ChartLinks.Unit(unit.Result.Unit.Id, to), 0.97, 1.8, row.Position - 0.45, row.Position + 0.45);
            if (row.PreviousPosition is { } before && row.PreviousUnit is { } last)
            {
                marks.Area(MarkLabels.Index(last.Result.Unit.FullName, from, last.Index, last.Rank, last.RankOf, last.Tied, last.Result.StageUsed, last.Result.Synthetic),
                    ChartLinks.Unit(last.Result.Unit.Id, from), -0.8, 0.03, before - 0.45, before + 0.45);
            }
        }

        foreach (var (unit, position) in gone)
        {
            marks.Area($"{MarkLabels.Index(unit.Result.Unit.FullName, from, unit.Index, unit.Rank, unit.RankOf, unit.Tied, unit.Result.StageUsed, unit.Result.Synthetic)} — không còn trong xếp hạng {ChartText.Year(to)}",
                ChartLinks.Unit(unit.Result.Unit.Id, from), -0.8, 0.03, position - 0.45, position + 0.45);
        }

        foreach (var row in rows)
        {
            var name = ChartText.UnitLabel(row.Current.Result.Unit);
            var rank = Rank(row.Current.Rank, row.Current.Tied);
            if (row.Current.StageChanged)
            {
                ChartStyle.Label(plot, $"{rank}. {name} — khác giai đoạn", 1.04, row.Position, Alignment.MiddleLeft, ChartPalette.Grey, Size);
                Marker(plot, 1, row.Position, ChartPalette.Grey);
                if (row.PreviousPosition is { } p)
                {
                    ChartStyle.Label(plot, $"{name} {Rank(row.PreviousUnit!.Rank, row.PreviousUnit.Tied)}", -0.04, p, Alignment.MiddleRight, ChartPalette.Grey, Size);
                    Marker(plot, 0, p, ChartPalette.Grey);
                }

                continue;
            }

            if (row.PreviousPosition is not { } before)
            {
                ChartStyle.Label(plot, $"{rank}. {name} (mới)", 1.04, row.Position, Alignment.MiddleLeft, ChartPalette.Ink, Size);
                Marker(plot, 1, row.Position, ChartPalette.Ink);
                continue;
            }

            var change = row.Current.RankChange ?? 0;
            var colour = change > 0 ? ChartPalette.Blue : change < 0 ? ChartPalette.Vermillion : ChartPalette.Grey;
            var strong = ups.Contains(row) || downs.Contains(row);
            var line = plot.Add.Line(0, before, 1, row.Position);
            line.LineColor = colour;
            line.LineWidth = strong ? 3.5f : 1.5f;
            Marker(plot, 0, before, colour);
            Marker(plot, 1, row.Position, colour);
            var moved = change switch { > 0 => $"+{change}", < 0 => $"−{-change}", _ => "=" };
            var text = change < 0 ? ChartPalette.Vermillion : change > 0 ? ChartPalette.Blue : ChartPalette.Ink;
            ChartStyle.Label(plot, $"{rank}. {name} ({moved})", 1.04, row.Position, Alignment.MiddleLeft, text, Size, bold: strong);
            ChartStyle.Label(plot, $"{name} {Rank(row.PreviousUnit!.Rank, row.PreviousUnit.Tied)}", -0.04, before, Alignment.MiddleRight, ChartPalette.Ink, Size, bold: strong);
        }

        foreach (var (unit, position) in gone)
        {
            ChartStyle.Label(plot, $"{ChartText.UnitLabel(unit.Result.Unit)} {Rank(unit.Rank, unit.Tied)} (không còn trong xếp hạng)", -0.04, position, Alignment.MiddleRight, ChartPalette.Grey, Size);
            Marker(plot, 0, position, ChartPalette.Grey);
        }

        var count = Math.Max(rows.Count, rows.Select(r => r.PreviousPosition ?? 0).Concat(gone.Select(g => g.Position)).DefaultIfEmpty(0).Max());
        ChartStyle.Label(plot, $"Năm {ChartText.Year(from)}", 0, 0.1, Alignment.LowerCenter, ChartPalette.Ink, 14, bold: true);
        ChartStyle.Label(plot, $"Năm {ChartText.Year(to)}", 1, 0.1, Alignment.LowerCenter, ChartPalette.Ink, 14, bold: true);
        plot.HideGrid();
        plot.Axes.Frame(false);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        // Rank 1 on top: the y axis runs from the last place (bottom) to above the first (room for the year labels).
        plot.Axes.SetLimits(-0.8, 1.8, count + 0.6, -1.4);
    }

    private static void Marker(Plot plot, double x, double y, Color colour)
    {
        var marker = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 7);
        marker.Color = colour;
    }

    private static string Rank(int rank, bool tied) => tied ? $"{rank}=" : rank.ToString(VietnameseText.Culture);
}
