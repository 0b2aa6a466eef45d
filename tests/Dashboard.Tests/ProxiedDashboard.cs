namespace CchcAnalytics.Dashboard.Tests;

/// <summary>A fourth dashboard process behind a (pretended) reverse proxy: <c>Cchc__KnownProxies__0=127.0.0.1</c>, so
/// the tests, connecting from loopback, play the proxy and say through <c>X-Forwarded-For</c> which client a request
/// comes from. Its data folder is a copy of data/ without the sample, so it starts in a few seconds.</summary>
public sealed class ProxiedDashboardApp : DashboardApp
{
    private string? dataFolder;

    public override string DataFolder => dataFolder ??= CopyDataFolderWithout("sample");

    public override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Cchc__KnownProxies__0"] = "127.0.0.1", ["Cchc__DefaultLevel"] = "huyen" };
}

/// <summary>The xUnit collection of the tests against <see cref="ProxiedDashboardApp"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ProxiedDashboard : ICollectionFixture<ProxiedDashboardApp>
{
    public const string Name = "Dashboard process behind a known proxy";
}
