using CchcAnalytics.Ingest.Text;

namespace CchcAnalytics.Ingest;

/// <summary>Where each column of a Bảng tổng hợp sits, found from its Vietnamese headers, never by position alone.</summary>
/// <param name="Width">Number of header cells.</param>
/// <param name="Code">STT column.</param>
/// <param name="Name">Lĩnh vực/Tiêu chí/Tiêu chí thành phần.</param>
/// <param name="Max">Điểm chuẩn.</param>
/// <param name="Self">Điểm tự chấm / tự đánh giá.</param>
/// <param name="Appraised">Điểm thẩm định; -1 when the table has no such column.</param>
/// <param name="Evidence">Tài liệu kiểm chứng; -1 when absent.</param>
public sealed record TableColumns(int Width, int Code, int Name, int Max, int Self, int Appraised, int Evidence)
{
    /// <summary>Recognises a header row from its cells; null when the cells are not a Bảng tổng hợp header.</summary>
    public static TableColumns? FromHeader(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int code = -1, name = -1, max = -1, self = -1, appraised = -1, evidence = -1;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = HtmlText.ToPlainText(cells[i]).ToLowerInvariant();
            if (cell.Length == 0)
            {
                continue;
            }

            if (max < 0 && (cell.Contains("điểm chuẩn", StringComparison.Ordinal) || cell.Contains("điểm tối đa", StringComparison.Ordinal)))
            {
                max = i;
            }
            else if (self < 0 && (cell.Contains("tự chấm", StringComparison.Ordinal) || cell.Contains("tự đánh giá", StringComparison.Ordinal)))
            {
                self = i;
            }
            else if (appraised < 0 && cell.Contains("thẩm định", StringComparison.Ordinal))
            {
                appraised = i;
            }
            else if (evidence < 0 && cell.Contains("kiểm chứng", StringComparison.Ordinal))
            {
                evidence = i;
            }
            else if (code < 0 && (cell is "stt" or "tt" or "số tt" or "mã" or "mã số" || cell.StartsWith("stt", StringComparison.Ordinal)))
            {
                code = i;
            }
            else if (name < 0 && (cell.Contains("tiêu chí", StringComparison.Ordinal) || cell.Contains("lĩnh vực", StringComparison.Ordinal) || cell.Contains("nội dung", StringComparison.Ordinal)))
            {
                name = i;
            }
        }

        if (max < 0 || self < 0 || name < 0)
        {
            return null;
        }

        if (code < 0)
        {
            code = name > 0 ? name - 1 : -1;
            if (code < 0)
            {
                return null;
            }
        }

        return new TableColumns(cells.Count, code, name, max, self, appraised, evidence);
    }
}
