using System.Collections.Concurrent;
using System.Diagnostics;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>A <c>cchc ingest</c> child process started from the built CLI (<c>dotnet exec cchc.dll</c>), with its output
/// lines time-stamped and a watch on the database's write-ahead log (<c>FILE.wal</c>): DuckDB creates it when a
/// transaction commits and deletes it when the checkpoint that follows has moved its contents into the main file.</summary>
internal sealed class IngestChild : IDisposable
{
    private readonly Process process;
    private readonly Stopwatch clock;
    private readonly ConcurrentQueue<(TimeSpan At, string Line)> output = new();
    private readonly ConcurrentQueue<string> error = new();
    private readonly string wal;
    private readonly List<(TimeSpan Appeared, TimeSpan? Gone)> walLifetimes = [];
    private bool walSeen;

    private IngestChild(string database, IEnumerable<string> files)
    {
        wal = database + ".wal";
        var cli = Path.Combine(AppContext.BaseDirectory, "cchc.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "ingest", .. files, "--db", database])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        clock = Stopwatch.StartNew();
        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue((clock.Elapsed, e.Data));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                error.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public TimeSpan Elapsed => clock.Elapsed;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>When the WAL appeared and disappeared, since the start.</summary>
    public IReadOnlyList<(TimeSpan Appeared, TimeSpan? Gone)> WalLifetimes => walLifetimes;

    public IReadOnlyList<(TimeSpan At, string Line)> OutputLines => [.. output];

    public string Output => string.Join('\n', output.Select(o => o.Line));

    public string Error => string.Join('\n', error);

    /// <summary>Files the child reported as stored (each line is printed after the file's transaction).</summary>
    public int AcceptedFiles => output.Count(o => o.Line.StartsWith("accepted  ", StringComparison.Ordinal));

    public static IngestChild Start(string database, IEnumerable<string> files) => new(database, files);

    /// <summary>Polls the WAL (about every millisecond) until <paramref name="until"/> says stop or the process exits.
    /// Returns false when the process exited first.</summary>
    public bool Watch(Func<IngestChild, bool> until)
    {
        while (true)
        {
            Poll();
            if (until(this))
            {
                return true;
            }

            if (process.HasExited)
            {
                Poll();
                return false;
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>Waits for a normal exit, still recording the WAL's lifetimes.</summary>
    public void WaitForExit(TimeSpan timeout)
    {
        Watch(c => c.Elapsed > timeout).ShouldBeFalse($"cchc ingest did not finish within {timeout}");
        process.WaitForExit();
    }

    /// <summary>SIGKILL: on Linux <see cref="Process.Kill(bool)"/> sends SIGKILL to the process and its descendants, so
    /// nothing in the child runs afterwards (no finally blocks, no DuckDB shutdown checkpoint). The exit code proves it.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Poll()
    {
        var exists = File.Exists(wal);
        if (exists && !walSeen)
        {
            walLifetimes.Add((clock.Elapsed, null));
        }
        else if (!exists && walSeen)
        {
            walLifetimes[^1] = (walLifetimes[^1].Appeared, clock.Elapsed);
        }

        walSeen = exists;
    }
}
