using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics;

/// <summary>The index of a unit-year from its framework's components (<c>data/frameworks/components.csv</c>, data/README.md):
/// <c>index = 100 × (Σ add points + Σ bonus points − Σ subtract points) / Σ add applicable maxima</c>, kept between 0 and
/// 100. A component without points (no survey was run, no bonus given) is left out of both sides: a missing score is
/// never 0. For a framework that is its criteria tree alone, the points and maximum are the tree's, unchanged.</summary>
/// <remarks>The database path computes the same sums in <c>Sql/unit_years.sql</c>; <c>SqlPathEquivalenceTests</c> holds
/// the two together.</remarks>
public static class IndexFormula
{
    /// <summary>Every component of <paramref name="framework"/> with the points of one stage: the criteria tree's
    /// (<paramref name="criteriaPoints"/> of <paramref name="criteriaMax"/>) and each scored component's; a component
    /// without a score has null points and the framework's maximum.</summary>
    public static IReadOnlyList<ComponentResult> Parts(Framework framework, decimal? criteriaPoints, decimal criteriaMax, IReadOnlyList<ComponentScore> scores)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(scores);
        return framework.Components.Select(component =>
        {
            if (component.IsCriteria)
            {
                return new ComponentResult(component.Id, component.Name, component.Role, criteriaMax, criteriaPoints);
            }

            var score = scores.FirstOrDefault(s => s.Id == component.Id);
            return score?.Points is { } points
                ? new ComponentResult(component.Id, component.Name, component.Role, score.MaxPoints, points)
                : new ComponentResult(component.Id, component.Name, component.Role, component.MaxPoints, null);
        }).ToList();
    }

    /// <summary>The index's points (numerator) and applicable maximum (denominator) over <paramref name="parts"/>:
    /// null points when the criteria tree's are missing.</summary>
    public static (decimal? Points, decimal MaxPoints) Total(IReadOnlyList<ComponentResult> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var criteria = parts.First(p => p.IsCriteria);
        var scored = parts.Where(p => !p.IsCriteria && p.Points is not null).ToList();
        if (scored.Count == 0 || criteria.Points is not { } points)
        {
            return (criteria.Points, criteria.MaxPoints);
        }

        var max = criteria.MaxPoints;
        foreach (var part in scored)
        {
            points += part.Role == ComponentRole.Subtract ? -part.Points!.Value : part.Points!.Value;
            max += part.Role == ComponentRole.Add ? part.MaxPoints : 0m;
        }

        return (points, max);
    }

    /// <summary>Chỉ số: 100 × points / maximum, kept between 0 and 100 (bonus points cannot take it above 100, penalty
    /// points below 0); null when the points are missing or the maximum is not positive.</summary>
    public static decimal? Index(decimal? points, decimal maxPoints) =>
        points is { } p && maxPoints > 0 ? Math.Clamp(p / maxPoints * 100m, 0m, 100m) : null;
}
