using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics.Tests.Peers;

/// <summary>Hand-made unit-year results on a tiny framework, so every expected group and flag can be worked out by hand.</summary>
internal static class PeerCases
{
    public const int Year = 2023;

    /// <summary>A made-up framework with one area per maximum: areas "1", "2", … ("Khung minh họa").</summary>
    public static Framework Framework(params decimal[] areaMaxima) => Framework("test-framework", areaMaxima);

    public static Framework Framework(string id, params decimal[] areaMaxima) => new(
        id,
        "test-province",
        "district",
        2020,
        null,
        null,
        FrameworkStatus.Illustrative,
        "Khung minh họa cho kiểm thử",
        areaMaxima.Select((max, i) => new FrameworkCriterion(Code(i), CriterionLevel.Area, $"Lĩnh vực thử {Code(i)}", max)).ToList());

    /// <summary>A unit-year scored <paramref name="percents"/> of each area's maximum; null = the area has no points.</summary>
    public static UnitYearResult Result(Framework framework, string unitId, params decimal?[] percents) =>
        Result(framework, unitId, Year, percents);

    public static UnitYearResult Result(Framework framework, string unitId, int year, params decimal?[] percents)
    {
        var areas = framework.Criteria.Where(c => c.Level == CriterionLevel.Area).ToList();
        if (areas.Count != percents.Length)
        {
            throw new ArgumentException($"{areas.Count} areas need {areas.Count} percents", nameof(percents));
        }

        var criteria = areas.Select((a, i) => new CriterionResult(a.Code, a.Level, a.Name, a.MaxPoints, percents[i] * a.MaxPoints / 100m, null, true, null)).ToList();
        var points = criteria.Any(c => c.Points is null) ? null : criteria.Sum(c => c.Points);
        var unit = new Unit(unitId, unitId, UnitKind.Huyen, "test-province", null, null, []);
        return new UnitYearResult(unit, year, Stage.Appraised, false, framework, points, areas.Sum(a => a.MaxPoints), criteria, null);
    }

    /// <summary>The result with one more row (a criterion under an area), scored <paramref name="points"/> of
    /// <paramref name="maxPoints"/>; null points = missing.</summary>
    public static UnitYearResult WithRow(UnitYearResult result, string code, decimal maxPoints, decimal? points) =>
        result with { Criteria = [.. result.Criteria, new CriterionResult(code, CriterionLevel.Criterion, $"Tiêu chí thử {code}", maxPoints, points, null, true, null)] };

    private static string Code(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
