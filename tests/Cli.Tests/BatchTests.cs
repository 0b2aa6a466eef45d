using System.Text;
using System.Text.Json;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Cli.Tests;

/// <summary>A batch always finishes (issue 12, §5): a file that used to crash the reader, or one that still throws,
/// is one rejected line, and every other file is processed and counted in the summary.</summary>
public sealed class BatchTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CchcCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>a.txt the real report, b.txt with a fullwidth code and points (it killed the CLI with exit 134), c.txt a
    /// broken report.</summary>
    private static TempFolder Batch()
    {
        var folder = TestFiles.NewTempFolder();
        folder.Write("a.txt", TestFiles.RealReportText);
        folder.Write("b.txt", TestFiles.WithRow(TestFiles.RealReportText, "1.1.1", c => { c[0] = "１.１.１"; c[3] = "２"; return c; }));
        folder.Write("c.txt", TestFiles.WithRow(TestFiles.RealReportText, "7.1.4", c => { c[3] = "5"; return c; }));
        return folder;
    }

    [Fact]
    public void Validate_FileThatUsedToCrashInTheMiddle_EveryFileProcessedAndSummaryPrinted()
    {
        using var folder = Batch();

        var (exit, output, error) = Run("validate", folder.Path);

        exit.ShouldBe(1, error);
        output.ShouldContain($"accepted  {folder.File("a.txt")}: hoang-hoa 2017 [self] 111 rows, self 92/100");
        output.ShouldContain($"accepted  {folder.File("b.txt")}: hoang-hoa 2017 [self] 111 rows, self 92/100");
        output.ShouldContain($"rejected  {folder.File("c.txt")}: 1 error");
        output.TrimEnd().Split('\n')[^1].ShouldBe("2 accepted, 1 rejected.");
    }

    [Fact]
    public void ValidateJson_FileThatUsedToCrashInTheMiddle_PrintsJsonForEveryFile()
    {
        using var folder = Batch();

        var (exit, output, _) = Run("validate", folder.Path, "--format", "json");

        exit.ShouldBe(1);
        using var json = JsonDocument.Parse(output);
        json.RootElement.EnumerateArray().Select(f => (Path.GetFileName(f.GetProperty("file").GetString()), f.GetProperty("status").GetString()))
            .ShouldBe([("a.txt", "accepted"), ("b.txt", "accepted"), ("c.txt", "rejected")]);
        json.RootElement[1].GetProperty("points").GetDecimal().ShouldBe(92m);
    }

    [Fact]
    public void RunFiles_FileWhoseRunThrows_RejectedAsInternalErrorAndTheRestProcessed()
    {
        var runner = new IngestRunner(ReferenceData.Embedded);
        using var output = new StringWriter();
        string[] files = [TestFiles.RealReport, "/tmp/throws.txt", TestFiles.RealReport];

        var exit = CchcCli.RunFiles(files, f => f == "/tmp/throws.txt" ? throw new InvalidOperationException("boom") : runner.Run(f, new IngestOptions()), output, TextWriter.Null, storing: false);

        exit.ShouldBe(1);
        var text = output.ToString();
        text.ShouldContain("rejected  /tmp/throws.txt: 1 error");
        text.ShouldContain("/tmp/throws.txt: error internal-error: Lỗi nội bộ khi xử lý tệp throws.txt");
        text.ShouldContain("InvalidOperationException: boom");
        text.TrimEnd().Split('\n')[^1].ShouldBe("2 accepted, 1 rejected.");
    }
}
