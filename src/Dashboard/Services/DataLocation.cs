using CchcAnalytics.Ingest.Reference;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>The resolved data folder and database file.</summary>
/// <param name="DataFolder">Absolute path of the data folder.</param>
/// <param name="Database">Absolute path of the DuckDB file.</param>
public sealed record DataLocation(string DataFolder, string Database)
{
    /// <summary>Resolves the options; throws with a plain message when no data folder can be found.</summary>
    public static DataLocation Resolve(DashboardOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.DataFolder.Length > 0 ? Path.GetFullPath(options.DataFolder) : Find(Directory.GetCurrentDirectory()) ?? Find(contentRoot) ?? Find(AppContext.BaseDirectory);
        if (folder is null || !ReferenceData.IsDataDirectory(folder))
        {
            throw new InvalidOperationException(
                "No data folder found. Run the dashboard from the repository (dotnet run --project src/Dashboard), or set Cchc__DataFolder to a folder like the repository's data/ (units.csv, lineage.csv, frameworks/).");
        }

        var database = options.Database.Length > 0 ? Path.GetFullPath(options.Database) : Path.Combine(folder, "cchc.duckdb");
        return new DataLocation(folder, database);
    }

    private static string? Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data");
            if (ReferenceData.IsDataDirectory(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
