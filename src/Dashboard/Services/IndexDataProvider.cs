using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Dashboard.Services.Security;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Owns the database for the dashboard process: opens it once (<see cref="IndexDatabase.Open"/>), builds it from
/// the data folder on first start, keeps an immutable analytics snapshot that every request reads, and swaps in a new
/// snapshot after a write. It holds only the database handle: reads go through the analytics
/// (<see cref="IndexDatabase"/>), writes through the upload desk (<see cref="Desk"/>), serialised here — never the store
/// itself (issue 15 §4, enforced by the architecture tests).</summary>
public sealed partial class IndexDataProvider : IDisposable
{
    private readonly Lock writeLock = new();
    private readonly Lock loadLock = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? warming;
    private readonly ILogger<IndexDataProvider> logger;
    private IndexData? snapshot;
    private long version;

    // Every page asks on every render; with the option off (the default) the answer allocates nothing.
    private static readonly IReadOnlySet<(string UnitId, int Year)> NothingHidden = System.Collections.Frozen.FrozenSet<(string, int)>.Empty;

    private readonly DashboardOptions options;

    public IndexDataProvider(DataLocation location, ILogger<IndexDataProvider> logger, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        this.options = options ?? new DashboardOptions();
        Location = location;
        this.logger = logger;
        // Held open for the process lifetime: the CLI is refused plainly instead of writing between two requests.
        Database = IndexDatabase.Open(location.Database);
        Desk = new UploadDesk(Database);
    }

    public DataLocation Location { get; }

    /// <summary>The process's one database instance (a handle: the host gives it to the account store).</summary>
    public IIndexDatabase Database { get; }

    /// <summary>The write side: uploads, appraisals, drafts, the stored versions and the audit trail. Call its writing
    /// methods inside <see cref="Write{T}"/>.</summary>
    public UploadDesk Desk { get; }

    /// <summary>The current snapshot (loaded at start by <see cref="EnsureBuilt"/>, else on first use, once however many
    /// requests ask at the same time).</summary>
    public IndexData Data => Volatile.Read(ref snapshot) ?? LoadFirst();

    public AnalyticsOptions Options { get; } = AnalyticsOptions.Default;

    /// <summary>The unit-years <paramref name="user"/> may not see (see <see cref="DashboardOptions.HideUnpublished"/>):
    /// none for province accounts or when the option is off; for a district, the unpublished ones of other units.</summary>
    public IReadOnlySet<(string UnitId, int Year)> HiddenFor(System.Security.Claims.ClaimsPrincipal? user) => HiddenFor(Data, user);

    private IReadOnlySet<(string UnitId, int Year)> HiddenFor(IndexData data, System.Security.Claims.ClaimsPrincipal? user)
    {
        var role = user?.CchcRole();
        if (!options.HideUnpublished || role == CchcAnalytics.Accounts.Role.Province)
        {
            return NothingHidden;
        }

        var own = role == CchcAnalytics.Accounts.Role.District ? user!.UnitId() : null;
        return data.Unpublished().Where(u => u.UnitId != own).ToHashSet();
    }

    /// <summary>Whether <paramref name="user"/> sees every unit-year: <see cref="DashboardOptions.HideUnpublished"/> is off,
    /// or a province account.</summary>
    public bool SeesEverything(System.Security.Claims.ClaimsPrincipal? user) =>
        !options.HideUnpublished || user?.CchcRole() == CchcAnalytics.Accounts.Role.Province;

    /// <summary>The snapshot as <paramref name="user"/> may see it (one cached view per district and one for everyone else).</summary>
    public IndexData DataFor(System.Security.Claims.ClaimsPrincipal? user)
    {
        var data = Data;
        var hidden = HiddenFor(data, user);
        if (hidden.Count == 0)
        {
            return data;
        }

        var key = user?.CchcRole() == CchcAnalytics.Accounts.Role.District ? "view:" + user.UnitId() : "view:public";
        return data.Memo(key, () => data.Without(hidden));
    }

    /// <summary>Builds the database from the data folder when it holds no submissions yet (first start); refreshes the
    /// reference data an older database lacks (see <see cref="UploadDesk.EnsureBuilt"/>).</summary>
    public void EnsureBuilt()
    {
        DatabaseBuild outcome;
        lock (writeLock)
        {
            if (Desk.IsEmpty())
            {
                LogBuilding(logger, Location.DataFolder, Location.Database);
            }

            outcome = Desk.EnsureBuilt(Location.DataFolder, Report);
        }

        // The snapshot is read before the server listens, so that no visitor waits for it.
        if (outcome != DatabaseBuild.Ready)
        {
            Reload();
        }
        else
        {
            _ = Data;
        }

        if (outcome != DatabaseBuild.Built)
        {
            LogReady(logger, Location.Database);
        }
    }

    /// <summary>Computes in the background what the opening page and a unit page of the default level and year show
    /// (ranking, movers, shared weaknesses, benchmarks, peer groups and the opening page's charts, memoised on the
    /// snapshot an anonymous reader sees), so that the first visitor does not wait for them, nor for the first use of
    /// ML.NET and the charts. It stops between steps when the dashboard stops; a failure is logged and the pages
    /// compute it again.</summary>
    public void WarmInBackground()
    {
        var data = DataFor(null);
        var token = stopping.Token;
        warming = Task.Run(() =>
        {
            try
            {
                var scope = PageScopes.For(data, null);
                var steps = new Action[]
                {
                    () => Ranker.For(data, scope.Year, scope.ProvinceId, scope.LevelId, Options),
                    () => Trends.Movers(data, scope.Year, scope.ProvinceId, scope.LevelId, Options),
                    () => Weaknesses.Province(data, scope.Year, scope.ProvinceId, scope.LevelId, Options),
                    () =>
                    {
                        if (data.ResultsOf(scope.Year, scope.ProvinceId, scope.LevelId) is [var first, ..])
                        {
                            UnitReport.Build(data, first.Unit.Id, scope.Year, Options);
                        }
                    },
                    // The opening page's charts (their marks, as the page asks for them): also the charts' first use.
                    () => ChartOverlay.Marks(data, Options, "ranking", scope.Query),
                    () => ChartOverlay.Marks(data, Options, "area-distribution", scope.Query),
                };
                foreach (var step in steps)
                {
                    token.ThrowIfCancellationRequested();
                    step();
                }
            }
            catch (OperationCanceledException)
            {
                // The dashboard is stopping.
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogWarmFailed(logger, exception);
            }
        }, token);
    }

    /// <summary>Runs a write (through <see cref="Desk"/>) under the dashboard's write lock, then refreshes the snapshot.</summary>
    public T Write<T>(Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        T result;
        lock (writeLock)
        {
            result = write();
        }

        Reload();
        return result;
    }

    /// <summary>The data version: bumped by every reload after a committed write; everything memoised belongs to one.</summary>
    public long Version => Volatile.Read(ref version);

    /// <summary>Reads the light snapshot of a new data version (totals and areas; the rest on demand, memoised per version).</summary>
    public IndexData Reload()
    {
        var fresh = IndexDatabase.Load(Database, Interlocked.Increment(ref version));
        if (!string.IsNullOrWhiteSpace(options.DefaultLevel))
        {
            fresh = fresh.WithPlaces(fresh.Places.WithDefault(options.DefaultLevel));
        }

        // Two writes close together reload side by side; the later version wins whichever load ends first (a version is
        // taken before its load reads, so a higher one has read at least as much).
        var current = Volatile.Read(ref snapshot);
        while (current is null || current.Version < fresh.Version)
        {
            var seen = Interlocked.CompareExchange(ref snapshot, fresh, current);
            if (ReferenceEquals(seen, current))
            {
                return fresh;
            }

            current = seen;
        }

        return current;
    }

    public void Dispose()
    {
        // A warm-up still reading must not outlive the database it reads: it stops at its next step; the step under way
        // (a query, a k-means run) ends first.
        stopping.Cancel();
        try
        {
            warming?.Wait(TimeSpan.FromMinutes(2));
        }
        catch (AggregateException)
        {
            // Cancelled or logged by the warm-up itself.
        }

        stopping.Dispose();
        Database.Dispose();
    }

    private IndexData LoadFirst()
    {
        lock (loadLock)
        {
            return Volatile.Read(ref snapshot) ?? Reload();
        }
    }

    private void Report(string file, bool accepted)
    {
        file = Path.GetRelativePath(Location.DataFolder, file);
        if (accepted)
        {
            LogLoaded(logger, file);
        }
        else
        {
            LogRejected(logger, file);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không tính trước được trang mở đầu; các trang sẽ tự tính.")]
    private static partial void LogWarmFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cơ sở dữ liệu {Database} đã có số liệu.")]
    private static partial void LogReady(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lần chạy đầu: nạp dữ liệu từ {Folder} vào {Database} …")]
    private static partial void LogBuilding(ILogger logger, string folder, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "  nạp {File}")]
    private static partial void LogLoaded(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "  BỊ TỪ CHỐI {File} (chạy 'cchc validate' để xem lý do)")]
    private static partial void LogRejected(ILogger logger, string file);
}
