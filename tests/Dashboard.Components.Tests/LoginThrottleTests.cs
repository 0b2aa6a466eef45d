using CchcAnalytics.Dashboard.Services.Security;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>The sign-in lockout (issue 12, §7): a real account's counter survives a flood of made-up names, memory stays
/// bounded, and addresses are counted apart.</summary>
public sealed class LoginThrottleTests
{
    private readonly Clock clock = new();

    [Fact]
    public void Fail_FloodOfRandomNamesFromManyAddresses_TargetedAccountStaysLockedAndMemoryBounded()
    {
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            throttle.Fail("so-noi-vu", "203.0.113.1", accountExists: true);
        }

        throttle.IsLocked("so-noi-vu", "203.0.113.2").ShouldBeTrue();

        // 50,000 made-up names from 50,000 addresses: five times what used to clear every counter.
        for (var i = 0; i < 50_000; i++)
        {
            throttle.Fail($"ten-ngau-nhien-{i}", $"198.51.{i / 250}.{i % 250}", accountExists: false);
        }

        throttle.IsLocked("so-noi-vu", "192.0.2.9").ShouldBeTrue();
        throttle.IsLocked("SO-NOI-VU ", "192.0.2.9").ShouldBeTrue();
        throttle.TrackedCount.ShouldBeLessThanOrEqualTo(1 + (2 * LoginThrottle.MaxTracked));
        throttle.IsLocked("quan-sat", "192.0.2.9").ShouldBeFalse();
    }

    [Fact]
    public void IsLocked_AfterTheWindow_Unlocked()
    {
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            throttle.Fail("so-noi-vu", "203.0.113.1", accountExists: true);
        }

        clock.Advance(LoginThrottle.Window - TimeSpan.FromSeconds(1));
        throttle.IsLocked("so-noi-vu", "192.0.2.9").ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(2));
        throttle.IsLocked("so-noi-vu", "192.0.2.9").ShouldBeFalse();
    }

    [Fact]
    public void IsLocked_UnknownNameFiveFailures_LockedLikeARealOne()
    {
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            throttle.Fail("khong-co-ai", "203.0.113.1", accountExists: false);
        }

        // The same answer as for an existing account, so the lockout does not tell which names exist.
        throttle.IsLocked("khong-co-ai", "192.0.2.9").ShouldBeTrue();
    }

    [Fact]
    public void IsLocked_TwentyFailuresFromOneAddress_ThatAddressOnly()
    {
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.MaxFailuresPerAddress; i++)
        {
            throttle.Fail($"ten-{i}", "203.0.113.1", accountExists: false);
        }

        throttle.IsLocked("so-noi-vu", "203.0.113.1").ShouldBeTrue();
        throttle.IsLocked("so-noi-vu", "203.0.113.2").ShouldBeFalse();
    }

    [Fact]
    public void Succeed_ClearsTheNameOnly()
    {
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.MaxFailures - 1; i++)
        {
            throttle.Fail("so-noi-vu", "203.0.113.1", accountExists: true);
        }

        throttle.Succeed("so-noi-vu");
        throttle.Fail("so-noi-vu", "203.0.113.1", accountExists: true);

        throttle.IsLocked("so-noi-vu", "192.0.2.9").ShouldBeFalse();
    }

    internal sealed class Clock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
