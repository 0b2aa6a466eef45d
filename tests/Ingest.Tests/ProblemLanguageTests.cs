using System.Reflection;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>Every message a user reads is Vietnamese: the problems of the bad-file fixtures of the other test classes
/// (and of the bad-input corpus, when there is one) are scanned for English words, so English cannot creep back.</summary>
public sealed partial class ProblemLanguageTests : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly IngestRunner runner = new(ReferenceData.Embedded);

    public void Dispose() => folder.Dispose();

    [Fact]
    public void BrokenReports_EveryProblemIsVietnamese()
    {
        var problems = new List<Problem>();
        foreach (var data in IngestEndToEndTests.BrokenReports)
        {
            var (name, breakIt) = ((string)data[0], (Func<string, string>)data[1]);
            problems.AddRange(runner.Run(folder.Write(VietnameseText.Slug(name) + ".txt", breakIt(TestFiles.RealReportText)), new IngestOptions()).Problems);
        }

        ShouldAllBeVietnamese(problems, minimum: IngestEndToEndTests.BrokenReports.Count);
    }

    [Fact]
    public void RealReportAndItsOverrides_EveryProblemIsVietnamese()
    {
        var problems = new List<Problem>();
        problems.AddRange(runner.Run(TestFiles.RealReport, new IngestOptions()).Problems);
        problems.AddRange(runner.Run(TestFiles.RealReport, new IngestOptions { UnitOverride = "bim-son", YearOverride = 2018 }).Problems);
        var unnamed = TestFiles.Replace(TestFiles.Replace(TestFiles.RealReportText, "cải cách hành chính năm 2017", "cải cách hành chính"), "CẢI CÁCH HÀNH CHÍNH NĂM 2017", "CẢI CÁCH HÀNH CHÍNH");
        problems.AddRange(runner.Run(folder.Write("khong-nam.txt", unnamed), new IngestOptions()).Problems);
        problems.AddRange(runner.Run(folder.Write("windows-1258.txt", Windows1258.Encode(TestFiles.RealReportText)), new IngestOptions()).Problems);
        problems.AddRange(runner.Run(folder.Write("loai-khac.pdf", "%PDF-1.4"), new IngestOptions()).Problems);
        problems.AddRange(runner.Run(folder.File("khong-co.txt"), new IngestOptions()).Problems);
        problems.AddRange(runner.Run(folder.Write("rong.xlsx", []), new IngestOptions()).Problems);
        problems.AddRange(runner.Run(folder.Write("rong.docx", []), new IngestOptions()).Problems);

        ShouldAllBeVietnamese(problems, minimum: 8);
    }

    [Fact]
    public void BadCsvFixtures_EveryProblemIsVietnamese()
    {
        var problems = new List<Problem>();
        var index = 0;
        foreach (var row in InlineRows<IngestEndToEndTests>(nameof(IngestEndToEndTests.Ingest_BadCsv_RejectedWithLineAndColumn)))
        {
            problems.AddRange(runner.Run(folder.Write($"bad-{index++}.csv", (string)row[0]!), new IngestOptions()).Problems);
        }

        const string header = "unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence,synthetic";
        problems.AddRange(runner.Run(folder.Write("mixed.csv",
            $"{header}\nhoang-hoa,Hoằng Hóa,2017,self,1,area,A,16,16,,true\nhoang-hoa,Hoằng Hóa,2017,self,1.1,criterion,B,16,16,,false\n"), new IngestOptions()).Problems);
        problems.AddRange(runner.Run(folder.Write("published-as-scores.csv", string.Join(',', PublishedCsv.Header) + "\n"), new IngestOptions()).Problems);

        ShouldAllBeVietnamese(problems, minimum: index + 2);
    }

    [Fact]
    public void BadPublishedRows_EveryProblemIsVietnamese()
    {
        var problems = new List<Problem>();
        var index = 0;
        foreach (var row in InlineRows<PublishedResultsTests>(nameof(PublishedResultsTests.RunPublished_BadRow_RejectedNamingFileLineAndColumn)))
        {
            var path = folder.Write($"published-{index++}.csv",
                $"{string.Join(',', PublishedCsv.Header)}\nhoang-hoa,Huyện Hoằng Hóa,2023,91.92,,91.92,2,27,600/QĐ-UBND,,,https://x.org,\n{row[0]}\n");
            problems.AddRange(runner.RunPublished(path, "test").Problems);
        }

        ShouldAllBeVietnamese(problems, minimum: index);
    }

    [Fact]
    public void BadReferenceEdits_EveryMessageIsVietnamese()
    {
        var messages = new List<string>();
        foreach (var row in InlineRows<ReferenceErrorTests>(nameof(ReferenceErrorTests.Load_BadEdit_FailsNamingFileAndLine)))
        {
            using var data = CopyOfReferenceData();
            var path = data.File((string)row[0]!);
            var text = File.ReadAllText(path);
            var at = text.IndexOf((string)row[1]!, StringComparison.Ordinal);
            File.WriteAllText(path, string.Concat(text.AsSpan(0, at), (string)row[2]!, text.AsSpan(at + ((string)row[1]!).Length)));
            // The message starts with the file's path, which is not a sentence.
            messages.Add(Should.Throw<ReferenceDataException>(() => ReferenceData.LoadFromDirectory(data.Path)).Message.Replace(data.Path, "", StringComparison.Ordinal));
        }

        messages.Count.ShouldBeGreaterThan(5);
        messages.ShouldAllBe(m => EnglishWordIn(m) == null, string.Join('\n', messages.Where(m => EnglishWordIn(m) != null)));
    }

    /// <summary>The other engineers' corpus of bad inputs (tests/Ingest.Tests/BadInput), whatever it holds.</summary>
    [Fact]
    public void BadInputCorpus_EveryProblemIsVietnamese()
    {
        var corpus = Path.Combine(TestFiles.RepositoryRoot, "tests", "Ingest.Tests", "BadInput");
        if (!Directory.Exists(corpus))
        {
            return;
        }

        var problems = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => runner.Run(f, new IngestOptions()).Problems)
            .ToList();

        ShouldAllBeVietnamese(problems, minimum: 0);
    }

    [Theory]
    [InlineData("docx-truncated.docx")]
    [InlineData("docx-is-a-workbook.docx")]
    [InlineData("xlsx-truncated.xlsx")]
    [InlineData("xlsx-is-a-word-document.xlsx")]
    public void UnreadablePackage_MessageIsVietnameseWithoutTheExceptionText(string name)
    {
        var problem = runner.Run(Path.Combine(TestFiles.RepositoryRoot, "tests", "Ingest.Tests", "BadInput", name), new IngestOptions()).Problems
            .Single(p => p.Code == ProblemCodes.Unreadable);

        problem.Message.ShouldNotContain("chi tiết kỹ thuật");
        problem.Message.ShouldNotContain("'");
        EnglishWordIn(problem.Message).ShouldBeNull(problem.Message);
        problem.Detail.ShouldNotBeNullOrWhiteSpace();
        problem.Message.ShouldNotContain(problem.Detail![(problem.Detail.IndexOf(':', StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public void FileTheSystemCannotRead_VietnameseReasonAndTheExceptionOnlyInTheDetail()
    {
        // Reading /proc/self/mem from its start fails with EIO: an IOException like a failing disk or network share.
        var path = folder.File("khong-doc-duoc.txt");
        File.CreateSymbolicLink(path, "/proc/self/mem");

        var problem = runner.Run(path, new IngestOptions()).Problems.ShouldHaveSingleItem();
        var published = runner.RunPublished(path, "test").Problems.ShouldHaveSingleItem();

        foreach (var p in new[] { problem, published })
        {
            p.Code.ShouldBe(ProblemCodes.Unreadable);
            p.Message.ShouldBe("Không đọc được tệp: hệ điều hành báo lỗi khi đọc tệp (ổ đĩa hoặc mạng có sự cố, hoặc tệp đang bị một chương trình khác khoá). Không có gì được ghi.");
            p.Detail.ShouldStartWith("IOException: ");
        }
    }

    [Theory]
    [InlineData("Row 5.4 states Điểm tự chấm 4 but its sub-rows add up to 4.5; the stated value is kept.")]
    [InlineData("The file is empty.")]
    [InlineData("Code 7.1.4 appears twice")]
    public void EnglishWordIn_EnglishSentence_FindsAWord(string message) => EnglishWordIn(message).ShouldNotBeNull();

    [Theory]
    [InlineData("Dòng 5.4 ghi Điểm tự chấm 4 nhưng các dòng con cộng lại được 4,5; giữ nguyên giá trị đã ghi.")]
    [InlineData("Dòng tiêu đề phải đúng là 'the header is this' (có thể thêm ',synthetic').")]
    [InlineData("stage 'draft' phải là 'self' (tự chấm) hoặc 'appraised' (thẩm định).")]
    public void EnglishWordIn_VietnameseSentence_FindsNone(string message) => EnglishWordIn(message).ShouldBeNull();

    /// <summary>The first English word of <paramref name="message"/>, outside quoted input ('…'), or null.</summary>
    internal static string? EnglishWordIn(string message)
    {
        var unquoted = Quoted().Replace(message, "''");
        var match = EnglishWord().Match(unquoted);
        return match.Success ? match.Value : null;
    }

    private static void ShouldAllBeVietnamese(List<Problem> problems, int minimum)
    {
        problems.Count.ShouldBeGreaterThanOrEqualTo(minimum);
        var english = problems.Where(p => EnglishWordIn(p.Message) is not null).Select(p => $"{p.Code}: {p.Message} ← '{EnglishWordIn(p.Message)}'").ToList();
        english.ShouldBeEmpty(string.Join('\n', english));
        problems.ShouldAllBe(p => p.Message.Length >= 15 && p.Message == VietnameseText.Nfc(p.Message));
    }

    private static IEnumerable<object?[]> InlineRows<T>(string method) =>
        typeof(T).GetMethod(method)!.GetCustomAttributes<InlineDataAttribute>().SelectMany(a => a.GetData(null!));

    private static TempFolder CopyOfReferenceData()
    {
        var copy = TestFiles.NewTempFolder();
        var data = Path.Combine(TestFiles.RepositoryRoot, "data");
        File.Copy(Path.Combine(data, "units.csv"), copy.File("units.csv"));
        File.Copy(Path.Combine(data, "lineage.csv"), copy.File("lineage.csv"));
        Directory.CreateDirectory(copy.File("frameworks"));
        foreach (var file in Directory.GetFiles(Path.Combine(data, "frameworks")))
        {
            File.Copy(file, Path.Combine(copy.File("frameworks"), Path.GetFileName(file)));
        }

        return copy;
    }

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Quoted();

    // Words every English message of this code base used and no Vietnamese message has; "Row"/"Code"/"Cell" start its sentences.
    [GeneratedRegex(@"\b((?i:the|is|are|was|were|but|has|have|must|cannot|should|not|with|which|than|found|expected|empty|twice)|Row|Code|Cell|Table|File)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWord();
}
