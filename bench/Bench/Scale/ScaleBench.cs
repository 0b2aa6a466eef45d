using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Bench.Scale;

/// <summary>One line of the scale report. <c>Met</c> is null where no target applies at this scale.</summary>
internal sealed record ScaleRow(string Id, string What, string Value, string Baseline = "—", string Ratio = "—", string Target = "—", bool? Met = null);

/// <summary>The scale bench (<c>--scale N</c>): generates a scaled data folder, then measures ingest against DuckDB's
/// read_csv, the dashboard's queries against hand-written SQL, and the real dashboard's pages, memory and behaviour under
/// concurrent clients; prints a Markdown report (progress goes to stderr).</summary>
internal static partial class ScaleBench
{
    private const string Usage =
        "Usage: Bench --scale N [--quick] [--fail-over-target] [--data DIR] [--work DIR [--reuse]] [--dashboard DLL] [--clients N] [--seconds S] [--year YYYY] [--ingest-runs N] [--max-rss-gib N] [--ingest-only]";

    public static async Task<int> RunAsync(string[] args, string repositoryRoot)
    {
        var options = ScaleOptions.Parse(args, repositoryRoot, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"bench: {error}. {Usage}");
            return 2;
        }

        var dashboard = DashboardProcess.FindAssembly(options.Dashboard);
        var keep = options.Work is not null;
        var work = Directory.CreateDirectory(options.Work ?? Path.Combine(Path.GetTempPath(), "cchc-scale-" + Guid.NewGuid().ToString("N"))).FullName;
        var loadAtStart = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var rows = new List<ScaleRow>();
        var details = new List<string>();
        try
        {
            // 1. The data and the database.
            var folder = Path.Combine(work, Invariant($"data-x{options.Scale}"));
            var manifest = Path.Combine(work, Invariant($"data-x{options.Scale}.json"));
            var database = Path.Combine(work, Invariant($"cchc-x{options.Scale}.duckdb"));
            ScaleDataInfo data;
            if (options.Reuse && File.Exists(manifest) && File.Exists(database))
            {
                data = JsonSerializer.Deserialize<ScaleDataInfo>(File.ReadAllText(manifest))!;
                Progress($"reusing {folder} and {database} (no generation, no ingest measured)");
            }
            else
            {
                File.Delete(database);
                if (options.IngestOnly && File.Exists(manifest) && Directory.Exists(folder))
                {
                    // --ingest-only with --work: measure ingest again on the data generated before.
                    data = JsonSerializer.Deserialize<ScaleDataInfo>(File.ReadAllText(manifest))!;
                    Progress($"reusing {folder} (no generation)");
                }
                else
                {
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                    }

                    Progress($"generating ×{options.Scale} into {folder} …");
                    var generation = Stopwatch.StartNew();
                    data = ScaleData.Write(options.DataFolder, folder, options.Scale);
                    rows.Add(new ScaleRow("generate", "Generate the scaled data folder (not a target)", Stats.Ms(generation.Elapsed.TotalMilliseconds)));
                    Progress($"  {data.SampleRows} rows in {data.SampleFiles.Count} files, {generation.Elapsed.TotalSeconds:0.0} s");
                }

                Progress("ingest: DuckDB read_csv, then the product …");
                var ingest = IngestBench.Measure(data, work, options.IngestRuns, options.ReadCsvRuns, out var built);
                File.Move(built, database, overwrite: true);
                File.WriteAllText(manifest, JsonSerializer.Serialize(data));
                var applies = options.Scale >= ScaleTargets.IngestFromScale;
                rows.Add(new ScaleRow(
                    "ingest-csv",
                    Invariant($"Ingest of the canonical CSV ({Stats.Count(data.SampleRows)} rows, {data.SampleFiles.Count} files, {Stats.Bytes(data.SampleBytes)}) into a new database"),
                    Invariant($"{Stats.Count(ingest.ProductRowsPerSecond)} rows/s ({Stats.Ms(ingest.ProductSeconds * 1000)}, CPU {Stats.Ms(ingest.ProductCpuSeconds * 1000)}; median of {ingest.ProductRuns})"),
                    Invariant($"read_csv {Stats.Count(ingest.DuckDbRowsPerSecond)} rows/s ({Stats.Ms(ingest.DuckDbSeconds * 1000)}, CPU {Stats.Ms(ingest.DuckDbCpuSeconds * 1000)}; median of {ingest.DuckDbRuns})"),
                    Stats.Ratio(ingest.Ratio),
                    applies ? Invariant($"≥ {ScaleTargets.IngestVsReadCsv}×") : Invariant($"— (≥ {ScaleTargets.IngestVsReadCsv}× from ×{ScaleTargets.IngestFromScale})"),
                    applies ? ingest.Ratio >= ScaleTargets.IngestVsReadCsv : null));
                rows.Add(new ScaleRow(
                    "ingest-setup",
                    "Before it, untimed above: reference data, 2 published-results files, the real report (not a target)",
                    Stats.Ms(ingest.SetupSeconds * 1000)));
                rows.Add(new ScaleRow("ingest-memory", "Peak working set of the ingesting process (not a target)", Stats.Bytes(ingest.ProductPeakBytes)));
            }

            if (options.IngestOnly)
            {
                Print(options, rows, details, $"{loadAtStart} at start", repositoryRoot);
                return options.FailOverTarget && rows.Any(r => r.Met == false) ? 1 : 0;
            }

            details.Add(Invariant($"Data: {data.SyntheticUnits + ScaleData.UnitsPerScale} district units a year ({data.SyntheticUnits} of them synthetic `{ScaleData.UnitIdPrefix}…`; one fewer in 2024), ") +
                Invariant($"{Stats.Count(data.SampleRows)} canonical CSV rows (every one synthetic) in {data.SampleFiles.Count} files of at most {ScaleData.UnitsPerFile} units, {Stats.Bytes(data.SampleBytes)}; ") +
                Invariant($"database {Stats.Bytes(new FileInfo(database).Length)}."));

            // 2. Dashboard queries against hand-written SQL.
            Progress("queries: product vs SQL …");
            rows.AddRange(MeasureQueries(database, options, details));

            // 3. The real dashboard. This process gives back what the queries held (×120: gigabytes) before it starts.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            Progress("dashboard: start, pages, memory, export, concurrent clients …");
            rows.AddRange(await MeasureDashboardAsync(dashboard, folder, database, options, details));

            var loadAtEnd = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
            Print(options, rows, details, $"{loadAtStart} at start, {loadAtEnd} at the end", repositoryRoot);
            var over = rows.Count(r => r.Met == false);
            return options.FailOverTarget && over > 0 ? 1 : 0;
        }
        finally
        {
            if (!keep)
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                    // A file may still be held for a moment; the OS cleans temp.
                }
            }
        }
    }

    private static List<ScaleRow> MeasureQueries(string database, ScaleOptions options, List<string> details)
    {
        var rows = new List<ScaleRow>();
        using var connections = new DuckDbConnectionFactory(database, holdOpen: true);
        var loadTimes = new List<double>();
        foreach (var query in QueryCases.All(options.Year))
        {
            IReadOnlyList<string> product = [];
            IReadOnlyList<string> sql = [];
            var productTimes = new List<double>();
            var sqlTimes = new List<double>();
            var productCpu = new List<double>();
            var sqlCpu = new List<double>();
            long productMemory = 0;
            long sqlMemory = 0;
            for (var i = 0; i < options.QueryWarmups + options.QueryIterations; i++)
            {
                product = [];
                // Untimed setup: a new snapshot, nothing memoised (what a request finds after a write); its load is
                // timed as its own row.
                var loadClock = Stopwatch.StartNew();
                var snapshot = Analytics.IndexData.Load(connections);
                if (i >= options.QueryWarmups)
                {
                    loadTimes.Add(loadClock.Elapsed.TotalMilliseconds);
                }

                Memory.CollectAndResetPeak();
                var resident = Memory.Resident();
                var cpu = Cpu.Of();
                var clock = Stopwatch.StartNew();
                product = query.Product(snapshot);
                var productMs = clock.Elapsed.TotalMilliseconds;
                var productCpuMs = (Cpu.Of() - cpu).TotalMilliseconds;
                productMemory = Math.Max(productMemory, Memory.PeakWorkingSet() - resident);
                Memory.CollectAndResetPeak();
                resident = Memory.Resident();
                cpu = Cpu.Of();
                clock.Restart();
                sql = RunSql(connections, query);
                var sqlMs = clock.Elapsed.TotalMilliseconds;
                var sqlCpuMs = (Cpu.Of() - cpu).TotalMilliseconds;
                sqlMemory = Math.Max(sqlMemory, Memory.PeakWorkingSet() - resident);
                if (i >= options.QueryWarmups)
                {
                    productTimes.Add(productMs);
                    sqlTimes.Add(sqlMs);
                    productCpu.Add(productCpuMs);
                    sqlCpu.Add(sqlCpuMs);
                }
            }

            var difference = Difference(product, sql);
            var ratio = Stats.Median(productTimes) / Stats.Median(sqlTimes);
            rows.Add(new ScaleRow(
                query.Id,
                query.Title + " vs one SQL query" + (difference is null ? Invariant($" (answers identical, {product.Count} lines)") : " (ANSWERS DIFFER, see below)"),
                Invariant($"{Stats.Ms(Stats.Median(productTimes))} (CPU {Stats.Ms(Stats.Median(productCpu))}, +{Stats.Bytes(productMemory)} resident; median of {productTimes.Count})"),
                Invariant($"SQL {Stats.Ms(Stats.Median(sqlTimes))} (CPU {Stats.Ms(Stats.Median(sqlCpu))}, +{Stats.Bytes(sqlMemory)} resident)"),
                Stats.Ratio(ratio),
                Invariant($"≤ {ScaleTargets.QueryVsSql}×"),
                ratio <= ScaleTargets.QueryVsSql && difference is null));
            if (difference is not null)
            {
                details.Add($"`{query.Id}`: the product's and the SQL's answers differ: {difference}");
            }
        }

        rows.Add(new ScaleRow(
            "snapshot-load",
            "IndexData.Load: the light snapshot (every unit-year's totals and areas, reference data) a new data version reads once, before the queries above (not a target)",
            Invariant($"{Stats.Ms(Stats.Median(loadTimes))} (median of {loadTimes.Count})")));

        // The rankings of every year agree too (one snapshot; the timing above is for one year).
        var data = Analytics.IndexData.Load(connections);
        var disagreements = data.Years(QueryCases.Province, QueryCases.Level)
            .Select(y => (Year: y, Difference: Difference(QueryCases.RankingLines(data, y), RunSql(connections, QueryCases.All(y)[0]))))
            .Where(d => d.Difference is not null)
            .ToList();
        details.Add(disagreements.Count == 0
            ? Invariant($"Rankings of every year ({string.Join(", ", data.Years(QueryCases.Province, QueryCases.Level))}): the product's and the SQL's answers are identical.")
            : string.Join(" ", disagreements.Select(d => Invariant($"Ranking {d.Year}: answers differ: {d.Difference}."))));
        return rows;
    }

    private static List<string> RunSql(DuckDbConnectionFactory connections, QueryCase query)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(query.SqlLine(reader));
        }

        return lines;
    }

    private static string? Difference(IReadOnlyList<string> product, IReadOnlyList<string> sql)
    {
        for (var i = 0; i < Math.Max(product.Count, sql.Count); i++)
        {
            var a = i < product.Count ? product[i] : "(none)";
            var b = i < sql.Count ? sql[i] : "(none)";
            if (a != b)
            {
                return Invariant($"{product.Count} vs {sql.Count} lines; first difference at line {i + 1}: product `{a}`, SQL `{b}`");
            }
        }

        return null;
    }

    private static async Task<List<ScaleRow>> MeasureDashboardAsync(string dashboard, string folder, string database, ScaleOptions options, List<string> details)
    {
        var year = options.Year.ToString(CultureInfo.InvariantCulture);
        // Markers are ASCII (Razor encodes Vietnamese letters as character references): links every correct answer has.
        var unit = new PageCase("page-unit", "Unit page (Đơn vị)", $"/don-vi/hoang-hoa?nam={year}", "unit-areas.svg?nam=", WarmTarget: true);
        // The scaled data are districts: every address names the level (cap=huyen), as a link from the dashboard does.
        PageCase[] pages =
        [
            unit,
            new("page-overview", "Overview (Tổng quan), every unit in the ranking table", $"/?cap=huyen&nam={year}", "/don-vi/muong-lat?nam=", WarmTarget: true),
            new("page-compare", "Compare (So sánh), 2 units", $"/so-sanh?cap=huyen&nam={year}&dv=hoang-hoa&dv=muong-lat", "compare-areas.svg?cap=huyen", WarmTarget: true),
            new("page-criterion", "Criterion heatmap (Tiêu chí), every unit × areas", $"/tieu-chi?cap=huyen&nam={year}", "heatmap.svg?cap=huyen", WarmTarget: true),
            new("page-history", "Criterion history (Tiêu chí + khai-niem), every unit across years", $"/tieu-chi?cap=huyen&nam={year}&linh-vuc=8&khai-niem=citizen-satisfaction", "concept-history.svg?cap=huyen", WarmTarget: true),
            new("chart-ranking", "Ranking chart PNG (/export/charts/ranking.png)", $"/export/charts/ranking.png?cap=huyen&nam={year}", null, WarmTarget: false),
        ];

        var rows = new List<ScaleRow>();
        using var app = await DashboardProcess.StartAsync(dashboard, folder, database, TimeSpan.FromMinutes(5));
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(5) };

        // The first page after start pays for the snapshot (IndexData.Load) and the page's own first run; every other
        // page's first request then pays for its own analytics on the warm snapshot.
        var firsts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            firsts[page.Id] = (await PageLoad.GetAsync(http, page)).Ms;
        }

        var timings = new List<PageTiming>();
        var cpuPerRequest = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            // A few unmeasured requests first, so that the warm figures are not the JIT's first tiers.
            for (var i = 0; i < options.WarmUpRequests; i++)
            {
                await PageLoad.GetAsync(http, page);
            }

            var cpu = Cpu.Of(app.Id);
            var timing = await PageLoad.WarmAsync(http, page, firsts[page.Id], options.WarmRequests, options.WarmMinimum, options.WarmBudget);
            cpuPerRequest[page.Id] = (Cpu.Of(app.Id) - cpu).TotalMilliseconds / timing.WarmMs.Count;
            timings.Add(timing);
        }

        // The charts a page embeds (<img src="/export/charts/…svg">) are requests of their own, which a browser sends
        // after the page: the slowest one's warm median, reported with the page (no target of its own).
        var charts = new Dictionary<string, (int Count, double SlowestMs, string Slowest)>(StringComparer.Ordinal);
        foreach (var page in pages.Where(p => p.Marker is not null))
        {
            var html = await http.GetStringAsync(page.Path);
            var embedded = ChartSource().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct(StringComparer.Ordinal).ToList();
            var slowest = (Ms: 0.0, Path: "");
            foreach (var chart in embedded)
            {
                var chartPage = new PageCase("chart", "chart", chart, null, false);
                await PageLoad.GetAsync(http, chartPage);
                var warm = await PageLoad.WarmAsync(http, chartPage, double.NaN, 3, 3, TimeSpan.Zero);
                if (warm.P50 > slowest.Ms)
                {
                    slowest = (warm.P50, chart);
                }
            }

            charts[page.Id] = (embedded.Count, slowest.Ms, slowest.Path);
        }

        var afterPages = (Rss: Memory.Resident(app.Id), Peak: Memory.PeakWorkingSet(app.Id));
        rows.Add(new ScaleRow(
            "first-page",
            "First page after start: the unit page (the snapshot is read before the server listens)",
            Invariant($"{Stats.Ms(firsts[unit.Id])} (the server answered {Stats.Ms(app.Ready.TotalMilliseconds)} after the process start)"),
            Target: Invariant($"< {Stats.Ms(ScaleTargets.FirstPageMs)}"),
            Met: firsts[unit.Id] < ScaleTargets.FirstPageMs));
        foreach (var timing in timings)
        {
            rows.Add(new ScaleRow(
                timing.Page.Id,
                Invariant($"{timing.Page.Title}, warm p95 (`{timing.Page.Path}`)"),
                Invariant($"p95 {Stats.Ms(timing.P95)} (p50 {Stats.Ms(timing.P50)}, first {Stats.Ms(timing.FirstMs)}, {timing.WarmMs.Count} requests, server CPU {Stats.Ms(cpuPerRequest[timing.Page.Id])}/request, {Stats.Bytes(timing.Bytes)})") +
                    (charts.TryGetValue(timing.Page.Id, out var c) && c.Count > 0
                        ? Invariant($"; its {c.Count} charts: slowest warm p50 {Stats.Ms(c.SlowestMs)} (`{c.Slowest.Split('?')[0].Replace("/export/charts/", "", StringComparison.Ordinal)}`)")
                        : ""),
                Target: timing.Page.WarmTarget ? Invariant($"< {ScaleTargets.WarmP95Ms} ms") : "—",
                Met: timing.Page.WarmTarget ? timing.P95 < ScaleTargets.WarmP95Ms : null));
        }

        rows.Add(new ScaleRow(
            "dashboard-rss",
            "Dashboard resident memory after the pages: peak (VmHWM)",
            Invariant($"{Stats.Bytes(afterPages.Peak)} (now {Stats.Bytes(afterPages.Rss)})"),
            Target: "< 1 GiB",
            Met: afterPages.Peak < ScaleTargets.DashboardRssBytes));

        // The scores export alone: the memory it adds above what the dashboard held before it.
        var export = await ScoresExportAsync(http, app.Id);
        rows.Add(new ScaleRow(
            "export-scores-memory",
            "`/export/scores.csv`: resident memory added during the download",
            Invariant($"+{Stats.Bytes(export.Added)} (peak {Stats.Bytes(export.Peak)}; {Stats.Bytes(export.Bytes)} in {Stats.Ms(export.Ms)}{(export.Exact ? "" : "; peak sampled every 20 ms")})"),
            Target: "< 300 MiB",
            Met: export.Added < ScaleTargets.ScoresCsvPeakBytes));

        // Concurrent clients, one address at a time.
        PageCase[] loaded = [pages[1], unit, pages[3], pages[5]];
        foreach (var page in loaded)
        {
            Progress($"  {options.Clients} clients on {page.Path} for {options.LoadDuration.TotalSeconds:0} s …");
            var cpu = Cpu.Of(app.Id);
            var load = await PageLoad.ConcurrentAsync(app.Address, page, options.Clients, options.LoadDuration, ScaleOptions.RequestTimeout, app.Id, options.MaxServerRss);
            var cpuMs = (Cpu.Of(app.Id) - cpu).TotalMilliseconds / Math.Max(1, load.Ok + load.Errors);
            var rate = page.Id == "page-overview" && options.Scale <= ScaleTargets.OverviewRateUpToScale;
            rows.Add(new ScaleRow(
                "load-" + page.Id.Replace("page-", "", StringComparison.Ordinal),
                Invariant($"{load.Clients} concurrent clients for {load.Duration.TotalSeconds:0} s: {page.Title}"),
                Invariant($"{load.RequestsPerSecond:0.0} req/s, p50 {Stats.Ms(load.P50)}, p99 {Stats.Ms(load.P99)}, {load.Ok} answered, {load.Errors} errors (all done after {Stats.Ms(load.Wall.TotalMilliseconds)}; server CPU {Stats.Ms(cpuMs)}/request, resident memory up to {Stats.Bytes(load.ServerPeakRss)}{(load.Stopped ? ", STOPPED at the memory guard" : "")})"),
                Target: rate ? Invariant($"≥ {ScaleTargets.OverviewRequestsPerSecond} req/s, 0 errors") : "0 errors",
                Met: load.Errors == ScaleTargets.LoadErrors && (!rate || load.RequestsPerSecond >= ScaleTargets.OverviewRequestsPerSecond)));
            if (load.FirstError is not null)
            {
                details.Add(Invariant($"`{page.Id}` under load, first error: {load.FirstError}"));
            }
        }

        rows.Add(new ScaleRow("dashboard-rss-load", "Dashboard resident memory: peak over the whole run, concurrent clients included (not a target)",
            Invariant($"{Stats.Bytes(Memory.PeakWorkingSet(app.Id))} (now {Stats.Bytes(Memory.Resident(app.Id))})")));
        return rows;
    }

    private static async Task<(long Added, long Peak, long Bytes, double Ms, bool Exact)> ScoresExportAsync(HttpClient http, int pid)
    {
        var before = Memory.Resident(pid);
        var exact = Memory.ResetPeak(pid);
        var sampled = before;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                sampled = Math.Max(sampled, Memory.Resident(pid));
                await Task.Delay(20);
            }
        });
        var (ms, bytes) = await PageLoad.GetAsync(http, new PageCase("export-scores", "scores CSV", "/export/scores.csv", null, false));
        await done.CancelAsync();
        await sampler;
        var peak = exact ? Math.Max(Memory.PeakWorkingSet(pid), sampled) : sampled;
        return (Math.Max(0, peak - before), peak, bytes, ms, exact);
    }

    private static void Print(ScaleOptions options, List<ScaleRow> rows, List<string> details, string loadAverage, string repositoryRoot)
    {
        Console.WriteLine(Invariant($"# CCHC Analytics scale bench ×{options.Scale}{(options.Quick ? " (--quick: few iterations, short load; indicative only)" : "")}"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"{Machine()}; {DateTime.UtcNow:yyyy-MM-dd} UTC; commit {Commit(repositoryRoot)}; load average {loadAverage} (other work on the machine: compare CPU times when it is high)."));
        Console.WriteLine();
        foreach (var line in details.Take(1))
        {
            Console.WriteLine(line);
            Console.WriteLine();
        }

        Console.WriteLine("| Measure | Id | Value | Baseline (same run) | Ratio | Target | Status |");
        Console.WriteLine("|---|---|--:|--:|--:|--:|---|");
        foreach (var r in rows)
        {
            var status = r.Met switch { true => "PASS", false => "over target", null => "—" };
            Console.WriteLine($"| {r.What} | `{r.Id}` | {r.Value} | {r.Baseline} | {r.Ratio} | {r.Target} | {status} |");
        }

        Console.WriteLine();
        foreach (var line in details.Skip(1))
        {
            Console.WriteLine("- " + line);
        }

        var over = rows.Count(r => r.Met == false);
        Console.WriteLine();
        Console.WriteLine(over == 0 ? "All targets met." : Invariant($"{over} over target{(options.FailOverTarget ? "" : " (exit code 0; --fail-over-target makes it 1)")}."));
    }

    private static string Machine()
    {
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return Invariant($"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), ") +
            (memory is null ? "" : Invariant($"{Stats.Bytes(long.Parse(memory, CultureInfo.InvariantCulture) * 1024)} RAM, ")) +
            Invariant($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, Release");
    }

    /// <summary>The checkout measured: HEAD, and the last commit that changed the product (src/), which is what the
    /// figures describe (bench-only commits do not change them).</summary>
    private static string Commit(string repositoryRoot)
    {
        var head = Git(repositoryRoot, "rev-parse", "--short", "HEAD");
        var product = Git(repositoryRoot, "log", "-1", "--format=%h", "--", "src");
        var dirty = Git(repositoryRoot, "status", "--porcelain", "--", "src");
        return head is null ? "unknown (no git)" : $"{head} (src/ as of {product ?? "?"}{(string.IsNullOrEmpty(dirty) ? "" : ", with uncommitted changes")})";
    }

    private static string? Git(string repositoryRoot, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-C");
            start.ArgumentList.Add(repositoryRoot);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static void Progress(string message) => Console.Error.WriteLine(Invariant($"[{DateTime.Now:HH:mm:ss}] {message}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [System.Text.RegularExpressions.GeneratedRegex("src=\"(/export/charts/[^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ChartSource();
}
