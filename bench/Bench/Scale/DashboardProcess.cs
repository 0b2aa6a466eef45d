using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace CchcAnalytics.Bench.Scale;

/// <summary>The real dashboard as its own process, started from its Release build output the way
/// tests/Dashboard.Tests starts it (<c>dotnet exec CchcAnalytics.Dashboard.dll</c>, Development so that its static
/// files are served from the build output, a free loopback port), over a database the bench built. Disposing kills it
/// (this process only: it is the one the bench started).</summary>
internal sealed class DashboardProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock outputLock = new();

    private DashboardProcess(Process process, Uri address, Stopwatch sinceStart)
    {
        this.process = process;
        Address = address;
        SinceStart = sinceStart;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    /// <summary>Time since the process was started.</summary>
    public Stopwatch SinceStart { get; }

    /// <summary>Time from the process start to the first answer (a static file, which reads no data).</summary>
    public TimeSpan Ready { get; private set; }

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

    /// <summary>Starts the dashboard and waits until it answers <c>/app.css</c> (which touches no data, so the first
    /// page measured afterwards still pays for loading the snapshot).</summary>
    public static async Task<DashboardProcess> StartAsync(string dashboardAssembly, string dataFolder, string database, TimeSpan timeout)
    {
        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dashboardAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "exec", dashboardAssembly, "--urls", address.GetLeftPart(UriPartial.Authority) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Cchc__DataFolder"] = dataFolder;
        start.Environment["Cchc__Database"] = database;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");

        var clock = Stopwatch.StartNew();
        var app = new DashboardProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName} exec {dashboardAssembly}"), address, clock);
        app.process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilAnsweringAsync(timeout);
        }
        catch
        {
            app.Dispose();
            throw;
        }

        app.Ready = clock.Elapsed;
        return app;
    }

    public void Dispose()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        process.Dispose();
    }

    /// <summary>The dashboard assembly: <c>--dashboard PATH</c>, else the build output recorded at build time
    /// (Bench.csproj references the dashboard project so that it is built with the bench).</summary>
    public static string FindAssembly(string? given)
    {
        var path = given ?? typeof(DashboardProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "DashboardAssembly")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path) || !File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException(
                $"The dashboard's build output was not found ('{path}'). Build the bench in Release (it builds the dashboard) or give --dashboard PATH/CchcAnalytics.Dashboard.dll.");
        }

        return path;
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var probeAddress = new Uri(Address, "app.css");
        string? lastError = null;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited with code {process.ExitCode} before answering. Its output:\n{Output}");
            }

            try
            {
                using var response = await probe.GetAsync(probeAddress);
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

            await Task.Delay(50);
        }

        throw new TimeoutException($"The dashboard did not answer {probeAddress} within {timeout.TotalSeconds} s (last: {lastError}). Its output:\n{Output}");
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
