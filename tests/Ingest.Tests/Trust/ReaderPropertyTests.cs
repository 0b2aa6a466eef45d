using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Ingest.Tests.Office;
using CchcAnalytics.Ingest.Text;
using CchcAnalytics.Tests;
using CsCheck;
using CsvHelper;
using CsvHelper.Configuration;
using Xunit.Abstractions;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CchcAnalytics.Ingest.Tests.Trust;

/// <summary>No input crashes a reader (issue 12, §5): seeded property tests mutate the real report in each format
/// (bytes, cells, rows) a few thousand times and run every mutant through <see cref="IngestRunner"/>, as an upload is.
/// Every mutant must end accepted with the right numbers or rejected with problems; an exception, or the runner's
/// <c>internal-error</c> safety net, is a failure.</summary>
/// <remarks>
/// The oracle cannot pass vacuously. An accepted mutant's scores are compared code by code with the unmutated file's:
/// they must be identical, except where the mutation wrote a number, which must then be exactly the value written
/// (decided by an independent reading of the cell: digits of any script, a decimal comma or point). Mutants that only
/// write the same value another way (<c>２</c>, <c>٢٫</c>-free <c>٢</c>, <c>2,0</c>, <c>**2**</c>) or insert a
/// repeated header or a subtotal row must be accepted. The generators run from a fixed seed, so the text and CSV cases
/// are the same every run; the workbook and Word fixtures are ZIPs stamped with the time they were built, so a bit flip
/// at the same position meets other bytes from run to run (that is how a damaged compressed sheet was found). A failure
/// names its case number and mutation and saves the mutant.
/// </remarks>
public sealed class ReaderPropertyTests(ITestOutputHelper output)
{
    private const ulong Seed = 20_171_120; // the real report's date

    private static readonly IngestRunner Runner = new(ReferenceData.Embedded);

    private static readonly HashSet<string> KnownCodes = typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Cell texts that broke or nearly broke readers, mixed with random ones.</summary>
    private static readonly string[] Nasty =
    [
        "", " ", "-1", "−2", "1e3", "NaN", "１", "２,５", "٢٠١٧", "١٫٥", "۲", "१२", "1..1", "1,5,5", "99999", "0,0001", "-0",
        "<br", "<b>2</b>", "&amp;", "&#x32;", "**", "**3**", "Tổng cộng", "Tổng", "Kết quả đạt được", "STT", "Điểm tự chấm",
        "Điểm chuẩn", "Tài liệu kiểm chứng", "Lĩnh vực/Tiêu chí", "(1)", "=SUM(A1:A9)", "\u00A0", "\uFFFD", "\u0001", "\u001B[31m",
        "\uD835", "🎉", "C«ng t¸c", "Coâng taùc", "1.1.1.1.1", "99.99", "7.1.", "١.١", "１.１.１", "I.", "năm 2017",
        "chỉ số cải cách hành chính năm ٢٠١٨", "ngày ٣١ tháng ٠٢ năm ٢٠١٧", "UBND HUYỆN NGA SƠN", new string('x', 3000),
    ];

    [Fact]
    public void Run_MutatedTextReport_NeverThrowsAndNumbersAreRightOrRejected() =>
        Check("text", TextSubject(), cases: 2000);

    [Fact]
    public void Run_MutatedCanonicalCsv_NeverThrowsAndNumbersAreRightOrRejected() =>
        Check("csv", CsvSubject(), cases: 2000);

    [Fact]
    public void Run_MutatedWorkbook_NeverThrowsAndNumbersAreRightOrRejected() =>
        Check("xlsx", XlsxSubject(), cases: 1000);

    [Fact]
    public void Run_MutatedWordDocument_NeverThrowsAndNumbersAreRightOrRejected() =>
        Check("docx", DocxSubject(), cases: 500);

    [Fact]
    public void Run_MutatedPdf_NeverThrowsAndNumbersAreRightOrRejected() =>
        Check("pdf", PdfSubject(), cases: 150);

    /// <summary>Runs <paramref name="cases"/> mutants of <paramref name="subject"/> from the fixed seed.</summary>
    private void Check(string format, Subject subject, int cases)
    {
        var baseline = Runner.Run(subject.Name, subject.Bytes, new IngestOptions());
        baseline.Accepted.ShouldBeTrue(string.Join("\n", baseline.Problems));
        var expected = Numbers(baseline);
        expected.Count.ShouldBeGreaterThan(100);

        // The mutants come one after another from the seed (the same every run); they are checked in parallel.
        var pcg = new PCG(7, Seed);
        var mutants = Enumerable.Range(0, cases).Select(i => subject.Mutants.Generate(pcg, null, out var size)).ToList();
        var verdicts = new (string Outcome, string? Failure)[cases];
        var started = DateTime.UtcNow;
        Parallel.For(0, cases, i => verdicts[i] = Verdict(subject, mutants[i], expected));
        var failed = Array.FindIndex(verdicts, v => v.Failure is not null);
        if (failed >= 0)
        {
            var name = $"cchc-property-{format}-{failed}{Path.GetExtension(subject.Name)}";
            File.WriteAllBytes(Path.Combine(Path.GetTempPath(), name), mutants[failed].Bytes);
            throw new ShouldAssertException($"{format} case {failed} ({mutants[failed].Description}): {verdicts[failed].Failure} (the mutant is saved as {name} in the temp folder; {verdicts.Count(v => v.Failure is not null)} of {cases} cases failed)");
        }

        var outcomes = verdicts.GroupBy(v => v.Outcome).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        output.WriteLine($"{format}: {cases} mutants in {(DateTime.UtcNow - started).TotalSeconds:0.0} s: {string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))}");
        // Both outcomes happen, or the mutations are not testing anything.
        outcomes.Keys.ShouldContain("accepted");
        outcomes.Keys.ShouldContain(k => k.StartsWith("rejected", StringComparison.Ordinal));
    }

    private static (string Outcome, string? Failure) Verdict(Subject subject, Mutant mutant, IReadOnlyDictionary<string, (decimal Max, decimal? Points)> expected)
    {
        FileReport report;
        try
        {
            report = Runner.Run(subject.Name, mutant.Bytes, new IngestOptions());
        }
        catch (Exception ex)
        {
            return ("", $"threw {ex}");
        }

        if (report.Problems.FirstOrDefault(p => p.Code == ProblemCodes.InternalError) is { } internalError)
        {
            return ("", $"a reader threw (caught by the safety net): {internalError.Message}");
        }

        if (report.Problems.FirstOrDefault(p => p.File != subject.Name || string.IsNullOrWhiteSpace(p.Message) || !KnownCodes.Contains(p.Code)) is { } odd)
        {
            return ("", $"a problem without the file, a message or a known code: {odd}");
        }

        if (!report.Accepted)
        {
            if (mutant.MustAccept)
            {
                return ("", "rejected, but it only wrote the same values another way: " + string.Join(" | ", report.Problems.Where(p => p.Severity == Severity.Error)));
            }

            return report.Problems.Any(p => p.Severity == Severity.Error)
                ? ("rejected " + report.Problems.First(p => p.Severity == Severity.Error).Code, null)
                : ("", "rejected without an error");
        }

        var self = report.Submissions.Where(s => s.Sheet.Stage == Stage.Self).ToList();
        if (self.Count != 1 && mutant.Touched is null)
        {
            return ("", $"accepted with {self.Count} self-assessed submissions instead of 1");
        }

        if (self.Count == 0)
        {
            return ("accepted", null);
        }

        var actual = Numbers(report);
        foreach (var (code, want) in expected)
        {
            if (!actual.TryGetValue(code, out var got))
            {
                return ("", $"accepted without row {code}");
            }

            if (mutant.Cell is { } cell && cell.Code == code)
            {
                var column = cell.Max ? got.Max : got.Points;
                var other = cell.Max ? (got.Points, want.Points) : (got.Max, want.Max);
                if (other.Item1 != other.Item2)
                {
                    return ("", $"row {code}: the other column changed ({other.Item2} → {other.Item1})");
                }

                var read = subject.Oracle(cell.Text);
                if (read is { Valid: false })
                {
                    return ("", $"row {code}: '{cell.Text}' is no number, yet accepted as {column}");
                }

                if (read is { Valid: true } && read.Value != column)
                {
                    return ("", $"row {code}: '{cell.Text}' is {read.Value?.ToString(CultureInfo.InvariantCulture) ?? "empty"}, read as {column}");
                }

                if (read is null && column != (cell.Max ? want.Max : want.Points) && !DigitsOf(cell.Text).Contains(DigitsOf(column?.ToString(CultureInfo.InvariantCulture) ?? "x"), StringComparison.Ordinal))
                {
                    return ("", $"row {code}: read {column} from '{cell.Text}', which does not hold those digits");
                }

                continue;
            }

            if (mutant.Touched is { } touched && touched.Contains(code))
            {
                continue;
            }

            if (got != want)
            {
                return ("", $"row {code} is ({got.Max}, {got.Points}), not ({want.Max}, {want.Points})");
            }
        }

        var extra = actual.Keys.Except(expected.Keys).ToList();
        return extra.Count > 0 && mutant.Touched is null ? ("", $"accepted with rows the file did not have: {string.Join(", ", extra)}") : ("accepted", null);
    }

    private static Dictionary<string, (decimal Max, decimal? Points)> Numbers(FileReport report) =>
        report.Submissions.Where(s => s.Sheet.Stage == Stage.Self).OrderByDescending(s => s.Sheet.Scores.Count).First().Sheet.Scores
            .ToDictionary(s => s.Code, s => (s.MaxPoints, s.Points), StringComparer.Ordinal);

    private static string DigitsOf(string text) => string.Concat(text.Select(c => char.IsDigit(c) ? (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)) : ' ')).Replace(" ", "", StringComparison.Ordinal);

    // ----- Oracles: an independent reading of a points cell; null when the text is beyond it (markup, signs). -----

    /// <summary>Reports (text, Excel, Word): digits of any script, a decimal comma or point, bold marks, spaces.</summary>
    private static Reading? ReportOracle(string text) => Oracle(text, "[.,]");

    /// <summary>The canonical CSV: a decimal point only.</summary>
    private static Reading? CsvOracle(string text) => Oracle(text, "[.]");

    private static Reading? Oracle(string text, string separators)
    {
        if (text.Any(c => !(char.IsDigit(c) || c is '.' or ',' or '-' or ' ' or '*')))
        {
            return null;
        }

        var folded = string.Concat(text.Select(c => char.IsDigit(c) ? (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)) : c)).Replace("**", "", StringComparison.Ordinal).Trim();
        if (folded.Length == 0)
        {
            return new Reading(true, null);
        }

        return Regex.IsMatch(folded, $"^-?[0-9]{{1,4}}({separators}[0-9]{{1,3}})?$")
            ? new Reading(true, decimal.Parse(folded.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))
            : new Reading(false, null);
    }

    // ----- Generators shared by every format. -----

    private static readonly Gen<string> RandomText = Gen.Frequency(
        (3, (IGen<string>)Gen.OneOf(Nasty)),
        (1, (IGen<string>)Gen.String[0, 12]),
        (1, (IGen<string>)Gen.Char["0123456789.,-− *١٢٣４５"].Array[0, 6].Select(chars => new string(chars))));

    private static readonly Gen<int> DigitScript = Gen.Int[0, 4];

    /// <summary>The same number written another way: another script's digits, a comma or a point, trailing zeros,
    /// bold marks, spaces around.</summary>
    private static Gen<string> SameValue(decimal? empty, bool pointOnly) => empty is not { } value ? Gen.Const("") :
        Gen.Select(DigitScript, Gen.Bool, Gen.Bool, Gen.Int[0, 2], (script, comma, bold, spaces) =>
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            if (!text.Contains('.', StringComparison.Ordinal) && spaces == 2)
            {
                text += ".0";
            }

            if (comma && !pointOnly)
            {
                text = text.Replace('.', ',');
            }

            char zero = script switch { 1 => '０', 2 => '٠', 3 => '۰', 4 => '०', _ => '0' };
            text = string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)(zero + (c - '0')) : c));
            if (bold && !pointOnly)
            {
                text = "**" + text + "**";
            }

            return pointOnly ? text : new string(' ', spaces) + text + new string(' ', spaces);
        });

    private static Gen<Mutant> ByteMutants(byte[] bytes, Func<int, int, HashSet<string>?> touched) =>
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, bytes.Length - 1], Gen.Int[1, 64], Gen.Byte, (op, at, length, value) =>
        {
            var end = Math.Min(bytes.Length, at + length);
            var (mutated, description, from, to) = op switch
            {
                0 => (Replace(bytes, at, at + 1, [(byte)(bytes[at] ^ (1 << (value % 8)))]), $"bit {value % 8} of byte {at} flipped", at, at + 1),
                1 => (Replace(bytes, at, at + 1, []), $"byte {at} deleted", at, at + 1),
                2 => (Replace(bytes, at, at, [value]), $"byte 0x{value:X2} inserted at {at}", at, at),
                3 => (Replace(bytes, at, end, Enumerable.Repeat(value, end - at).ToArray()), $"bytes {at}–{end} set to 0x{value:X2}", at, end),
                4 => (Replace(bytes, at, at, bytes[at..end]), $"bytes {at}–{end} repeated", at, end),
                _ => (bytes[..at], $"cut at byte {at}", at, bytes.Length),
            };
            return new Mutant(description, mutated, Touched: touched(from, to));
        });

    private static Gen<Mutant> Mix(params (int Weight, Gen<Mutant> Gen)[] gens) =>
        Gen.Frequency(gens.Select(g => (g.Weight, (IGen<Mutant>)g.Gen)).ToArray());

    private static byte[] Replace(byte[] bytes, int from, int to, byte[] with) => [.. bytes[..from], .. with, .. bytes[to..]];

    /// <summary>For a line-based file: the codes of the rows a byte mutation of <c>[from, to)</c> may have changed —
    /// those on the lines the changed bytes stand on, and on the line before (a deleted or inserted line break joins or
    /// splits them). <paramref name="codeLines"/> maps a 0-based line to the code of the row on it.</summary>
    private static Func<int, int, HashSet<string>> TouchedRows(byte[] bytes, IReadOnlyDictionary<int, string> codeLines)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return (from, to) =>
        {
            var first = Math.Max(0, starts.FindLastIndex(s => s <= from) - 1);
            var last = Math.Max(first, starts.FindLastIndex(s => s <= Math.Max(from, to - 1)) + 1);
            return codeLines.Where(c => c.Key >= first && c.Key <= last).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        };
    }

    // ----- Text: the real report. -----

    private static Subject TextSubject()
    {
        var bytes = File.ReadAllBytes(TestFiles.RealReport);
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n');
        var rows = TextReportReader.Read(bytes, "x.txt", []).ShouldNotBeNull().Rows;
        var codeLines = rows.ToDictionary(r => r.Line - 1, r => r.Code);
        var header = Array.FindIndex(lines, l => l.StartsWith("STT\t", StringComparison.Ordinal));
        var coded = codeLines.Keys.Order().ToArray();

        var touchedRows = TouchedRows(bytes, codeLines);

        string[] Cells(int line) => lines[line].Split('\t');
        byte[] With(int line, string[] cells)
        {
            var copy = (string[])lines.Clone();
            copy[line] = string.Join('\t', cells);
            return Encoding.UTF8.GetBytes(string.Join('\n', copy));
        }

        byte[] Inserted(int before, string line) => Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(before).Append(line).Concat(lines.Skip(before))));

        var cell = Gen.Select(Gen.OneOf(coded), Gen.Int[0, 6], RandomText, (line, column, text) =>
        {
            // Tabs and line breaks are the text layout's structure, not a cell's content.
            var value = Regex.Replace(text, "[\t\r\n]", " ");
            var cells = Cells(line);
            if (column >= cells.Length)
            {
                return new Mutant($"cell {column + 1} of line {line + 1} added as '{value}'", With(line, [.. cells, value]));
            }

            cells[column] = value;
            var code = codeLines[line];
            var description = $"cell {column + 1} of line {line + 1} ({code}) set to '{value}'";
            return column is 2 or 3
                ? new Mutant(description, With(line, cells), Cell: new CellChange(code, column == 2, value))
                : column == 0 ? new Mutant(description, With(line, cells), Touched: [code, .. CriterionCode.Normalize(value) is { } other ? [other] : Array.Empty<string>()])
                : new Mutant(description, With(line, cells));
        });
        var sameValue = Gen.OneOf(coded).SelectMany(line =>
        {
            var row = rows.Single(r => r.Line == line + 1);
            return Gen.Select(Gen.Bool, SameValue(row.SelfPoints, pointOnly: false), SameValue(row.MaxPoints, pointOnly: false), (max, self, maximum) =>
            {
                var cells = Cells(line);
                cells[max ? 2 : 3] = max ? maximum : self;
                return new Mutant($"{(max ? "Điểm chuẩn" : "Điểm tự chấm")} of {row.Code} written '{cells[max ? 2 : 3]}'", With(line, cells), MustAccept: true);
            });
        });
        var codeSameValue = Gen.Select(Gen.OneOf(coded), DigitScript, (line, script) =>
        {
            var cells = Cells(line);
            char zero = script switch { 1 => '０', 2 => '٠', 3 => '۰', 4 => '०', _ => '0' };
            cells[0] = string.Concat(cells[0].Select(c => c is >= '0' and <= '9' ? (char)(zero + (c - '0')) : c));
            return new Mutant($"code on line {line + 1} written '{cells[0]}'", With(line, cells), MustAccept: true);
        });
        var rowOps = Gen.Select(Gen.Int[0, 4], Gen.OneOf(coded), Gen.OneOf(coded), RandomText, (op, line, other, value) => op switch
        {
            0 => new Mutant($"header repeated before line {line + 1}", Inserted(line, lines[header]), MustAccept: true),
            1 => new Mutant($"subtotal row before line {line + 1}", Inserted(line, "\tTổng cộng\t16\t16\t\t"), MustAccept: true),
            2 => new Mutant($"line {line + 1} deleted", Encoding.UTF8.GetBytes(string.Join('\n', lines.Where((_, i) => i != line)))),
            3 => new Mutant($"line {line + 1} repeated", Inserted(line, lines[line])),
            _ => new Mutant($"line '{value}' inserted before line {line + 1}", Inserted(line, "\t" + value + "\t" + value), Touched: []),
        });
        return new Subject("hoang-hoa-2017-bc293.txt", bytes, ReportOracle, Mix(
            (4, cell), (2, sameValue), (1, codeSameValue), (2, rowOps), (3, ByteMutants(bytes, touchedRows))));
    }

    // ----- CSV: the corpus's baseline (Mường Lát 2019 from the sample). -----

    private static Subject CsvSubject()
    {
        var bytes = File.ReadAllBytes(Path.Combine(BadInputCorpus.Folder, "csv-baseline-muong-lat-2019.csv"));
        var records = new List<string[]>();
        using (var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes)), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false }))
        {
            while (reader.Read())
            {
                records.Add(reader.Parser.Record!);
            }
        }

        var document = CanonicalCsv.Read(bytes, "x.csv", []).ShouldHaveSingleItem();
        var lineCodes = document.Rows.ToDictionary(r => r.Line!.Value - 1, r => r.Code);
        byte[] Write(IEnumerable<string[]> rows)
        {
            using var writer = new StringWriter();
            using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true))
            {
                foreach (var row in rows)
                {
                    foreach (var field in row)
                    {
                        csv.WriteField(field);
                    }

                    csv.NextRecord();
                }
            }

            return Encoding.UTF8.GetBytes(writer.ToString());
        }

        Write(records).ShouldBe(bytes, "the baseline must round-trip through CsvHelper, or the mutants change more than they say");
        var touchedRows = TouchedRows(bytes, lineCodes);
        var data = Enumerable.Range(1, records.Count - 1).ToArray();
        byte[] With(int index, int column, string value) => Write(records.Select((r, i) => i == index ? r.Select((f, c) => c == column ? value : f).ToArray() : r));
        var cell = Gen.Select(Gen.OneOf(data), Gen.Int[0, records[0].Length - 1], RandomText, (index, column, value) =>
        {
            var code = records[index][4];
            var description = $"{records[0][column]} of line {index + 1} ({code}) set to '{value}'";
            return column switch
            {
                7 or 8 => new Mutant(description, With(index, column, value), Cell: new CellChange(code, column == 7, value)),
                4 => new Mutant(description, With(index, column, value), Touched: [code, .. CriterionCode.Normalize(value) is { } other ? [other] : Array.Empty<string>()]),
                // Another unit, year or stage moves the row out of the baseline's submission.
                0 or 2 or 3 => new Mutant(description, With(index, column, value), Touched: [code]),
                _ => new Mutant(description, With(index, column, value)),
            };
        });
        var sameValue = Gen.OneOf(data).SelectMany(index =>
            Gen.Select(Gen.Bool, SameValue(decimal.Parse(records[index][8], CultureInfo.InvariantCulture), pointOnly: true), SameValue(decimal.Parse(records[index][7], CultureInfo.InvariantCulture), pointOnly: true), (max, points, maximum) =>
                new Mutant($"{(max ? "max_points" : "points")} of {records[index][4]} written '{(max ? maximum : points)}'", With(index, max ? 7 : 8, max ? maximum : points), MustAccept: true)));
        var sameYear = Gen.Select(DigitScript, script =>
        {
            char zero = script switch { 1 => '０', 2 => '٠', 3 => '۰', 4 => '०', _ => '0' };
            var year = string.Concat("2019".Select(c => (char)(zero + (c - '0'))));
            return new Mutant($"every year written '{year}'", Write(records.Select((r, i) => i == 0 ? r : r.Select((f, c) => c == 2 ? year : f).ToArray())), MustAccept: true);
        });
        var rowOps = Gen.Select(Gen.Int[0, 2], Gen.OneOf(data), (op, index) => op switch
        {
            0 => new Mutant($"line {index + 1} deleted", Write(records.Where((_, i) => i != index))),
            1 => new Mutant($"line {index + 1} repeated", Write(records.Take(index + 1).Append(records[index]).Concat(records.Skip(index + 1)))),
            _ => new Mutant($"line {index + 1} moved to the end", Write(records.Where((_, i) => i != index).Append(records[index]))),
        });
        return new Subject("muong-lat-2019.csv", bytes, CsvOracle, Mix(
            (4, cell), (2, sameValue), (1, sameYear), (1, rowOps), (3, ByteMutants(bytes, touchedRows))));
    }

    // ----- Excel: the real report laid out as a workbook (tests/Ingest.Tests/Office/ReportWorkbook). -----

    private static Subject XlsxSubject()
    {
        var book = ReportWorkbook.FromRealReport();
        var bytes = book.ToBytes();
        var package = Unzip(bytes);
        var sheetName = package.Keys.Single(k => k.StartsWith("xl/worksheets/", StringComparison.Ordinal) && k.EndsWith(".xml", StringComparison.Ordinal));
        var sheet = Encoding.UTF8.GetString(package[sheetName]);
        var prefix = Regex.Match(sheet, "<([a-z]+:)?sheetData").Groups[1].Value;
        var rows = ReportWorkbook.RealReport().Rows;
        var codeRows = rows.ToDictionary(r => book.RowOf(r.Code), r => r.Code);
        var rowNumbers = codeRows.Keys.Order().ToArray();

        byte[] WithSheet(string xml) => Zip(package, sheetName, xml);
        byte[] WithCell(string reference, string text)
        {
            var inline = $"<{prefix}c r=\"{reference}\" t=\"inlineStr\"><{prefix}is><{prefix}t xml:space=\"preserve\">{SecurityElement.Escape(text)}</{prefix}t></{prefix}is></{prefix}c>";
            var existing = new Regex($"<{prefix}c r=\"{reference}\"(?: [^>]*)?(?:/>|>.*?</{prefix}c>)");
            if (existing.IsMatch(sheet))
            {
                return WithSheet(existing.Replace(sheet, inline, 1));
            }

            var row = new Regex($"(<{prefix}row r=\"{RowNumberOf(reference)}\"[^>]*>)");
            return WithSheet(row.Replace(sheet, "$1" + inline, 1));
        }

        var cell = Gen.Select(Gen.OneOf(rowNumbers), Gen.Int[0, 6], RandomText, (row, column, text) =>
        {
            var reference = (char)('A' + column) + row.ToString(CultureInfo.InvariantCulture);
            var code = codeRows[row];
            var description = $"{reference} ({code}) set to '{text}'";
            return column switch
            {
                2 or 3 => new Mutant(description, WithCell(reference, text), Cell: new CellChange(code, column == 2, text)),
                0 => new Mutant(description, WithCell(reference, text), Touched: [code, .. CriterionCode.Normalize(text) is { } other ? [other] : Array.Empty<string>()]),
                _ => new Mutant(description, WithCell(reference, text)),
            };
        });
        var sameValue = Gen.OneOf(rowNumbers).SelectMany(row =>
        {
            var parsed = rows.Single(r => r.Code == codeRows[row]);
            return Gen.Select(Gen.Bool, SameValue(parsed.SelfPoints, pointOnly: false), SameValue(parsed.MaxPoints, pointOnly: false), (max, self, maximum) =>
                new Mutant($"{(max ? "C" : "D")}{row} ({parsed.Code}) written '{(max ? maximum : self)}'", WithCell($"{(max ? "C" : "D")}{row}", max ? maximum : self), MustAccept: true));
        });
        var rowElements = Regex.Matches(sheet, $"<{prefix}row [^>]*>.*?</{prefix}row>").Select(m => (m.Index, m.Length, Number: int.Parse(Regex.Match(m.Value, "r=\"([0-9]+)\"").Groups[1].Value, CultureInfo.InvariantCulture))).ToArray();
        var rowOps = Gen.Select(Gen.Int[0, 2], Gen.OneOf(rowElements), Gen.OneOf(["-1", "0", "1048577", "4294967296", "x", "", "3", "117", "1048576"]), (op, row, number) =>
        {
            var xml = sheet.Substring(row.Index, row.Length);
            return op switch
            {
                0 => new Mutant($"row {row.Number} deleted", WithSheet(sheet.Remove(row.Index, row.Length))),
                1 => new Mutant($"row {row.Number} repeated", WithSheet(sheet.Insert(row.Index, xml))),
                _ => new Mutant($"row {row.Number} numbered '{number}'", WithSheet(sheet.Remove(row.Index, row.Length).Insert(row.Index, Regex.Replace(xml, "^(<[^>]* r=\")[0-9]+\"", "${1}" + number + "\""))),
                    Touched: codeRows.TryGetValue(row.Number, out var code) ? [code] : []),
            };
        });
        return new Subject("hoang-hoa-2017.xlsx", bytes, ReportOracle, Mix(
            (4, cell), (2, sameValue), (2, rowOps), (2, ByteMutants(bytes, (_, _) => null))));
    }

    private static int RowNumberOf(string reference) => int.Parse(reference.AsSpan(reference.TakeWhile(char.IsAsciiLetter).Count()), CultureInfo.InvariantCulture);

    // ----- Word: the real report as the document it was converted from (tests/Ingest.Tests/Office/ReportDocument). -----

    private static Subject DocxSubject()
    {
        var bytes = ReportDocument.FromRealReport();
        var package = Unzip(bytes);
        const string Part = "word/document.xml";
        var xml = Encoding.UTF8.GetString(package[Part]);
        var prefix = Regex.Match(xml, "<([a-z]+:)?body").Groups[1].Value;

        // Which row and cell each <w:t> stands in (document order is the same in the XML and the DOM).
        var places = new List<(string? Code, int Cell)>();
        OfficeEdit.Docx(bytes, body =>
        {
            foreach (var text in body.Descendants<W.Text>())
            {
                var row = text.Ancestors<W.TableRow>().FirstOrDefault();
                var cell = text.Ancestors<W.TableCell>().FirstOrDefault();
                var code = row is null ? null : CriterionCode.Normalize(row.Elements<W.TableCell>().First().InnerText);
                places.Add((code, cell is null || row is null ? -1 : row.Elements<W.TableCell>().ToList().IndexOf(cell)));
            }
        });
        var texts = Regex.Matches(xml, $"(<{prefix}t(?: [^>]*)?>)(.*?)(</{prefix}t>)").ToArray();
        texts.Length.ShouldBe(places.Count);
        var rows = ReportWorkbook.RealReport().Rows;
        byte[] WithText(int index, string text)
        {
            var match = texts[index];
            var group = match.Groups[2];
            return Zip(package, Part, xml[..group.Index] + SecurityElement.Escape(text) + xml[(group.Index + group.Length)..]);
        }

        var indexes = Enumerable.Range(0, texts.Length).ToArray();
        var cell = Gen.Select(Gen.OneOf(indexes), RandomText, (index, text) =>
        {
            var (code, column) = places[index];
            var description = $"text {index} ({code ?? "letter"}, cell {column + 1}) set to '{text}'";
            return code is null ? new Mutant(description, WithText(index, text), Touched: [])
                : column is 2 or 3 ? new Mutant(description, WithText(index, text), Cell: new CellChange(code, column == 2, text))
                : column == 0 ? new Mutant(description, WithText(index, text), Touched: [code, .. CriterionCode.Normalize(text) is { } other ? [other] : Array.Empty<string>()])
                : new Mutant(description, WithText(index, text));
        });
        var pointTexts = indexes.Where(i => places[i].Code is not null && places[i].Cell is 2 or 3).ToArray();
        var sameValue = Gen.OneOf(pointTexts).SelectMany(index =>
        {
            var (code, column) = places[index];
            var row = rows.Single(r => r.Code == code);
            return SameValue(column == 2 ? row.MaxPoints : row.SelfPoints, pointOnly: false)
                .Select(text => new Mutant($"{(column == 2 ? "Điểm chuẩn" : "Điểm tự chấm")} of {code} written '{text}'", WithText(index, text), MustAccept: true));
        });
        var rowElements = Regex.Matches(xml, $"<{prefix}tr(?: [^>]*)?>.*?</{prefix}tr>").Select(m => (m.Index, m.Length)).ToArray();
        var rowOps = Gen.Select(Gen.Bool, Gen.OneOf(rowElements), (delete, row) => delete
            ? new Mutant($"table row at {row.Index} deleted", Zip(package, Part, xml.Remove(row.Index, row.Length)), Touched: [])
            : new Mutant($"table row at {row.Index} repeated", Zip(package, Part, xml.Insert(row.Index, xml.Substring(row.Index, row.Length)))));
        return new Subject("hoang-hoa-2017.docx", bytes, ReportOracle, Mix(
            (4, cell), (2, sameValue), (1, rowOps), (2, ByteMutants(bytes, (_, _) => null))));
    }

    // ----- PDF: the committed print of the real report (bytes), and the glyph-by-glyph drawing of it (cells). -----

    private static Subject PdfSubject()
    {
        var bytes = File.ReadAllBytes(Pdf.PdfFixtures.Printed);
        var rows = ReportWorkbook.RealReport().Rows;
        var codes = rows.Select(r => r.Code).ToArray();

        // The drawn report reads as the printed one, so its cell mutants are judged against the same numbers.
        var drawn = Runner.Run("hoang-hoa-2017-bc293.pdf", Pdf.GlyphByGlyphPdf.RealReport(), new IngestOptions());
        drawn.Accepted.ShouldBeTrue(string.Join("\n", drawn.Problems));
        Numbers(drawn).ShouldBe(Numbers(Runner.Run("hoang-hoa-2017-bc293.pdf", bytes, new IngestOptions())));

        // Text the builder can draw with DejaVu Sans (Latin with Vietnamese, combining marks, Arabic-Indic digits,
        // punctuation, the minus sign): it has no fullwidth or Devanagari digits, and control characters are not text.
        static string Drawable(string text) => string.Concat(text.Where(c => !char.IsControl(c) &&
            (c <= '\u024F' || c is >= '\u0300' and <= '\u036F' or >= '\u0660' and <= '\u066C' or >= '\u06F0' and <= '\u06F9'
                or >= '\u1E00' and <= '\u1EFF' or >= '\u2010' and <= '\u2027' or '\u2212')));

        var cell = Gen.Select(Gen.OneOf(codes), RandomText, (code, text) =>
        {
            var value = Regex.Replace(Drawable(text), "\\s+", " ");
            return new Mutant($"Điểm tự chấm of {code} drawn as '{value}'", Pdf.GlyphByGlyphPdf.RealReport(new() { [code] = value }), Cell: new CellChange(code, false, value));
        });
        var sameValue = Gen.OneOf(rows.Where(r => r.SelfPoints is not null).ToArray()).SelectMany(row =>
            SameValue(row.SelfPoints, pointOnly: false).Where(text => Drawable(text) == text && !text.Contains('*', StringComparison.Ordinal)).Select(text =>
                new Mutant($"Điểm tự chấm of {row.Code} drawn as '{text}'", Pdf.GlyphByGlyphPdf.RealReport(new() { [row.Code] = text.Trim() }), MustAccept: true)));
        return new Subject("hoang-hoa-2017-bc293.pdf", bytes, ReportOracle, Mix(
            (2, cell), (1, sameValue), (3, ByteMutants(bytes, (_, _) => null))));
    }

    private static Dictionary<string, byte[]> Unzip(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    private static byte[] Zip(Dictionary<string, byte[]> package, string changed, string text)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in package)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(name == changed ? Encoding.UTF8.GetBytes(text) : content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A file in one format, its mutants, and how its points cells read.</summary>
    private sealed record Subject(string Name, byte[] Bytes, Func<string, Reading?> Oracle, Gen<Mutant> Mutants);

    /// <summary>One mutated file. <paramref name="Cell"/>: it wrote <c>Text</c> in a points cell of a row;
    /// <paramref name="Touched"/>: rows whose numbers it may have changed in ways no oracle decides (their row's line
    /// was cut, a code rewritten, a row moved), which are then not compared; <paramref name="MustAccept"/>: it only wrote
    /// the same values another way.</summary>
    private sealed record Mutant(string Description, byte[] Bytes, CellChange? Cell = null, HashSet<string>? Touched = null, bool MustAccept = false);

    /// <summary>Text written in the Điểm chuẩn (<paramref name="Max"/>) or Điểm tự chấm cell of row <paramref name="Code"/>.</summary>
    private sealed record CellChange(string Code, bool Max, string Text);

    /// <summary>What a cell says: a number or empty (<paramref name="Valid"/>), or no number at all.</summary>
    private sealed record Reading(bool Valid, decimal? Value);
}
