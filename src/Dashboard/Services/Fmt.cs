using CchcAnalytics.Core;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Vietnamese display of numbers: "92,5", "—" for missing (never 0).</summary>
public static class Fmt
{
    public static string N(decimal? value) => value is { } v ? VietnameseText.Number(v) : "—";

    /// <summary>Rounded to two decimals for display (the value itself is exact).</summary>
    public static string N2(decimal? value) => value is { } v ? VietnameseText.Number(Math.Round(v, 2, MidpointRounding.AwayFromZero)) : "—";

    public static string Arrow(int? value) => value switch
    {
        null => "",
        > 0 => $"▲ {value}",
        < 0 => $"▼ {-value}",
        _ => "=",
    };

    public static string Delta(decimal? value) => value switch
    {
        null => "—",
        > 0 => "+" + N2(value),
        _ => N2(value),
    };
}
