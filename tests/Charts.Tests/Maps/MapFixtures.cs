using CchcAnalytics.Charts.Maps;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Charts.Tests.Maps;

/// <summary>The committed boundaries of 2025 and the communes of units.csv, read once for every map test.</summary>
internal static class MapFixtures
{
    public static string BoundaryFile { get; } = Path.Combine(TestFiles.RepositoryRoot, "data", "boundaries", "thanh-hoa-communes-2025.geojson");

    private static readonly Lazy<BoundarySet> Loaded = new(() => BoundarySet.Load(BoundaryFile));

    public static BoundarySet Communes2025 => Loaded.Value;

    /// <summary>The 166 xã and phường of units.csv, by id.</summary>
    public static IReadOnlyList<Unit> Communes { get; } = ReferenceData.Embedded.Units
        .Where(u => u.Kind is UnitKind.Xa or UnitKind.Phuong).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();

    /// <summary>A map of the index of 2025 with every commune of units.csv, named "xã …" / "phường …", valued by
    /// <paramref name="value"/> (default <see cref="ValueOf"/>) from its position by id.</summary>
    public static MapInput Input(Func<int, decimal?>? value = null, ChartStatus? status = null) => new(
        2025,
        "cấp xã",
        MapMeasure.Index,
        Communes.Select((u, i) => new MapUnitValue(u.Id, u.FullName, (value ?? ValueOf)(i))).ToList(),
        status ?? new ChartStatus(166, 166, 0, Illustrative: true));

    /// <summary>The default value of the i-th commune (0-based, by id): 50 + 0,25·i, so 50 … 91,25.</summary>
    public static decimal? ValueOf(int i) => 50m + (0.25m * i);
}
