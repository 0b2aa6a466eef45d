using System.Collections.Concurrent;

namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>Slows password guessing: after <see cref="MaxFailures"/> failed sign-ins for one name (or from one address)
/// within <see cref="Window"/>, further attempts are refused until the window has passed. In memory: a restart forgets.</summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public bool IsLocked(string userName, string address) => Count("u:" + Key(userName)) >= MaxFailures || Count("a:" + address) >= MaxFailures * 4;

    public void Fail(string userName, string address)
    {
        Add("u:" + Key(userName));
        Add("a:" + address);
    }

    public void Succeed(string userName) => failures.TryRemove("u:" + Key(userName), out _);

    private static string Key(string userName) => userName.Trim().ToLowerInvariant();

    private int Count(string key)
    {
        if (!failures.TryGetValue(key, out var list))
        {
            return 0;
        }

        var since = time.GetUtcNow() - Window;
        lock (list)
        {
            list.RemoveAll(at => at < since);
            return list.Count;
        }
    }

    private void Add(string key)
    {
        if (failures.Count > 10_000)
        {
            failures.Clear(); // bounded memory under a flood of random names; the per-address limit still holds afterwards
        }

        var list = failures.GetOrAdd(key, _ => []);
        lock (list)
        {
            list.Add(time.GetUtcNow());
        }
    }
}
