namespace CchcAnalytics.Core;

/// <summary>One criterion's row in a score sheet, at any level, with the values as the document states them.</summary>
/// <param name="Code">Canonical code ("7.1.4").</param>
/// <param name="Level">Area, criterion or sub-criterion.</param>
/// <param name="Name">Name as the document prints it (NFC, HTML stripped, wrapped lines joined).</param>
/// <param name="MaxPoints">Điểm chuẩn.</param>
/// <param name="Points">Points at this stage; null when the document leaves the cell empty (never 0 for "missing").</param>
/// <param name="Evidence">Tài liệu kiểm chứng as plain text; null when none.</param>
public sealed record Score(string Code, CriterionLevel Level, string Name, decimal MaxPoints, decimal? Points, string? Evidence)
{
    public string? ParentCode => CriterionCode.ParentOf(Code);

    /// <summary>Points lost against the maximum (max − points); null when points are missing.</summary>
    public decimal? Lost => Points is { } p ? MaxPoints - p : null;
}
