using System.Globalization;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>One kill: when it was aimed, what the files looked like right after it, and what reopening found.</summary>
/// <param name="Mode">"spread": a delay from the start, anywhere in the ingest; "wal#k": a delay after the k-th
/// commit's WAL appeared, i.e. inside that commit or its checkpoint.</param>
/// <param name="Pending">Files whose version differed from the target before the run (the work to do).</param>
/// <param name="Moved">Files at the target version after reopening (committed before the kill).</param>
/// <param name="Reported">Files the child printed as stored before it died (each was committed).</param>
/// <param name="Checkpoints">Checkpoints the child completed (the header's iteration counter went up by this).</param>
internal sealed record KillRecord(
    int Iteration,
    char Target,
    string Mode,
    double DelayMs,
    double KilledAtMs,
    bool ExitedFirst,
    int Pending,
    int Moved,
    long? WalBytes,
    ulong Checkpoints,
    bool MainFileChanged,
    IReadOnlyList<string> Companions,
    IReadOnlyList<string> Reported)
{
    public string Phase => (ExitedFirst, WalBytes, Moved) switch
    {
        (true, _, _) => "after: exited before the kill",
        (_, null, 0) when !MainFileChanged => "before: nothing written",
        (_, null, 0) => "during: main file touched, nothing committed",
        (_, not null, _) when (ulong)Moved > Checkpoints && Checkpoints == 0 && MainFileChanged =>
            "during: mid-checkpoint (blocks written, header not), WAL replayed",
        (_, not null, _) when (ulong)Moved > Checkpoints => "during: committed, its checkpoint unfinished, WAL replayed",
        (_, not null, _) when Moved == 0 => "during: commit torn in the WAL, discarded",
        (_, not null, _) => "during: WAL left after its checkpoint (or a torn later commit), not replayed",
        (_, null, _) when Moved < Pending => "during: between files",
        _ => "after: all committed, killed before exit",
    };

    public string When => Phase[..Phase.IndexOf(':', StringComparison.Ordinal)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"#{Iteration,2} →{Target} {Mode,-6} delay {DelayMs,7:0.0} ms, killed at {KilledAtMs,7:0} ms; moved {Moved}/{Pending}, " +
        $"checkpoints {Checkpoints}, WAL {(WalBytes is { } w ? w + " B" : "none")}, main file {(MainFileChanged ? "changed" : "same")}, " +
        $"[{string.Join(' ', Companions)}] → {Phase}");
}
