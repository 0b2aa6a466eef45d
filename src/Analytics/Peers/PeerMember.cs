using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics.Peers;

/// <summary>A unit placed in a peer group, with the profile it was grouped by.</summary>
/// <param name="Result">The unit-year result it was grouped from.</param>
/// <param name="Index">Chỉ số: the areas' points over their maxima × 100.</param>
/// <param name="Areas">Each area's % of its maximum, in area-code order.</param>
public sealed record PeerMember(UnitYearResult Result, decimal Index, IReadOnlyList<AreaPercent> Areas)
{
    /// <summary>The unit.</summary>
    public Unit Unit => Result.Unit;

    /// <summary>The unit's % for an area; null when the area is not a feature.</summary>
    public decimal? PercentOf(string areaCode) =>
        Areas.Where(a => a.AreaCode == areaCode).Select(a => (decimal?)a.Percent).FirstOrDefault();
}
