namespace CchcAnalytics.BoundaryBuilder;

/// <summary>One commune-level unit of the 2025 list.</summary>
/// <param name="Code">Official code (Quyết định 19/2025/QĐ-TTg), e.g. "15865".</param>
/// <param name="Name">Name without the kind, in the project's tone placement ("Hoằng Hóa").</param>
/// <param name="DatasetName">Name as the dataset prints it ("Hoằng Hoá").</param>
/// <param name="Kind">"xa" or "phuong".</param>
internal sealed record Commune(string Code, string Name, string DatasetName, string Kind)
{
    public string KindVietnamese => Kind == "phuong" ? "Phường" : "Xã";

    public string FullName => $"{KindVietnamese} {Name}";

    /// <summary>Province and kind prefix keep the id apart from the district it may be named after
    /// (xã Hoằng Hóa, huyện Hoằng Hóa) and from communes of other provinces; the kind is the one of 1/7/2025 and the
    /// id stays if the kind changes, as Sầm Sơn's did.</summary>
    public string UnitId(string province) => $"{province}-{(Kind == "phuong" ? "phuong" : "xa")}-{CchcAnalytics.Core.VietnameseText.Slug(Name)}";
}
