namespace CchcAnalytics.Core;

/// <summary>Where a criteria framework comes from, and so how far it can be trusted.</summary>
public enum FrameworkStatus
{
    /// <summary>Transcribed from the official decision.</summary>
    Official,

    /// <summary>Read from a real unit's report (the decision's own text is not available).</summary>
    Derived,

    /// <summary>Taken from the first document seen for a year without a known framework; to be confirmed.</summary>
    Draft,

    /// <summary>"Khung minh họa": made up to exercise the software; never official.</summary>
    Illustrative,
}

/// <summary>Text forms of <see cref="FrameworkStatus"/>.</summary>
public static class FrameworkStatusText
{
    public static string ToCode(this FrameworkStatus status) => status switch
    {
        FrameworkStatus.Official => "official",
        FrameworkStatus.Derived => "derived",
        FrameworkStatus.Draft => "draft",
        FrameworkStatus.Illustrative => "illustrative",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string ToVietnamese(this FrameworkStatus status) => status switch
    {
        FrameworkStatus.Official => "chính thức",
        FrameworkStatus.Derived => "suy ra từ báo cáo thực",
        FrameworkStatus.Draft => "khung tạm (chờ xác nhận)",
        FrameworkStatus.Illustrative => "khung minh họa",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Parses a stored text form; throws on unknown text (database or reference data corrupted).</summary>
    public static FrameworkStatus Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Unknown framework status '{text}'.");

    public static bool TryParse(string? text, out FrameworkStatus status)
    {
        foreach (var candidate in Enum.GetValues<FrameworkStatus>())
        {
            if (string.Equals(candidate.ToCode(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
