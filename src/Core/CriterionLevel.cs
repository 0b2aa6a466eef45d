namespace CchcAnalytics.Core;

/// <summary>Depth of a row in the criteria tree.</summary>
public enum CriterionLevel
{
    /// <summary>Lĩnh vực (field), code "7".</summary>
    Area = 1,

    /// <summary>Tiêu chí (criterion), code "7.1".</summary>
    Criterion = 2,

    /// <summary>Tiêu chí thành phần (sub-criterion), code "7.1.4".</summary>
    SubCriterion = 3,
}

/// <summary>Stable text forms of <see cref="CriterionLevel"/>.</summary>
public static class CriterionLevelText
{
    public static string ToCode(this CriterionLevel level) => level switch
    {
        CriterionLevel.Area => "area",
        CriterionLevel.Criterion => "criterion",
        CriterionLevel.SubCriterion => "sub_criterion",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string ToVietnamese(this CriterionLevel level) => level switch
    {
        CriterionLevel.Area => "lĩnh vực",
        CriterionLevel.Criterion => "tiêu chí",
        CriterionLevel.SubCriterion => "tiêu chí thành phần",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Parses a stored text form; throws on unknown text (database or reference data corrupted).</summary>
    public static CriterionLevel Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Unknown criterion level '{text}'.");

    public static bool TryParse(string? text, out CriterionLevel level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "area":
                level = CriterionLevel.Area;
                return true;
            case "criterion":
                level = CriterionLevel.Criterion;
                return true;
            case "sub_criterion":
                level = CriterionLevel.SubCriterion;
                return true;
            default:
                level = default;
                return false;
        }
    }
}
