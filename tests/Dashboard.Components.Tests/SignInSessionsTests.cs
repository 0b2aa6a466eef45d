using CchcAnalytics.Dashboard.Services.Security;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Server-side sign-in sessions (issue 12, §7): signing out ends one session, idle sessions lapse with the
/// cookie, and an account's sessions are bounded.</summary>
public sealed class SignInSessionsTests
{
    private readonly LoginThrottleTests.Clock clock = new();

    [Fact]
    public void End_ThatSessionRefusedOthersOfTheAccountGoOn()
    {
        var sessions = new SignInSessions(clock);
        var laptop = sessions.Start("so-noi-vu");
        var phone = sessions.Start("so-noi-vu");

        sessions.End(laptop);

        sessions.Touch(laptop, "so-noi-vu").ShouldBeFalse();
        sessions.Touch(phone, "so-noi-vu").ShouldBeTrue();
        laptop.Length.ShouldBe(32);
    }

    [Fact]
    public void Touch_AnotherAccountsSessionOrUnknownId_Refused()
    {
        var sessions = new SignInSessions(clock);
        var id = sessions.Start("so-noi-vu");

        sessions.Touch(id, "quan-sat").ShouldBeFalse();
        sessions.Touch("00000000000000000000000000000000", "so-noi-vu").ShouldBeFalse();
        sessions.Touch(null, "so-noi-vu").ShouldBeFalse();
    }

    [Fact]
    public void Touch_IdleLongerThanTheCookie_LapsesButUseKeepsItOpen()
    {
        var sessions = new SignInSessions(clock);
        var used = sessions.Start("so-noi-vu");
        var idle = sessions.Start("hoang-hoa.ubnd");

        clock.Advance(SignInSessions.IdleLimit - TimeSpan.FromMinutes(1));
        sessions.Touch(used, "so-noi-vu").ShouldBeTrue();
        clock.Advance(TimeSpan.FromMinutes(2));

        sessions.Touch(used, "so-noi-vu").ShouldBeTrue();
        sessions.Touch(idle, "hoang-hoa.ubnd").ShouldBeFalse();
    }

    [Fact]
    public void Start_MoreThanPerAccount_TheOldestEndsAndMemoryIsBounded()
    {
        var sessions = new SignInSessions(clock);
        var ids = new List<string>();
        for (var i = 0; i < SignInSessions.PerAccount + 5; i++)
        {
            ids.Add(sessions.Start("so-noi-vu"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        sessions.Count.ShouldBe(SignInSessions.PerAccount);
        ids.Take(5).ShouldAllBe(id => !sessions.Touch(id, "so-noi-vu"));
        ids.Skip(5).ShouldAllBe(id => sessions.Touch(id, "so-noi-vu"));
    }
}
