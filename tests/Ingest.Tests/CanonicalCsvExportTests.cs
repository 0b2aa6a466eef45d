using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>The canonical CSV writer against hostile evidence (issue 12, §6): every field with a CR, an LF, a quote or a
/// comma is quoted, no physical line of the export starts a formula, and the export ingests again unchanged.</summary>
public sealed class CanonicalCsvExportTests : IDisposable
{
    private readonly DuckDbConnectionFactory connections = new(":memory:");
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly ScoreStore store;
    private readonly IngestRunner runner;

    public CanonicalCsvExportTests()
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
    public void Write_HostileEvidence_NoLineStartsAFormulaAndTheExportIngestsUnchanged()
    {
        var stored = runner.Run(folder.Write("tho-xuan-2018.csv", HostileText.Csv("tho-xuan", 2018)), new IngestOptions());
        stored.Accepted.ShouldBeTrue(string.Join("\n", stored.Problems));
        var original = store.Submissions.GetCurrentRows();
        foreach (var (code, evidence) in HostileText.Evidence)
        {
            original.Where(r => r.Code == code).Select(r => r.Evidence).ShouldBe([evidence, evidence], $"stored evidence of {code}");
        }

        var exported = Export(store);

        HostileText.FormulaLines(exported).ShouldBeEmpty();
        using var otherConnections = new DuckDbConnectionFactory(":memory:");
        var otherStore = new ScoreStore(otherConnections);
        var again = new IngestRunner(otherStore, ReferenceData.Embedded).Run(folder.Write("export.csv", exported), new IngestOptions());
        again.Accepted.ShouldBeTrue(string.Join("\n", again.Problems));
        otherStore.Submissions.GetCurrentRows().ShouldBe(original);
        otherStore.Submissions.GetSubmissions().Select(s => s.Sheet()).ShouldBe(store.Submissions.GetSubmissions().Select(s => s.Sheet()));
        var before = store.Submissions.TableCounts();
        runner.Run(folder.File("export.csv"), new IngestOptions()).Outcomes.ShouldAllBe(o => o.Action == SaveAction.Unchanged);
        store.Submissions.TableCounts().ShouldBe(before);
    }

    [Theory]
    [InlineData("a\rb")]
    [InlineData("a\nb")]
    [InlineData("a\r\nb")]
    [InlineData("a\"b")]
    [InlineData("a,b")]
    public void Write_FieldWithALineBreakQuoteOrComma_IsQuoted(string evidence)
    {
        var row = new ExportRow("hoang-hoa", "Hoằng Hóa", 2017, "self", "1.1.1", "sub_criterion", "Tên", 2m, 2m, evidence, false);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        CanonicalCsv.Write(writer, [row]);

        writer.ToString().ShouldEndWith(",\"" + evidence.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\n");
    }

    private static string Export(ScoreStore source)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CanonicalCsv.Write(writer, source.Submissions.GetCurrentRows());
        return writer.ToString();
    }
}
