using System.Globalization;
using CchcAnalytics.Core;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>One unit, year and stage: the thing that is versioned.</summary>
internal readonly record struct SubmissionKey(string UnitId, int Year, string Stage) : IComparable<SubmissionKey>
{
    public static SubmissionKey Of(ScoreSheet sheet) => new(sheet.UnitId, sheet.Year, sheet.Stage.ToCode());

    public int CompareTo(SubmissionKey other) =>
        string.CompareOrdinal(ToString(), other.ToString());

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UnitId} {Year} {Stage}");
}
