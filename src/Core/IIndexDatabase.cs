namespace CchcAnalytics.Core;

/// <summary>
/// The open index database of a process, as an opaque handle: opened once (<c>Analytics.IndexDatabase.Open</c>), held by
/// the host, and handed to the analytics for reads and to the upload desk (<c>Ingest.UploadDesk</c>) for writes, so that
/// the dashboard never talks to the store itself (issue 15 §4). Storage's <c>DuckDbConnectionFactory</c> is the one
/// implementation; every operation takes its own connection from it.
/// </summary>
public interface IIndexDatabase : IDisposable
{
    /// <summary>The database file, or <c>:memory:</c>.</summary>
    string Path { get; }
}
