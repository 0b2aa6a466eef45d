namespace CchcAnalytics.Core;

/// <summary>Where a criteria framework comes from, and so how far it can be trusted.</summary>
public enum FrameworkStatus
{
    /// <summary>Transcribed from the official decision.</summary>
    [Code("official", Vietnamese = "chính thức")]
    Official,

    /// <summary>Read from a real unit's report (the decision's own text is not available).</summary>
    [Code("derived", Vietnamese = "suy ra từ báo cáo thực")]
    Derived,

    /// <summary>Taken from the first document seen for a year without a known framework; to be confirmed.</summary>
    [Code("draft", Vietnamese = "khung tạm (chờ xác nhận)")]
    Draft,

    /// <summary>"Khung minh họa": made up to exercise the software; never official.</summary>
    [Code("illustrative", Vietnamese = "khung minh họa")]
    Illustrative,
}

/// <summary>Text forms of <see cref="FrameworkStatus"/>.</summary>
public static class FrameworkStatusText
{
    public static string ToCode(this FrameworkStatus status) => EnumCodes.Code<FrameworkStatus>(status);

    public static string ToVietnamese(this FrameworkStatus status) => EnumCodes.Vietnamese<FrameworkStatus>(status);

    /// <summary>Parses a stored text form; throws on unknown text (database or reference data corrupted).</summary>
    public static FrameworkStatus Parse(string text) => EnumCodes.Parse<FrameworkStatus>(text, "framework status");

    public static bool TryParse(string? text, out FrameworkStatus status) => EnumCodes.TryParse<FrameworkStatus>(text, out status);
}
