namespace CchcAnalytics.Core;

/// <summary>The stage of a score sheet: the unit's own self-assessment or the province's appraisal.</summary>
public enum Stage
{
    /// <summary>Điểm tự chấm: points the unit gave itself.</summary>
    Self,

    /// <summary>Điểm thẩm định: points after the province's appraisal council reviewed the evidence.</summary>
    Appraised,
}

/// <summary>Stable text forms of <see cref="Stage"/> used in files and the database.</summary>
public static class StageText
{
    public static string ToCode(this Stage stage) => stage switch
    {
        Stage.Self => "self",
        Stage.Appraised => "appraised",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Vietnamese label shown to users.</summary>
    public static string ToVietnamese(this Stage stage) => stage switch
    {
        Stage.Self => "tự chấm",
        Stage.Appraised => "thẩm định",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Parses a stored text form; throws on unknown text (database or reference data corrupted).</summary>
    public static Stage Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Unknown stage '{text}'.");

    public static bool TryParse(string? text, out Stage stage)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "self":
                stage = Stage.Self;
                return true;
            case "appraised":
                stage = Stage.Appraised;
                return true;
            default:
                stage = default;
                return false;
        }
    }
}
