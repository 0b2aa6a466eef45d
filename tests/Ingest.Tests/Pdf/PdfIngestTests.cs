using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests.Pdf;

/// <summary>PDF reports ingested through <see cref="IngestRunner"/> into a real DuckDB (in memory): the text layout's
/// numbers, the same warning located by page and line, and the same all-or-nothing rejections.</summary>
public sealed class PdfIngestTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly DuckDbConnectionFactory textConnections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public PdfIngestTests()
    {
        store = new ScoreStore(connections);
        runner = new IngestRunner(store, ReferenceData.Embedded);
    }

    public void Dispose()
    {
        connections.Dispose();
        textConnections.Dispose();
        folder.Dispose();
    }

    /// <summary>The text layout of the same report, ingested into a database of its own.</summary>
    private ScoreStore TextStore()
    {
        var textStore = new ScoreStore(textConnections);
        new IngestRunner(textStore, ReferenceData.Embedded).Run(TestFiles.RealReport, new IngestOptions()).Accepted.ShouldBeTrue();
        return textStore;
    }

    [Fact]
    public void Ingest_PrintedPdf_ExactlyTheTextLayoutsScores()
    {
        var report = runner.Run(PdfFixtures.Printed, new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Outcomes.ShouldHaveSingleItem().Action.ShouldBe(SaveAction.Added);
        var submission = store.Submissions.GetSubmissions().ShouldHaveSingleItem();
        (submission.UnitId, submission.Year, submission.Stage, submission.SourceFormat).ShouldBe(("hoang-hoa", 2017, Stage.Self, "pdf"));
        submission.FrameworkId.ShouldBe("thanh-hoa-district-2017");
        (submission.MaxTotal, submission.PointsTotal, submission.StatedTotal, submission.RowCount).ShouldBe((100m, 92m, (decimal?)92m, 111));
        submission.ReportNumber.ShouldBe("293/BC-UBND");
        submission.ReportDate.ShouldBe(new DateOnly(2017, 11, 20));

        // Every area, criterion and sub-criterion: code, name, maximum, points and evidence, as the text has them.
        var scores = store.Submissions.GetScores(submission.Id);
        var textStore = TextStore();
        var textSubmission = textStore.Submissions.GetSubmissions().Single();
        scores.ShouldBe(textStore.Submissions.GetScores(textSubmission.Id));
        scores.Where(s => !s.Code.Contains('.')).Select(s => (s.Code, s.MaxPoints, s.Points)).ShouldBe(
        [
            ("1", 16m, (decimal?)16m), ("2", 12m, 12m), ("3", 12m, 12m), ("4", 12m, 12m),
            ("5", 16m, 15.5m), ("6", 5m, 5m), ("7", 13m, 6.5m), ("8", 14m, 13m),
        ]);
        submission.ContentHash.ShouldBe(textSubmission.ContentHash);
    }

    [Fact]
    public void Ingest_PrintedPdf_The54WarningLocatedByPageAndLine()
    {
        var report = runner.Run(PdfFixtures.Printed, new IngestOptions());

        var warning = report.Problems.ShouldHaveSingleItem();
        (warning.Severity, warning.Code).ShouldBe((Severity.Warning, ProblemCodes.ParentSumMismatch));
        warning.Message.ShouldBe("Dòng 5.4 ghi Điểm tự chấm 4 nhưng các dòng con cộng lại được 4,5; giữ nguyên giá trị đã ghi.");
        warning.Cell.ShouldBe("trang 13, dòng 32");
        var line = PdfFixtures.Lines(File.ReadAllBytes(PdfFixtures.Printed))[warning.Line!.Value - 1];
        (line.Page, line.LineOnPage).ShouldBe((13, 32));
        line.Text.ShouldBe("5.4 Đổi mới công tác quản lý công 4 4 Đạt"); // the name goes on under it
        store.Submissions.GetProblems(store.Submissions.GetSubmissions().Single().Id).ShouldHaveSingleItem().Cell.ShouldBe("trang 13, dòng 32");
    }

    [Fact]
    public void Ingest_PdfAfterTheTextLayout_IsUnchanged()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var before = store.Submissions.TableCounts();

        var report = runner.Run(PdfFixtures.Printed, new IngestOptions());

        report.Outcomes.ShouldHaveSingleItem().Action.ShouldBe(SaveAction.Unchanged);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Theory]
    [InlineData("narrow")]
    [InlineData("glyphs")]
    public void Ingest_OtherLayouts_SameNumbersAndWarning(string layout)
    {
        var path = layout == "narrow" ? PdfFixtures.NarrowColumns : folder.Write("hoang-hoa-2017.pdf", GlyphByGlyphPdf.RealReport());

        var report = runner.Run(path, new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var submission = store.Submissions.GetSubmissions().ShouldHaveSingleItem();
        (submission.MaxTotal, submission.PointsTotal, submission.RowCount).ShouldBe((100m, 92m, 111));
        var textStore = TextStore();
        store.Submissions.GetScores(submission.Id).Select(s => (s.Code, s.MaxPoints, s.Points))
            .ShouldBe(textStore.Submissions.GetScores(textStore.Submissions.GetSubmissions().Single().Id).Select(s => (s.Code, s.MaxPoints, s.Points)));
        report.Problems.ShouldHaveSingleItem().Message.ShouldBe("Dòng 5.4 ghi Điểm tự chấm 4 nhưng các dòng con cộng lại được 4,5; giữ nguyên giá trị đã ghi.");
    }

    [Fact]
    public void Ingest_ScannedPdf_RejectedAndNothingWritten()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var before = store.Submissions.TableCounts();

        var report = runner.Run(folder.Write("hoang-hoa-2017-scan.pdf", GlyphByGlyphPdf.Scanned()), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        report.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.NoTextLayer);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void Ingest_PointsAboveMaxInPdf_RejectedAtItsPageAndLine()
    {
        var bytes = GlyphByGlyphPdf.RealReport(selfText: new() { ["7.1.4"] = "9" });

        var report = runner.Run(folder.Write("hoang-hoa-2017.pdf", bytes), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        var problem = report.Problems.Single(p => p.Code == ProblemCodes.PointsAboveMax);
        problem.Message.ShouldBe("Dòng 7.1.4: Điểm tự chấm 9 vượt Điểm chuẩn 2.");
        var line = PdfFixtures.Lines(bytes)[problem.Line!.Value - 1];
        problem.Cell.ShouldBe($"trang {line.Page}, dòng {line.LineOnPage}");
        line.Text.ShouldStartWith("7.1.4 ");
        store.Submissions.GetSubmissions().ShouldBeEmpty();
    }

    [Fact]
    public void ExpandPaths_Folder_FindsPdfReports()
    {
        File.Copy(PdfFixtures.Printed, folder.File("hoang-hoa-2017.pdf"));
        folder.Write("ghi-chu.md", "không phải báo cáo");

        IngestRunner.ExpandPaths([folder.Path]).ShouldBe([folder.File("hoang-hoa-2017.pdf")]);
    }
}
