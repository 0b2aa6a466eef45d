using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Text;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>The text reader on the real Hoằng Hóa 2017 report: every quirk listed in domain.md §4.</summary>
public sealed class TextReportReaderTests
{
    private static ParsedReport ReadReal()
    {
        var problems = new List<Problem>();
        var report = TextReportReader.Read(File.ReadAllBytes(TestFiles.RealReport), "real.txt", problems);
        problems.ShouldBeEmpty();
        return report.ShouldNotBeNull();
    }

    private static ParsedRow Row(ParsedReport report, string code) => report.Rows.Single(r => r.Code == code);

    [Fact]
    public void Read_RealReport_Has111CodedRowsBy8Areas32Criteria71SubCriteria()
    {
        var report = ReadReal();
        report.Rows.Count.ShouldBe(111);
        report.Rows.Count(r => CriterionCode.Depth(r.Code) == 1).ShouldBe(8);
        report.Rows.Count(r => CriterionCode.Depth(r.Code) == 2).ShouldBe(32);
        report.Rows.Count(r => CriterionCode.Depth(r.Code) == 3).ShouldBe(71);
    }

    [Fact]
    public void Read_RealReport_LetterFacts()
    {
        var report = ReadReal();
        report.UnitText.ShouldBe("HUYỆN HOÀNG HÓA");
        report.Year.ShouldBe(2017);
        report.ReportNumber.ShouldBe("293/BC-UBND");
        report.ReportDate.ShouldBe(new DateOnly(2017, 11, 20));
        report.StatedSelfTotal.ShouldBe(92m);
    }

    [Fact]
    public void Read_RealReport_FooterTotals()
    {
        var report = ReadReal();
        report.FooterMax.ShouldBe(100m);
        report.FooterSelf.ShouldBe(92m);
        report.FooterAppraised.ShouldBeNull();
        report.FooterLine.ShouldBe(199);
    }

    [Fact]
    public void Read_RealReport_DecimalCommaAndPointBothRead()
    {
        var report = ReadReal();
        Row(report, "5").SelfPoints.ShouldBe(15.5m);     // "15,5"
        Row(report, "5.5.2").SelfPoints.ShouldBe(0.5m);  // "0.5"
        Row(report, "7.1").SelfPoints.ShouldBe(4.5m);    // "4.5"
        Row(report, "1.4.2").MaxPoints.ShouldBe(0.5m);   // "0,5"
    }

    [Fact]
    public void Read_RealReport_CodesWithTrailingDots()
    {
        var report = ReadReal();
        Row(report, "7").Line.ShouldBe(165);     // printed "7."
        Row(report, "7.1.1").Line.ShouldBe(169); // printed "7.1.1."
        Row(report, "4").Name.ShouldBe("CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC");
    }

    [Fact]
    public void Read_RealReport_NameJoinedAcrossWrappedLine() =>
        Row(ReadReal(), "1.4.1").Name.ShouldBe("Kế hoạch tuyên truyền CCHC (có kế hoạch tuyên truyền CCHC riêng hoặc nằm trong kế hoạch CCHC năm)");

    [Fact]
    public void Read_RealReport_HtmlStrippedFromNamesAndEvidence()
    {
        var report = ReadReal();
        Row(report, "1.1.1").Name.ShouldBe("Ban hành kế hoạch CCHC năm kịp thời (trong Quý IV của năm trước liền kề năm kế hoạch)");
        report.Rows.ShouldAllBe(r => r.Evidence == null || (!r.Evidence.Contains('<') && !r.Evidence.Contains("**")));
        Row(report, "1.3.2").Evidence!.ShouldStartWith("Thực hiện đạt 100% số đơn vị theo kế hoạch kiểm tra.\n");
    }

    [Fact]
    public void Read_RealReport_EvidenceContinuationAttachedToItsRow()
    {
        var report = ReadReal();
        // Line 63 continues 1.3.1's evidence after a blank line.
        Row(report, "1.3.1").Evidence!.ShouldContain("Kế hoạch số 97/KH-UBND ngày 30/10/2017");
        Row(report, "1.3.2").Evidence!.ShouldNotContain("Kế hoạch số 97/KH-UBND ngày 30/10/2017");
        // Line 193 ends 8.5's evidence.
        Row(report, "8.5").Evidence!.ShouldEndWith("CCHC năm 2017, phương hướng nhiệm vụ trọng tâm năm 2018).");
    }

    [Fact]
    public void Read_RealReport_EvidencePrintedBeforeItsRowGoesToFirstChild()
    {
        var report = ReadReal();
        // "Hoàn thành 100% kế hoạch." (line 168) stands between the 7.1 header and 7.1.1: it is 7.1.1's.
        Row(report, "7.1").Evidence.ShouldBeNull();
        Row(report, "7.1.1").Evidence!.ShouldStartWith("Hoàn thành 100% kế hoạch.\n- Công văn số 1242/UBND-VP");
    }

    [Fact]
    public void Read_RealReport_CriterionWithEvidenceAndChildrenKeepsBoth()
    {
        var report = ReadReal();
        Row(report, "6.2").Evidence!.ShouldStartWith("Thực hiện đúng quy định.");
        report.Rows.Count(r => r.Code.StartsWith("6.2.", StringComparison.Ordinal)).ShouldBe(4);
    }

    [Fact]
    public void Read_RealReport_CollapsedAppraisedCellReadsEvidenceNotPoints()
    {
        var report = ReadReal();
        var row = Row(report, "5.2.1"); // 5 cells: the empty Điểm thẩm định vanished
        row.SelfPoints.ShouldBe(1m);
        row.AppraisedPoints.ShouldBeNull();
        row.Evidence!.ShouldStartWith("Thực hiện đúng quy định");
        report.Rows.ShouldAllBe(r => r.AppraisedPoints == null);
    }

    [Fact]
    public void Read_RealReport_EightyScoredLeavesWithPoints()
    {
        var report = ReadReal();
        var leaves = report.Rows.Where(r => !report.Rows.Any(c => c.Code.StartsWith(r.Code + ".", StringComparison.Ordinal))).ToList();
        leaves.Count.ShouldBe(80);
        leaves.ShouldAllBe(l => l.SelfPoints != null);
    }

    [Fact]
    public void Read_Utf16AndBomVariants_GiveTheSameRows()
    {
        var text = TestFiles.RealReportText;
        var expected = ReadReal().Rows;
        foreach (var bytes in new[]
                 {
                     Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
                     Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
                     Encoding.Unicode.GetBytes(text),
                     Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(),
                     Encoding.UTF8.GetBytes(text.Normalize(NormalizationForm.FormD)),
                 })
        {
            var problems = new List<Problem>();
            var report = TextReportReader.Read(bytes, "variant.txt", problems).ShouldNotBeNull();
            problems.ShouldBeEmpty();
            report.Rows.ShouldBe(expected);
        }
    }

    [Fact]
    public void Read_Windows1258_DecodesToTheSameNfcText()
    {
        var bytes = Windows1258.Encode(TestFiles.RealReportText);
        var problems = new List<Problem>();
        var report = TextReportReader.Read(bytes, "legacy.txt", problems).ShouldNotBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.LegacyEncoding);
        report.Rows.ShouldBe(ReadReal().Rows);
        report.UnitText.ShouldBe("HUYỆN HOÀNG HÓA");
    }

    [Fact]
    public void Read_DoubleEncodedUtf8_RejectedAsMojibake()
    {
        var garbled = Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(TestFiles.RealReportText)));
        var problems = new List<Problem>();
        TextReportReader.Read(garbled, "garbled.txt", problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.Mojibake);
    }

    [Fact]
    public void Read_Tcvn3LikeText_RejectedAsLegacyFontEncoding()
    {
        // "Điểm chuẩn … tiêu chí" typed with a TCVN3 (ABC) font and saved as a Windows code page reads like this.
        var text = "B¶ng tæng hîp kÕt qu¶ tù ®¸nh gi¸, chÊm ®iÓm tiªu chÝ\nSTT\tLÜnh vùc/Tiªu chÝ\t§iÓm chuÈn\t§iÓm tù chÊm\n1\tC«ng t¸c chØ ®¹o\t16\t16\n";
        var problems = new List<Problem>();
        TextReportReader.Read(Encoding.GetEncoding(1252).GetBytes(text), "tcvn3.txt", problems).ShouldBeNull();
        problems.Where(p => p.Severity == Severity.Error).ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.Mojibake);
    }

    [Fact]
    public void Read_BinaryAndEmpty_Rejected()
    {
        var problems = new List<Problem>();
        TextReportReader.Read([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00, 0x7F], "blob.txt", problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.Binary);

        problems.Clear();
        TextReportReader.Read([], "empty.txt", problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.Empty);
    }

    [Fact]
    public void Read_LetterWithoutTable_NoTable()
    {
        var letter = TestFiles.RealReportText.Split("BẢNG TỔNG HỢP")[0];
        var problems = new List<Problem>();
        TextReportReader.Read(Encoding.UTF8.GetBytes(letter), "letter.txt", problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Code.ShouldBe(ProblemCodes.NoTable);
    }

    [Fact]
    public void Read_NumberThatIsNotANumber_BadNumberNamesLineAndColumn()
    {
        var text = TestFiles.WithRow(TestFiles.RealReportText, "1.1.1", c => { c[3] = "hai"; return c; });
        var problems = new List<Problem>();
        TextReportReader.Read(Encoding.UTF8.GetBytes(text), "bad.txt", problems);
        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.BadNumber);
        problem.Line.ShouldBe(52); // 1.1.1 is the third row under the header on line 49
        problem.Message.ShouldContain("Điểm tự chấm");
    }
}

/// <summary>Encodes text the way Vietnamese Windows-1258 files store it: base letters with vowel marks
/// precomposed (ă, â, ê, ô, ơ, ư, đ) and tone marks as separate combining characters.</summary>
internal static class Windows1258
{
    static Windows1258() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Encode(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is '\u0306' or '\u0302' or '\u031B' && builder.Length > 0)
            {
                // Canonical order may put a tone mark (dot below) between the letter and its vowel mark.
                var baseIndex = builder.Length - 1;
                while (baseIndex > 0 && char.GetUnicodeCategory(builder[baseIndex]) == System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    baseIndex--;
                }

                builder[baseIndex] = (builder[baseIndex].ToString() + c).Normalize(NormalizationForm.FormC)[0];
            }
            else
            {
                builder.Append(c);
            }
        }

        var encoding = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        return encoding.GetBytes(builder.ToString());
    }
}
