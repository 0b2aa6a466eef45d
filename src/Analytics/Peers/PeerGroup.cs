namespace CchcAnalytics.Analytics.Peers;

/// <summary>A peer group (nhóm tương đồng): units with similar area profiles in one year. Group 1 has the highest mean
/// index.</summary>
/// <param name="Number">1..k by descending mean index.</param>
/// <param name="Label">Vietnamese label ("Nhóm 1 – chỉ số cao").</param>
/// <param name="Description">Vietnamese sentence: size, mean index, and the areas where the group is furthest above
/// and below the province mean.</param>
/// <param name="MeanIndex">Mean of the members' index (0–100).</param>
/// <param name="Centroid">Mean % of each area over the members, in area-code order (not standardized).</param>
/// <param name="Members">Members ordered by unit id.</param>
public sealed record PeerGroup(
    int Number,
    string Label,
    string Description,
    decimal MeanIndex,
    IReadOnlyList<AreaPercent> Centroid,
    IReadOnlyList<PeerMember> Members)
{
    /// <summary>The group's mean % for an area; null when the area is not a feature.</summary>
    public decimal? CentroidOf(string areaCode) =>
        Centroid.Where(a => a.AreaCode == areaCode).Select(a => (decimal?)a.Percent).FirstOrDefault();
}
