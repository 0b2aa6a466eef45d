using CchcAnalytics.Core;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Vietnamese display of numbers: "92,5", "—" for missing (never 0).</summary>
public static class Fmt
{
    public static string N(decimal? value) => value is { } v ? VietnameseText.Number(v) : "—";

    /// <summary>An index or a % (of max, of units), or a difference of them: rounded half away from zero to two decimals and
    /// always written with two ("91,30"), in tables as on charts and in the workbooks (docs/methodology.md, "Làm tròn");
    /// the value itself is exact. Points are written as scored, with <see cref="N"/>.</summary>
    public static string N2(decimal? value) => value is { } v ? VietnameseText.Percent(v) : "—";

    /// <summary>A stored UTC time as readers in Viet Nam read it: "05/12/2026 11:09:33" (Asia/Ho_Chi_Minh, UTC+7 all year).</summary>
    public static string VietnamTime(DateTime utc)
    {
        var asUtc = utc.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : utc.ToUniversalTime();
        return TimeZoneInfo.ConvertTimeFromUtc(asUtc, Vietnam).ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Who wrote, in words: the dashboard's start-up load and the command line are named, accounts shown as they are.</summary>
    public static string Actor(string actor) => actor switch
    {
        null or "" => "—",
        "dashboard:startup" => "nạp tự động khi khởi động",
        "cli" => "dòng lệnh",
        _ when actor.StartsWith("cli:", StringComparison.Ordinal) => $"dòng lệnh ({actor[4..]})",
        _ => actor,
    };

    private static readonly TimeZoneInfo Vietnam = FindVietnam();

    /// <summary>Asia/Ho_Chi_Minh from the system's time-zone data; Viet Nam has kept UTC+7 without daylight saving since
    /// 1975, so a machine without that data uses the fixed offset.</summary>
    private static TimeZoneInfo FindVietnam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }

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
