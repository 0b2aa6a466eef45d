using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest;

/// <summary>The Vietnamese sentence that says a file replaces real data already stored (issue 12 §2): which version,
/// and what changes in the total. The upload preview says it before anything is written; ingest, as a
/// <see cref="ProblemCodes.RealDataReplaced"/> warning, once it is written (the command line prints it).</summary>
public static class ReplacementText
{
    /// <param name="unitId">The unit.</param>
    /// <param name="year">The index year.</param>
    /// <param name="stage">The stage replaced.</param>
    /// <param name="oldVersion">The current, real version that stops being current.</param>
    /// <param name="oldPoints">Its total (null when a score is missing).</param>
    /// <param name="oldMax">Its maximum.</param>
    /// <param name="newVersion">The version the file becomes.</param>
    /// <param name="newPoints">The file's total.</param>
    /// <param name="newMax">The file's maximum.</param>
    public static string Describe(string unitId, int year, Stage stage, int oldVersion, decimal? oldPoints, decimal oldMax, int newVersion, decimal? newPoints, decimal newMax) =>
        $"{unitId} {year} {stage.ToVietnamese()}: THAY số liệu thật đã lưu — phiên bản {oldVersion} ({Points(oldPoints)}/{VietnameseText.Number(oldMax)} điểm) " +
        $"thành phiên bản {newVersion} ({Points(newPoints)}/{VietnameseText.Number(newMax)} điểm), tổng điểm {Change(oldPoints, newPoints)}. " +
        $"Phiên bản {oldVersion} được giữ trong lịch sử.";

    /// <summary>A change of total: "+1", "−0,5", "không đổi (chỉ khác ở từng dòng)", or "không so được (thiếu điểm)".</summary>
    public static string Change(decimal? before, decimal? after) => (before, after) switch
    {
        ({ } b, { } a) when a > b => "+" + VietnameseText.Number(a - b),
        ({ } b, { } a) when a < b => "−" + VietnameseText.Number(b - a),
        ({ }, { }) => "không đổi (chỉ khác ở từng dòng)",
        _ => "không so được (thiếu điểm)",
    };

    private static string Points(decimal? points) => points is { } p ? VietnameseText.Number(p) : "—";
}
