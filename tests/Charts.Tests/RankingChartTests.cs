using System.Xml.Linq;
using CchcAnalytics.Analytics;
using CchcAnalytics.Charts.Builders;

namespace CchcAnalytics.Charts.Tests;

/// <summary>The <c>ranking</c> chart of a long ranking (the 166 communes of 2025): the distribution, the top and
/// bottom ten named, a highlighted unit (<c>dv=</c>); a short ranking (27 districts) keeps a bar per unit.</summary>
[Collection(ChartsData.Name)]
public sealed class RankingChartTests(ChartsFixture fixture)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private Ranking Communes2025 => Ranker.For(fixture.Data, 2025, "thanh-hoa", "commune", AnalyticsOptions.Default);

    private ChartSpec Build(int year, string level, params string[] units) =>
        ChartFactory.Build(fixture.Data, new ChartRequest(ChartKind.Ranking, year, units.Length == 0 ? null : units) { Level = level }, AnalyticsOptions.Default);

    [Fact]
    public void Build_166Communes_DrawsTheDistributionAndNamesTheTopAndBottomTen()
    {
        var ranking = Communes2025;
        var spec = Build(2025, "commune");

        var text = Text(spec);
        var marks = ChartRenderer.Marks(spec);

        ranking.Units.Count.ShouldBe(166);
        spec.Notes.ShouldContain(n => n.StartsWith("Với 166 đơn vị, mỗi đơn vị một thanh thì không đọc được: biểu đồ vẽ phân bố chỉ số", StringComparison.Ordinal));
        foreach (var unit in ranking.Units.Take(10).Concat(ranking.Units.TakeLast(10)))
        {
            text.ShouldContain(t => t.StartsWith($"{unit.Rank}{(unit.Tied ? "=" : "")}. {unit.Result.Unit.FullName} — {ChartText.Percent(unit.Index)}", StringComparison.Ordinal), unit.Result.Unit.FullName);
        }

        // Only those twenty are named; every unit is a dot with its hover label and page.
        text.Count(t => t.Contains(" — ", StringComparison.Ordinal) && char.IsAsciiDigit(t[0])).ShouldBe(20);
        var middle = ranking.Units[83];
        text.ShouldNotContain(t => t.Contains(middle.Result.Unit.FullName, StringComparison.Ordinal));
        foreach (var unit in ranking.Units)
        {
            marks.Marks.Count(m => m.Link == $"/don-vi/{unit.Result.Unit.Id}?nam=2025").ShouldBe(ranking.Units.Take(10).Concat(ranking.Units.TakeLast(10)).Contains(unit) ? 2 : 1, unit.Result.Unit.FullName);
        }

        // The histogram's bands count every unit once.
        marks.Marks.Where(m => m.Link is null && m.Label.EndsWith(" đơn vị", StringComparison.Ordinal))
            .Sum(m => int.Parse(m.Label.Split(": ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(166);
        spec.Table.Rows.Count.ShouldBe(166);
        File.WriteAllBytes(Path.Combine(ChartsFixture.ArtifactFolder, "ranking-xa-2025.png"), ChartRenderer.Png(spec));
    }

    [Fact]
    public void Build_HighlightedCommune_IsNamedInVermillionWithItsRank()
    {
        var middle = Communes2025.Units[83];

        var spec = Build(2025, "commune", middle.Result.Unit.Id);

        spec.Title.ShouldBe($"Xếp hạng Chỉ số CCHC năm 2025 — {middle.Result.Unit.FullName} hạng {middle.Rank}/166");
        var svg = XDocument.Parse(ChartRenderer.SvgXml(spec));
        var label = svg.Descendants(Svg + "text").Single(t => t.Value.Contains(middle.Result.Unit.FullName + " — ", StringComparison.Ordinal));
        label.Value = label.Value.Trim();
        label.Value.ShouldStartWith($"{middle.Rank}{(middle.Tied ? "=" : "")}. {middle.Result.Unit.FullName} — {ChartText.Percent(middle.Index)}");
        ((string?)label.Attribute("fill") ?? "").ToUpperInvariant().ShouldStartWith("#D55E00");
        Text(spec).ShouldContain($"Đơn vị đang tìm: {middle.Result.Unit.FullName}");
        File.WriteAllBytes(Path.Combine(ChartsFixture.ArtifactFolder, "ranking-xa-2025-highlight.png"), ChartRenderer.Png(spec));
    }

    [Fact]
    public void Build_27Districts_KeepsABarPerUnitAndHighlightsTheOneAskedFor()
    {
        var plain = Build(2023, "district");
        var highlighted = Build(2023, "district", "hoang-hoa");

        plain.Notes.ShouldNotContain(n => n.StartsWith("Với ", StringComparison.Ordinal));
        ChartRenderer.Marks(plain).Marks.Count.ShouldBe(27);
        ChartRenderer.Marks(highlighted).Marks.Count.ShouldBe(27);
        highlighted.Title.ShouldBe("Xếp hạng Chỉ số CCHC năm 2023 — huyện Hoằng Hóa hạng 2/27");
        Text(highlighted).ShouldContain("Đơn vị đang tìm: Hoằng Hóa");
        Text(plain).ShouldNotContain(t => t.StartsWith("Đơn vị đang tìm", StringComparison.Ordinal));
        RankingChartBuilder.MaxBars.ShouldBe(40);
    }

    [Fact]
    public void Build_HighlightOfAnotherLevel_IsRefused() =>
        Should.Throw<ArgumentException>(() => Build(2025, "commune", "hoang-hoa")).Message
            .ShouldStartWith("huyện Hoằng Hóa (hoang-hoa) không phải là đơn vị cấp xã của tỉnh Thanh Hóa.");

    [Fact]
    public void Build_TwoHighlights_AreRefused() =>
        Should.Throw<ArgumentException>(() => Build(2025, "commune", "thanh-hoa-xa-hoang-hoa", "thanh-hoa-phuong-ham-rong")).Message
            .ShouldStartWith("Biểu đồ 'ranking' cần từ 0 đến 1 đơn vị (đã chọn 2).");

    private static List<string> Text(ChartSpec spec) =>
        XDocument.Parse(ChartRenderer.SvgXml(spec)).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
}
