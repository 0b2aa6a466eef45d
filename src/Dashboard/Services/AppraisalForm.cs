using System.Globalization;
using System.Text;
using CchcAnalytics.Core;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>The province's appraisal (điểm thẩm định) typed into the dashboard: one field per scored sub-criterion of the
/// unit's current self-assessment. The entry becomes a canonical CSV of the appraised stage that goes through the same
/// validation, preview, role check, confirmation and audit as an uploaded file. Each field may carry a note (lý do trừ
/// điểm, tài liệu đã xem), stored as the appraised row's evidence and shown beside it on the unit's score sheet.</summary>
public static class AppraisalForm
{
    /// <summary>Form field name of a leaf's appraised points.</summary>
    public static string Field(string code) => "d:" + code;

    /// <summary>Form field name of a leaf's appraisal note (why points were cut, what evidence was checked); stored as the
    /// appraised row's tài liệu kiểm chứng.</summary>
    public static string NoteField(string code) => "g:" + code;

    /// <summary>Characters of one appraisal note.</summary>
    public const int MaxNoteCharacters = 2_000;

    /// <summary>The current self-assessment of a unit-year and, when there is one, the current appraisal.</summary>
    public static (Submission Self, IReadOnlyList<Score> SelfScores, IReadOnlyDictionary<string, Score> Appraised)? Load(Ingest.UploadDesk desk, string unitId, int year)
    {
        ArgumentNullException.ThrowIfNull(desk);
        return desk.CurrentTables(unitId, year);
    }

    /// <summary>Leaves are the rows no other row names as parent: only they are typed; parents are their sums.</summary>
    public static IReadOnlySet<string> Leaves(IReadOnlyList<Score> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var parents = scores.Select(s => s.ParentCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return scores.Where(s => !parents.Contains(s.Code)).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Reads a typed number: "0,5" (vi-VN) or "0.5"; empty is missing (null, never 0). False when not a number.</summary>
    public static bool TryReadPoints(string? text, out decimal? points)
    {
        points = null;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (trimmed.Length <= 12 && decimal.TryParse(trimmed.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            points = value;
            return true;
        }

        return false;
    }

    /// <summary>The canonical CSV of the appraised stage: typed leaves, parents as the sum of their children capped at the
    /// parent's maximum (missing when any child is missing), the tree, names and maxima of the self-assessment.</summary>
    /// <remarks><paramref name="notes"/>: a leaf's appraisal note, stored as the appraised row's evidence (empty: none).</remarks>
    public static string ToCsv(Unit unit, int year, IReadOnlyList<Score> selfScores, IReadOnlyDictionary<string, decimal?> leafPoints,
        IReadOnlyDictionary<string, string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(selfScores);
        ArgumentNullException.ThrowIfNull(leafPoints);
        var points = new Dictionary<string, decimal?>(leafPoints, StringComparer.Ordinal);
        foreach (var score in selfScores.OrderByDescending(s => s.Code.Count(c => c == '.')))
        {
            if (!points.ContainsKey(score.Code))
            {
                var children = selfScores.Where(c => c.ParentCode == score.Code).Select(c => points.GetValueOrDefault(c.Code)).ToList();
                // A parent never exceeds its own Điểm chuẩn, even where its sub-rows' maxima add up to more (the 2017
                // framework's 5.4 states 4 while its sub-rows allow 4,5).
                points[score.Code] = children.Count > 0 && children.All(p => p is not null) ? Math.Min(children.Sum()!.Value, score.MaxPoints) : null;
            }
        }

        var rows = selfScores.Select(s => new ExportRow(unit.Id, unit.Name, year, Stage.Appraised.ToCode(), s.Code, s.Level.ToCode(), s.Name,
            s.MaxPoints, points.GetValueOrDefault(s.Code), notes?.GetValueOrDefault(s.Code) is { Length: > 0 } note ? note : null, Synthetic: false)).ToList();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Ingest.Csv.CanonicalCsv.Write(writer, rows);
        return writer.ToString();
    }

    /// <summary>The file name the audit trail shows for a typed appraisal.</summary>
    public static string FileName(string unitId, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"tham-dinh-{unitId}-{year}-nhap-tren-bang-dieu-khien.csv");

    public static byte[] Bytes(string csv) => new UTF8Encoding(false).GetBytes(csv);
}
