namespace CchcAnalytics.Core;

/// <summary>The stage of a score sheet: the unit's own self-assessment or the province's appraisal.</summary>
public enum Stage
{
    /// <summary>Điểm tự chấm: points the unit gave itself.</summary>
    [Code("self", Vietnamese = "tự chấm")]
    Self,

    /// <summary>Điểm thẩm định: points after the province's appraisal council reviewed the evidence.</summary>
    [Code("appraised", Vietnamese = "thẩm định")]
    Appraised,
}

/// <summary>Stable text forms of <see cref="Stage"/> used in files and the database.</summary>
public static class StageText
{
    public static string ToCode(this Stage stage) => EnumCodes.Code<Stage>(stage);

    /// <summary>Vietnamese label shown to users.</summary>
    public static string ToVietnamese(this Stage stage) => EnumCodes.Vietnamese<Stage>(stage);

    /// <summary>Parses a stored text form; throws on unknown text (database or reference data corrupted).</summary>
    public static Stage Parse(string text) => EnumCodes.Parse<Stage>(text, "stage");

    public static bool TryParse(string? text, out Stage stage) => EnumCodes.TryParse<Stage>(text, out stage);
}
