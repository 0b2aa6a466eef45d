namespace CchcAnalytics.BoundaryBuilder;

/// <summary>Where one 2025 commune came from, as far as the sources say.</summary>
/// <param name="Commune">The 2025 commune.</param>
/// <param name="FormerUnits">The pre-2025 communes the source lists, as printed ("Phường Ba Đình (thị xã Bỉm Sơn)").</param>
/// <param name="FormerDistricts">Project ids of the district-level units those communes belonged to on 30/6/2025,
/// for the former communes whose district the sources determine.</param>
/// <param name="Unresolved">Vietnamese sentences, one per former commune whose district the sources do not determine.</param>
/// <param name="Notes">Vietnamese sentences about spellings and "giữ nguyên".</param>
internal sealed record CommuneOrigin(
    Commune Commune,
    IReadOnlyList<string> FormerUnits,
    IReadOnlyList<string> FormerDistricts,
    IReadOnlyList<string> Unresolved,
    IReadOnlyList<string> Notes)
{
    public string Status => FormerUnits.Count == 0 ? "unknown" : Unresolved.Count == 0 ? "documented" : "partial";
}
