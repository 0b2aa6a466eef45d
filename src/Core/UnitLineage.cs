using System.Globalization;

namespace CchcAnalytics.Core;

/// <summary>One unit's stretch of a series: the years it carried the series under its own id.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="FirstYear">First index year; null when earlier than our data.</param>
/// <param name="LastYear">Last index year; null while open.</param>
public sealed record SeriesSegment(Unit Unit, int? FirstYear, int? LastYear)
{
    public bool Covers(int year) => (FirstYear ?? int.MinValue) <= year && year <= (LastYear ?? int.MaxValue);
}

/// <summary>A point where a series changes character and comparisons across it need care.</summary>
/// <param name="Year">First index year after the change.</param>
/// <param name="Event">The lineage event.</param>
/// <param name="Message">Vietnamese sentence for the dashboard and reports.</param>
public sealed record SeriesBreak(int Year, LineageEvent Event, string Message);

/// <summary>A unit's history as one series across lineage events: Tĩnh Gia 2017–2019 then Nghi Sơn 2020–2024.</summary>
/// <param name="Segments">The units that carried the series, oldest first.</param>
/// <param name="Breaks">Changes inside the series (successor, reclassification, a merged-in unit).</param>
/// <param name="EndYear">Last index year of the series; null while it continues.</param>
/// <param name="EndEvent">Why it ends; null when it continues or our data just stop.</param>
/// <param name="EndMessage">Vietnamese sentence saying when and why the series ends; null while it continues.</param>
public sealed record UnitSeries(
    IReadOnlyList<SeriesSegment> Segments,
    IReadOnlyList<SeriesBreak> Breaks,
    int? EndYear,
    LineageEvent? EndEvent,
    string? EndMessage)
{
    /// <summary>The unit that carries the series now (the last segment).</summary>
    public Unit Current => Segments[^1].Unit;

    public IEnumerable<string> UnitIds => Segments.Select(s => s.Unit.Id);

    /// <summary>The unit id that holds the series' data for <paramref name="year"/>; null outside the series.</summary>
    public string? UnitIdIn(int year) => Segments.FirstOrDefault(s => s.Covers(year))?.Unit.Id;
}

/// <summary>Follows units across lineage events, so that trends join Tĩnh Gia and Nghi Sơn, stop Đông Sơn at 2023 and
/// say why, and end every district series when the district level ends.</summary>
public sealed class UnitLineage
{
    private readonly Dictionary<string, Unit> units;

    private readonly Func<string, string> levelName;

    // The first "succeeded" event into and out of each unit (Events order), so that following a series does not scan
    // every event at every step (3,240 series at a national scale).
    private readonly Dictionary<string, LineageEvent> succeededInto = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LineageEvent> succeededFrom = new(StringComparer.Ordinal);

    /// <param name="units">Every unit.</param>
    /// <param name="events">What happened to them.</param>
    /// <param name="levelName">A level id in words (<see cref="Places.LevelName"/>), for the end of a whole level.</param>
    public UnitLineage(IEnumerable<Unit> units, IEnumerable<LineageEvent> events, Func<string, string>? levelName = null)
    {
        this.levelName = levelName ?? (level => $"cấp '{level}'");
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(events);
        this.units = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        Events = events.OrderBy(e => e.EffectiveYear).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        foreach (var lineageEvent in Events)
        {
            foreach (var id in new[] { lineageEvent.FromUnit, lineageEvent.ToUnit }.OfType<string>())
            {
                if (!this.units.ContainsKey(id))
                {
                    throw new ArgumentException($"Lineage event '{lineageEvent.Id}' names unknown unit '{id}'.", nameof(events));
                }
            }

            if (lineageEvent.Kind == LineageEventKind.Succeeded)
            {
                if (lineageEvent.ToUnit is { } to)
                {
                    succeededInto.TryAdd(to, lineageEvent);
                }

                if (lineageEvent.FromUnit is { } from)
                {
                    succeededFrom.TryAdd(from, lineageEvent);
                }
            }
        }
    }

    public IReadOnlyList<LineageEvent> Events { get; }

    /// <summary>Units of a province and level scored for <paramref name="year"/> (27 districts in 2017, 26 in 2024).</summary>
    public IReadOnlyList<Unit> UnitsIn(int year, string province, string level) =>
        units.Values.Where(u => u.Province == province && u.Level == level && u.ExistsIn(year)).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();

    /// <summary>The series <paramref name="unitId"/> belongs to, from its earliest predecessor to its last successor.</summary>
    public UnitSeries SeriesOf(string unitId)
    {
        if (!units.TryGetValue(unitId, out var start))
        {
            throw new ArgumentException($"Unknown unit '{unitId}'.", nameof(unitId));
        }

        var root = start;
        var seen = new HashSet<string>(StringComparer.Ordinal) { root.Id };
        while (succeededInto.GetValueOrDefault(root.Id) is { FromUnit: { } from } && seen.Add(from))
        {
            root = units[from];
        }

        var chain = new List<Unit> { root };
        while (succeededFrom.GetValueOrDefault(chain[^1].Id) is { ToUnit: { } to } && !chain.Any(u => u.Id == to))
        {
            chain.Add(units[to]);
        }

        var segments = chain.Select(u => new SeriesSegment(u, u.FirstYear, u.LastYear)).ToList();
        var breaks = new List<SeriesBreak>();
        foreach (var lineageEvent in Events)
        {
            var message = BreakMessage(lineageEvent, chain);
            if (message is not null)
            {
                breaks.Add(new SeriesBreak(lineageEvent.EffectiveYear, lineageEvent, message));
            }
        }

        var last = chain[^1];
        var end = Events.FirstOrDefault(e => e.Kind is LineageEventKind.Merged or LineageEventKind.Abolished && e.Concerns(last));
        var endYear = end is not null ? end.EffectiveYear - 1 : last.LastYear;
        return new UnitSeries(segments, breaks, endYear, end, endYear is null ? null : EndMessage(last, endYear.Value, end));
    }

    private string? BreakMessage(LineageEvent lineageEvent, List<Unit> chain)
    {
        var basis = $" ({lineageEvent.LegalBasis})";
        switch (lineageEvent.Kind)
        {
            case LineageEventKind.Succeeded when chain.Any(u => u.Id == lineageEvent.FromUnit):
                return $"Từ {lineageEvent.EffectiveYear}: {units[lineageEvent.FromUnit!].FullName} tiếp tục là {units[lineageEvent.ToUnit!].FullName}{basis}.";
            case LineageEventKind.Reclassified when chain.Any(u => u.Id == lineageEvent.FromUnit):
                return $"Từ {lineageEvent.EffectiveYear}: {lineageEvent.FromKind?.ToVietnamese()} {units[lineageEvent.FromUnit!].Name} trở thành {lineageEvent.ToKind?.ToVietnamese()}{basis}.";
            case LineageEventKind.Merged when chain.Any(u => u.Id == lineageEvent.ToUnit):
                return $"Từ {lineageEvent.EffectiveYear}: {units[lineageEvent.ToUnit!].FullName} gồm cả {units[lineageEvent.FromUnit!].FullName}; so sánh với các năm trước cần thận trọng.";
            default:
                return null;
        }
    }

    private string EndMessage(Unit last, int endYear, LineageEvent? end)
    {
        var when = end?.Date is { } date ? $"từ ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" : $"từ {end?.EffectiveYear}";
        return end?.Kind switch
        {
            LineageEventKind.Merged => $"Chuỗi số liệu kết thúc năm {endYear}: {last.FullName} nhập vào {units[end.ToUnit!].FullName} {when}.",
            LineageEventKind.Abolished => $"Chuỗi số liệu kết thúc năm {endYear}: {levelName(end.Level)} kết thúc {when} ({end.LegalBasis}).",
            _ => $"Chuỗi số liệu kết thúc năm {endYear}: không có số liệu của {last.FullName} sau năm này.",
        };
    }
}
