using System.Diagnostics;
using System.Globalization;
using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Office;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Ingest.Tests.Office;
using CchcAnalytics.Ingest.Text;
using CchcAnalytics.Tests;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>Every limit in <see cref="IngestLimits"/> at its boundary: a file exactly at the limit is read on (and, when
/// it is otherwise a good report, accepted), one past it is rejected with the limit's code before the work starts.</summary>
public sealed class IngestLimitsTests : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly IngestRunner runner = new(ReferenceData.Embedded);

    public void Dispose() => folder.Dispose();

    private static string CompactReport => File.ReadAllText(Path.Combine(BadInputCorpus.Folder, "text-compact-report.txt"), Encoding.UTF8);

    private static string CsvBaseline => File.ReadAllText(Path.Combine(BadInputCorpus.Folder, "csv-baseline-muong-lat-2019.csv"), Encoding.UTF8);

    [Fact]
    public void Limits_AreGenerousForEveryRealInput()
    {
        var sample = Directory.EnumerateFiles(Path.Combine(TestFiles.RepositoryRoot, "data", "sample"), "*.csv").ToList();
        sample.ShouldNotBeEmpty();
        foreach (var file in sample)
        {
            // The largest is the communes' 2025 file: 166 communes × 2 stages × 37 rows, 12,167 lines, 1.7 MB.
            new FileInfo(file).Length.ShouldBeLessThan(IngestLimits.MaxFileBytes / 10);
            File.ReadLines(file).Count().ShouldBeLessThan(IngestLimits.MaxCsvRows / 10);
        }

        // The export of every stored submission (71,000 rows today with the department and commune samples, 10.7 MB)
        // must ingest again.
        IngestLimits.MaxCsvRows.ShouldBeGreaterThan(2 * 71_000);
        var real = File.ReadAllLines(TestFiles.RealReport, Encoding.UTF8);
        real.Length.ShouldBeLessThan(IngestLimits.MaxTextLines / 50);
        real.Max(l => l.Length).ShouldBeLessThan(IngestLimits.MaxLineCharacters / 10);
        real.Max(l => l.Split('\t').Length).ShouldBeLessThan(IngestLimits.MaxColumns / 10);
    }

    [Theory]
    [InlineData(IngestLimits.MaxTextLines, true)]
    [InlineData(IngestLimits.MaxTextLines + 1, false)]
    public void Text_LinesAtAndPastTheLimit(int lines, bool accepted)
    {
        var report = CompactReport.TrimEnd('\n');
        var text = report + new string('\n', lines - (report.Count(c => c == '\n') + 1)) + "\n";

        var result = runner.Run(folder.Write("lines.txt", text), new IngestOptions());

        result.Accepted.ShouldBe(accepted, string.Join(Environment.NewLine, result.Problems));
        if (!accepted)
        {
            var problem = result.Problems.ShouldHaveSingleItem();
            problem.Code.ShouldBe(ProblemCodes.TooManyLines);
            problem.Line.ShouldBeNull();
            problem.Message.ShouldBe("Tệp lines.txt có 20.001 dòng, vượt giới hạn 20.000 dòng; không có gì được ghi.");
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxLineCharacters, true)]
    [InlineData(IngestLimits.MaxLineCharacters + 1, false)]
    public void Text_LineLengthAtAndPastTheLimit(int length, bool accepted)
    {
        var text = TestFiles.WithRow(CompactReport, "1.2.1", cells =>
        {
            var before = string.Join('\t', cells[..5]).Length + 1;
            cells[5] = new string('x', length - before);
            return cells;
        });

        var result = runner.Run(folder.Write("line.txt", text), new IngestOptions());

        result.Accepted.ShouldBe(accepted, string.Join(Environment.NewLine, result.Problems));
        if (!accepted)
        {
            var problem = result.Problems.ShouldHaveSingleItem();
            (problem.Code, problem.Line).ShouldBe((ProblemCodes.TextTooLong, 58));
            problem.Message.ShouldBe("Dòng 58 của tệp line.txt dài 20.001 ký tự, vượt giới hạn 20.000 ký tự một dòng; không có gì được ghi.");
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxColumns, true)]
    [InlineData(IngestLimits.MaxColumns + 1, false)]
    public void Text_ColumnsAtAndPastTheLimit(int columns, bool accepted)
    {
        var text = TestFiles.WithRow(CompactReport, "1.2.1", cells => [.. cells, .. Enumerable.Repeat("", columns - cells.Length)]);

        var result = runner.Run(folder.Write("columns.txt", text), new IngestOptions());

        result.Accepted.ShouldBe(accepted, string.Join(Environment.NewLine, result.Problems));
        if (!accepted)
        {
            var problem = result.Problems.ShouldHaveSingleItem();
            (problem.Code, problem.Line).ShouldBe((ProblemCodes.TooManyColumns, 58));
            problem.Message.ShouldBe("Dòng 58 của tệp columns.txt có 101 cột (ngăn bởi dấu tab), vượt giới hạn 100 cột; không có gì được ghi.");
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxFileBytes, false)]
    [InlineData(IngestLimits.MaxFileBytes + 1, true)]
    public void AnyFile_SizeAtAndPastTheLimit(long bytes, bool tooLarge)
    {
        // 20,000 lines of text, no table: at the limit it is read (and has no table), past it it is not read at all.
        var line = new string('x', (int)(bytes / IngestLimits.MaxTextLines) - 1) + "\n";
        var text = new StringBuilder().Insert(0, line, IngestLimits.MaxTextLines - 1).ToString();
        text += new string('x', (int)(bytes - text.Length));
        Encoding.UTF8.GetByteCount(text).ShouldBe((int)bytes);

        var result = runner.Run(folder.Write("size.txt", text), new IngestOptions());

        result.Problems.ShouldHaveSingleItem().Code.ShouldBe(tooLarge ? ProblemCodes.TooLarge : ProblemCodes.NoTable);
    }

    [Theory]
    [InlineData(IngestLimits.MaxCsvRows, false)]
    [InlineData(IngestLimits.MaxCsvRows + 1, true)]
    public void Csv_RowsAtAndPastTheLimit(int rows, bool tooMany)
    {
        var text = new StringBuilder(string.Join(',', CanonicalCsv.Header)).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            text.Append("x,,2019,self,1,area,A,1,,\n");
        }

        var problems = new List<Problem>();
        var documents = CanonicalCsv.Read(Encoding.UTF8.GetBytes(text.ToString()), "rows.csv", problems);

        if (tooMany)
        {
            documents.ShouldBeEmpty();
            var problem = problems.ShouldHaveSingleItem();
            problem.Code.ShouldBe(ProblemCodes.TooManyRows);
            problem.Message.ShouldBe("Tệp rows.csv có hơn 200.000 dòng dữ liệu, vượt giới hạn 200.000 dòng; không có gì được ghi.");
        }
        else
        {
            // Read on: every row is there (and then, of course, each is the same code again).
            problems.ShouldNotContain(p => p.Code == ProblemCodes.TooManyRows);
            problems.Count(p => p.Code == ProblemCodes.DuplicateCode).ShouldBe(rows - 1);
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxNameCharacters, true)]
    [InlineData(IngestLimits.MaxNameCharacters + 1, false)]
    public void AnyFormat_NameAtAndPastTheLimit(int length, bool accepted)
    {
        var result = runner.Run(folder.Write("name.csv", WithField("1.1.1", 6, new string('x', length))), new IngestOptions());

        result.Accepted.ShouldBe(accepted, string.Join(Environment.NewLine, result.Problems));
        if (!accepted)
        {
            var problem = result.Problems.ShouldHaveSingleItem();
            (problem.Code, problem.Line).ShouldBe((ProblemCodes.TextTooLong, 4));
            problem.Message.ShouldBe("Tên mục 1.1.1 (dòng 4) của tệp name.csv dài 2.001 ký tự, vượt giới hạn 2.000 ký tự; không có gì được ghi.");
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxEvidenceCharacters, true)]
    [InlineData(IngestLimits.MaxEvidenceCharacters + 1, false)]
    public void AnyFormat_EvidenceAtAndPastTheLimit(int length, bool accepted)
    {
        var result = runner.Run(folder.Write("evidence.csv", WithField("1.1.1", 9, new string('x', length))), new IngestOptions());

        result.Accepted.ShouldBe(accepted, string.Join(Environment.NewLine, result.Problems));
        if (!accepted)
        {
            var problem = result.Problems.ShouldHaveSingleItem();
            (problem.Code, problem.Line).ShouldBe((ProblemCodes.TextTooLong, 4));
            problem.Message.ShouldBe("Tài liệu kiểm chứng của mục 1.1.1 (dòng 4) trong tệp evidence.csv dài 20.001 ký tự, vượt giới hạn 20.000 ký tự; không có gì được ghi.");
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxTableRows, false)]
    [InlineData(IngestLimits.MaxTableRows + 1, true)]
    public void Xlsx_RowsAtAndPastTheLimit(int rows, bool tooMany)
    {
        var book = new ReportWorkbook();
        for (var row = 1; row <= rows; row++)
        {
            book.Set("A" + row.ToString(CultureInfo.InvariantCulture), FixtureCell.Number(row));
        }

        var problems = new List<Problem>();
        XlsxReportReader.Read(book.ToBytes(), "rows.xlsx", problems).ShouldBeNull();

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(tooMany ? ProblemCodes.TooManyRows : ProblemCodes.NoTable);
        if (tooMany)
        {
            problem.Line.ShouldBe(IngestLimits.MaxTableRows + 1);
            problem.Message.ShouldBe("Trang tính 'Sheet1' của tệp rows.xlsx có hơn 10.000 dòng có dữ liệu, vượt giới hạn 10.000 dòng; một Bảng tổng hợp có khoảng 150 dòng. Không có gì được ghi.");
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxTableRows, false)]
    [InlineData(IngestLimits.MaxTableRows + 1, true)]
    public void Docx_TableRowsAtAndPastTheLimit(int rows, bool tooMany)
    {
        var table = new Table(Enumerable.Range(1, rows).Select(r => new TableRow(new TableCell(ReportDocument.Paragraph(r.ToString(CultureInfo.InvariantCulture))))));

        var problems = new List<Problem>();
        DocxReportReader.Read(ReportDocument.ToBytes(new Body(table)), "rows.docx", problems).ShouldBeNull();

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(tooMany ? ProblemCodes.TooManyRows : ProblemCodes.NoTable);
        if (tooMany)
        {
            (problem.Line, problem.Cell).ShouldBe((IngestLimits.MaxTableRows + 1, "bảng 1, dòng 10001"));
            problem.Message.ShouldBe("Bảng 1 của tệp rows.docx có hơn 10.000 dòng, vượt giới hạn 10.000 dòng; một Bảng tổng hợp có khoảng 150 dòng. Không có gì được ghi.");
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxMergedRanges, true)]
    [InlineData(IngestLimits.MaxMergedRanges + 1, false)]
    public void Xlsx_MergedRangesAtAndPastTheLimit(int merges, bool accepted)
    {
        var book = ReportWorkbook.FromRealReport();
        // Extra merged ranges far right of the table (ignored columns), up to the wanted total.
        for (var i = book.Merges.Count; i < merges; i++)
        {
            book.Merges.Add(string.Create(CultureInfo.InvariantCulture, $"K{i + 1}:L{i + 1}"));
        }

        var problems = new List<Problem>();
        var report = XlsxReportReader.Read(book.ToBytes(), "merges.xlsx", problems);

        if (accepted)
        {
            report.ShouldNotBeNull(string.Join("\n", problems));
            report.Rows.Count.ShouldBe(111);
        }
        else
        {
            report.ShouldBeNull();
            var problem = problems.ShouldHaveSingleItem();
            problem.Code.ShouldBe(ProblemCodes.TooLarge);
            problem.Message.ShouldBe("Một trang tính có hơn 10.000 vùng ô gộp; một Bảng tổng hợp có nhiều nhất vài trăm vùng.");
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxPackageEntries, true)]
    [InlineData(IngestLimits.MaxPackageEntries + 1, false)]
    public void Xlsx_PackageEntriesAtAndPastTheLimit(int entries, bool accepted)
    {
        using var stream = new MemoryStream();
        stream.Write(ReportWorkbook.FromRealReport().ToBytes());
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = zip.Entries.Count; i < entries; i++)
            {
                zip.CreateEntry(string.Create(CultureInfo.InvariantCulture, $"extra/{i}.bin"));
            }
        }

        var problems = new List<Problem>();
        var report = XlsxReportReader.Read(stream.ToArray(), "entries.xlsx", problems);

        if (accepted)
        {
            report.ShouldNotBeNull(string.Join("\n", problems));
        }
        else
        {
            report.ShouldBeNull();
            var problem = problems.ShouldHaveSingleItem();
            problem.Code.ShouldBe(ProblemCodes.TooLarge);
            problem.Message.ShouldBe("Gói .xlsx có hơn 2.000 thành phần; một báo cáo chỉ có vài chục thành phần.");
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxCellCharacters, true)]
    [InlineData(IngestLimits.MaxCellCharacters + 1, false)]
    public void Xlsx_CellAtAndPastTheLimit(int length, bool accepted)
    {
        var book = ReportWorkbook.FromRealReport();
        var row = book.RowOf("4.1.2");
        book.Set("F" + row.ToString(CultureInfo.InvariantCulture), FixtureCell.Shared(new string('x', length)));

        var result = runner.Run("hoang-hoa-2017.xlsx", book.ToBytes(), new IngestOptions());

        result.Accepted.ShouldBe(accepted, string.Join(Environment.NewLine, result.Problems));
        if (!accepted)
        {
            var problem = result.Problems.ShouldHaveSingleItem();
            (problem.Code, problem.Line, problem.Cell).ShouldBe((ProblemCodes.TextTooLong, row, "F" + row.ToString(CultureInfo.InvariantCulture)));
            problem.Message.ShouldBe($"Ô F{row} của tệp hoang-hoa-2017.xlsx chứa 20.001 ký tự, vượt giới hạn 20.000 ký tự một ô; không có gì được ghi.");
        }
    }

    [Theory]
    [InlineData(IngestLimits.MaxCellCharacters, true)]
    [InlineData(IngestLimits.MaxCellCharacters + 1, false)]
    public void Docx_CellAtAndPastTheLimit(int length, bool accepted)
    {
        var bytes = ReportDocument.FromRealReport(rows => rows.Select(r => r.Code == "4.1.2" ? r with { Evidence = new string('x', length) } : r).ToList());

        var result = runner.Run("bao-cao.docx", bytes, new IngestOptions());

        result.Accepted.ShouldBe(accepted, string.Join(Environment.NewLine, result.Problems));
        if (!accepted)
        {
            var problem = result.Problems.ShouldHaveSingleItem();
            problem.Code.ShouldBe(ProblemCodes.TextTooLong);
            problem.Cell.ShouldNotBeNull().ShouldEndWith(", ô 6");
            problem.Message.ShouldContain("chứa 20.001 ký tự, vượt giới hạn 20.000 ký tự một ô");
        }
    }

    [Fact]
    public void HtmlText_HugeCellOfUnclosedBreaks_IsLinear()
    {
        // 6 MB of "<br" with no ">": the unbounded pattern rescanned the rest of the cell at each one, which takes
        // minutes (1 MB took 9 s); now it is a fraction of a second, so the bound leaves room for a busy machine.
        var cell = string.Concat(Enumerable.Repeat("<br", 2_000_000));
        var watch = Stopwatch.StartNew();

        var text = HtmlText.ToPlainText(cell);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        text.Length.ShouldBe(cell.Length);
        HtmlText.ToPlainText("Kế hoạch<br/>số 85").ShouldBe("Kế hoạch\nsố 85");
    }

    /// <summary>The CSV baseline with one field of the row with <paramref name="code"/> replaced (that row's name has no comma).</summary>
    private static string WithField(string code, int index, string value)
    {
        var lines = CsvBaseline.Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains($",{code},", StringComparison.Ordinal));
        var fields = lines[at].Split(',');
        fields.Length.ShouldBe(CanonicalCsv.Header.Length + 1);
        fields[index] = value;
        lines[at] = string.Join(',', fields);
        return string.Join('\n', lines);
    }
}
