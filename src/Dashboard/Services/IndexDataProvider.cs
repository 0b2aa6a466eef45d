using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Dashboard.Services.Security;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Owns the database for the dashboard process: builds it from the data folder on first start, keeps an
/// immutable analytics snapshot that every request reads, and swaps in a new snapshot after a write. Connections are
/// opened per operation by <see cref="DuckDbConnectionFactory"/>; writes are serialised here.</summary>
public sealed partial class IndexDataProvider : IDisposable
{
    private readonly Lock writeLock = new();
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
        Connections = new DuckDbConnectionFactory(location.Database, holdOpen: true);
        Store = new ScoreStore(Connections);
    }

    public DataLocation Location { get; }

    public DuckDbConnectionFactory Connections { get; }

    public ScoreStore Store { get; }

    /// <summary>The current snapshot (loaded on first use).</summary>
    public IndexData Data => Volatile.Read(ref snapshot) ?? Reload();

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

    /// <summary>Builds the database from the data folder when it holds no submissions yet (first start).</summary>
    public void EnsureBuilt()
    {
        if (Store.TableCounts()["submission"] > 0)
        {
            // A database built before data/levels.csv existed (schema 5) has no words for its levels, and one built before
            // commune-origins.csv was stored (schema 7) no former districts of the communes: read them now.
            var noPlaces = Store.LoadPlaces().Levels.Count == 0;
            var noOrigins = Store.LoadOrigins().Count == 0;
            if ((noPlaces || noOrigins) && DataFolder.Plan([Location.DataFolder]) is { FromDataFolder: true } existing
                && ((noPlaces && existing.Reference.Places.Levels.Count > 0) || (noOrigins && existing.Reference.Origins.Count > 0)))
            {
                lock (writeLock)
                {
                    if (noPlaces && existing.Reference.Places.Levels.Count > 0)
                    {
                        Store.ReplacePlaces(existing.Reference.Places);
                    }

                    if (noOrigins && existing.Reference.Origins.Count > 0)
                    {
                        Store.ReplaceOrigins(existing.Reference.Origins);
                    }
                }

                Reload();
            }

            // A database built before schema version 6 has no index components for its frameworks (issue 13 §3): the
            // data folder's frameworks are written again, as `cchc ingest data` would.
            if (Store.TableCounts()["framework_component"] == 0 && DataFolder.Plan([Location.DataFolder]) is { FromDataFolder: true } withComponents)
            {
                lock (writeLock)
                {
                    foreach (var framework in withComponents.Reference.Frameworks)
                    {
                        Store.UpsertFramework(framework);
                    }
                }

                Reload();
            }

            LogReady(logger, Location.Database);
            return;
        }

        LogBuilding(logger, Location.DataFolder, Location.Database);
        var plan = DataFolder.Plan([Location.DataFolder]);
        lock (writeLock)
        {
            new IngestRunner(Store, plan.Reference).RunPlan(plan, new IngestOptions(Actor: "dashboard:startup", MayDefineFramework: true), Report);
        }

        Reload();
    }

    /// <summary>Runs a write under the dashboard's write lock, then refreshes the snapshot.</summary>
    public T Write<T>(Func<ScoreStore, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        T result;
        lock (writeLock)
        {
            result = write(Store);
        }

        Reload();
        return result;
    }

    /// <summary>The data version: bumped by every reload after a committed write; everything memoised belongs to one.</summary>
    public long Version => Volatile.Read(ref version);

    /// <summary>Reads the light snapshot of a new data version (totals and areas; the rest on demand, memoised per version).</summary>
    public IndexData Reload()
    {
        var fresh = IndexData.Load(Connections, Interlocked.Increment(ref version));
        if (!string.IsNullOrWhiteSpace(options.DefaultLevel))
        {
            fresh = fresh.WithPlaces(fresh.Places.WithDefault(options.DefaultLevel));
        }

        Volatile.Write(ref snapshot, fresh);
        return fresh;
    }

    public void Dispose() => Connections.Dispose();

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Cơ sở dữ liệu {Database} đã có số liệu.")]
    private static partial void LogReady(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lần chạy đầu: nạp dữ liệu từ {Folder} vào {Database} …")]
    private static partial void LogBuilding(ILogger logger, string folder, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "  nạp {File}")]
    private static partial void LogLoaded(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "  BỊ TỪ CHỐI {File} (chạy 'cchc validate' để xem lý do)")]
    private static partial void LogRejected(ILogger logger, string file);
}
