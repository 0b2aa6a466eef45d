using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Charts;

/// <summary>What a chart's data are: how many unit-years it shows, how many of them are synthetic (dữ liệu mẫu) or
/// self-assessed only, and whether any was scored against an illustrative framework (khung minh họa).</summary>
/// <param name="Results">Unit-years shown.</param>
/// <param name="Synthetic">Of them, generated sample data.</param>
/// <param name="SelfAssessed">Of them, with self-assessed points only (not appraised).</param>
/// <param name="Illustrative">Some were scored against a khung minh họa.</param>
public readonly record struct ChartStatus(int Results, int Synthetic, int SelfAssessed, bool Illustrative)
{
    /// <summary>The status of the unit-years a chart shows.</summary>
    public static ChartStatus Of(IEnumerable<UnitYearResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.Distinct().ToList();
        return new ChartStatus(
            list.Count,
            list.Count(r => r.Synthetic),
            list.Count(r => r.StageUsed == Stage.Self),
            list.Any(r => r.Framework.Status == FrameworkStatus.Illustrative));
    }

    /// <summary>Some shown data are synthetic.</summary>
    public bool AnySynthetic => Synthetic > 0;

    /// <summary>The Vietnamese status words for the title: "dữ liệu mẫu" (or "có dữ liệu mẫu" when mixed with real
    /// data), "khung minh họa", and a caveat when self-assessed totals are shown among appraised ones.</summary>
    public IReadOnlyList<string> Parts()
    {
        var parts = new List<string>();
        if (Synthetic > 0)
        {
            parts.Add(Synthetic == Results ? "dữ liệu mẫu" : $"có dữ liệu mẫu ({Synthetic}/{Results})");
        }

        if (Illustrative)
        {
            parts.Add("khung minh họa");
        }

        if (SelfAssessed > 0)
        {
            parts.Add(SelfAssessed == Results ? "điểm tự chấm" : $"có điểm tự chấm chưa thẩm định ({SelfAssessed})");
        }

        return parts;
    }

    public override string ToString() => string.Join(" · ", Parts());
}
