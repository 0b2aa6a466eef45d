namespace CchcAnalytics.Dashboard.Tests;

/// <summary>A third dashboard process configured as a province that keeps reading closed (<c>Cchc__OpenReading=false</c>):
/// every page and export needs a signed-in account. Its data folder is a copy of data/ without the sample, so it starts
/// in a few seconds and holds the real report only.</summary>
public sealed class ClosedReadingDashboardApp : DashboardApp
{
    private string? dataFolder;

    public override string DataFolder => dataFolder ??= CopyDataFolderWithout("sample");

    public override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Cchc__OpenReading"] = "false", ["Cchc__DefaultLevel"] = "huyen" };
}

/// <summary>The xUnit collection of the tests against <see cref="ClosedReadingDashboardApp"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ClosedReadingDashboard : ICollectionFixture<ClosedReadingDashboardApp>
{
    public const string Name = "Dashboard process with reading closed";
}
