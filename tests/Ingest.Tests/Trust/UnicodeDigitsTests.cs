using System.Text;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Ingest.Tests.Office;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests.Trust;

/// <summary>Fullwidth (<c>１</c>) and Arabic-Indic (<c>٢٠١٧</c>) digits in points, codes, years and dates (issue 12,
/// §5): they used to throw out of int/decimal.Parse; now they read as the digits they are, in every format.</summary>
public sealed class UnicodeDigitsTests
{
    private readonly IngestRunner runner = new(ReferenceData.Embedded);

    private static string Fullwidth(string ascii) => string.Concat(ascii.Select(c => c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c));

    private static string ArabicIndic(string ascii) => string.Concat(ascii.Select(c => c is >= '0' and <= '9' ? (char)('٠' + (c - '0')) : c));

    private FileReport Run(string name, string text) => runner.Run(name, Encoding.UTF8.GetBytes(text), new IngestOptions());

    /// <summary>Accepted as the real report: Hoằng Hóa 2017, 111 rows, 92 of 100, dated 20/11/2017.</summary>
    private static void AcceptedAsTheRealReport(FileReport report)
    {
        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        (report.UnitId, report.Year, report.Rows, report.SelfPoints, report.MaxPoints).ShouldBe(("hoang-hoa", 2017, 111, 92m, 100m));
        var scores = report.Submissions.Single().Sheet.Scores;
        scores.Single(s => s.Code == "5").Points.ShouldBe(15.5m);
        scores.Single(s => s.Code == "1.1.1").Points.ShouldBe(2m);
        report.Submissions.Single().ReportDate.ShouldBe(new DateOnly(2017, 11, 20));
    }

    public static TheoryData<string> Digits => new() { "fullwidth", "arabic-indic" };

    private static Func<string, string> Map(string digits) => digits == "fullwidth" ? Fullwidth : ArabicIndic;

    [Theory]
    [MemberData(nameof(Digits))]
    public void Run_TextWithOtherDigitsInPointsAndCodes_ReadAsTheirValues(string digits)
    {
        var map = Map(digits);
        var text = TestFiles.WithRow(TestFiles.RealReportText, "1.1.1", c => { c[0] = map("1.1.1"); c[2] = map("2"); c[3] = map("2"); return c; });
        text = TestFiles.WithRow(text, "5", c => { c[0] = map("5"); c[3] = map("15,5"); return c; });

        AcceptedAsTheRealReport(Run("chu-so.txt", text));
    }

    [Theory]
    [MemberData(nameof(Digits))]
    public void Run_TextWithOtherDigitsInYearDateAndStatedTotal_ReadAsTheirValues(string digits)
    {
        var map = Map(digits);
        var text = TestFiles.Replace(TestFiles.RealReportText, "ngày 20 tháng 11 năm 2017", "ngày " + map("20") + " tháng " + map("11") + " năm " + map("2017"));
        text = TestFiles.Replace(text, "Chỉ số cải cách hành chính năm 2017", "Chỉ số cải cách hành chính năm " + map("2017"));
        text = TestFiles.Replace(text, "**92** (điểm)", "**" + map("92") + "** (điểm)");

        var report = Run("nam.txt", text);

        AcceptedAsTheRealReport(report);
        report.Submissions.Single().StatedTotal.ShouldBe(92m);
    }

    [Theory]
    [MemberData(nameof(Digits))]
    public void Run_CsvWithOtherDigitsInYearCodeAndPoints_ReadAsTheirValues(string digits)
    {
        var map = Map(digits);
        var lines = File.ReadAllLines(Path.Combine(BadInputCorpus.Folder, "csv-baseline-muong-lat-2019.csv"));
        var baseline = runner.Run("baseline.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines)), new IngestOptions());
        baseline.Accepted.ShouldBeTrue();
        var changed = lines.Take(1).Concat(lines.Skip(1).Select(l => Regex.Replace(l, @"^([^,]*,[^,]*,)2019,(self,)([0-9.]+),", m => m.Groups[1].Value + map("2019") + "," + m.Groups[2].Value + map(m.Groups[3].Value) + ",")));

        var report = Run("chu-so.csv", string.Join('\n', changed));

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        (report.UnitId, report.Year, report.Rows, report.SelfPoints).ShouldBe(("muong-lat", 2019, baseline.Rows, baseline.SelfPoints));
        report.Submissions.Single().Sheet.Scores.ShouldBe(baseline.Submissions.Single().Sheet.Scores);
    }

    [Theory]
    [MemberData(nameof(Digits))]
    public void Run_WorkbookWithOtherDigitsInTitleCodeAndPoints_ReadAsTheirValues(string digits)
    {
        var map = Map(digits);
        var book = ReportWorkbook.FromRealReport();
        book.Set("A2", FixtureCell.Shared(ReportWorkbook.Title.Replace("2017", map("2017"), StringComparison.Ordinal)));
        book.Set("A" + book.RowOf("1.1.1"), FixtureCell.Shared(map("1.1.1")));
        book.Set("D" + book.RowOf("1.1.1"), FixtureCell.Shared(map("2")));
        book.Set("D" + book.RowOf("5"), FixtureCell.Shared(map("15,5")));
        book.Set("A" + book.RowOf("5"), FixtureCell.Inline(map("5")));

        var report = runner.Run("chu-so.xlsx", book.ToBytes(), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        (report.UnitId, report.Year, report.Rows, report.SelfPoints).ShouldBe(("hoang-hoa", 2017, 111, 92m));
        report.Submissions.Single().Sheet.Scores.Single(s => s.Code == "5").Points.ShouldBe(15.5m);
    }

    [Theory]
    [MemberData(nameof(Digits))]
    public void Run_WordDocumentWithOtherDigitsEverywhere_ReadAsTheirValues(string digits)
    {
        var map = Map(digits);
        var bytes = OfficeEdit.Docx(ReportDocument.FromRealReport(), body =>
        {
            foreach (var text in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>())
            {
                text.Text = map(text.Text);
            }
        });

        var report = runner.Run("chu-so.docx", bytes, new IngestOptions());

        AcceptedAsTheRealReport(report);
        report.Submissions.Single().ReportNumber.ShouldBe("293/BC-UBND");
    }

    [Theory]
    [MemberData(nameof(Digits))]
    public void Run_FileNameWithOtherDigits_YearFromTheName(string digits)
    {
        var book = ReportWorkbook.FromRealReport(titleRows: false);

        var report = runner.Run($"hoang-hoa-{Map(digits)("2017")}.xlsx", book.ToBytes(), new IngestOptions());

        report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
        (report.UnitId, report.Year, report.SelfPoints).ShouldBe(("hoang-hoa", 2017, 92m));
        report.Problems.ShouldContain(p => p.Code == ProblemCodes.FromFileName && p.File == $"hoang-hoa-{Map(digits)("2017")}.xlsx");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("4294967295")]
    [InlineData("99999999999")]
    [InlineData("１２")]
    public void Run_WorkbookRowWithAnImpossibleRowNumber_LocatedError(string number)
    {
        var book = ReportWorkbook.FromRealReport();
        var row = book.RowOf("1.1.1");
        var bytes = OfficeEdit.XlsxSheetXml(book.ToBytes(), xml =>
        {
            var edited = Regex.Replace(xml, $"(<(?:x:)?row r=\"){row}\"", m => m.Groups[1].Value + number + "\"");
            edited.ShouldNotBe(xml);
            return edited;
        });

        var report = runner.Run("so-dong.xlsx", bytes, new IngestOptions());

        report.Accepted.ShouldBeFalse();
        var problem = report.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.Unreadable);
        problem.Message.ShouldContain($"ngay sau dòng {row - 1}");
        problem.Message.ShouldContain($"'{number}'");
        problem.Cell.ShouldBe("dòng " + number);
    }
}
