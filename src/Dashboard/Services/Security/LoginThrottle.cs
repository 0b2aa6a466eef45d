namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>Slows password guessing: after <see cref="MaxFailures"/> failed sign-ins for one name (or
/// <see cref="MaxFailuresPerAddress"/> from one address) within <see cref="Window"/>, further attempts are refused until
/// the window has passed. In memory: a restart forgets.</summary>
/// <remarks>Memory stays bounded under a flood of made-up names without ever clearing the counter that matters: the
/// names of existing accounts are counted apart and never dropped (there are only as many as there are accounts);
/// unknown names and addresses are kept up to <see cref="MaxTracked"/> each, dropping the entries whose last failure is
/// oldest. Dropping an unknown name unlocks nothing anyone could sign in with. (Until issue 12 more than 10,000 failed
/// names cleared every counter, the targeted account's included.)</remarks>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;

    public const int MaxFailuresPerAddress = MaxFailures * 4;

    /// <summary>Unknown names, and addresses, counted at most (each).</summary>
    public const int MaxTracked = 10_000;

    /// <summary>Longest name kept as it is; a longer one (never an account) is cut to this length.</summary>
    private const int MaxKeyLength = 64;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, Failures> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Failures> unknownNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Failures> addresses = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Names and addresses counted now (for tests of the memory bound).</summary>
    public int TrackedCount
    {
        get
        {
            lock (gate)
            {
                return accounts.Count + unknownNames.Count + addresses.Count;
            }
        }
    }

    public bool IsLocked(string userName, string address)
    {
        var key = Key(userName);
        var since = time.GetUtcNow() - Window;
        lock (gate)
        {
            var byName = accounts.GetValueOrDefault(key) ?? unknownNames.GetValueOrDefault(key);
            return (byName?.Since(since) ?? 0) >= MaxFailures || (addresses.GetValueOrDefault(address)?.Since(since) ?? 0) >= MaxFailuresPerAddress;
        }
    }

    /// <summary>Counts a failed sign-in. <paramref name="accountExists"/>: whether the name is an account's, whose
    /// counter must survive any number of other names.</summary>
    public void Fail(string userName, string address, bool accountExists)
    {
        var key = Key(userName);
        var now = time.GetUtcNow();
        lock (gate)
        {
            Add(accountExists ? accounts : unknownNames, key, MaxFailures, now, bounded: !accountExists);
            Add(addresses, address, MaxFailuresPerAddress, now, bounded: true);
        }
    }

    public void Succeed(string userName)
    {
        var key = Key(userName);
        lock (gate)
        {
            accounts.Remove(key);
            unknownNames.Remove(key);
        }
    }

    private static string Key(string userName)
    {
        var key = (userName ?? "").Trim().ToLowerInvariant();
        return key.Length <= MaxKeyLength ? key : key[..MaxKeyLength];
    }

    private static void Add(Dictionary<string, Failures> counters, string key, int limit, DateTimeOffset now, bool bounded)
    {
        if (!counters.TryGetValue(key, out var failures))
        {
            if (bounded && counters.Count >= MaxTracked)
            {
                Shrink(counters, now);
            }

            failures = new Failures(limit);
            counters.Add(key, failures);
        }

        failures.Add(now);
    }

    /// <summary>Drops the entries with no failure in the window; if that is not enough, the tenth whose last failure is oldest.</summary>
    private static void Shrink(Dictionary<string, Failures> counters, DateTimeOffset now)
    {
        var since = now - Window;
        foreach (var key in counters.Where(c => c.Value.Last < since).Select(c => c.Key).ToList())
        {
            counters.Remove(key);
        }

        if (counters.Count >= MaxTracked)
        {
            foreach (var key in counters.OrderBy(c => c.Value.Last).Take(Math.Max(1, MaxTracked / 10)).Select(c => c.Key).ToList())
            {
                counters.Remove(key);
            }
        }
    }

    /// <summary>The latest failures of one name or address, at most as many as the limit needs.</summary>
    private sealed class Failures(int limit)
    {
        private readonly Queue<DateTimeOffset> times = new(limit);

        public DateTimeOffset Last { get; private set; }

        public void Add(DateTimeOffset at)
        {
            if (times.Count == limit)
            {
                times.Dequeue();
            }

            times.Enqueue(at);
            Last = at;
        }

        public int Since(DateTimeOffset since) => times.Count(t => t >= since);
    }
}
