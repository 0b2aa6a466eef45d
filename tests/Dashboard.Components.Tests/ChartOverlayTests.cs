using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using CchcAnalytics.Analytics;
using CchcAnalytics.Charts;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Components.Shared;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Issue 16 §4 on the pages: every mark of a chart is a link laid over the picture with its value as its name,
/// and the heatmap table is coloured on the chart's own scale, spanning the values shown, with text that can be read on
/// every cell.</summary>
[Collection(SharedDashboardData.Name)]
public sealed partial class ChartOverlayTests(DashboardData data) : DashboardContext(data)
{
    [Fact]
    public void ChartFigure_Ranking2023_EveryBarIsALinkToItsUnitNamedByItsValue()
    {
        var ranking = Ranker.For(Data.Provider.Data, 2023, "thanh-hoa", "district", Data.Provider.Options);

        var cut = Render<ChartFigure>(p => p.Add(c => c.Kind, "ranking").Add(c => c.Query, "nam=2023"));

        var img = cut.Find("figure[data-testid=chart-ranking] img");
        (img.GetAttribute("width"), img.GetAttribute("height")).ShouldBe(("1000", "750"));
        var marks = cut.FindAll("figure[data-testid=chart-ranking] [data-testid=chart-marks] a.mark");
        marks.Count.ShouldBe(27);
        marks.Select(a => a.GetAttribute("href")).ShouldBe(ranking.Units.Select(u => $"/don-vi/{u.Result.Unit.Id}?nam=2023"));
        marks[1].TextContent.ShouldBe("huyện Hoằng Hóa — 2023: 91,92 (hạng 2/27; dữ liệu mẫu)");
        marks[0].TextContent.ShouldBe("huyện Đông Sơn — 2023: 92,15 (hạng 1/27; dữ liệu mẫu)");
        // Placed in % of the picture, where the chart's own layout put the bar.
        var chart = ChartRenderer.Marks(ChartOf(cut.Find("figure")));
        var box = Box(marks[1].GetAttribute("style")!);
        box.Left.ShouldBe(100 * chart.Marks[1].Left / chart.Width, 0.001);
        box.Top.ShouldBe(100 * chart.Marks[1].Top / chart.Height, 0.001);
        box.Width.ShouldBe(100 * chart.Marks[1].Width / chart.Width, 0.001);
        box.Height.ShouldBe(100 * chart.Marks[1].Height / chart.Height, 0.001);
    }

    [Fact]
    public void ChartFigure_QueryWithoutAChart_NoMarksAndThePictureAsBefore()
    {
        // A year without data: the download answers 404 with its reason; the page has nothing to point at.
        var cut = Render<ChartFigure>(p => p.Add(c => c.Kind, "ranking").Add(c => c.Query, "nam=1900"));

        cut.FindAll("[data-testid=chart-marks]").ShouldBeEmpty();
        cut.Find("img").GetAttribute("src").ShouldBe("/export/charts/ranking.svg?nam=1900");
    }

    [Fact]
    public void Criteria_2023_HeatmapCellsOpenTheUnitsSheetAtThatArea()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2023");

        var cut = Render<Criteria>();

        var marks = cut.FindAll("figure[data-testid=chart-heatmap] a.mark");
        marks.Count.ShouldBe(27 * 8);
        marks.ShouldAllBe(a => Regex.IsMatch(a.GetAttribute("href")!, @"^/don-vi/[a-z-]+\?nam=2023&bang-diem=1#ma-[1-8]$"));
        marks.ShouldContain(a => a.GetAttribute("href") == "/don-vi/hoang-hoa?nam=2023&bang-diem=1#ma-7"
            && a.TextContent.StartsWith("huyện Hoằng Hóa — 7. Xây dựng và phát triển", StringComparison.Ordinal)
            && a.TextContent.EndsWith(", 2023: 66,67% điểm chuẩn (10/15 điểm)", StringComparison.Ordinal));
    }

    [Fact]
    public void Criteria_2023_TableColoursSpanTheValuesShownAsTheChartDoes()
    {
        GoTo("/tieu-chi?cap=huyen&nam=2023");

        var cut = Render<Criteria>();

        var cells = cut.FindAll("[data-testid=heatmap] tbody td.num").Select(td => (Text: td.TextContent, Style: td.GetAttribute("style") ?? "")).ToList();
        cells.Count.ShouldBe(27 * 8);
        var values = cells.Select(c => decimal.Parse(c.Text, NumberStyles.Number, CultureInfo.GetCultureInfo("vi-VN"))).ToList();
        // Before issue 16 the scale was 0–100 %: the sample's 2023 cells used a third of it and most cells were one colour. Now the lowest
        // cell is the scale's dark end and the highest its light end, the chart's Viridis, named in the legend.
        var stops = HeatScale.Stops(2);
        cells[values.IndexOf(values.Min())].Style.ShouldStartWith($"background: {stops[0]};");
        cells[values.IndexOf(values.Max())].Style.ShouldStartWith($"background: {stops[1]};");
        // The 2023 cells are sample data: the legend names the lowest and highest cell the table shows, whatever they are.
        values.Max().ShouldBeGreaterThan(values.Min());
        Html.Text(cut.Find("[data-testid=heat-legend]")).ShouldContain(
            $"từ tím đậm (thấp nhất, {CchcAnalytics.Core.VietnameseText.Percent(values.Min())}%) đến vàng (cao nhất, {CchcAnalytics.Core.VietnameseText.Percent(values.Max())}%)");
        // Two decimals, as every index and % in the tables; at least 12 distinct colours among the 27 × 8 cells.
        cells.ShouldAllBe(c => Regex.IsMatch(c.Text, @"^\d{1,3},\d\d$"));
        cells.Select(c => c.Style).Distinct().Count().ShouldBeGreaterThan(12);
        // Every cell's text reaches WCAG AA (4.5:1) on its colour.
        foreach (var (text, style) in cells)
        {
            var match = StyleColours().Match(style);
            match.Success.ShouldBeTrue(style);
            Contrast(match.Groups[1].Value, match.Groups[2].Value).ShouldBeGreaterThanOrEqualTo(4.5, $"{text}: {style}");
        }
    }

    private static (double Left, double Top, double Width, double Height) Box(string style)
    {
        double Get(string name) => double.Parse(Regex.Match(style, $@"(?:^|;){name}:([0-9.]+)%").Groups[1].Value, CultureInfo.InvariantCulture);
        return (Get("left"), Get("top"), Get("width"), Get("height"));
    }

    private static double Contrast(string a, string b)
    {
        static double Luminance(string hex)
        {
            double Channel(int i)
            {
                var c = int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
                return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }

            return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
        }

        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    [GeneratedRegex("^background: (#[0-9A-F]{6}); color: (#[0-9A-F]{6});$")]
    private static partial Regex StyleColours();
}
