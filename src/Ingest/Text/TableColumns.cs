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
    /// <summary>The first column after <see cref="Evidence"/> with a header of its own ("Ghi chú"), which is not
    /// evidence; <see cref="int.MaxValue"/> when the evidence is the last column (cells past the header's width are
    /// then evidence split at tabs).</summary>
    public int EvidenceEnd { get; init; } = int.MaxValue;

    /// <summary>Roles two header cells claim (two "Điểm tự chấm" columns): such a table is not read, because which
    /// column holds the data would be a guess (<c>ambiguous-column</c>).</summary>
    public IReadOnlyList<AmbiguousColumn> Ambiguous { get; init; } = [];

    /// <summary>Recognises a header row from its cells; null when the cells are not a Bảng tổng hợp header.</summary>
    public static TableColumns? FromHeader(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int code = -1, name = -1, max = -1, self = -1, appraised = -1, evidence = -1;
        var ambiguous = new List<AmbiguousColumn>();
        void Take(ref int role, int index, string roleName)
        {
            if (role < 0)
            {
                role = index;
            }
            else
            {
                // Two columns claim the same role: which one holds the data is a guess, and a guess is never read.
                ambiguous.Add(new AmbiguousColumn(roleName, role, index));
            }
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var cell = HtmlText.ToPlainText(cells[i]).ToLowerInvariant();
            if (cell.Length == 0)
            {
                continue;
            }

            if (cell.Contains("điểm chuẩn", StringComparison.Ordinal) || cell.Contains("điểm tối đa", StringComparison.Ordinal))
            {
                Take(ref max, i, "Điểm chuẩn");
            }
            else if (cell.Contains("tự chấm", StringComparison.Ordinal) || cell.Contains("tự đánh giá", StringComparison.Ordinal))
            {
                Take(ref self, i, "Điểm tự chấm");
            }
            else if (cell.Contains("thẩm định", StringComparison.Ordinal))
            {
                Take(ref appraised, i, "Điểm thẩm định");
            }
            else if (cell.Contains("kiểm chứng", StringComparison.Ordinal))
            {
                Take(ref evidence, i, "Tài liệu kiểm chứng");
            }
            else if (cell is "stt" or "tt" or "số tt" or "mã" or "mã số" || cell.StartsWith("stt", StringComparison.Ordinal))
            {
                Take(ref code, i, "STT");
            }
            else if (cell.Contains("tiêu chí", StringComparison.Ordinal) || cell.Contains("lĩnh vực", StringComparison.Ordinal) || cell.Contains("nội dung", StringComparison.Ordinal))
            {
                Take(ref name, i, "Tiêu chí");
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

        var evidenceEnd = int.MaxValue;
        for (var i = evidence + 1; evidence >= 0 && i < cells.Count; i++)
        {
            if (HtmlText.ToPlainText(cells[i]).Length > 0)
            {
                evidenceEnd = i;
                break;
            }
        }

        return new TableColumns(cells.Count, code, name, max, self, appraised, evidence) { EvidenceEnd = evidenceEnd, Ambiguous = ambiguous };
    }
}
