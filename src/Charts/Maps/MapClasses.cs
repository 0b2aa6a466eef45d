namespace CchcAnalytics.Charts.Maps;

/// <summary>One colour class of a map: its number (1 = lowest), the smallest and largest value in it, and how many
/// units it holds.</summary>
public sealed record MapClass(int Number, decimal Min, decimal Max, int Count);

/// <summary>Quantile classes (quintiles): the units with a value, sorted, are cut into five groups of about equal size,
/// and equal values always share a group. A class's bounds are the smallest and largest value it holds, so a legend
/// entry "85,3 – 88,1" reads without any rule about which side a bound belongs to. Fewer classes are made when there
/// are fewer distinct values, and a group that ties leave empty is dropped (classes are then renumbered).</summary>
/// <remarks>Quantiles rather than equal intervals: the index of a province's units bunches in a narrow band (most
/// units between 80 and 95) with a few far below, so equal intervals would put most units in one or two colours and
/// spend the others on a handful of outliers. Quintiles use every colour for about a fifth of the units, so the map
/// shows where a unit stands among the others, as the ranking does; the legend gives each class's real bounds, since
/// the classes' widths differ.</remarks>
public sealed class MapClasses
{
    /// <summary>The number of classes when there are enough distinct values.</summary>
    public const int MaxClasses = 5;

    private readonly SortedDictionary<decimal, int> classOf;

    private MapClasses(IReadOnlyList<MapClass> classes, SortedDictionary<decimal, int> classOf)
    {
        Classes = classes;
        this.classOf = classOf;
    }

    /// <summary>The classes, lowest first (none when no unit has a value).</summary>
    public IReadOnlyList<MapClass> Classes { get; }

    /// <summary>Cuts <paramref name="values"/> (the units' values; missing ones left out by the caller) into quantile
    /// classes.</summary>
    public static MapClasses Quantiles(IEnumerable<decimal> values, int count = MaxClasses)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var sorted = values.Order().ToList();
        var n = sorted.Count;
        var k = Math.Min(count, sorted.Distinct().Count());

        // The class of a value is the one its first occurrence falls in: rank i of n goes to group ⌊i·k/n⌋.
        var raw = new SortedDictionary<decimal, int>();
        for (var i = 0; i < n; i++)
        {
            raw.TryAdd(sorted[i], (int)((long)i * k / n));
        }

        var groups = raw.Values.Distinct().Order().ToList();
        var classOf = new SortedDictionary<decimal, int>();
        foreach (var (value, group) in raw)
        {
            classOf[value] = groups.IndexOf(group) + 1;
        }

        var classes = classOf.GroupBy(p => p.Value).Select(g => new MapClass(
            g.Key,
            g.Min(p => p.Key),
            g.Max(p => p.Key),
            sorted.Count(v => classOf[v] == g.Key))).OrderBy(c => c.Number).ToList();
        return new MapClasses(classes, classOf);
    }

    /// <summary>The class number (1 = lowest) of a value the classes were made from; null for a missing value.</summary>
    public int? ClassOf(decimal? value) =>
        value is not { } v ? null
        : classOf.TryGetValue(v, out var number) ? number
        : throw new ArgumentException($"The value {v} was not among those the classes were made from.", nameof(value));

    /// <summary>The class of a number.</summary>
    public MapClass this[int number] => Classes[number - 1];
}
