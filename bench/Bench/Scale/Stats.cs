using System.Globalization;

namespace CchcAnalytics.Bench.Scale;

/// <summary>Medians, nearest-rank percentiles and the invariant formatting of the scale bench's figures.</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile (p95 of 20 values is the 19th smallest); the median of an even count is the
    /// mean of the two middle values.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        if (percent == 50 && sorted.Count % 2 == 0)
        {
            return (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public static string Ms(double milliseconds) => milliseconds switch
    {
        double.NaN => "—",
        >= 10_000 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.0} s"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.00} s"),
        >= 100 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0.0} ms"),
    };

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.00} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KiB"),
    };

    public static string Count(double value) => value switch
    {
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{value / 1_000_000:0.00} M"),
        >= 10_000 => string.Create(CultureInfo.InvariantCulture, $"{value / 1000:0.0} k"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value:0}"),
    };

    public static string Ratio(double ratio) => ratio switch
    {
        double.NaN => "—",
        >= 100 => string.Create(CultureInfo.InvariantCulture, $"{ratio:0}×"),
        >= 10 => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0}×"),
        >= 0.1 => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}×"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0000}×"),
    };
}
