using System.Security.Cryptography;

namespace CchcAnalytics.Dashboard.Services.Security;

/// <summary>The sign-ins the server still accepts. Every sign-in cookie carries a random session id
/// (<see cref="CchcClaims.Session"/>); a cookie is accepted only while its id is here, so signing out ends the session on
/// the server and a copy of the old cookie stops working. In memory and bounded: a session lapses after
/// <see cref="IdleLimit"/> without a request (the cookie's own sliding lifetime), an account keeps its
/// <see cref="PerAccount"/> latest sessions, and a restart ends every sign-in.</summary>
public sealed class SignInSessions(TimeProvider time)
{
    /// <summary>Sessions kept per account; a newer sign-in ends the oldest beyond this.</summary>
    public const int PerAccount = 20;

    /// <summary>How long a session lasts without a request: the cookie's sliding lifetime.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(8);

    private readonly Dictionary<string, Session> sessions = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Sessions held now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return sessions.Count;
            }
        }
    }

    /// <summary>Starts a session for <paramref name="userName"/> and returns its id (128 random bits).</summary>
    public string Start(string userName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = time.GetUtcNow();
        lock (gate)
        {
            Expire(now);
            var own = sessions.Where(s => s.Value.UserName == userName).OrderBy(s => s.Value.LastSeen).Select(s => s.Key).ToList();
            foreach (var old in own.Take(Math.Max(0, own.Count - PerAccount + 1)))
            {
                sessions.Remove(old);
            }

            sessions[id] = new Session(userName, now);
        }

        return id;
    }

    /// <summary>Whether session <paramref name="id"/> of <paramref name="userName"/> is still open; if so, it counts as
    /// used now.</summary>
    public bool Touch(string? id, string? userName)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(userName))
        {
            return false;
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!sessions.TryGetValue(id, out var session) || session.UserName != userName || now - session.LastSeen > IdleLimit)
            {
                sessions.Remove(id);
                return false;
            }

            sessions[id] = session with { LastSeen = now };
            return true;
        }
    }

    /// <summary>Ends session <paramref name="id"/> (signing out); an unknown id is ignored.</summary>
    public void End(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        lock (gate)
        {
            sessions.Remove(id);
        }
    }

    private void Expire(DateTimeOffset now)
    {
        foreach (var id in sessions.Where(s => now - s.Value.LastSeen > IdleLimit).Select(s => s.Key).ToList())
        {
            sessions.Remove(id);
        }
    }

    private sealed record Session(string UserName, DateTimeOffset LastSeen);
}
