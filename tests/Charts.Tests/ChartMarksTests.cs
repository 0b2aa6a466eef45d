using CchcAnalytics.Analytics;
using SkiaSharp;

namespace CchcAnalytics.Charts.Tests;

/// <summary>The marks a page lays over a chart (issue 16 §4): one per bar, point or cell, with a Vietnamese hover label,
/// vi-VN numbers at the tables' rounding, a link to the unit or criterion, and a rectangle that sits on what it
/// describes in the rendered picture.</summary>
[Collection(ChartsData.Name)]
public sealed class ChartMarksTests(ChartsFixture fixture)
{
    private ChartSpec Build(ChartRequest request) => ChartFactory.Build(fixture.Data, request, AnalyticsOptions.Default);

    [Fact]
    public void Marks_Ranking2023_EveryBarHasAMarkWithItsUnitValueAndLink()
    {
        var ranking = Ranker.For(fixture.Data, 2023, "thanh-hoa", "district", AnalyticsOptions.Default);
        var spec = Build(new ChartRequest(ChartKind.Ranking, Year: 2023));

        var marks = ChartRenderer.Marks(spec);

        (marks.Width, marks.Height).ShouldBe((spec.Width, spec.Height));
        marks.Marks.Count.ShouldBe(ranking.Units.Count);
        for (var i = 0; i < ranking.Units.Count; i++)
        {
            var unit = ranking.Units[i];
            var mark = marks.Marks[i];
            mark.Label.ShouldStartWith($"{unit.Result.Unit.FullName} — 2023: {ChartText.Percent(unit.Index)} (hạng {unit.Rank}/{unit.RankOf}");
            mark.Link.ShouldBe($"/don-vi/{unit.Result.Unit.Id}?nam=2023");
        }

        // The brief's example: Hoằng Hóa, second of 27 in 2023 with 91,92 in the published decision 600/QĐ-UBND.
        marks.Marks.ShouldContain(m => m.Label.StartsWith("huyện Hoằng Hóa — 2023: 91,92 (hạng 2/27", StringComparison.Ordinal));
        // Best on top: the marks go down the picture as the ranking does.
        marks.Marks.Select(m => m.CenterY).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void Marks_Ranking2017_EachMarkLiesOnItsBarInThePicture()
    {
        // 2017 mixes the real report (Hoằng Hóa, orange) with sample data (blue): the pixel under each mark's middle has
        // the colour of that unit's bar, so the marks sit on the bars, not beside them.
        var ranking = Ranker.For(fixture.Data, 2017, "thanh-hoa", "district", AnalyticsOptions.Default);
        var spec = Build(new ChartRequest(ChartKind.Ranking, Year: 2017));
        var marks = ChartRenderer.Marks(spec);
        using var picture = SKBitmap.Decode(ChartRenderer.Png(spec));

        for (var i = 0; i < ranking.Units.Count; i++)
        {
            var expected = ranking.Units[i].Result.Synthetic ? ChartPalette.Synthetic : ChartPalette.Real;
            var pixel = picture.GetPixel((int)marks.Marks[i].CenterX, (int)marks.Marks[i].CenterY);
            (pixel.Red, pixel.Green, pixel.Blue).ShouldBe((expected.R, expected.G, expected.B), ranking.Units[i].Result.Unit.FullName);
        }
    }

    [Fact]
    public void Marks_Heatmap2023_EveryCellHasAMarkThatOpensItInTheUnitsSheet()
    {
        var spec = Build(new ChartRequest(ChartKind.Heatmap, Year: 2023));

        var marks = ChartRenderer.Marks(spec).Marks;

        // The table holds one row per cell, in the order the cells are drawn (units by index, then areas).
        marks.Count.ShouldBe(spec.Table.Rows.Count);
        var unitId = spec.Table.Columns.ToList().IndexOf("unit_id");
        var code = spec.Table.Columns.ToList().IndexOf("code");
        var percent = spec.Table.Columns.ToList().IndexOf("percent");
        for (var i = 0; i < marks.Count; i++)
        {
            var row = spec.Table.Rows[i];
            marks[i].Link.ShouldBe($"/don-vi/{row[unitId]}?nam=2023&bang-diem=1#ma-{row[code]}");
            marks[i].Label.ShouldContain($"— {row[code]}. ");
            marks[i].Label.ShouldContain(row[percent] is decimal p ? $": {ChartText.Percent(p)}% điểm chuẩn" : ": thiếu điểm");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("7")]
    public void Heatmap_LowestAndHighestCells_GetTheTwoEndsOfTheScale(string? code)
    {
        // Before issue 16 the scale was fixed at 0–100, so cells of 80–100 % were all one yellow: now the lowest value
        // shown is Viridis' dark end and the highest its light end, in the picture as in the dashboard's table.
        var spec = Build(new ChartRequest(ChartKind.Heatmap, Year: 2023, Code: code));
        var marks = ChartRenderer.Marks(spec).Marks;
        using var picture = SKBitmap.Decode(ChartRenderer.Png(spec));
        // The exact % of each cell (the table's "percent" is rounded for reading), as the chart and the table colour it.
        var values = Enumerable.Range(0, spec.Table.Rows.Count)
            .Select(i => spec.Table[i, "points"] is decimal points ? points / (decimal)spec.Table[i, "max_points"]! * 100m : (decimal?)null).ToList();
        var scale = HeatScale.Of(values);
        var (low, high) = (values.Min()!.Value, values.Max()!.Value);
        low.ShouldBeLessThan(high);
        var stops = HeatScale.Stops(5);

        string Corner(int cell)
        {
            // Inside the cell, away from its centred value label.
            var pixel = picture.GetPixel((int)marks[cell].Left + 3, (int)marks[cell].Top + 3);
            return $"#{pixel.Red:X2}{pixel.Green:X2}{pixel.Blue:X2}";
        }

        scale.Fill(low).ShouldBe(stops[0]);
        scale.Fill(high).ShouldBe(stops[^1]);
        Corner(values.IndexOf(low)).ShouldBe(stops[0]);
        Corner(values.IndexOf(high)).ShouldBe(stops[^1]);
        // And every cell in between has its own place on the scale in the picture too.
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                Corner(i).ShouldBe(scale.Fill(v), $"cell {i}: {v}");
            }
        }
    }

    [Fact]
    public void HeatScale_EveryColourOfTheScale_HasTextOfAtLeastWcagAAContrast()
    {
        var scale = HeatScale.Of([0m, 100m]);

        for (var value = 0m; value <= 100m; value += 0.5m)
        {
            var fill = ScottPlot.Color.FromHex(scale.Fill(value));
            var ink = ScottPlot.Color.FromHex(scale.Ink(value));
            HeatScale.Contrast(fill, ink).ShouldBeGreaterThanOrEqualTo(4.5, $"{value}: {scale.Fill(value)} with {scale.Ink(value)}");
        }

        // The dark end takes white text, the light end black.
        scale.Ink(0m).ShouldBe("#FFFFFF");
        scale.Ink(100m).ShouldBe("#000000");
    }

    [Fact]
    public void HeatScale_AllValuesEqual_TakeTheLightEndAndNothingIsMissing()
    {
        var scale = HeatScale.Of([100m, null, 100m]);

        (scale.Lowest, scale.Highest).ShouldBe((100m, 100m));
        scale.Fill(100m).ShouldBe(HeatScale.Stops(2)[^1]);
        HeatScale.Of([null]).Lowest.ShouldBeNull();
    }

    [Fact]
    public void Svg_Ranking2017_ValueLabelsHaveTwoDecimalsAsTheTables()
    {
        // Nông Cống and Sầm Sơn tie at 91,5 in 2017: the bar says "91,50", as the ranking table and the workbook do.
        var text = string.Join("\n", System.Xml.Linq.XDocument.Parse(ChartRenderer.SvgXml(Build(new ChartRequest(ChartKind.Ranking, Year: 2017))))
            .Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));

        text.ShouldContain("91,50 (đồng hạng)");
        text.ShouldContain("92,00 · tự chấm");
        text.ShouldNotContain("91,5 (");
    }

    [Fact]
    public void Marks_UnitTrendHoangHoa_APointPerYearLinkingToThatYear()
    {
        var spec = Build(new ChartRequest(ChartKind.UnitTrend, UnitIds: ["hoang-hoa"]));

        var marks = ChartRenderer.Marks(spec).Marks.Where(m => m.Link is not null).ToList();

        marks.Select(m => m.Link).ShouldBe(Enumerable.Range(2017, 8).Select(y => $"/don-vi/hoang-hoa?nam={y}"));
        marks[0].Label.ShouldBe("huyện Hoằng Hóa — 2017: 92,00 (hạng 1/27; tự chấm)");
        marks[6].Label.ShouldStartWith("huyện Hoằng Hóa — 2023: 91,92 (hạng 2/27");
        // The province mean's points say what they are and link nowhere.
        ChartRenderer.Marks(spec).Marks.Where(m => m.Link is null).ShouldAllBe(m => m.Label.StartsWith("Trung bình tỉnh — ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ChartKindTests.Requests), MemberType = typeof(ChartKindTests))]
    public void Marks_EveryKind_HasMarksInsideThePictureWithLabelsAndLocalLinks(ChartKind kind, ChartRequest request, string title)
    {
        _ = title;
        var marks = ChartRenderer.Marks(Build(request));

        marks.Marks.ShouldNotBeEmpty(kind.ToString());
        marks.Marks.ShouldAllBe(m => m.Left >= 0 && m.Top >= 0 && m.Left + m.Width <= marks.Width && m.Top + m.Height <= marks.Height && m.Width >= 1 && m.Height >= 1);
        marks.Marks.ShouldAllBe(m => m.Label.Contains(" — ", StringComparison.Ordinal));
        marks.Marks.Where(m => m.Link != null).ShouldAllBe(m => m.Link!.StartsWith('/') && !m.Link.StartsWith("//", StringComparison.Ordinal));
        marks.Marks.ShouldContain(m => m.Link != null, kind.ToString());
    }
}
