using CchcAnalytics.Core;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Analytics;

/// <summary>
/// The reading side of a process's index database: opens the one database instance (<see cref="Open"/>), loads the
/// analytics snapshot of a data version (<see cref="Load"/>) and streams the current rows an export covers
/// (<see cref="CurrentRows"/>). The host holds only the <see cref="IIndexDatabase"/> handle; writes go through
/// <c>Ingest.UploadDesk</c> on the same handle.
/// </summary>
public static class IndexDatabase
{
    /// <summary>Opens the database file (created and migrated when new) and holds it for the handle's life: other
    /// processes cannot open it meanwhile.</summary>
    public static IIndexDatabase Open(string path) => new DuckDbConnectionFactory(path);

    /// <summary>The light snapshot of data version <paramref name="version"/> (see <see cref="IndexData.Load(DuckDbConnectionFactory, long)"/>).</summary>
    public static IndexData Load(IIndexDatabase database, long version = 0) => IndexData.Load(DuckDbConnectionFactory.Of(database), version);

    /// <summary>The current submissions of <paramref name="year"/> (every year when null) that <paramref name="include"/>
    /// lets through, in export order, their rows streamed a chunk at a time as they are enumerated.</summary>
    public static CurrentRows CurrentRows(IIndexDatabase database, int? year = null, Func<string, int, bool>? include = null) =>
        new SubmissionStore(DuckDbConnectionFactory.Of(database)).CurrentRows(year, include);
}
