using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>Issue 13 §3: a commune framework's index has components beyond the criteria tree (survey, bonus, penalty).
/// The canonical CSV carries them as <c>level=component</c> rows, validated against <c>components.csv</c>, stored with
/// the submission in one transaction, and exported back so that an export ingests unchanged.</summary>
public sealed class ComponentIngestTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public ComponentIngestTests()
    {
        store = new ScoreStore(connections);
        runner = new IngestRunner(store, ReferenceData.Embedded);
    }

    public void Dispose()
    {
        connections.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Ingest_CommuneCsvWithComponents_StoresTheComponentScoresBesideTheTree()
    {
        var report = runner.Run(folder.Write("communes-2025.csv", CommuneCsv.TwoUnits()), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Outcomes.Count.ShouldBe(2);
        var hoangHoa = store.Submissions.GetSubmissions(unitId: CommuneCsv.HoangHoa).ShouldHaveSingleItem();
        (hoangHoa.FrameworkId, hoangHoa.PointsTotal, hoangHoa.MaxTotal, hoangHoa.RowCount).ShouldBe((CommuneCsv.Framework, (decimal?)70m, 80m, 36));
        store.Submissions.GetComponents(hoangHoa.Id).Select(c => (c.Id, c.Name, c.MaxPoints, c.Points)).ShouldBe(
        [
            ("survey", CommuneCsv.SurveyName, 20m, (decimal?)15m),
            ("bonus", "Điểm thưởng", 5m, 2m),
            ("penalty", "Điểm trừ", 5m, 1m),
        ]);
        var ngaSon = store.Submissions.GetSubmissions(unitId: CommuneCsv.NgaSon).ShouldHaveSingleItem();
        store.Submissions.GetComponents(ngaSon.Id).Select(c => c.Id).ShouldBe(["bonus", "penalty"]);
        store.Submissions.TableCounts()["component_score"].ShouldBe(5);
    }

    [Fact]
    public void Ingest_ComponentWithEmptyPoints_StoredAsMissingNotZero()
    {
        var csv = CommuneCsv.Of([.. CommuneCsv.Tree(CommuneCsv.HoangHoa, "self", 0m), CommuneCsv.Component(CommuneCsv.HoangHoa, "self", "survey", CommuneCsv.SurveyName, 20m, "")]);

        var report = runner.Run(folder.Write("empty-survey.csv", csv), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var submission = store.Submissions.GetSubmissions().ShouldHaveSingleItem();
        store.Submissions.GetComponents(submission.Id).ShouldHaveSingleItem().Points.ShouldBeNull();
    }

    public static TheoryData<string, Func<string, string>, string, int> BadComponentFiles => new()
    {
        // Line 2 + 36 tree rows: the survey row of xã Hoằng Hóa is line 38, bonus 39, penalty 40.
        { "unknown component", t => t.Replace(",survey,component,", ",sipas,component,", StringComparison.Ordinal), ProblemCodes.UnknownComponent, 38 },
        { "criteria written as a component", t => t.Replace(",survey,component,", ",criteria,component,", StringComparison.Ordinal), ProblemCodes.UnknownComponent, 38 },
        { "repeated component", t => ReplaceFirst(t, ",penalty,component,\"Điểm trừ\",5,1,", ",bonus,component,\"Điểm thưởng\",5,1,"), ProblemCodes.DuplicateComponent, 40 },
        { "negative points", t => ReplaceFirst(t, ",component,\"Điểm thưởng\",5,2,", ",component,\"Điểm thưởng\",5,-2,"), ProblemCodes.NegativePoints, 39 },
        { "points above max", t => t.Replace($",\"{CommuneCsv.SurveyName}\",20,15,", $",\"{CommuneCsv.SurveyName}\",20,21,", StringComparison.Ordinal), ProblemCodes.PointsAboveMax, 38 },
        { "max differs from components.csv", t => t.Replace($",\"{CommuneCsv.SurveyName}\",20,15,", $",\"{CommuneCsv.SurveyName}\",25,15,", StringComparison.Ordinal), ProblemCodes.MaxPointsDiffer, 38 },
        { "component rows of a stage without tree rows", t => t + CommuneCsv.Component(CommuneCsv.NgaSon, "appraised", "survey", CommuneCsv.SurveyName, 20m, "12") + "\n", ProblemCodes.BadRow, 79 },
        { "evidence on a component row", t => t.Replace($",\"{CommuneCsv.SurveyName}\",20,15,,", $",\"{CommuneCsv.SurveyName}\",20,15,Phiếu khảo sát,", StringComparison.Ordinal), ProblemCodes.BadRow, 38 },
    };

    [Theory]
    [MemberData(nameof(BadComponentFiles))]
    public void Ingest_BadComponentRow_RejectedNamingLineAndCodeAndNothingStored(string name, Func<string, string> breakIt, string code, int line)
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var before = DatabaseFingerprint.Of(connections);
        var text = breakIt(CommuneCsv.TwoUnits());
        text.ShouldNotBe(CommuneCsv.TwoUnits(), name);

        var report = runner.Run(folder.Write(VietnameseText.Slug(name) + ".csv", text), new IngestOptions());

        report.Accepted.ShouldBeFalse(name);
        report.Outcomes.ShouldBeEmpty();
        var error = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem(name);
        (error.Code, error.Line).ShouldBe((code, (int?)line), name);
        error.File.ShouldEndWith(".csv");
        error.Message.Length.ShouldBeGreaterThan(30);
        DatabaseFingerprint.Of(connections).ShouldBe(before);
    }

    [Fact]
    public void Ingest_ComponentRowForAFrameworkWithoutComponents_Rejected()
    {
        // The district khung minh họa 2023–2024 is its criteria tree alone (its survey is criterion 8.8 inside the tree).
        var sample = File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, "data", "sample", "thanh-hoa-district-2023-sample.csv"));
        var rows = sample.Skip(1).Where(l => l.StartsWith("hoang-hoa,", StringComparison.Ordinal) && l.Contains(",self,", StringComparison.Ordinal)).ToList();
        var survey = "hoang-hoa,Hoằng Hóa,2023,self,survey,component,Điểm điều tra xã hội học,20,15,,true";
        var text = string.Join('\n', [sample[0], .. rows, survey]) + "\n";

        var report = runner.Run(folder.Write("district-survey.csv", text), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        var error = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        (error.Code, error.Line).ShouldBe((ProblemCodes.UnknownComponent, (int?)(rows.Count + 2)));
        error.Message.ShouldBe("Chỉ số theo khung minh họa 2023–2024 chỉ gồm điểm theo bộ tiêu chí, không có thành phần nào khác (điều tra xã hội học, điểm thưởng, điểm trừ); dòng thành phần 'survey' không dùng được.");
        store.Submissions.GetSubmissions().ShouldBeEmpty();
    }

    [Fact]
    public void Ingest_UnknownComponent_MessageNamesTheFrameworksComponents()
    {
        var report = runner.Run(folder.Write("sipas.csv", CommuneCsv.TwoUnits().Replace(",survey,component,", ",sipas,component,", StringComparison.Ordinal)), new IngestOptions());

        report.Problems.Single(p => p.Severity == Severity.Error).Message.ShouldBe(
            "Khung minh họa 2025–2026 không có thành phần 'sipas'; các thành phần là survey (Điểm điều tra xã hội học (SIPAS)), bonus (Điểm thưởng), penalty (Điểm trừ).");
    }

    [Fact]
    public void Ingest_ChangedSurveyPoints_AddsAVersion()
    {
        runner.Run(folder.Write("v1.csv", CommuneCsv.TwoUnits()), new IngestOptions());

        var changed = CommuneCsv.TwoUnits().Replace($",\"{CommuneCsv.SurveyName}\",20,15,", $",\"{CommuneCsv.SurveyName}\",20,16.5,", StringComparison.Ordinal);
        var report = runner.Run(folder.Write("v2.csv", changed), new IngestOptions());

        report.Outcomes.Single(o => o.UnitId == CommuneCsv.HoangHoa).Action.ShouldBe(SaveAction.Replaced);
        report.Outcomes.Single(o => o.UnitId == CommuneCsv.NgaSon).Action.ShouldBe(SaveAction.Unchanged);
        var current = store.Submissions.GetSubmissions(unitId: CommuneCsv.HoangHoa).ShouldHaveSingleItem();
        store.Submissions.GetComponents(current.Id).Single(c => c.Id == "survey").Points.ShouldBe(16.5m);
    }

    [Fact]
    public void Export_WithComponents_WritesComponentRowsAfterTheTreeAndIngestsUnchanged()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        runner.Run(folder.Write("communes-2025.csv", CommuneCsv.TwoUnits()), new IngestOptions()).Accepted.ShouldBeTrue();
        var original = store.Submissions.GetCurrentRows();

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CanonicalCsv.Write(writer, original);
        var exported = writer.ToString();

        var hoangHoa = original.Where(r => r.UnitId == CommuneCsv.HoangHoa).ToList();
        hoangHoa.Count.ShouldBe(39);
        hoangHoa.Skip(36).Select(r => (r.Code, r.Level, r.MaxPoints, r.Points, r.Evidence)).ShouldBe(
        [
            ("survey", "component", 20m, (decimal?)15m, (string?)null),
            ("bonus", "component", 5m, 2m, null),
            ("penalty", "component", 5m, 1m, null),
        ]);
        exported.ShouldContain($"\n{CommuneCsv.HoangHoa},Hoằng Hóa,2025,self,survey,component,Điểm điều tra xã hội học (SIPAS),20,15,,true\n");

        using var otherConnections = new DuckDbConnectionFactory(":memory:");
        var otherStore = new ScoreStore(otherConnections);
        var again = new IngestRunner(otherStore, ReferenceData.Embedded).Run(folder.Write("export.csv", exported), new IngestOptions());
        again.Accepted.ShouldBeTrue(string.Join("\n", again.Problems));
        otherStore.Submissions.GetCurrentRows().ShouldBe(original);
        var before = store.Submissions.TableCounts();
        runner.Run(folder.File("export.csv"), new IngestOptions()).Outcomes.ShouldAllBe(o => o.Action == SaveAction.Unchanged);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var index = text.IndexOf(from, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0);
        return string.Concat(text.AsSpan(0, index), to, text.AsSpan(index + from.Length));
    }

    [Fact]
    public void Validate_TextReport_HasNoComponents()
    {
        var report = new IngestRunner(ReferenceData.Embedded).Run(TestFiles.RealReport, new IngestOptions());

        report.Submissions.ShouldHaveSingleItem().Sheet.Components.ShouldBeEmpty();
    }
}
