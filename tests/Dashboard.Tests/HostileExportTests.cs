using CchcAnalytics.Core;
using System.Net;
using CchcAnalytics.Exports.Tests;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;
using DocumentFormat.OpenXml.Spreadsheet;
using D = DocumentFormat.OpenXml.Drawing;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>A district's evidence written to attack whoever opens the province's exports (issue 12, §6), uploaded and
/// stored through the writable dashboard, then downloaded: the scores CSV ingests again with the same content hash and
/// numbers and no line of it starts a formula; the workbook, a chart's CSV and the meeting pack hold no formula and no
/// line a spreadsheet would run.</summary>
[Collection(WritableDashboard.Name)]
public sealed class HostileExportTests(WritableDashboardApp app)
{
    [Fact]
    public async Task Exports_HostileEvidenceStored_CsvRoundTripsAndNothingRunsAsAFormula()
    {
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        var hostile = HostileText.Csv("tho-xuan", 2018);
        using (var upload = await TestAccounts.UploadAsync(province, "tho-xuan-2018.csv", hostile))
        {
            upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            using var confirm = await TestAccounts.ConfirmAsync(province, upload.Headers.Location!.OriginalString);
            confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var folder = TestFiles.NewTempFolder();
        var csv = await province.GetByteArrayAsync("/export/scores.csv");
        var text = System.Text.Encoding.UTF8.GetString(csv);
        text.ShouldContain("HYPERLINK");
        HostileText.FormulaLines(text).ShouldBeEmpty();
        var (exported, original) = (Ingested(folder, "export.csv", csv), Ingested(folder, "tho-xuan-2018.csv", hostile));
        exported.Submissions.ShouldBe(original.Submissions);
        exported.Rows.ShouldBe(original.Rows);
        foreach (var (code, evidence) in HostileText.Evidence)
        {
            exported.Rows.Where(r => r.Code == code).Select(r => r.Evidence).ShouldBe([evidence, evidence]);
        }

        using (var book = new OpenedWorkbook(await province.GetByteArrayAsync("/export/scores.xlsx")))
        {
            book.Sheets().SelectMany(s => s.Descendants<CellFormula>()).ShouldBeEmpty();
            var rows = book.Rows("2018").Where(r => book.Value(r["A"]) == "tho-xuan").ToList();
            rows.Count.ShouldBe(222);
            rows.Select(r => book.Value(r["J"]) ?? "").SelectMany(HostileText.FormulaLines).ShouldBeEmpty();
            rows.ShouldContain(r => (book.Value(r["J"]) ?? "").Contains("HYPERLINK", StringComparison.Ordinal));
        }

        var chart = await province.GetStringAsync("/export/charts/heatmap.csv?nam=2018&ma=1");
        chart.ShouldContain("tho-xuan");
        HostileText.FormulaLines(chart).ShouldBeEmpty();

        using var pack = new OpenedPresentation(await province.GetByteArrayAsync("/export/pack.pptx?nam=2018&dv=tho-xuan"));
        var parts = pack.Slides.Cast<DocumentFormat.OpenXml.Packaging.OpenXmlPart>().Concat(pack.Slides.Select(s => s.NotesSlidePart).OfType<DocumentFormat.OpenXml.Packaging.OpenXmlPart>());
        var paragraphs = parts.SelectMany(p => p.RootElement!.Descendants<D.Paragraph>()).Select(OpenedPresentation.ParagraphText).ToList();
        paragraphs.ShouldContain(p => p.Contains("Thọ Xuân", StringComparison.Ordinal));
        paragraphs.SelectMany(HostileText.FormulaLines).ShouldBeEmpty();
    }

    /// <summary>The file ingested alone into a fresh database: the unit-year's submissions (content hash, totals) and rows.</summary>
    private static (IReadOnlyList<(string, int, string, decimal?, string)> Submissions, IReadOnlyList<ExportRow> Rows) Ingested(TempFolder folder, string name, byte[] bytes)
    {
        using var connections = new DuckDbConnectionFactory(folder.File(name + ".duckdb"));
        var store = new ScoreStore(connections);
        var report = new IngestRunner(store, ReferenceData.Embedded).Run(folder.Write(name, bytes), new IngestOptions());
        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems.Take(5)));
        var submissions = store.Submissions.GetSubmissions(currentOnly: true, "tho-xuan", 2018)
            .Select(s => (s.UnitId, s.Year, s.Stage.ToString(), s.PointsTotal, s.ContentHash)).OrderBy(s => s.Item3).ToList();
        submissions.Count.ShouldBe(2);
        return (submissions, store.Submissions.GetCurrentRows().Where(r => r.UnitId == "tho-xuan" && r.Year == 2018).ToList());
    }
}
