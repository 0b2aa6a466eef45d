using CchcAnalytics.Core;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Storage.Tests;

/// <summary>Stored timestamps come from the factory's clock (<see cref="DuckDbConnectionFactory.Time"/>), not from the
/// machine's, so they can be checked exactly.</summary>
public sealed class StoreClockTests : IDisposable
{
    private static readonly DateTimeOffset Ingested = new(2024, 3, 1, 8, 30, 0, TimeSpan.Zero);

    private readonly FixedClock clock = new(Ingested);
    private readonly DuckDbConnectionFactory connections;
    private readonly ScoreStore store;

    public StoreClockTests()
    {
        connections = new DuckDbConnectionFactory(":memory:") { Time = clock };
        store = new ScoreStore(connections);
        store.Reference.UpsertUnits([new Unit("hoang-hoa", "Hoằng Hóa", UnitKind.Huyen, "thanh-hoa", null, new DateOnly(2025, 6, 30), ["Hoàng Hóa"])]);
    }

    public void Dispose() => connections.Dispose();

    [Fact]
    public void Save_FixedClock_IngestedAndSupersededAtAreTheClocksTimes()
    {
        store.Submissions.Save([Incoming(92m)], [], "test");
        clock.Now = Ingested.AddDays(10);
        store.Submissions.Save([Incoming(91m)], [], "test");

        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, ingested_at, superseded_at FROM submission ORDER BY version";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetDateTime(1).ShouldBe(Ingested.UtcDateTime);
        reader.GetDateTime(2).ShouldBe(Ingested.AddDays(10).UtcDateTime);
        reader.Read().ShouldBeTrue();
        reader.GetInt32(0).ShouldBe(2);
        reader.GetDateTime(1).ShouldBe(Ingested.AddDays(10).UtcDateTime);
        reader.IsDBNull(2).ShouldBeTrue();
    }

    private static IncomingSubmission Incoming(decimal points) => new(
        new ScoreSheet("hoang-hoa", 2017, Stage.Self,
        [
            new Score("1", CriterionLevel.Area, "Lĩnh vực 1", 100m, points, null),
        ]),
        "thanh-hoa-district-2017", "a.txt", "text", "hash-" + points, "1/BC-UBND", new DateOnly(2017, 11, 20), points, false, []);
}
