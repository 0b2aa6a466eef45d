using System.Collections.Concurrent;
using System.Security.Cryptography;
using CchcAnalytics.Ingest;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>An uploaded file waiting for its owner's confirmation, and (after confirming) what storing it did.</summary>
/// <param name="Id">Unguessable id in the preview's address.</param>
/// <param name="Owner">The account that uploaded it; nobody else sees or confirms it.</param>
/// <param name="Preview">Validation and what storing would do.</param>
/// <param name="CreatedAt">When it was uploaded.</param>
public sealed record StagedUpload(string Id, string Owner, UploadPreview Preview, DateTimeOffset CreatedAt)
{
    /// <summary>Set once the file was stored (or refused while storing).</summary>
    public FileReport? Stored { get; init; }
}

/// <summary>Holds uploaded files between preview and confirmation, in memory only (nothing touches the database before
/// the user confirms). Bounded: a few files per account, a total size, and an age after which a preview lapses.</summary>
public sealed class UploadStaging(TimeProvider time)
{
    /// <summary>Previews kept per account; an older one lapses when a newer one arrives.</summary>
    public const int PerOwner = 3;

    /// <summary>Total bytes held for all accounts.</summary>
    public const long MaxTotalBytes = 8 * UploadService.MaxBytes;

    /// <summary>How long a preview waits for confirmation.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, StagedUpload> uploads = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public StagedUpload Add(string owner, UploadPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var staged = new StagedUpload(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), owner, preview, time.GetUtcNow());
        lock (gate)
        {
            Expire();
            foreach (var old in uploads.Values.Where(u => u.Owner == owner).OrderByDescending(u => u.CreatedAt).Skip(PerOwner - 1).ToList())
            {
                uploads.TryRemove(old.Id, out _);
            }

            while (uploads.Values.Sum(u => (long)u.Preview.Bytes.Length) + preview.Bytes.Length > MaxTotalBytes && !uploads.IsEmpty)
            {
                uploads.TryRemove(uploads.Values.OrderBy(u => u.CreatedAt).First().Id, out _);
            }

            uploads[staged.Id] = staged;
        }

        return staged;
    }

    /// <summary>The owner's staged upload, or null (unknown, lapsed, or someone else's).</summary>
    public StagedUpload? Find(string id, string owner)
    {
        lock (gate)
        {
            Expire();
        }

        return uploads.TryGetValue(id ?? "", out var staged) && staged.Owner == owner ? staged : null;
    }

    public void Update(StagedUpload staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        uploads[staged.Id] = staged;
    }

    public void Remove(string id) => uploads.TryRemove(id, out _);

    private void Expire()
    {
        var before = time.GetUtcNow() - Lifetime;
        foreach (var old in uploads.Values.Where(u => u.CreatedAt < before).ToList())
        {
            uploads.TryRemove(old.Id, out _);
        }
    }
}
