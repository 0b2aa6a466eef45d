namespace CchcAnalytics.Core;

/// <summary>One row of a criteria framework.</summary>
/// <param name="Code">Canonical code ("7.1.4").</param>
/// <param name="Level">Area, criterion or sub-criterion; follows from the code's depth.</param>
/// <param name="Name">Vietnamese name as the framework prints it.</param>
/// <param name="MaxPoints">Điểm chuẩn (maximum points).</param>
public sealed record FrameworkCriterion(string Code, CriterionLevel Level, string Name, decimal MaxPoints)
{
    /// <summary>Parent code, null for an area.</summary>
    public string? ParentCode => CriterionCode.ParentOf(Code);
}
