using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics.Tests;

/// <summary>Small hand-made provinces for measures whose arithmetic a test can show in full. A framework here has
/// areas "1" and "2", each with two sub-criteria worth 25 points: 100 in all.</summary>
internal static class Hand
{
    public static readonly Framework Framework = MakeFramework("f", 2017, FrameworkStatus.Derived);

    public static Framework MakeFramework(string id, int from, FrameworkStatus status, int? to = null) => new(
        id, "p", "district", from, to, null, status, "hand-made",
        [
            new FrameworkCriterion("1", CriterionLevel.Area, "Lĩnh vực một", 50m),
            new FrameworkCriterion("1.1", CriterionLevel.Criterion, "Tiêu chí 1.1", 25m),
            new FrameworkCriterion("1.2", CriterionLevel.Criterion, "Tiêu chí 1.2", 25m),
            new FrameworkCriterion("2", CriterionLevel.Area, "Lĩnh vực hai", 50m),
            new FrameworkCriterion("2.1", CriterionLevel.Criterion, "Tiêu chí 2.1", 25m),
            new FrameworkCriterion("2.2", CriterionLevel.Criterion, "Tiêu chí 2.2", 25m),
        ]);

    public static Unit Unit(string id, UnitKind kind = UnitKind.Huyen, int? first = null, int? last = null) =>
        new(id, id.ToUpperInvariant(), kind, "p", null, null, [], first, last);

    /// <summary>A sheet with leaf points (1.1, 1.2, 2.1, 2.2); parents are their sums.</summary>
    public static (Submission, IReadOnlyList<Score>) Sheet(string unit, int year, Stage stage, decimal? p11, decimal? p12, decimal? p21, decimal? p22, Framework? framework = null, bool synthetic = false)
    {
        framework ??= Framework;
        decimal? Sum(decimal? a, decimal? b) => a is null || b is null ? null : a + b;
        var area1 = Sum(p11, p12);
        var area2 = Sum(p21, p22);
        var byCode = new Dictionary<string, decimal?> { ["1"] = area1, ["1.1"] = p11, ["1.2"] = p12, ["2"] = area2, ["2.1"] = p21, ["2.2"] = p22 };
        var scores = framework.Criteria.Select(c => new Score(c.Code, c.Level, c.Name, c.MaxPoints, byCode[c.Code], null)).ToList();
        var submission = new Submission(
            unit.GetHashCode(StringComparison.Ordinal) + (year * 10) + (int)stage, unit, year, stage, 1, true, framework.Id, "hand.csv", "csv", "h", "c",
            null, null, null, framework.TotalMax, Sum(area1, area2), synthetic, DateTime.UnixEpoch, scores.Count);
        return (submission, scores);
    }

    public static IndexData Data(IReadOnlyList<Unit> units, IEnumerable<(Submission, IReadOnlyList<Score>)> sheets, IReadOnlyList<LineageEvent>? lineage = null, IReadOnlyList<Framework>? frameworks = null, Crosswalk? crosswalk = null) =>
        new(units, lineage ?? [], frameworks ?? [Framework], crosswalk ?? Crosswalk.Empty, [], sheets);
}
