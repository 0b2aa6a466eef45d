using System.Globalization;
using System.Text;
using CchcAnalytics.Core;

namespace CchcAnalytics.Charts;

/// <summary>Vietnamese text on charts: vi-VN numbers ("92,15"), short unit names and readable area names.</summary>
internal static class ChartText
{
    /// <summary>Rounds the index and percentages for display and for the data table (two decimals, as the CLI).</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal? Round(decimal? value) => value is { } v ? Round(v) : null;

    /// <summary>An index, a % of max or a difference of them: "91,30", "100,00", "0,50" — vi-VN, rounded half away from
    /// zero to two decimals and always written with two, as the dashboard's tables write them (docs/methodology.md,
    /// "Làm tròn / Rounding").</summary>
    public static string Percent(decimal value) => VietnameseText.Percent(value);

    /// <summary>"91,30", or "—" for a missing value.</summary>
    public static string Percent(decimal? value) => value is { } v ? Percent(v) : "—";

    /// <summary>Points as scored: "15,5", "92", "0,125" — vi-VN, exact (the documents' own numbers, at most three
    /// decimals), never rounded.</summary>
    public static string Points(decimal value) => VietnameseText.Number(value);

    /// <summary>A tick label: vi-VN, at most two decimals, no thousands separator needed below 1000.</summary>
    public static string Tick(double value) => value.ToString("#,0.##", VietnameseText.Culture);

    /// <summary>A year as written, never "2.017" or "2,017".</summary>
    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>"2017–2024", or "2023" for one year.</summary>
    public static string Years(IEnumerable<int> years)
    {
        var list = years.Distinct().Order().ToList();
        return list.Count switch
        {
            0 => "",
            1 => Year(list[0]),
            _ => $"{Year(list[0])}–{Year(list[^1])}",
        };
    }

    /// <summary>A short label for a unit in a chart: "Hoằng Hóa", "TP Thanh Hóa", "TX Nghi Sơn" (the kind is kept
    /// for cities and towns, so TP Thanh Hóa is not mistaken for the province).</summary>
    public static string UnitLabel(Unit unit) => unit.Kind switch
    {
        UnitKind.ThanhPho => "TP " + unit.Name,
        UnitKind.ThiXa => "TX " + unit.Name,
        _ => unit.Name,
    };

    /// <summary>"7. Hiện đại hóa hành chính": the code and the name in sentence case, cut at <paramref name="width"/>.</summary>
    public static string AreaLabel(string code, string name, int width = 44) => Cut($"{code}. {SentenceCase(name)}", width);

    /// <summary>An all-caps name ("HIỆN ĐẠI HÓA HÀNH CHÍNH") in sentence case, keeping acronyms (CCHC, TTHC); other
    /// names are returned unchanged (<see cref="VietnameseText.SentenceCase"/>).</summary>
    public static string SentenceCase(string name) => VietnameseText.SentenceCase(name);

    /// <summary>The text cut to at most <paramref name="width"/> characters with an ellipsis, between words where one
    /// ends in the second half.</summary>
    public static string Cut(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= width)
        {
            return text;
        }

        var kept = text[..(width - 1)];
        var space = kept.LastIndexOf(' ');
        if (text[width - 1] != ' ' && space > width / 2)
        {
            kept = kept[..space];
        }

        return kept.TrimEnd(' ', ',', ';', ':') + "…";
    }
}
