using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Office;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Ingest.Tests.Office;
using CchcAnalytics.Ingest.Text;
using CchcAnalytics.Tests;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CchcAnalytics.Ingest.Tests.Trust;

/// <summary>What a person sees is what is read (issue 12, §4): hidden columns, rows and sheets, hidden, moved-away and
/// deleted Word text, and a note column beside the evidence are not data.</summary>
public sealed class VisibleContentTests
{
    private readonly IngestRunner runner = new(ReferenceData.Embedded);

    /// <summary>The real report's self-assessed points by code, from the text layout.</summary>
    private static Dictionary<string, decimal?> RealPoints { get; } = ReportWorkbook.RealReport().Rows.ToDictionary(r => r.Code, r => r.SelfPoints);

    private static ParsedRow Real(string code) => ReportWorkbook.RealReport().Rows.Single(r => r.Code == code);

    /// <summary>The real layout with Điểm tự chấm in column E, and an old "Điểm tự chấm" column D holding 0 everywhere.</summary>
    private static ReportWorkbook WithSecondSelfColumn(bool hidden)
    {
        var book = ReportWorkbook.FromRealReport(columns: "ABCEFGH");
        book.Set("D3", FixtureCell.Shared("Điểm tự chấm"));
        foreach (var row in ReportWorkbook.RealReport().Rows)
        {
            book.Set("D" + book.RowOf(row.Code), FixtureCell.Number(0));
        }

        if (hidden)
        {
            book.HiddenColumns.Add("D");
        }

        return book;
    }

    [Fact]
    public void Run_HiddenColumnHoldingASecondSelfColumn_IgnoredAndTheVisibleOneRead()
    {
        var report = runner.Run("an-cot.xlsx", WithSecondSelfColumn(hidden: true).ToBytes(), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.SelfPoints.ShouldBe(92m);
        report.Submissions.Single().Sheet.Scores.ToDictionary(s => s.Code, s => s.Points).ShouldBe(RealPoints, ignoreOrder: true);
    }

    [Fact]
    public void Run_TwoVisibleSelfColumns_AmbiguousColumnNamingBothCells()
    {
        var report = runner.Run("hai-cot.xlsx", WithSecondSelfColumn(hidden: false).ToBytes(), new IngestOptions());

        report.Accepted.ShouldBeFalse();
        var problem = report.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.AmbiguousColumn);
        problem.Cell.ShouldBe("D3, E4");
        problem.Message.ShouldContain("'Điểm tự chấm' (D3 và E4)");
    }

    [Fact]
    public void Run_HiddenRowWithDifferentPoints_NotRead()
    {
        // A hidden copy of row 7.1.4 with 2 points under the last row: read, it would be a duplicate code.
        var book = ReportWorkbook.FromRealReport();
        var last = book.RowOf("8.7") + 1; // the blank row between the table and its footer
        book.Set("A" + last, FixtureCell.Shared("7.1.4."));
        book.Set("B" + last, FixtureCell.Shared("Bản cũ"));
        book.Set("C" + last, FixtureCell.Number(2));
        book.Set("D" + last, FixtureCell.Number(2));
        book.HiddenRows.Add(last);

        var report = runner.Run("an-dong.xlsx", book.ToBytes(), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Submissions.Single().Sheet.Scores.Single(s => s.Code == "7.1.4").Points.ShouldBe(0m);
    }

    [Fact]
    public void Run_HiddenSheetWithAReport_NotRead()
    {
        var book = ReportWorkbook.FromRealReport();
        var hidden = ReportWorkbook.FromRealReport();
        hidden.SheetName = "Nga Sơn (ẩn)";
        hidden.Set("A1", FixtureCell.Shared("UBND HUYỆN NGA SƠN"));
        hidden.Hidden = true;
        book.BooksBefore.Add(hidden);

        var report = runner.Run("an-trang.xlsx", book.ToBytes(), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        report.Submissions.ShouldHaveSingleItem().Sheet.UnitId.ShouldBe("hoang-hoa");
    }

    [Fact]
    public void Read_HiddenMovedAndDeletedWordText_NotInCellText()
    {
        var bytes = OfficeEdit.Docx(ReportDocument.FromRealReport(), body =>
        {
            var row = body.Descendants<W.TableRow>().First(r => r.Elements<W.TableCell>().FirstOrDefault()?.InnerText == "1.1.1");
            var cells = row.Elements<W.TableCell>().ToList();
            // Self points "2" with a hidden "9" after it: read, "29" is over the maximum.
            cells[3].Elements<W.Paragraph>().First().Append(new W.Run(new W.RunProperties(new W.Vanish()), new W.Text("9")));
            var evidence = cells[5].Elements<W.Paragraph>().First();
            evidence.Append(new W.Run(new W.RunProperties(new W.Vanish()), new W.Text(" CHỮ ẨN")));
            evidence.Append(new W.MoveFromRun(new W.Run(new W.Text(" ĐÃ CHUYỂN ĐI"))));
            evidence.Append(new W.DeletedRun(new W.Run(new W.Text(" ĐÃ XOÁ"))));
            // A name with a hidden word in the middle.
            cells[1].Elements<W.Paragraph>().First().InsertAt(new W.Run(new W.RunProperties(new W.Vanish { Val = true }), new W.Text("ẨN ")), 0);
        });
        var problems = new List<Problem>();

        var report = DocxReportReader.Read(bytes, "an-chu.docx", problems).ShouldNotBeNull();

        problems.ShouldBeEmpty();
        var row = report.Rows.Single(r => r.Code == "1.1.1");
        row.SelfPoints.ShouldBe(2m);
        row.Name.ShouldBe(Real("1.1.1").Name);
        row.Evidence.ShouldBe(Real("1.1.1").Evidence);
    }

    [Fact]
    public void Read_NoteColumnAfterEvidenceInText_NotMergedIntoEvidence()
    {
        var text = TestFiles.RealReportText;
        var header = text.Split('\n').Single(l => l.StartsWith("STT\t", StringComparison.Ordinal));
        text = TestFiles.Replace(text, header, header + "\tGhi chú");
        text = TestFiles.WithRow(text, "1.1.1", c => c.Length == 6 ? [.. c, "Đạt"] : throw new InvalidOperationException("1.1.1 has " + c.Length + " cells"));
        text = TestFiles.WithRow(text, "1.2.1", c => [.. c, "Đạt"]);
        var problems = new List<Problem>();

        var report = TextReportReader.Read(Encoding.UTF8.GetBytes(text), "ghi-chu.txt", problems).ShouldNotBeNull();

        problems.ShouldBeEmpty();
        report.Rows.Single(r => r.Code == "1.1.1").Evidence.ShouldBe(Real("1.1.1").Evidence);
        report.Rows.Single(r => r.Code == "1.2.1").Evidence.ShouldBe(Real("1.2.1").Evidence);
        report.Rows.ShouldAllBe(r => r.Evidence == null || !r.Evidence.Contains("Đạt"));
        report.Rows.Select(r => r.SelfPoints).ShouldBe(ReportWorkbook.RealReport().Rows.Select(r => r.SelfPoints));
    }
}
