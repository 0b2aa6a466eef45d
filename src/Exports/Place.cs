namespace CchcAnalytics.Exports;

/// <summary>Vietnamese names of the province and level slugs the analytics use.</summary>
internal static class Place
{
    /// <summary>Province slug → name; the product serves Thanh Hóa. An unknown slug is shown as it is.</summary>
    public static string ProvinceName(string slug) => slug switch
    {
        "thanh-hoa" => "Thanh Hóa",
        _ => slug,
    };

    /// <summary>The units of a level as a leader names them: "các huyện, thị xã, thành phố".</summary>
    public static string UnitsName(string level) => level switch
    {
        "district" => "các huyện, thị xã, thành phố",
        "commune" => "các xã, phường, thị trấn",
        "department" => "các sở, ban, ngành",
        _ => level,
    };

    public static string LevelName(string level) => level switch
    {
        "district" => "cấp huyện",
        "commune" => "cấp xã",
        "department" => "cấp sở, ban, ngành",
        _ => level,
    };
}
