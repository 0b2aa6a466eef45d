using CchcAnalytics.Dashboard.Services;
using CchcAnalytics.Ingest;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Uploads waiting for confirmation are bounded: three per account, eight maximum-size files in all, thirty
/// minutes each; and only their owner finds them.</summary>
public sealed class UploadStagingTests
{
    private readonly Clock clock = new();

    private static UploadPreview Preview(string name, long bytes) =>
        new(name, new byte[bytes], new ValidationResult(name, "text", [], [], []), []);

    [Fact]
    public void Add_FourthFromOneAccount_TheOldestLapsesOthersKeepTheirs()
    {
        var staging = new UploadStaging(clock);
        var other = staging.Add("user:b", Preview("b.txt", 10));
        var first = staging.Add("user:a", Preview("1.txt", 10));
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = staging.Add("user:a", Preview("2.txt", 10));
        clock.Advance(TimeSpan.FromSeconds(1));
        var third = staging.Add("user:a", Preview("3.txt", 10));
        clock.Advance(TimeSpan.FromSeconds(1));

        var fourth = staging.Add("user:a", Preview("4.txt", 10));

        staging.Find(first.Id, "user:a").ShouldBeNull();
        new[] { second, third, fourth }.ShouldAllBe(s => staging.Find(s.Id, "user:a") != null);
        staging.Find(other.Id, "user:b").ShouldNotBeNull();
    }

    [Fact]
    public void Find_AnotherAccountsUpload_NotFound()
    {
        var staging = new UploadStaging(clock);
        var mine = staging.Add("user:a", Preview("a.txt", 10));

        staging.Find(mine.Id, "user:b").ShouldBeNull();
        staging.Find(mine.Id, "user:a").ShouldBe(mine);
        mine.Id.Length.ShouldBe(32); // 128 random bits, not guessable
    }

    [Fact]
    public void Add_PastTheTotalSize_OldestAnyoneHeldLapsesFirst()
    {
        var staging = new UploadStaging(clock);
        var held = new List<StagedUpload>();
        for (var i = 0; i < 8; i++)
        {
            held.Add(staging.Add($"user:{i}", Preview($"{i}.txt", UploadService.MaxBytes)));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var ninth = staging.Add("user:9", Preview("9.txt", UploadService.MaxBytes));

        UploadStaging.MaxTotalBytes.ShouldBe(8 * UploadService.MaxBytes);
        staging.Find(held[0].Id, "user:0").ShouldBeNull();
        held.Skip(1).ShouldAllBe(s => staging.Find(s.Id, s.Owner) != null);
        staging.Find(ninth.Id, "user:9").ShouldNotBeNull();
    }

    [Fact]
    public void Find_After30Minutes_Lapsed()
    {
        var staging = new UploadStaging(clock);
        var upload = staging.Add("user:a", Preview("a.txt", 10));

        clock.Advance(TimeSpan.FromMinutes(29));
        staging.Find(upload.Id, "user:a").ShouldNotBeNull();
        clock.Advance(TimeSpan.FromMinutes(2));
        staging.Find(upload.Id, "user:a").ShouldBeNull();
    }

    private sealed class Clock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
