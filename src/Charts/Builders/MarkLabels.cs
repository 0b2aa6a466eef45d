using CchcAnalytics.Core;

namespace CchcAnalytics.Charts.Builders;

/// <summary>The Vietnamese hover labels of chart marks: the unit's full name, the year and the value with the table's
/// rounding ("huyện Hoằng Hóa — 2023: 91,92 (hạng 2/27)").</summary>
internal static class MarkLabels
{
    /// <summary>A unit's index in a year, with its rank and what to bear in mind (tied, self-assessed, sample data).</summary>
    public static string Index(string unitName, int year, decimal? index, int? rank, int? rankOf, bool tied, Stage stage, bool synthetic)
    {
        var notes = new List<string>();
        if (rank is { } r)
        {
            notes.Add($"hạng {r}{(rankOf is { } of ? $"/{of}" : "")}{(tied ? ", đồng hạng" : "")}");
        }

        if (stage == Stage.Self)
        {
            notes.Add("tự chấm");
        }

        if (synthetic)
        {
            notes.Add("dữ liệu mẫu");
        }

        var value = index is { } v ? ChartText.Percent(v) : "không có chỉ số";
        return $"{unitName} — {ChartText.Year(year)}: {value}{(notes.Count > 0 ? $" ({string.Join("; ", notes)})" : "")}";
    }

    /// <summary>A unit's % of max of an area or criterion in a year: "huyện Hoằng Hóa — 7. Hiện đại hóa hành chính, 2023:
    /// 50,00% điểm chuẩn (6,5/13 điểm)", or "… thiếu điểm".</summary>
    public static string Percent(string unitName, string code, string name, int year, decimal? percent, decimal? points, decimal? maxPoints)
    {
        var what = $"{unitName} — {ChartText.AreaLabel(code, name, 80)}, {ChartText.Year(year)}";
        if (percent is not { } p)
        {
            return $"{what}: thiếu điểm";
        }

        var detail = points is { } pts && maxPoints is { } max ? $" ({ChartText.Points(pts)}/{ChartText.Points(max)} điểm)" : "";
        return $"{what}: {ChartText.Percent(p)}% điểm chuẩn{detail}";
    }
}
