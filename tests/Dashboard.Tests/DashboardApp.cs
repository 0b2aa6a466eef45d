using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using CchcAnalytics.Tests;
using Microsoft.Playwright;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>The real dashboard, started as its own process from its build output on a free loopback port, over the
/// repository's data folder and a database file of its own in a temporary folder (never data/cchc.duckdb). The first
/// start builds that database from the data folder, about 15 seconds. Disposing kills the process tree and deletes the
/// folder. Chromium is launched only when a browser test first asks for a page.</summary>
public class DashboardApp : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly StringBuilder output = new();
    private readonly Lock outputLock = new();
    private Process? process;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The app's root, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A client for plain HTTP requests to the app (redirects followed).</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The database file the app builds and reads.</summary>
    public string Database => folder.File("dashboard-tests.duckdb");

    /// <summary>The data folder the app builds its database from: the repository's.</summary>
    public virtual string DataFolder => Path.Combine(TestFiles.RepositoryRoot, "data");

    /// <summary>Extra configuration for the app, as environment variables (e.g. <c>Cchc__HideUnpublished</c>).</summary>
    /// <remarks>By default the district level is the one pages open on (the tests were written on it: the real report, the
    /// published results); DefaultLevelTests checks the deployment's own default on an app without this setting.</remarks>
    public virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Cchc__DefaultLevel"] = "huyen" };

    /// <summary>A temporary folder deleted with the app.</summary>
    private protected TempFolder Folder => folder;

    /// <summary>Copies the repository's data folder into this app's temporary folder without one top folder (e.g.
    /// <c>raw</c> or <c>sample</c>) and without any database file; returns the copy's path.</summary>
    private protected string CopyDataFolderWithout(string topFolder)
    {
        var source = new DirectoryInfo(Path.Combine(TestFiles.RepositoryRoot, "data"));
        var target = Path.Combine(folder.Path, "data");
        foreach (var file in source.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source.FullName, file.FullName);
            if (relative.StartsWith(topFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || file.Name.StartsWith("cchc.duckdb", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            file.CopyTo(Path.Combine(target, relative));
        }

        return target;
    }

    /// <summary>Everything the app printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (outputLock)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Whether the test accounts (and with them the repository's reference data) are written into the database
    /// before the app starts; an app over another province's data folder starts from that folder alone.</summary>
    protected virtual bool SeedAccounts => true;

    public async Task InitializeAsync()
    {
        if (SeedAccounts)
        {
            TestAccounts.Seed(Database);
        }

        var assembly = FindDashboardAssembly();
        BaseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        Http.BaseAddress = BaseAddress;

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "exec", assembly, "--urls", BaseAddress.GetLeftPart(UriPartial.Authority) })
        {
            start.ArgumentList.Add(argument);
        }

        // Development serves the static web assets (blazor.web.js, app.css) from the build output's manifest.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Cchc__DataFolder"] = DataFolder;
        foreach (var (name, value) in Settings)
        {
            start.Environment[name] = value;
        }

        start.Environment["Cchc__Database"] = Database;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");

        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName} exec {assembly}");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilAnsweringAsync(process);
    }

    /// <summary>A fresh browser context (own cookies and downloads) on the app, in Vietnamese, 1280 pixels wide.</summary>
    public async Task<IBrowserContext> NewBrowserContextAsync(int width = 1280, int height = 900)
    {
        if (browser is null)
        {
            if (!Chromium.IsInstalled)
            {
                throw new InvalidOperationException(
                    $"{Chromium.ExecutablePath} is missing and CI=true requires the browser tests: install Debian's chromium package (.ci/run does when tests/Dashboard.Tests exists).");
            }

            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true });
        }

        return await browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "vi-VN",
            AcceptDownloads = true,
            ViewportSize = new() { Width = width, Height = height },
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        Http.Dispose();
        if (process is not null)
        {
            Stop(process);
            process.Dispose();
        }

        folder.Dispose();
    }

    private async Task WaitUntilAnsweringAsync(Process app)
    {
        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        string? lastError = null;
        while (clock.Elapsed < StartTimeout)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException(
                    $"The dashboard exited with code {app.ExitCode} before answering {BaseAddress}. Its output:\n{Output}");
            }

            try
            {
                using var response = await probe.GetAsync(BaseAddress);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastError = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastError = e.Message;
            }
            catch (TaskCanceledException)
            {
                lastError = "no answer within 10 s";
            }

            await Task.Delay(250);
        }

        Stop(app);
        throw new TimeoutException(
            $"The dashboard did not answer {BaseAddress} within {StartTimeout.TotalSeconds} s (last: {lastError}). Its output:\n{Output}");
    }

    private static void Stop(Process app)
    {
        try
        {
            app.Kill(entireProcessTree: true);
            app.WaitForExit(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (outputLock)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>The dashboard assembly in its own build output, as recorded by Dashboard.Tests.csproj at build time.</summary>
    private static string FindDashboardAssembly()
    {
        var path = typeof(DashboardApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "DashboardAssembly")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The dashboard's build output was not found (recorded path: '{path}'). Build it with the tests: dotnet build tests/Dashboard.Tests.");
        }

        var runtimeConfig = Path.ChangeExtension(path, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            throw new InvalidOperationException($"{runtimeConfig} is missing: {path} is not a runnable build output.");
        }

        return path;
    }

    /// <summary>The <c>dotnet</c> host running these tests, so the app runs on the same SDK's runtime.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
