using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>A survey that applies only in part: its row's <c>max_points</c> is the applicable maximum, below the
/// framework's and above 0 (QĐ 600/QĐ-UBND prints Ban Dân tộc's 2023 result as 68.32 points = 81.33 %, an applicable
/// maximum of 84 where the department khung minh họa has 70 + 30). Only an added component other than the tree may do so;
/// bonus and penalty keep the framework's maximum.</summary>
public sealed class SurveyApplicableMaxTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public SurveyApplicableMaxTests()
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
    public void Ingest_SurveyWithAnApplicableMaxBelowTheFrameworks_StoredWithThatMax()
    {
        var csv = CommuneCsv.Of(
        [
            .. CommuneCsv.Tree(CommuneCsv.HoangHoa, "appraised", 10m),
            CommuneCsv.Component(CommuneCsv.HoangHoa, "appraised", "survey", CommuneCsv.SurveyName, 14m, "12.5"),
        ]);

        var report = runner.Run(folder.Write("survey-14.csv", csv), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var submission = store.Submissions.GetSubmissions().ShouldHaveSingleItem();
        store.Submissions.GetComponents(submission.Id).Select(c => (c.Id, c.MaxPoints, c.Points)).ShouldBe([("survey", 14m, (decimal?)12.5m)]);
    }

    public static TheoryData<string, string, decimal, string, string, string> BadMaxima => new()
    {
        { "survey above its applicable max", "survey", 14m, "15", ProblemCodes.PointsAboveMax, "Thành phần survey: điểm 15 vượt điểm tối đa 14." },
        { "survey max 0", "survey", 0m, "0", ProblemCodes.MaxPointsDiffer, "Thành phần survey có điểm tối đa 0; khung minh họa 2025–2026 quy định 20 (khi chỉ áp dụng một phần thì nhỏ hơn, nhưng phải lớn hơn 0)." },
        { "bonus max below the framework's", "bonus", 4m, "2", ProblemCodes.MaxPointsDiffer, "Thành phần bonus có điểm tối đa 4; khung minh họa 2025–2026 quy định 5." },
    };

    [Theory]
    [MemberData(nameof(BadMaxima))]
    public void Ingest_ComponentMaxOrPointsBeyondWhatApplies_RejectedNamingTheLine(string name, string id, decimal max, string points, string code, string message)
    {
        var csv = CommuneCsv.Of(
        [
            .. CommuneCsv.Tree(CommuneCsv.HoangHoa, "appraised", 10m),
            CommuneCsv.Component(CommuneCsv.HoangHoa, "appraised", id, id == "survey" ? CommuneCsv.SurveyName : "Điểm thưởng", max, points),
        ]);

        var report = runner.Run(folder.Write(VietnameseText.Slug(name) + ".csv", csv), new IngestOptions());

        report.Accepted.ShouldBeFalse(name);
        var error = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem(name);
        // Line 1 is the header, 36 tree rows follow: the component row is line 38.
        (error.Code, error.Line, error.Message).ShouldBe((code, (int?)38, message), name);
        store.Submissions.GetSubmissions().ShouldBeEmpty();
    }
}
