using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests.Office;

/// <summary>Excel and Word reports ingested through <see cref="IngestRunner"/> into a real DuckDB (in memory): the same
/// scores as the text layout of the same report, and the same all-or-nothing rejections.</summary>
public sealed class OfficeIngestTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly DuckDbConnectionFactory textConnections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public OfficeIngestTests()
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

    public static TheoryData<string> Formats => new() { "xlsx", "docx" };

    private static byte[] RealReport(string format) => format == "xlsx" ? ReportWorkbook.FromRealReport().ToBytes() : ReportDocument.FromRealReport();

    /// <summary>The text layout of the same report, ingested into a database of its own.</summary>
    private ScoreStore TextStore()
    {
        var textStore = new ScoreStore(textConnections);
        var report = new IngestRunner(textStore, ReferenceData.Embedded).Run(TestFiles.RealReport, new IngestOptions());
        report.Accepted.ShouldBeTrue();
        return textStore;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Ingest_RealReport_ExactlyTheTextLayoutsScores(string format)
    {
        var report = runner.Run(folder.Write($"bao-cao.{format}", RealReport(format)), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Outcomes.ShouldHaveSingleItem().Action.ShouldBe(SaveAction.Added);
        var submission = store.Submissions.GetSubmissions().ShouldHaveSingleItem();
        submission.UnitId.ShouldBe("hoang-hoa");
        submission.Year.ShouldBe(2017);
        submission.Stage.ShouldBe(Stage.Self);
        submission.SourceFormat.ShouldBe(format);
        submission.FrameworkId.ShouldBe("thanh-hoa-district-2017");
        submission.MaxTotal.ShouldBe(100m);
        submission.PointsTotal.ShouldBe(92m);
        submission.StatedTotal.ShouldBe(92m);
        submission.RowCount.ShouldBe(111);

        var scores = store.Submissions.GetScores(submission.Id);
        scores.Count.ShouldBe(111);
        scores.Single(s => s.Code == "7").MaxPoints.ShouldBe(13m);
        scores.Single(s => s.Code == "7").Points.ShouldBe(6.5m);
        scores.Single(s => s.Code == "5").MaxPoints.ShouldBe(16m);
        scores.Single(s => s.Code == "5").Points.ShouldBe(15.5m);

        // Every code, name, maximum, points and evidence equal to the text layout's, and so the same content hash.
        var textStore = TextStore();
        var textSubmission = textStore.Submissions.GetSubmissions().Single();
        scores.ShouldBe(textStore.Submissions.GetScores(textSubmission.Id));
        submission.ContentHash.ShouldBe(textSubmission.ContentHash);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Ingest_RealReport_The54SlipIsTheSameWarningAsInText(string format)
    {
        runner.Run(folder.Write($"bao-cao.{format}", RealReport(format)), new IngestOptions());

        var warnings = store.Submissions.GetProblems(store.Submissions.GetSubmissions().Single().Id);
        // The Điểm chuẩn slip is the framework's own; the points slip is this document's, as in the text layout.
        var warning = warnings.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Code.ShouldBe(ProblemCodes.ParentSumMismatch);
        warning.Message.ShouldBe("Dòng 5.4 ghi Điểm tự chấm 4 nhưng các dòng con cộng lại được 4,5; giữ nguyên giá trị đã ghi.");
        var textStore = TextStore();
        var textWarnings = textStore.Submissions.GetProblems(textStore.Submissions.GetSubmissions().Single().Id);
        warnings.Select(w => w.Message).ShouldBe(textWarnings.Select(w => w.Message));
    }

    [Fact]
    public void Ingest_Xlsx_WarningNamesTheRowAndCodeCell()
    {
        var book = ReportWorkbook.FromRealReport();
        runner.Run(folder.Write("bao-cao.xlsx", book.ToBytes()), new IngestOptions());

        var warning = store.Submissions.GetProblems(store.Submissions.GetSubmissions().Single().Id)[0];
        warning.Line.ShouldBe(book.RowOf("5.4"));
        warning.Cell.ShouldBe($"A{book.RowOf("5.4")}");
    }

    [Fact]
    public void Ingest_Docx_ReportNumberAndDateFromTheLetter()
    {
        runner.Run(folder.Write("bao-cao.docx", ReportDocument.FromRealReport()), new IngestOptions());

        var submission = store.Submissions.GetSubmissions().Single();
        submission.ReportNumber.ShouldBe("293/BC-UBND");
        submission.ReportDate.ShouldBe(new DateOnly(2017, 11, 20));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Ingest_AfterTheTextLayout_IsUnchanged(string format)
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var before = store.Submissions.TableCounts();

        var report = runner.Run(folder.Write($"bao-cao.{format}", RealReport(format)), new IngestOptions());

        report.Outcomes.ShouldHaveSingleItem().Action.ShouldBe(SaveAction.Unchanged);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void Ingest_XlsxBadNumber_RejectedNamingTheCellAndNothingStored()
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var before = store.Submissions.TableCounts();
        var rows = store.Submissions.GetCurrentRows();
        var book = ReportWorkbook.FromRealReport();
        var row = book.RowOf("7.1.3");
        book.Set($"D{row}", FixtureCell.Shared("1,5 điểm"));

        var report = runner.Run(folder.Write("hoang-hoa-2017.xlsx", book.ToBytes()), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        report.Outcomes.ShouldBeEmpty();
        var error = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        error.Code.ShouldBe(ProblemCodes.BadNumber);
        error.Cell.ShouldBe($"D{row}");
        error.Line.ShouldBe(row);
        error.ToString().ShouldStartWith($"{folder.File("hoang-hoa-2017.xlsx")}:{row} [D{row}]: error bad-number:");
        store.Submissions.TableCounts().ShouldBe(before);
        store.Submissions.GetCurrentRows().ShouldBe(rows);
    }

    [Fact]
    public void Ingest_XlsxPointsAboveMax_RejectedAndNothingStored()
    {
        var before = store.Submissions.TableCounts();
        var book = ReportWorkbook.FromRealReport();
        var row = book.RowOf("1.1.1");
        book.Set($"D{row}", FixtureCell.Number(3)); // of 2

        var report = runner.Run(folder.Write("bao-cao.xlsx", book.ToBytes()), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        var error = report.Problems.Where(p => p.Code == ProblemCodes.PointsAboveMax).ShouldHaveSingleItem();
        error.Line.ShouldBe(row);
        error.Cell.ShouldBe($"A{row}");
        error.Message.ShouldContain("Dòng 1.1.1: Điểm tự chấm 3 vượt Điểm chuẩn 2");
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void Ingest_DocxPointsAboveMax_RejectedNamingTableAndRow()
    {
        var before = store.Submissions.TableCounts();
        var bytes = ReportDocument.FromRealReport(selfText: new() { ["7.1.5"] = "3,5" }); // of 3

        var report = runner.Run(folder.Write("bao-cao.docx", bytes), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        var error = report.Problems.Where(p => p.Code == ProblemCodes.PointsAboveMax).ShouldHaveSingleItem();
        error.Cell.ShouldStartWith("bảng 2, dòng ");
        error.Message.ShouldContain("7.1.5");
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void Ingest_XlsxEmptyScoreCell_StoredAsMissingNotZero()
    {
        var book = ReportWorkbook.FromRealReport();
        book.Set($"D{book.RowOf("8.2.1")}", null);

        var report = runner.Run(folder.Write("bao-cao.xlsx", book.ToBytes()), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Problems.ShouldContain(p => p.Code == ProblemCodes.MissingPoints && p.Severity == Severity.Warning);
        var submission = store.Submissions.GetSubmissions().Single();
        store.Submissions.GetScores(submission.Id).Single(s => s.Code == "8.2.1").Points.ShouldBeNull();
    }

    [Fact]
    public void Ingest_XlsxFormulaWithCachedValue_AcceptedWithWarningStored()
    {
        var book = ReportWorkbook.FromRealReport();
        var row = book.RowOf("7");
        book.Set($"D{row}", FixtureCell.WithFormula($"SUM(D{row + 1},D{row + 7})", 6.5m));

        var report = runner.Run(folder.Write("bao-cao.xlsx", book.ToBytes()), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var submission = store.Submissions.GetSubmissions().Single();
        store.Submissions.GetScores(submission.Id).Single(s => s.Code == "7").Points.ShouldBe(6.5m);
        var stored = store.Submissions.GetProblems(submission.Id).Single(p => p.Code == ProblemCodes.FormulaCell);
        stored.Severity.ShouldBe(Severity.Warning);
        stored.Cell.ShouldBe($"D{row}");
    }

    [Fact]
    public void Ingest_XlsxFormulaWithoutCachedValue_RejectedNamingTheCell()
    {
        var before = store.Submissions.TableCounts();
        var book = ReportWorkbook.FromRealReport();
        var row = book.RowOf("7");
        book.Set($"D{row}", FixtureCell.WithFormula($"SUM(D{row + 1},D{row + 7})", null));

        var report = runner.Run(folder.Write("bao-cao.xlsx", book.ToBytes()), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        var error = report.Problems.ShouldHaveSingleItem();
        error.Code.ShouldBe(ProblemCodes.FormulaNoValue);
        error.Cell.ShouldBe($"D{row}");
        store.Submissions.TableCounts().ShouldBe(before);
    }

    public static TheoryData<string, Func<byte[]>> WithoutUnitOrYear => new()
    {
        { "bang-tong-hop.xlsx", () => ReportWorkbook.FromRealReport(titleRows: false).ToBytes() },
        { "bao-cao.docx", () => TitleWithoutYear(ReportDocument.FromRealReport(letter: false)) },
    };

    [Theory]
    [MemberData(nameof(WithoutUnitOrYear))]
    public void Ingest_UnitAndYearStatedNowhere_ErrorsAskForUnitAndYearOptions(string name, Func<byte[]> bytes)
    {
        var before = store.Submissions.TableCounts();
        var path = folder.Write(name, bytes());

        var without = runner.Run(path, new IngestOptions());

        without.Accepted.ShouldBeFalse();
        without.Problems.Where(p => p.Severity == Severity.Error).Select(p => p.Code).ShouldBe([ProblemCodes.NoYear, ProblemCodes.UnknownUnit], ignoreOrder: true);
        without.Problems.ShouldContain(p => p.Code == ProblemCodes.NoYear && p.Message.Contains("--year"));
        without.Problems.ShouldContain(p => p.Code == ProblemCodes.UnknownUnit && p.Message.Contains("--unit"));
        store.Submissions.TableCounts().ShouldBe(before);

        var with = runner.Run(path, new IngestOptions(UnitOverride: "hoang-hoa", YearOverride: 2017));
        with.Accepted.ShouldBeTrue(string.Join("\n", with.Problems));
        store.Submissions.GetSubmissions().Single().PointsTotal.ShouldBe(92m);
    }

    [Theory]
    [InlineData("hoang-hoa-2017.xlsx")]
    [InlineData("hoang-hoa-2017-bc293.docx")]
    public void Ingest_FileNameConvention_GivesUnitAndYear(string name)
    {
        var bytes = name.EndsWith(".xlsx", StringComparison.Ordinal)
            ? ReportWorkbook.FromRealReport(titleRows: false).ToBytes()
            : TitleWithoutYear(ReportDocument.FromRealReport(letter: false));

        var report = runner.Run(folder.Write(name, bytes), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        var submission = store.Submissions.GetSubmissions().ShouldHaveSingleItem();
        submission.UnitId.ShouldBe("hoang-hoa");
        submission.Year.ShouldBe(2017);
        submission.PointsTotal.ShouldBe(92m);
        store.Submissions.GetProblems(submission.Id).ShouldContain(p => p.Code == ProblemCodes.FromFileName);
    }

    [Fact]
    public void Ingest_FileNameYearContradictsYearOption_OverrideConflict()
    {
        var report = runner.Run(folder.Write("hoang-hoa-2017.xlsx", ReportWorkbook.FromRealReport(titleRows: false).ToBytes()), new IngestOptions(YearOverride: 2018));

        report.Accepted.ShouldBeFalse();
        report.Problems.ShouldContain(p => p.Code == ProblemCodes.OverrideConflict);
    }

    public static TheoryData<string, Func<byte[]>, string> Unusable => new()
    {
        { "not-a-zip.xlsx", () => "STT\tTiêu chí\tĐiểm chuẩn\tĐiểm tự chấm\n1\tA\t16\t16\n"u8.ToArray(), ProblemCodes.Unreadable },
        { "not-a-zip.docx", () => "<html><table></table></html>"u8.ToArray(), ProblemCodes.Unreadable },
        { "bomb.xlsx", () => ZipBomb.Forge(ReportWorkbook.FromRealReport().ToBytes(), "xl/sharedStrings.xml", declaredBytes: 4_200_000_000), ProblemCodes.TooLarge },
        { "bomb.docx", () => ZipBomb.Forge(ReportDocument.FromRealReport(), "word/document.xml", declaredBytes: 200_000_000), ProblemCodes.TooLarge },
        { "no-table.docx", () => ReportDocument.FromRealReport(letter: false, tables: false), ProblemCodes.NoTable },
        { "empty.xlsx", () => [], ProblemCodes.Empty },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Ingest_UnusableOfficeFile_RejectedWithItsCodeAndNothingStored(string name, Func<byte[]> bytes, string code)
    {
        runner.Run(TestFiles.RealReport, new IngestOptions());
        var before = store.Submissions.TableCounts();

        var report = runner.Run(folder.Write(name, bytes()), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        var problem = report.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(code);
        problem.Severity.ShouldBe(Severity.Error);
        problem.Message.Length.ShouldBeGreaterThan(30);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Fact]
    public void ExpandPaths_Folder_FindsExcelAndWordFilesButNotOfficeLockFiles()
    {
        folder.Write("hoang-hoa-2017.txt", "x");
        Directory.CreateDirectory(folder.File("b"));
        folder.Write(Path.Combine("b", "hoang-hoa-2017.xlsx"), []);
        folder.Write("bao-cao.DOCX", []);
        folder.Write("~$bao-cao.docx", []);
        folder.Write("notes.odt", []);

        var files = IngestRunner.ExpandPaths([folder.Path]).Select(Path.GetFileName);

        files.ShouldBe(["bao-cao.DOCX", "hoang-hoa-2017.xlsx", "hoang-hoa-2017.txt"], ignoreOrder: true);
    }

    /// <summary>The docx title without its year, so that only --year or the file name can give it.</summary>
    private static byte[] TitleWithoutYear(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
        {
            foreach (var text in document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>())
            {
                text.Text = text.Text.Replace(" NĂM 2017", "", StringComparison.Ordinal);
            }
        }

        return stream.ToArray();
    }
}
