using CchcAnalytics.Analytics;

namespace CchcAnalytics.Charts.Tests;

/// <summary>One request per chart kind, rendered to PNG and SVG and saved under artifacts/charts/ for reviewers (the
/// ScottPlot cookbook's recipe tests).</summary>
[Collection(ChartsData.Name)]
public sealed class RecipeTests(ChartsFixture fixture)
{
    public static TheoryData<string, ChartRequest> Recipes => new()
    {
        { "ranking-2023", new ChartRequest(ChartKind.Ranking, Year: 2023) },
        { "ranking-2017", new ChartRequest(ChartKind.Ranking, Year: 2017) },
        { "area-distribution-2023", new ChartRequest(ChartKind.AreaDistribution, Year: 2023) },
        { "unit-trend-hoang-hoa", new ChartRequest(ChartKind.UnitTrend, UnitIds: ["hoang-hoa"]) },
        { "unit-trend-nghi-son", new ChartRequest(ChartKind.UnitTrend, UnitIds: ["nghi-son"]) },
        { "unit-trend-dong-son", new ChartRequest(ChartKind.UnitTrend, UnitIds: ["dong-son"]) },
        { "unit-areas-hoang-hoa-2023", new ChartRequest(ChartKind.UnitAreas, Year: 2023, UnitIds: ["Hoằng Hóa"]) },
        { "compare-areas-2023", new ChartRequest(ChartKind.CompareAreas, Year: 2023, UnitIds: ["hoang-hoa", "dong-son", "muong-lat"]) },
        { "compare-trends", new ChartRequest(ChartKind.CompareTrends, UnitIds: ["hoang-hoa", "dong-son", "nghi-son", "muong-lat"]) },
        { "heatmap-2023", new ChartRequest(ChartKind.Heatmap, Year: 2023) },
        { "heatmap-2023-area-7", new ChartRequest(ChartKind.Heatmap, Year: 2023, Code: "7") },
        { "concept-history-online-services-level-3", new ChartRequest(ChartKind.ConceptHistory, Code: "online-services-level-3") },
        { "self-vs-appraised-hoang-hoa-2022", new ChartRequest(ChartKind.SelfVsAppraised, Year: 2022, UnitIds: ["hoang-hoa"]) },
        { "self-vs-appraised-2022", new ChartRequest(ChartKind.SelfVsAppraised, Year: 2022) },
        { "rank-movement-2023", new ChartRequest(ChartKind.RankMovement, Year: 2023) },
        { "rank-movement-2018", new ChartRequest(ChartKind.RankMovement, Year: 2018) },
        { "rank-bump", new ChartRequest(ChartKind.RankBump) },
        { "rank-bump-hoang-hoa-nghi-son", new ChartRequest(ChartKind.RankBump, UnitIds: ["hoang-hoa", "nghi-son", "dong-son"]) },
        { "area-means", new ChartRequest(ChartKind.AreaMeans) },
        { "trend-panel-hoang-hoa", new ChartRequest(ChartKind.TrendPanel, UnitIds: ["hoang-hoa"]) },
        { "trend-panel-dong-son", new ChartRequest(ChartKind.TrendPanel, UnitIds: ["dong-son"]) },
        { "trend-panel-nghi-son", new ChartRequest(ChartKind.TrendPanel, UnitIds: ["nghi-son"]) },
    };

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Render_EveryKind_SavesPngAndSvg(string name, ChartRequest request)
    {
        var spec = ChartFactory.Build(fixture.Data, request, AnalyticsOptions.Default);

        var png = ChartRenderer.Png(spec);
        var svg = ChartRenderer.SvgXml(spec);

        File.WriteAllBytes(Path.Combine(ChartsFixture.ArtifactFolder, name + ".png"), png);
        File.WriteAllText(Path.Combine(ChartsFixture.ArtifactFolder, name + ".svg"), svg);
        File.WriteAllText(Path.Combine(ChartsFixture.ArtifactFolder, name + ".csv"), ChartRenderer.Csv(spec));
        png.Length.ShouldBeGreaterThan(1000);
    }
}
