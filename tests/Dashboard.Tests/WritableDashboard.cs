namespace CchcAnalytics.Dashboard.Tests;

/// <summary>A second dashboard process for the tests that write (uploads confirmed), so that the shared dashboard's data
/// stay exactly the repository's. Its data folder is a copy of data/ without the real report (raw/), so that uploading
/// the real Hoằng Hóa 2017 report shows it arriving: the sample has no Hoằng Hóa 2017, which is reserved for it. It runs
/// with <c>HideUnpublished</c> on.</summary>
public sealed class WritableDashboardApp : DashboardApp
{
    private string? dataFolder;

    public override string DataFolder => dataFolder ??= CopyDataFolderWithout("raw");

    /// <summary>This instance hides unpublished self-assessments from everyone but the province and the district itself.</summary>
    public override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Cchc__HideUnpublished"] = "true", ["Cchc__DefaultLevel"] = "huyen" };
}

/// <summary>The xUnit collection of the tests that write through <see cref="WritableDashboardApp"/>.</summary>
[CollectionDefinition(Name)]
public sealed class WritableDashboard : ICollectionFixture<WritableDashboardApp>
{
    public const string Name = "Writable dashboard process";
}
