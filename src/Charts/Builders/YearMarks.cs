using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using ScottPlot;

namespace CchcAnalytics.Charts.Builders;

/// <summary>A mark between two years on a year axis: a framework change ("khung mới 2020"), a lineage change, or the
/// end of a series.</summary>
/// <param name="X">Where the line is drawn (between years: 2019.5 for a change effective in 2020).</param>
/// <param name="Label">Short Vietnamese label drawn at the top of the line.</param>
/// <param name="Kind">What the line means, for its colour and legend entry.</param>
internal sealed record YearMark(double X, string Label, YearMarkKind Kind);

internal enum YearMarkKind
{
    Framework,
    Lineage,
    SeriesEnd,
    NotComparable,
}

/// <summary>Builds and draws <see cref="YearMark"/>s for the year-axis charts.</summary>
internal static class YearMarks
{
    /// <summary>A mark before each year whose framework differs from the year before's, among the given (year,
    /// framework) pairs of one or more series.</summary>
    public static IEnumerable<YearMark> FrameworkChanges(IEnumerable<(int Year, Framework Framework)> years)
    {
        var byYear = years.GroupBy(y => y.Year).OrderBy(g => g.Key).Select(g => (Year: g.Key, Frameworks: g.Select(x => x.Framework).DistinctBy(f => f.Id).ToList())).ToList();
        for (var i = 1; i < byYear.Count; i++)
        {
            var before = byYear[i - 1].Frameworks.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var changed = byYear[i].Frameworks.Where(f => !before.Contains(f.Id)).ToList();
            if (changed.Count > 0)
            {
                var illustrative = changed.Any(f => f.Status == FrameworkStatus.Illustrative) ? " (minh họa)" : "";
                yield return new YearMark(byYear[i].Year - 0.5, $"khung mới {ChartText.Year(byYear[i].Year)}{illustrative}", YearMarkKind.Framework);
            }
        }
    }

    /// <summary>Lineage changes inside a series (Tĩnh Gia → Nghi Sơn 2020) between its first and last year shown.</summary>
    public static IEnumerable<YearMark> LineageChanges(UnitSeries series, int firstYear, int lastYear, IReadOnlyList<Unit> units) =>
        series.Breaks.Where(b => b.Year > firstYear && b.Year <= lastYear).Select(b => new YearMark(b.Year - 0.5, BreakLabel(b, units), YearMarkKind.Lineage));

    /// <summary>The end of a series, when it ends within or right after the years shown; <paramref name="levelName"/>
    /// names the level whose end ended it ("cấp huyện", from the data's places).</summary>
    public static YearMark? SeriesEnd(UnitSeries series, int lastYearShown, IReadOnlyList<Unit> units, string? levelName = null)
    {
        if (series.EndYear is not { } end || end > lastYearShown)
        {
            return null;
        }

        var why = series.EndEvent switch
        {
            { Kind: LineageEventKind.Merged, ToUnit: { } to } => $": nhập vào {Name(to, units)}",
            { Kind: LineageEventKind.Abolished, Level: var level } => $": {levelName ?? level} kết thúc",
            _ => "",
        };
        return new YearMark(end + 0.5, $"hết chuỗi {ChartText.Year(end)}{why}", YearMarkKind.SeriesEnd);
    }

    /// <summary>Draws the marks as vertical lines with their labels at the top of the data area, and one legend entry
    /// per kind of mark.</summary>
    public static void Draw(Plot plot, IEnumerable<YearMark> marks, double top, double bottom)
    {
        var seen = new HashSet<YearMarkKind>();
        var list = marks.GroupBy(m => (m.X, m.Kind)).Select(g => g.First()).OrderBy(m => m.X).ToList();
        var above = new List<YearMark>();
        foreach (var mark in list)
        {
            var (color, pattern, legend) = Style(mark.Kind);
            ChartStyle.VerticalLine(plot, mark.X, color, pattern, seen.Add(mark.Kind) ? legend : null, mark.Kind == YearMarkKind.NotComparable ? 3 : 1.5f);
            if (mark.Kind == YearMarkKind.SeriesEnd)
            {
                // At the bottom, to the left of its line: the series' last years are there, the top labels are not.
                var end = ChartStyle.Label(plot, mark.Label, mark.X, bottom, Alignment.LowerRight, color, size: 10, background: true);
                end.OffsetX = -3;
                end.OffsetY = -3;
                continue;
            }

            // Labels closer than about two years (a framework change and a new unit in 2020) stack downwards.
            var stacked = above.Count(m => mark.X - m.X < 2);
            var label = ChartStyle.Label(plot, mark.Label, mark.X, top, Alignment.UpperLeft, color, size: 10, background: true);
            label.OffsetX = 3;
            label.OffsetY = 2 + (15 * stacked);
            above.Add(mark);
        }
    }

    private static (Color Color, LinePattern Pattern, string Legend) Style(YearMarkKind kind) => kind switch
    {
        YearMarkKind.Framework => (ChartPalette.Ink, LinePattern.Dashed, "Đổi bộ tiêu chí"),
        YearMarkKind.Lineage => (ChartPalette.ReddishPurple, LinePattern.Dotted, "Thay đổi đơn vị hành chính"),
        YearMarkKind.SeriesEnd => (ChartPalette.Vermillion, LinePattern.Solid, "Kết thúc chuỗi số liệu"),
        _ => (ChartPalette.Vermillion, LinePattern.Solid, "Không so sánh được với năm trước"),
    };

    private static string BreakLabel(SeriesBreak seriesBreak, IReadOnlyList<Unit> units)
    {
        var e = seriesBreak.Event;
        return e.Kind switch
        {
            LineageEventKind.Succeeded => $"{Name(e.FromUnit, units)} → {Name(e.ToUnit, units)}",
            LineageEventKind.Reclassified => $"thành {e.ToKind?.ToVietnamese()}",
            LineageEventKind.Merged => $"nhận {Name(e.FromUnit, units)}",
            _ => e.Kind.ToVietnamese(),
        };
    }

    private static string Name(string? id, IReadOnlyList<Unit> units) =>
        units.FirstOrDefault(u => u.Id == id) is { } unit ? ChartText.UnitLabel(unit) : id ?? "";
}
