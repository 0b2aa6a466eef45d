namespace CchcAnalytics.Core;

/// <summary>Depth of a row in the criteria tree.</summary>
public enum CriterionLevel
{
    /// <summary>Lĩnh vực (field), code "7".</summary>
    [Code("area", Vietnamese = "lĩnh vực")]
    Area = 1,

    /// <summary>Tiêu chí (criterion), code "7.1".</summary>
    [Code("criterion", Vietnamese = "tiêu chí")]
    Criterion = 2,

    /// <summary>Tiêu chí thành phần (sub-criterion), code "7.1.4".</summary>
    [Code("sub_criterion", Vietnamese = "tiêu chí thành phần")]
    SubCriterion = 3,
}

/// <summary>Stable text forms of <see cref="CriterionLevel"/>.</summary>
public static class CriterionLevelText
{
    public static string ToCode(this CriterionLevel level) => EnumCodes.Code<CriterionLevel>(level);

    public static string ToVietnamese(this CriterionLevel level) => EnumCodes.Vietnamese<CriterionLevel>(level);

    /// <summary>Parses a stored text form; throws on unknown text (database or reference data corrupted).</summary>
    public static CriterionLevel Parse(string text) => EnumCodes.Parse<CriterionLevel>(text, "criterion level");

    public static bool TryParse(string? text, out CriterionLevel level) => EnumCodes.TryParse<CriterionLevel>(text, out level);
}
