using CchcAnalytics.Dashboard.Services;
using CchcAnalytics.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>The dashboard's own <see cref="IndexDataProvider"/> over a real DuckDB file in a temporary folder, built once
/// per test run from the repository's data folder exactly as the dashboard builds it on first start (about 15 s): the
/// reference data, the published results, the real Hoằng Hóa 2017 report and the labelled sample.</summary>
public sealed class DashboardData : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();

    public DashboardData()
    {
        Location = new DataLocation(Path.Combine(TestFiles.RepositoryRoot, "data"), folder.File("components-tests.duckdb"));
        // The page tests were written on the district level (2017–2024, the real report and the published results);
        // the deployment's default level (the communes) is tested on its own (DefaultLevelTests).
        Provider = new IndexDataProvider(Location, NullLogger<IndexDataProvider>.Instance, new DashboardOptions { DefaultLevel = "huyen" });
        Provider.EnsureBuilt();
        Maps = CchcAnalytics.Charts.Maps.MapBoundaries.LoadFolder(Path.Combine(Location.DataFolder, "boundaries"));
    }

    public DataLocation Location { get; }

    /// <summary>The data folder's boundary files, as the dashboard reads them at start-up.</summary>
    public CchcAnalytics.Charts.Maps.MapBoundaries Maps { get; }

    public IndexDataProvider Provider { get; }

    public void Dispose()
    {
        Provider.Dispose();
        folder.Dispose();
    }
}

/// <summary>The xUnit collection whose test classes share one <see cref="DashboardData"/> (one database build per run).</summary>
[CollectionDefinition(Name)]
public sealed class SharedDashboardData : ICollectionFixture<DashboardData>
{
    public const string Name = "Shared dashboard database";
}
