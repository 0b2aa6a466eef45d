using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Ingest.Tests.Office;
using CchcAnalytics.Tests;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CchcAnalytics.Ingest.Tests.Trust;

/// <summary>Clear messages about a table's shape (issue 12, §8): a header repeated after a page break and a "Tổng cộng"
/// subtotal inside the table are not the end of it, and one error repeated on every row is said once, with a count.</summary>
public sealed class TableShapeTests
{
    private readonly IngestRunner runner = new(ReferenceData.Embedded);

    private static string HeaderLine => TestFiles.RealReportText.Split('\n').Single(l => l.StartsWith("STT\t", StringComparison.Ordinal));

    private FileReport Run(string name, string text) => runner.Run(name, Encoding.UTF8.GetBytes(text), new IngestOptions());

    private static void AcceptedAsTheRealReport(FileReport report)
    {
        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        (report.UnitId, report.Year, report.Rows, report.SelfPoints, report.MaxPoints).ShouldBe(("hoang-hoa", 2017, 111, 92m, 100m));
        report.Submissions.Single().Sheet.Scores.Select(s => (s.Code, s.MaxPoints, s.Points))
            .ShouldBe(ReportWorkbook.RealReport().Rows.Select(r => (r.Code, r.MaxPoints!.Value, r.SelfPoints)));
        report.Problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.ParentSumMismatch);
    }

    /// <summary>Inserts <paramref name="lines"/> before the row printed as <paramref name="code"/>.</summary>
    private static string InsertBefore(string text, string code, params string[] lines)
    {
        var all = text.Split('\n').ToList();
        var index = all.FindIndex(l => l.StartsWith(code + "\t", StringComparison.Ordinal));
        index.ShouldBeGreaterThan(0);
        all.InsertRange(index, lines);
        return string.Join('\n', all);
    }

    [Fact]
    public void Run_TextHeaderRepeatedAfterAPageBreak_Skipped()
    {
        var text = InsertBefore(TestFiles.RealReportText, "5", "", "\f" + HeaderLine, "");

        AcceptedAsTheRealReport(Run("lap-tieu-de.txt", text));
    }

    [Fact]
    public void Run_TextSubtotalRowInsideTheTable_DoesNotEndIt()
    {
        var text = InsertBefore(TestFiles.RealReportText, "2", "\tTổng cộng lĩnh vực 1\t16\t16\t\t");

        AcceptedAsTheRealReport(Run("tong-cong.txt", text));
    }

    [Fact]
    public void Run_WordHeaderRepeatedAndSubtotalInsideTheTable_SkippedAndTableRead()
    {
        var bytes = OfficeEdit.Docx(ReportDocument.FromRealReport(), body =>
        {
            var table = body.Elements<W.Table>().ElementAt(1);
            var rows = table.Elements<W.TableRow>().ToList();
            var area5 = rows.First(r => r.Elements<W.TableCell>().First().InnerText == "5");
            foreach (var header in rows.Take(2))
            {
                area5.InsertBeforeSelf(header.CloneNode(true));
            }

            var area2 = rows.First(r => r.Elements<W.TableCell>().First().InnerText == "2");
            area2.InsertBeforeSelf(new W.TableRow(
                Cell(""), Cell("Tổng cộng"), Cell("16"), Cell("16"), Cell(""), Cell(""), Cell("")));
        });

        AcceptedAsTheRealReport(runner.Run("lap-tieu-de.docx", bytes, new IngestOptions()));
    }

    [Fact]
    public void Run_SameErrorOnEveryRow_ReportedOnceWithACount()
    {
        var text = TestFiles.RealReportText;
        var codes = ReportWorkbook.RealReport().Rows.Select(r => r.Code).ToList();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split('\t');
            if (cells.Length >= 4 && CriterionCode.Normalize(cells[0]) is { } code && codes.Contains(code))
            {
                cells[3] = "đạt";
                lines[i] = string.Join('\t', cells);
            }
        }

        var report = Run("dat.txt", string.Join('\n', lines));

        report.Accepted.ShouldBeFalse();
        var problem = report.Problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.BadNumber);
        problem.Line.ShouldBe(50);
        problem.Message.ShouldStartWith("'đạt' ở cột Điểm tự chấm của dòng 1 không phải là số điểm. Cùng lỗi này còn ở 110 dòng khác: dòng 51, 52, 53,");
    }

    private static W.TableCell Cell(string text) => new(new W.Paragraph(new W.Run(new W.Text(text))));
}
