using System.Text.Json;
using System.Text.Json.Serialization;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Analytics.Tests;

/// <summary>The database-backed snapshot (light rows, criterion-level measures in SQL) against the in-memory reference
/// path, on the whole bundled data folder: every measure of every year, unit-year, unit and concept must serialise to
/// the same JSON (exact decimals, same order, same Vietnamese text).</summary>
public sealed class SqlPathEquivalenceTests(AnalyticsFixture fixture) : IClassFixture<AnalyticsFixture>
{
    private const string Province = "thanh-hoa";
    private const string Level = "district";
    private static readonly AnalyticsOptions Options = AnalyticsOptions.Default;

    private static readonly JsonSerializerOptions Json = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
        // Value tuples (YearAppraisalGaps.Areas, …) are fields: without this they serialise as {} and compare nothing.
        IncludeFields = true,
    };

    [Fact]
    public void Load_Sample_SameUnitYearsTotalsAndRows()
    {
        var (sql, reference) = (fixture.Data, fixture.Reference);

        sql.Results.Count().ShouldBe(reference.Results.Count());
        sql.Results.Count().ShouldBeGreaterThan(200);
        foreach (var expected in reference.Results)
        {
            var actual = sql.Result(expected.Unit.Id, expected.Year).ShouldNotBeNull();
            Same(actual, expected, $"{expected.Unit.Id} {expected.Year}");
            Same(actual.Areas.ToList(), expected.Areas.ToList(), $"areas {expected.Unit.Id} {expected.Year}");
        }
    }

    [Fact]
    public void YearMeasures_EveryYear_SameRankingMoversSharedWeaknessesBenchmarksAndGaps()
    {
        var (sql, reference) = (fixture.Data, fixture.Reference);
        var years = reference.Years(Province, Level);
        sql.Years(Province, Level).ShouldBe(years);
        years.Count.ShouldBe(8);
        var sharedSeen = 0;
        var gapsSeen = 0;
        foreach (var year in years)
        {
            Same(Ranker.For(sql, year, Province, Level, Options), Ranker.For(reference, year, Province, Level, Options), $"ranking {year}");
            Same(Trends.Movers(sql, year, Province, Level, Options), Trends.Movers(reference, year, Province, Level, Options), $"movers {year}");
            var shared = Weaknesses.Province(sql, year, Province, Level, Options);
            Same(shared, Weaknesses.Province(reference, year, Province, Level, Options), $"shared weaknesses {year}");
            sharedSeen += shared.Count;
            var gaps = YearAppraisalGaps.Of(sql, year, Province, Level);
            Same(gaps, YearAppraisalGaps.Of(year, reference.ResultsOf(year, Province, Level)), $"gaps {year}");
            Same(gaps, YearAppraisalGaps.Of(year, sql.ResultsOf(year, Province, Level)), $"gaps {year}, each unit-year's rows");
            gapsSeen += gaps.Units.Count;
            foreach (var framework in reference.ResultsOf(year, Province, Level).Select(r => r.Framework).DistinctBy(f => f.Id))
            {
                var benchmarks = Benchmarks.For(sql, year, Province, Level, framework);
                benchmarks.ShouldNotBeEmpty();
                Same(benchmarks, Benchmarks.Of(reference.ResultsOf(year, Province, Level), framework), $"benchmarks {year} {framework.Id}");
            }
        }

        sharedSeen.ShouldBeGreaterThan(0);
        gapsSeen.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void UnitReport_EveryUnitYear_SameReportFindingsAndPaths()
    {
        var (sql, reference) = (fixture.Data, fixture.Reference);
        var paths = 0;
        foreach (var result in reference.Results.OrderBy(r => r.Year).ThenBy(r => r.Unit.Id, StringComparer.Ordinal))
        {
            var expected = UnitReport.Build(reference, result.Unit.Id, result.Year, Options)!;
            var actual = UnitReport.Build(sql, result.Unit.Id, result.Year, Options).ShouldNotBeNull();
            Same(actual, expected, $"report {result.Unit.Id} {result.Year}");
            Same(actual.Findings, expected.Findings, $"findings {result.Unit.Id} {result.Year}");
            paths += expected.NextRankPath is null ? 0 : 1;
        }

        paths.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Trends_EveryUnitAndConcept_SameSeriesAndConceptHistories()
    {
        var (sql, reference) = (fixture.Data, fixture.Reference);
        var units = reference.Results.Where(r => r.Unit.Province == Province && r.Unit.Level == Level).Select(r => r.Unit.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var unit in units)
        {
            Same(Trends.ForUnit(sql, unit, Options), Trends.ForUnit(reference, unit, Options), $"trend {unit}");
            foreach (var concept in reference.Crosswalk.Concepts.Select(c => c.Id))
            {
                Same(Trends.ForConcept(sql, unit, concept), Trends.ForConcept(reference, unit, concept), $"concept {concept} of {unit}");
            }
        }
    }

    [Fact]
    public void ProvinceHistory_EveryUnitAndYear_SameCellsSummariesAndAreaMeans()
    {
        var (sql, reference) = (fixture.Data, fixture.Reference);

        var expected = ProvinceHistory.For(reference, Province, Level, Options);
        var actual = ProvinceHistory.For(sql, Province, Level, Options);

        expected.Series.Count.ShouldBe(27);
        expected.Areas.Count.ShouldBe(8);
        Same(actual.Series, expected.Series, "province history: series");
        // Anonymous objects, not tuples: System.Text.Json writes properties, and a tuple's fields would all serialise to {}.
        Same(actual.Summaries.Select(s => new { s.Year, s.Ranked, s.MeanIndex, Framework = s.Framework.Id }).ToList(),
            expected.Summaries.Select(s => new { s.Year, s.Ranked, s.MeanIndex, Framework = s.Framework.Id }).ToList(), "province history: summaries");
        Same(actual.Areas, expected.Areas, "province history: area means");
        Same(actual.Notes, expected.Notes, "province history: notes");
    }

    [Fact]
    public void ProvinceHistory_UnpublishedHidden_TheUnitYearIsADashAndTheRanksCloseUp()
    {
        var hidden = fixture.Data.Unpublished();
        hidden.ShouldContain(("hoang-hoa", 2017));

        var history = ProvinceHistory.For(fixture.Data.Without(hidden), Province, Level, Options);

        var cell = history.Series.Single(s => s.Series.Current.Id == "hoang-hoa").In(2017)!;
        (cell.Result, cell.Ranked, cell.Note).ShouldBe((null, null, "Không có số liệu của huyện Hoằng Hóa năm 2017."));
        history.Summaries[0].Ranked.ShouldBe(26);
        history.Series.SelectMany(s => s.Years).Where(y => y.Year == 2017 && y.Ranked is not null).Min(y => y.Ranked!.Rank).ShouldBe(1);
        Same(history.Series, ProvinceHistory.For(fixture.Reference.Without(hidden), Province, Level, Options).Series, "province history without the unpublished");
    }

    [Fact]
    public void Without_UnpublishedHidden_SameMeasuresAsTheReferenceView()
    {
        var hidden = fixture.Reference.Unpublished();
        hidden.ShouldNotBeEmpty();
        fixture.Data.Unpublished().ShouldBe(hidden, ignoreOrder: true);
        var (sql, reference) = (fixture.Data.Without(hidden), fixture.Reference.Without(hidden));
        foreach (var year in reference.Years(Province, Level))
        {
            Same(Ranker.For(sql, year, Province, Level, Options), Ranker.For(reference, year, Province, Level, Options), $"ranking {year}");
            Same(Weaknesses.Province(sql, year, Province, Level, Options), Weaknesses.Province(reference, year, Province, Level, Options), $"shared weaknesses {year}");
            Same(YearAppraisalGaps.Of(sql, year, Province, Level), YearAppraisalGaps.Of(year, reference.ResultsOf(year, Province, Level)), $"gaps {year}");
            foreach (var result in reference.ResultsOf(year, Province, Level))
            {
                Same(UnitReport.Build(sql, result.Unit.Id, year, Options), UnitReport.Build(reference, result.Unit.Id, year, Options), $"report {result.Unit.Id} {year}");
            }
        }
    }

    [Fact]
    public void Load_CommunesWithComponents_SameIndexBreakdownRankingAndReports()
    {
        // Issue 13 §3: the formula in unit_years.sql against IndexFormula, on communes with a survey, bonus and penalty
        // (xã Hoằng Hóa), without a survey (xã Nga Sơn), and appraised with other components than self-assessed (xã
        // Hoằng Giang: self 72 + survey 18, appraised 68 + bonus 3, whose appraised stage is used).
        using var connections = new DuckDbConnectionFactory(":memory:");
        using var folder = TestFiles.NewTempFolder();
        var store = new ScoreStore(connections);
        const string hoangGiang = "thanh-hoa-xa-hoang-giang";
        var third = CommuneCsv.Of(
        [
            .. CommuneCsv.Tree(hoangGiang, "self", 8m),
            CommuneCsv.Component(hoangGiang, "self", "survey", CommuneCsv.SurveyName, 20m, "18"),
            .. CommuneCsv.Tree(hoangGiang, "appraised", 12m),
            CommuneCsv.Component(hoangGiang, "appraised", "bonus", "Điểm thưởng", 5m, "3"),
        ]);
        var runner = new IngestRunner(store, ReferenceData.Embedded);
        runner.Run(folder.Write("communes.csv", CommuneCsv.TwoUnits()), new IngestOptions()).Accepted.ShouldBeTrue();
        runner.Run(folder.Write("hoang-giang.csv", third), new IngestOptions()).Accepted.ShouldBeTrue();

        var (sql, reference) = (IndexData.Load(connections), IndexData.Load(store));

        sql.Results.Count().ShouldBe(3);
        foreach (var expected in reference.Results)
        {
            Same(sql.Result(expected.Unit.Id, expected.Year).ShouldNotBeNull(), expected, $"{expected.Unit.Id} {expected.Year}");
            Same(UnitReport.Build(sql, expected.Unit.Id, expected.Year, Options), UnitReport.Build(reference, expected.Unit.Id, expected.Year, Options), $"report {expected.Unit.Id}");
        }

        Same(Ranker.For(sql, 2025, Province, "commune", Options), Ranker.For(reference, 2025, Province, "commune", Options), "ranking 2025");
        var appraised = sql.Result(hoangGiang, 2025)!;
        (appraised.StageUsed, appraised.Points, appraised.MaxPoints).ShouldBe((Stage.Appraised, (decimal?)71m, 80m));
        sql.Result(CommuneCsv.HoangHoa, 2025)!.Index.ShouldBe(86m);
        sql.Result(CommuneCsv.NgaSon, 2025)!.Index.ShouldBe(88.75m);
    }

    private static void Same<T>(T actual, T expected, string what)
    {
        var a = JsonSerializer.Serialize(actual, Json);
        var e = JsonSerializer.Serialize(expected, Json);
        if (a != e)
        {
            var at = Enumerable.Range(0, Math.Min(a.Length, e.Length)).FirstOrDefault(i => a[i] != e[i]);
            throw new ShouldAssertException($"{what} differs at {at}:\n sql: …{a.Substring(Math.Max(0, at - 200), Math.Min(400, a.Length - Math.Max(0, at - 200)))}\n ref: …{e.Substring(Math.Max(0, at - 200), Math.Min(400, e.Length - Math.Max(0, at - 200)))}");
        }
    }
}
