using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Exports;

/// <summary>Choices of <see cref="MeetingPackBuilder"/>.</summary>
public sealed record MeetingPackOptions
{
    /// <summary>The province's name for the title slide ("Thanh Hóa"); null takes it from the ranking's province slug.</summary>
    public string? ProvinceName { get; init; }

    /// <summary>The words for provinces and levels (<see cref="IndexData.Places"/>); without them slugs are shown as they are.</summary>
    public Places Places { get; init; } = Places.None;

    /// <summary>Units shown at the top and at the bottom of the ranking table; a ranking of at most twice this plus
    /// one is shown whole.</summary>
    public int TopAndBottom { get; init; } = 5;


    /// <summary>Rows of the shared-weaknesses table (most shared first); the rest are named in the speaker notes.</summary>
    public int MaxSharedWeaknesses { get; init; } = 6;

    /// <summary>Rows of a unit's weakest-criteria table.</summary>
    public int MaxWeakest { get; init; } = 5;

    /// <summary>Last year's ranking, for the change of the province mean and of the ranks; null when there is none.</summary>
    public Ranking? Previous { get; init; }

    /// <summary>The officially published results (any year and level): the footer names the year's decision.</summary>
    public IReadOnlyList<PublishedResult> Published { get; init; } = [];

    /// <summary>The settings the analytics were computed with, quoted on the weaknesses slide (threshold, window).</summary>
    public AnalyticsOptions Analytics { get; init; } = AnalyticsOptions.Default;

    public static MeetingPackOptions Default { get; } = new();
}
