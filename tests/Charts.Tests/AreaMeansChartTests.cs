using CchcAnalytics.Analytics;
using CchcAnalytics.Core;

namespace CchcAnalytics.Charts.Tests;

/// <summary>The province mean per area across years: the same numbers as each year's area benchmarks, joined across the
/// framework changes of 2020 and 2023 where the crosswalk says an area still measures the same thing.</summary>
[Collection(ChartsData.Name)]
public sealed class AreaMeansChartTests(ChartsFixture fixture)
{
    private ChartSpec Build() => ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.AreaMeans), AnalyticsOptions.Default);

    [Fact]
    public void Build_EveryYear_EightAreasWithTheYearsMeanOfPercent()
    {
        var spec = Build();

        spec.Title.ShouldBe("Trung bình toàn tỉnh theo lĩnh vực qua các năm");
        spec.Table.Rows.Count.ShouldBe(8 * 8);
        foreach (var year in Enumerable.Range(2017, 8))
        {
            // The mean of the units' % of max, computed here from each result's area row.
            var results = fixture.Data.ResultsOf(year, "thanh-hoa", "district");
            foreach (var row in spec.Table.Rows.Where(r => (int)r[1]! == year))
            {
                var percents = results.Select(r => r.Find((string)row[3]!)?.Percent).OfType<decimal>().ToList();
                row[6].ShouldBe(percents.Count);
                row[7].ShouldBe(Math.Round(percents.Average(), 2, MidpointRounding.AwayFromZero));
            }
        }
    }

    [Fact]
    public void Build_Modernisation_OneLineAcrossTheRenamesWithTheRealReportIn2017()
    {
        var spec = Build();

        var rows = spec.Table.Rows.Where(r => (string)r[0]! == "modernisation").ToList();
        rows.Select(r => ((int)r[1]!, (string)r[3]!)).ShouldBe(Enumerable.Range(2017, 8).Select(y => (y, "7")));
        // Renamed in 2020 and 2023 ("Xây dựng và phát triển chính quyền điện tử"), still the same area by the crosswalk.
        rows.Select(r => r[8]).ShouldBe([false, true, true, true, true, true, true, true]);
        rows[^1][4].ShouldBe("XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ");
        // Hoằng Hóa's real 2017 report: 6,5 of 13 points in area 7 (50%), one of the 27 values of 2017's mean.
        fixture.Data.Result("hoang-hoa", 2017)!.Find("7")!.Percent.ShouldBe(50m);
        rows[0][6].ShouldBe(27);
        spec.Notes.ShouldContain(n => n.StartsWith("Lĩnh vực 7 qua các năm", StringComparison.Ordinal) && n.Contains("“Hiện đại hóa hành chính”", StringComparison.Ordinal));
        spec.Notes.ShouldNotContain(n => n.Contains("illustrative", StringComparison.Ordinal));
    }
}
