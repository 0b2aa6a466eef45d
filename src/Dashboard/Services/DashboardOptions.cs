using System.ComponentModel.DataAnnotations;
using System.Net;
using CchcAnalytics.Ingest.Reference;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Where the dashboard finds its data and who may read it (section <c>Cchc</c> of appsettings, or
/// <c>Cchc__DataFolder</c> / <c>Cchc__Database</c> / <c>Cchc__OpenReading</c> environment variables). Validated when the
/// dashboard starts (<see cref="DashboardOptionsSetup"/>): a bad setting stops it with a message naming the setting.</summary>
public sealed class DashboardOptions : IValidatableObject
{
    /// <summary>The data folder (units, lineage, frameworks, published results, real documents, the sample). Empty: the
    /// nearest <c>data/</c> folder with a <c>units.csv</c>, looking up from the current folder and from the program.</summary>
    public string DataFolder { get; set; } = "";

    /// <summary>The DuckDB file. Empty: <c>cchc.duckdb</c> inside the data folder (git-ignored). Built on first start.</summary>
    public string Database { get; set; } = "";

    /// <summary>True (default): pages and downloads can be read without signing in; only writes need an account.
    /// False: every page and download needs a signed-in account (any role).</summary>
    public bool OpenReading { get; set; } = true;

    /// <summary>False (default): every stored submission is shown to every reader. True: a real self-assessment that is
    /// not published yet (no appraised points stored and no official result) is shown only to province accounts and to
    /// its own district's accounts; everyone else sees the unit-year as having no data.</summary>
    public bool HideUnpublished { get; set; }

    /// <summary>IP addresses of the reverse proxies in front of the dashboard (e.g. <c>Cchc__KnownProxies__0=10.0.0.5</c>).
    /// Only from these is <c>X-Forwarded-For</c> (the client's address, for the sign-in lockout and the log) and
    /// <c>X-Forwarded-Proto</c> (https, for Secure cookies) believed. Empty (default): the headers are ignored, so a client
    /// cannot pose as another address.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Rows of a ranking shown at once (default 60). A longer ranking (a ministry's or the nation's communes) is
    /// shown as a summary (bands, top and bottom ten, a search) and the full table in pages of this many rows (<c>trang=</c>).</summary>
    [Range(10, 10_000)]
    public int RankingRowsAtOnce { get; set; } = 60;

    /// <summary>The registered <see cref="RankingRowsAtOnce"/> (the default without registered options): the rows of every
    /// paged table (overview ranking, Tiêu chí).</summary>
    public static int RowsAtOnce(IServiceProvider services) =>
        (services.GetService(typeof(DashboardOptions)) as DashboardOptions ?? new DashboardOptions()).RankingRowsAtOnce;

    /// <summary>The level the dashboard opens on (a code of data/levels.csv: <c>so</c>, <c>huyen</c>, <c>xa</c>). Empty
    /// (default): the level marked <c>default</c> in data/levels.csv (the communes; README, "Levels").</summary>
    public string DefaultLevel { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DataFolder.Length > 0 && !ReferenceData.IsDataDirectory(Path.GetFullPath(DataFolder)))
        {
            yield return new ValidationResult(
                $"Cchc:DataFolder: '{DataFolder}' không phải là thư mục dữ liệu (cần units.csv, lineage.csv và frameworks/ như thư mục data/ của kho mã).",
                [nameof(DataFolder)]);
        }

        if (Database.Length > 0)
        {
            var database = Path.GetFullPath(Database);
            if (Directory.Exists(database))
            {
                yield return new ValidationResult($"Cchc:Database: '{Database}' là một thư mục; cần đường dẫn của tệp DuckDB (ví dụ /srv/cchc/cchc.duckdb).", [nameof(Database)]);
            }
        }

        foreach (var proxy in KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                yield return new ValidationResult($"Cchc:KnownProxies: '{proxy}' không phải là địa chỉ IP (ví dụ 10.0.0.5 hoặc ::1).", [nameof(KnownProxies)]);
            }
        }
    }
}
