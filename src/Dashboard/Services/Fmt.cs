using CchcAnalytics.Core;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Vietnamese display of numbers: "92,5", "—" for missing (never 0).</summary>
public static class Fmt
{
    public static string N(decimal? value) => value is { } v ? VietnameseText.Number(v) : "—";

    /// <summary>An index or a % (of max, of units), or a difference of them: rounded half away from zero to two decimals and
    /// always written with two ("91,30"), in tables as on charts and in the workbooks (docs/methodology.md, "Làm tròn");
    /// the value itself is exact. Points are written as scored, with <see cref="N"/>.</summary>
    public static string N2(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", VietnameseText.Culture) : "—";

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
