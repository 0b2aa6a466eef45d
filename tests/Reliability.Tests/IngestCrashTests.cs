using System.Globalization;
using System.Text;
using CchcAnalytics.Cli;
using CchcAnalytics.Tests;
using Xunit.Abstractions;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>Crash safety of ingest: <c>cchc ingest</c> is killed with SIGKILL at random points, many times, and the
/// database must always open, with every submission exactly its old or its new version.</summary>
/// <remarks>Set <c>CCHC_CRASH_SEED</c> to replay a run's schedule (the seed is printed) and <c>CCHC_CRASH_KILLS</c> for
/// more kills. The log also goes to <c>artifacts/reliability/ingest-kills.txt</c>.</remarks>
[Collection(ChildProcesses.Name)]
public sealed class IngestCrashTests(ITestOutputHelper output)
{
    private const int DefaultKills = 20;
    private const int SigKillExitCode = 128 + 9;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private static readonly int[] SampleYears = [2017];

    private readonly StringBuilder log = new();

    [Fact]
    public void Ingest_KilledAtRandomPoints_EverySubmissionIsWhollyOldOrNew()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CCHC_CRASH_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Environment.TickCount & 0x7FFFFFFF;
        var kills = int.TryParse(Environment.GetEnvironmentVariable("CCHC_CRASH_KILLS"), CultureInfo.InvariantCulture, out var k) ? k : DefaultKills;
        Log($"seed {seed}, {kills} kills (replay with CCHC_CRASH_SEED={seed})");
        using var folder = TestFiles.NewTempFolder();
        try
        {
            Run(folder, seed, kills);
        }
        finally
        {
            var file = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "reliability", "ingest-kills.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, log.ToString());
        }
    }

    private void Run(TempFolder folder, int seed, int kills)
    {
        // Version A: the reference data and a year of the sample (26 unit-years, 52 submissions, one transaction);
        // B: the same unit-years with changed points. One file keeps a run short (about 3 s, mostly opening the
        // database per operation, see bench/README.md), so 20 kills fit in about a minute.
        var samples = SampleYears.Select(y => Path.Combine(TestFiles.RepositoryRoot, "data", "sample", $"thanh-hoa-district-{y}-sample.csv"));
        var versions = SubmissionVersions.Create(samples, folder.Path);
        var database = folder.File("crash.duckdb");
        using (var stdout = new StringWriter())
        using (var stderr = new StringWriter())
        {
            CchcCli.Run(["ingest", .. versions.Files.Select(f => f.APath), "--db", database], stdout, stderr).ShouldBe(0, stdout + "\n" + stderr);
        }

        var state = StoredState.Check(database, versions, "version A loaded");
        state.Values.ShouldAllBe(v => v == 'A');
        Log($"{versions.Keys.Count()} submissions in {versions.Files.Count} files, all at A");

        // One uninterrupted run A → B shows when the writes happen: DuckDB writes nothing to disk before a commit, which
        // creates the WAL; the checkpoint after it writes the main file and deletes the WAL.
        TimeSpan duration;
        TimeSpan walLongest;
        using (var child = IngestChild.Start(database, versions.Files.Select(f => f.BPath)))
        {
            child.WaitForExit(RunTimeout);
            child.ExitCode.ShouldBe(0, child.Output + "\n" + child.Error);
            duration = child.Elapsed;
            child.WalLifetimes.Count.ShouldBe(versions.Files.Count, "one commit (and checkpoint) per file");
            walLongest = child.WalLifetimes.Max(w => (w.Gone ?? duration) - w.Appeared);
            Log($"uninterrupted A→B: {Ms(duration)} ms; WAL lived {string.Join(", ", child.WalLifetimes.Select(w => $"{Ms(w.Appeared)}–{Ms(w.Gone ?? duration)} ms"))}; " +
                $"output at {string.Join(", ", child.OutputLines.Select(l => Ms(l.At)))} ms");
        }

        state = StoredState.Check(database, versions, "uninterrupted A→B");
        state.Values.ShouldAllBe(v => v == 'B');

        var random = new Random(seed);
        var records = new List<KillRecord>();
        // Runs the child until it has been killed `kills` times: a run that finished before its kill (the delay fell
        // after the exit) is checked like the others but does not count as a kill. Bounded, in case timing goes odd.
        for (var iteration = 1; records.Count(r => !r.ExitedFirst) < kills && iteration <= kills * 3; iteration++)
        {
            var record = KillOnce(iteration, database, versions, state, random, duration, walLongest);
            var context = $"after kill #{iteration} ({record.Mode}, {record.DelayMs:0.0} ms)";
            var after = StoredState.Check(database, versions, context);
            var moved = versions.Files.Count(f => state[f.Name] != record.Target && after[f.Name] == record.Target);
            after.Where(p => p.Value != state[p.Key]).ShouldAllBe(p => p.Value == record.Target, context);
            record.Reported.ShouldAllBe(name => after[name] == record.Target, $"{context}: a file the child reported stored was lost");
            record = record with { Moved = moved };
            Log(record.ToString());
            records.Add(record);
            state = after;

            // A torn commit's WAL that the reopen discarded stays on disk when the reopen itself writes nothing (DuckDB
            // checkpoints only after a write). Keep it: the next run must open the database through it, and the checks
            // after that run prove it is never replayed into the data.
            if (DuckDbFile.WalBytes(database) is { } leftover)
            {
                Log($"   a {leftover} B WAL stays after the reopen (discarded torn commit); the next run opens through it");
            }
        }

        // Whatever the kills left, an uninterrupted ingest finishes the job.
        using (var child = IngestChild.Start(database, versions.Files.Select(f => f.BPath)))
        {
            child.WaitForExit(RunTimeout);
            child.ExitCode.ShouldBe(0, child.Output + "\n" + child.Error);
        }

        StoredState.Check(database, versions, "final uninterrupted ingest of B").Values.ShouldAllBe(v => v == 'B');

        Log("");
        foreach (var group in records.GroupBy(r => r.When).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Log($"{group.Key}: {group.Count()}");
            foreach (var phase in group.GroupBy(r => r.Phase).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Log($"  {phase.Count(),2} × {phase.Key[(phase.Key.IndexOf(':', StringComparison.Ordinal) + 2)..]}");
            }
        }

        records.Count(r => !r.ExitedFirst).ShouldBe(kills, "the child must have died of SIGKILL this many times");

        // The schedule aims most kills at the writes; if hardly any landed there, the test proved little.
        records.Count(r => r.When == "during").ShouldBeGreaterThanOrEqualTo(kills / 4, "too few kills landed while writing");
    }

    private static KillRecord KillOnce(int iteration, string database, SubmissionVersions versions, IReadOnlyDictionary<string, char> state, Random random, TimeSpan duration, TimeSpan walLongest)
    {
        // Alternate so that every run has work: from all-A go to B, from all-B to A, and from a mix alternate.
        var target = state.Values.All(v => v == 'A') ? 'B' : state.Values.All(v => v == 'B') ? 'A' : iteration % 2 == 1 ? 'B' : 'A';
        var pending = versions.Files.Where(f => state[f.Name] != target).ToList();
        var checkpointsBefore = DuckDbFile.CheckpointIteration(database);
        var hashBefore = DuckDbFile.Hash(database);

        // A third of the kills anywhere in the run (startup, reading, validating, writing, exit); the rest aimed inside
        // the k-th commit and its checkpoint, a random time after its WAL appeared (within 0.8 × the WAL's lifetime in
        // the measured run, which is slower than later runs: the first write of a process warms up).
        var spread = random.NextDouble() < 1.0 / 3;
        var commit = random.Next(1, pending.Count + 1);
        var delay = spread ? random.NextDouble() * duration.TotalMilliseconds * 1.1 : random.NextDouble() * walLongest.TotalMilliseconds * 0.8;
        var mode = spread ? "spread" : $"wal#{commit}";

        using var child = IngestChild.Start(database, versions.Files.Select(f => f.PathOf(target)));
        var reached = spread
            ? child.Watch(c => c.Elapsed.TotalMilliseconds >= delay)
            : child.Watch(c => c.WalLifetimes.Count >= commit && (c.Elapsed - c.WalLifetimes[commit - 1].Appeared).TotalMilliseconds >= delay);
        var killedAt = child.Elapsed;
        if (reached)
        {
            child.KillHard();
        }
        else
        {
            // It exited before the kill: wait for its output to be read to the end (the lines arrive asynchronously;
            // without this its last line could still be in flight and the output look empty).
            child.WaitForExit(RunTimeout);
        }

        // A kill that comes as the child is exiting finds nothing to kill: then it finished on its own, exit code 0.
        var exitedFirst = child.ExitCode == 0;
        if (!exitedFirst)
        {
            child.ExitCode.ShouldBe(SigKillExitCode, "the child must die of SIGKILL\n" + child.Output + "\n" + child.Error);
        }
        else
        {
            child.Output.ShouldEndWith("1 accepted, 0 rejected.".Replace("1 ", $"{versions.Files.Count} ", StringComparison.Ordinal));
        }

        child.Error.ShouldNotContain("cchc:");
        child.Output.ShouldNotContain("rejected  ");

        // Every file the child reported stored was committed: it must survive the kill.
        var reported = pending.Where(f => child.OutputLines.Any(l => l.Line.StartsWith("accepted  " + f.PathOf(target) + ":", StringComparison.Ordinal))).ToList();
        var record = new KillRecord(
            iteration,
            target,
            mode,
            delay,
            killedAt.TotalMilliseconds,
            exitedFirst,
            pending.Count,
            Moved: 0,
            DuckDbFile.WalBytes(database),
            DuckDbFile.CheckpointIteration(database) - checkpointsBefore,
            DuckDbFile.Hash(database) != hashBefore,
            DuckDbFile.Companions(database),
            [.. reported.Select(f => f.Name)]);
        return record;
    }

    private void Log(string line)
    {
        log.AppendLine(line);
        output.WriteLine(line);
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
}
