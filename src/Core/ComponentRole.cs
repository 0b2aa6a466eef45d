namespace CchcAnalytics.Core;

/// <summary>How a component of a framework enters the index (<c>in_index</c> of <c>data/frameworks/components.csv</c>):
/// <c>100 × (Σ add points + Σ bonus points − Σ subtract points) / Σ add applicable maxima</c>, kept between 0 and 100.</summary>
public enum ComponentRole
{
    /// <summary>Points added to the numerator and the applicable maximum to the denominator (the criteria, the survey).</summary>
    [Code("add", Vietnamese = "cộng vào điểm đạt và điểm tối đa")]
    Add,

    /// <summary>Điểm thưởng: points added to the numerator only.</summary>
    [Code("bonus", Vietnamese = "điểm thưởng, cộng vào điểm đạt")]
    Bonus,

    /// <summary>Điểm trừ: points subtracted from the numerator.</summary>
    [Code("subtract", Vietnamese = "điểm trừ, trừ vào điểm đạt")]
    Subtract,
}

/// <summary>Stable text forms of <see cref="ComponentRole"/>.</summary>
public static class ComponentRoleText
{
    public static string ToCode(this ComponentRole role) => EnumCodes.Code<ComponentRole>(role);

    public static string ToVietnamese(this ComponentRole role) => EnumCodes.Vietnamese<ComponentRole>(role);

    /// <summary>Parses a stored text form; throws on unknown text (database or reference data corrupted).</summary>
    public static ComponentRole Parse(string text) => EnumCodes.Parse<ComponentRole>(text, "component role");

    public static bool TryParse(string? text, out ComponentRole role) => EnumCodes.TryParse<ComponentRole>(text, out role);
}
