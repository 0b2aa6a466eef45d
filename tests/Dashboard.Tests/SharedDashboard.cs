namespace CchcAnalytics.Dashboard.Tests;

/// <summary>The xUnit collection whose test classes share one dashboard process (starting it builds the database,
/// about 15 seconds). Its classes run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedDashboard : ICollectionFixture<DashboardApp>
{
    public const string Name = "Shared dashboard process";
}
