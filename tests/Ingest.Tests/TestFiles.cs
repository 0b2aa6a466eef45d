namespace CchcAnalytics.Ingest.Tests;

/// <summary>Paths to the repository's data, found by walking up from the test binaries.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The real Hoằng Hóa 2017 report (293/BC-UBND), exactly as received.</summary>
    public static string RealReport => Path.Combine(RepositoryRoot, "data", "raw", "2017", "hoang-hoa-2017-bc293.txt");

    public static string RealReportText => File.ReadAllText(RealReport);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CchcAnalytics.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CchcAnalytics.sln not found above " + AppContext.BaseDirectory);
    }
}
