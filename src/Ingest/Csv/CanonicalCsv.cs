using System.Globalization;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;
using CchcAnalytics.Storage;
using CsvHelper;
using CsvHelper.Configuration;

namespace CchcAnalytics.Ingest.Csv;

/// <summary>The canonical CSV: one row per criterion per submission, UTF-8, decimal point, header
/// <c>unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence</c> (an optional trailing
/// <c>synthetic</c> column marks generated sample data). <c>cchc export scores</c> writes it and ingest reads it,
/// so export → ingest round-trips exactly. A score of a framework component other than the criteria tree (survey,
/// bonus, penalty) is one row with <c>level=component</c> and <c>code</c> = the component id of <c>components.csv</c>,
/// after the unit-year-stage's criterion rows.</summary>
public static partial class CanonicalCsv
{
    public static readonly string[] Header = ["unit_id", "unit_name", "year", "stage", "code", "level", "name", "max_points", "points", "evidence"];

    public const string SyntheticColumn = "synthetic";

    /// <summary>RFC 4180 quoting for every field that holds a CR, an LF, a quote or a comma. CsvHelper, told that
    /// lines end in LF, quotes only fields holding an LF: a lone CR inside evidence was written bare, so a reader (ours
    /// included) ended the record there and a district could start a line of the province's export with "=".</summary>
    private static readonly CsvConfiguration WriterConfiguration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || (args.Field is { } field && field.AsSpan().IndexOfAny('\r', '\n') >= 0),
    };

    /// <summary>Writes rows; the <c>synthetic</c> column is added only when some row is synthetic. Text columns are
    /// neutralised against formulas at the start of the text and of every line in it (<see cref="CsvSafe"/>).</summary>
    public static void Write(TextWriter writer, IReadOnlyList<ExportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Write(writer, rows, rows.Any(r => r.Synthetic));
    }

    /// <summary>Writes rows as they come (streamed: nothing but the current row is held), with the <c>synthetic</c>
    /// column when <paramref name="withSynthetic"/> (<see cref="CurrentRows.AnySynthetic"/>).</summary>
    public static void Write(TextWriter writer, IEnumerable<ExportRow> rows, bool withSynthetic)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = new CsvWriter(writer, WriterConfiguration, leaveOpen: true);
        WriteHeader(csv, withSynthetic);
        csv.NextRecord();
        foreach (var row in rows)
        {
            WriteRow(csv, row, withSynthetic);
            csv.NextRecord();
        }
    }

    /// <summary>As <see cref="Write(TextWriter, IEnumerable{ExportRow}, bool)"/>, writing to <paramref name="writer"/>
    /// asynchronously (an HTTP response, which refuses synchronous writes).</summary>
    public static async Task WriteAsync(TextWriter writer, IEnumerable<ExportRow> rows, bool withSynthetic, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = new CsvWriter(writer, WriterConfiguration, leaveOpen: true);
        WriteHeader(csv, withSynthetic);
        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var row in rows)
        {
            cancellation.ThrowIfCancellationRequested();
            WriteRow(csv, row, withSynthetic);
            await csv.NextRecordAsync().ConfigureAwait(false);
        }

        await csv.FlushAsync().ConfigureAwait(false);
    }

    private static void WriteHeader(CsvWriter csv, bool withSynthetic)
    {
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        if (withSynthetic)
        {
            csv.WriteField(SyntheticColumn);
        }
    }

    private static void WriteRow(CsvWriter csv, ExportRow row, bool withSynthetic)
    {
        csv.WriteField(row.UnitId);
        csv.WriteField(CsvSafe.Neutralize(row.UnitName));
        csv.WriteField(row.Year.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(row.Stage);
        csv.WriteField(row.Code);
        csv.WriteField(row.Level);
        csv.WriteField(CsvSafe.Neutralize(row.Name));
        csv.WriteField(ScoreSheet.Canonical(row.MaxPoints));
        csv.WriteField(row.Points is { } p ? ScoreSheet.Canonical(p) : "");
        csv.WriteField(CsvSafe.Neutralize(row.Evidence) ?? "");
        if (withSynthetic)
        {
            csv.WriteField(row.Synthetic ? "true" : "false");
        }
    }

    /// <summary>Reads a canonical CSV into one document per unit and year. Problems name the line and column.</summary>
    public static IReadOnlyList<DocumentInput> Read(byte[] bytes, string file, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(problems);
        var decoded = Text.TextDecoder.Decode(bytes, file, problems);
        if (decoded is null)
        {
            return [];
        }

        var name = Path.GetFileName(file);
        if (decoded.Legacy)
        {
            problems.Add(Problem.Warning(ProblemCodes.LegacyEncoding, file, null,
                $"Tệp {name} không phải UTF-8 nên đã được đọc theo bảng mã Windows-1258 (tiếng Việt cũ). CSV chuẩn dùng UTF-8; hãy kiểm tra tên tiêu chí sau khi nhập."));
        }

        // Excel with Vietnamese regional settings saves "CSV" with semicolons (and decimal commas): say so once,
        // instead of a malformed-row error on every line.
        var newline = decoded.Text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = newline < 0 ? decoded.Text : decoded.Text[..newline];
        if (!firstLine.Contains(',', StringComparison.Ordinal) && firstLine.Count(c => c == ';') >= Header.Length - 1)
        {
            problems.Add(Problem.Error(ProblemCodes.BadHeader, file, 1,
                $"Tệp {name} dùng dấu chấm phẩy (;) để ngăn cột, như Excel lưu CSV theo thiết lập vùng Việt Nam. CSV chuẩn dùng dấu phẩy (,) và dấu chấm thập phân (0.5): hãy xuất lại tệp với dấu phẩy. Không có gì được ghi."));
            return [];
        }

        var hash = IngestRunner.HashOf(bytes);
        var records = new List<(int Line, string[] Fields)>();
        var tooMany = false;
        using (var reader = new StringReader(decoded.Text))
        using (var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
               {
                   // Unit ids, names, levels and codes repeat on every unit-year: one string each (issue 15, allocation).
                   CacheFields = true,
                   BadDataFound = args => problems.Add(Problem.Error(ProblemCodes.BadRow, file, args.Context.Parser?.RawRow,
                       $"Dòng CSV sai định dạng (có dấu nháy kép trong một ô không đặt trong nháy?): {Truncate(args.RawRecord)}")),
               }))
        {
            var lastLine = 0;
            while (parser.Read())
            {
                // The header and at most MaxCsvRows data rows; past that, stop before any row is checked.
                if (records.Count > IngestLimits.MaxCsvRows)
                {
                    tooMany = true;
                    break;
                }

                // A quoted evidence cell may span lines: report the line where the record starts.
                records.Add((lastLine + 1, parser.Record ?? []));
                lastLine = parser.RawRow;
            }
        }

        if (tooMany)
        {
            problems.Add(Problem.Error(ProblemCodes.TooManyRows, file, null,
                $"Tệp {name} có hơn {IngestLimits.Count(IngestLimits.MaxCsvRows)} dòng dữ liệu, vượt giới hạn {IngestLimits.Count(IngestLimits.MaxCsvRows)} dòng; không có gì được ghi."));
            return [];
        }

        if (records.Count == 0)
        {
            problems.Add(Problem.Error(ProblemCodes.NoTable, file, null, "Tệp CSV không có dòng tiêu đề."));
            return [];
        }

        var header = records[0].Fields.Select(f => f.Trim()).ToArray();
        var hasSynthetic = header.Length == Header.Length + 1 && header[^1] == SyntheticColumn;
        if (!header.Take(Header.Length).SequenceEqual(Header) || (header.Length != Header.Length && !hasSynthetic))
        {
            var hint = header.SequenceEqual(Reference.PublishedCsv.Header)
                ? " Đây là tệp kết quả công bố: hãy đặt tệp vào thư mục published/ của thư mục dữ liệu và nạp cả thư mục (cchc ingest data)."
                : "";
            problems.Add(Problem.Error(ProblemCodes.BadHeader, file, 1,
                $"Dòng tiêu đề phải đúng là '{string.Join(',', Header)}' (có thể thêm ',{SyntheticColumn}'); tệp lại có '{string.Join(',', header)}'.{hint}"));
            return [];
        }

        var parsed = new List<CsvRow>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            if (fields.Length != header.Length)
            {
                problems.Add(Problem.Error(ProblemCodes.BadRow, file, line, $"Dòng cần có {header.Length} cột nhưng có {fields.Length} cột."));
                continue;
            }

            var row = ParseRow(fields, line, file, problems);
            if (row is null)
            {
                continue;
            }

            if (hasSynthetic)
            {
                var flag = fields[^1].Trim().ToLowerInvariant();
                if (flag is not ("true" or "false"))
                {
                    problems.Add(Problem.Error(ProblemCodes.BadRow, file, line, $"Cột synthetic phải là true hoặc false, không phải '{fields[^1]}'.", SyntheticColumn));
                    continue;
                }

                row = row with { Synthetic = flag == "true" };
            }

            parsed.Add(row);
        }

        // Synthetic is a property of a unit-year: an export of real and sample data round-trips, but one unit-year
        // cannot be half generated.
        foreach (var group in parsed.GroupBy(r => (r.UnitId, r.Year)).Where(g => g.Select(r => r.Synthetic).Distinct().Count() > 1))
        {
            var odd = group.First(r => r.Synthetic != group.First().Synthetic);
            problems.Add(Problem.Error(ProblemCodes.MixedSubmission, file, odd.Line,
                $"{group.Key.UnitId} năm {group.Key.Year} có cả dòng dữ liệu mẫu lẫn dòng số liệu thật; mỗi đơn vị-năm chỉ có thể hoặc toàn là dữ liệu mẫu, hoặc toàn là số liệu thật.", SyntheticColumn));
        }

        return parsed.GroupBy(r => (r.UnitId, r.Year)).Select(group => ToDocument(group.ToList(), file, hash, problems)).ToList();
    }

    private static CsvRow? ParseRow(string[] fields, int line, string file, List<Problem> problems)
    {
        var ok = true;
        string Field(int index) => fields[index].Trim();

        var unitId = Field(0);
        if (unitId.Length == 0)
        {
            problems.Add(Problem.Error(ProblemCodes.UnknownUnit, file, line, "Cột unit_id để trống.", "unit_id"));
            ok = false;
        }

        var yearText = Digits.Fold(Field(2));
        if (!YearText().IsMatch(yearText))
        {
            problems.Add(Problem.Error(ProblemCodes.NoYear, file, line, $"year '{Field(2)}' không phải là năm gồm bốn chữ số.", "year"));
            ok = false;
        }

        if (!StageText.TryParse(Field(3), out var stage))
        {
            problems.Add(Problem.Error(ProblemCodes.BadRow, file, line, $"stage '{Field(3)}' phải là 'self' (tự chấm) hoặc 'appraised' (thẩm định).", "stage"));
            ok = false;
        }

        // A component row (survey, bonus, penalty): its code is the component id, checked against the framework later.
        if (string.Equals(Field(5), ComponentScore.Level, StringComparison.OrdinalIgnoreCase))
        {
            return ParseComponentRow(fields, line, file, problems, ok, unitId, yearText, stage);
        }

        var code = CriterionCode.Normalize(Field(4));
        if (code is null)
        {
            problems.Add(Problem.Error(ProblemCodes.BadCode, file, line, $"code '{Field(4)}' không phải là mã tiêu chí.", "code"));
            ok = false;
        }
        else if (!CriterionLevelText.TryParse(Field(5), out var level) || CriterionCode.LevelOf(code) != level)
        {
            problems.Add(Problem.Error(ProblemCodes.BadRow, file, line, $"level '{Field(5)}' không khớp với mã {code} (area, criterion hoặc sub_criterion tùy theo số cấp của mã).", "level"));
            ok = false;
        }

        if (Field(6).Length == 0)
        {
            problems.Add(Problem.Error(ProblemCodes.BadRow, file, line, $"Cột name để trống ở mã {Field(4)}.", "name"));
            ok = false;
        }

        var max = Decimal(Field(7), "max_points", line, file, problems, ref ok);
        var points = Decimal(Field(8), "points", line, file, problems, ref ok);
        if (ok && max is null)
        {
            problems.Add(Problem.Error(ProblemCodes.BadRow, file, line, "Cột max_points để trống.", "max_points"));
            ok = false;
        }

        return ok
            // Text cells may carry the apostrophe that the export puts before a formula-like text (CsvSafe): removed here.
            ? new CsvRow(line, unitId, CsvSafe.Restore(Field(1)), int.Parse(yearText, CultureInfo.InvariantCulture), stage, code!, VietnameseText.Nfc(CsvSafe.Restore(Field(6))), max, points,
                fields[9].Length == 0 ? null : VietnameseText.Nfc(CsvSafe.Restore(fields[9])))
            : null;
    }

    private static CsvRow? ParseComponentRow(string[] fields, int line, string file, List<Problem> problems, bool ok, string unitId, string yearText, Stage stage)
    {
        string Field(int index) => fields[index].Trim();
        var id = Field(4).ToLowerInvariant();
        if (!ComponentIdText().IsMatch(id))
        {
            problems.Add(Problem.Error(ProblemCodes.UnknownComponent, file, line,
                $"code '{Field(4)}' của dòng thành phần (level component) không phải là mã thành phần; dùng mã trong data/frameworks/components.csv (survey, bonus, penalty).", "code"));
            ok = false;
        }

        if (Field(6).Length == 0)
        {
            problems.Add(Problem.Error(ProblemCodes.BadRow, file, line, $"Cột name để trống ở thành phần {Field(4)}.", "name"));
            ok = false;
        }

        var max = Decimal(Field(7), "max_points", line, file, problems, ref ok);
        var points = Decimal(Field(8), "points", line, file, problems, ref ok);
        if (ok && max is null)
        {
            problems.Add(Problem.Error(ProblemCodes.BadRow, file, line, "Cột max_points để trống.", "max_points"));
            ok = false;
        }

        if (fields[9].Trim().Length > 0)
        {
            problems.Add(Problem.Error(ProblemCodes.BadRow, file, line,
                $"Dòng thành phần {id} có cột evidence; tài liệu kiểm chứng chỉ thuộc về các dòng tiêu chí, cột này phải để trống.", "evidence"));
            ok = false;
        }

        return ok
            ? new CsvRow(line, unitId, CsvSafe.Restore(Field(1)), int.Parse(yearText, CultureInfo.InvariantCulture), stage, id, VietnameseText.Nfc(CsvSafe.Restore(Field(6))), max, points, null)
            {
                Component = true,
            }
            : null;
    }

    private static DocumentInput ToDocument(List<CsvRow> rows, string file, string hash, List<Problem> problems)
    {
        var first = rows[0];
        var inputs = new List<RowInput>();
        var byCode = new Dictionary<string, CsvRow>(StringComparer.Ordinal);
        var stages = new List<StageInput>();
        foreach (var stageRows in rows.GroupBy(r => r.Stage).OrderBy(g => g.Key))
        {
            var points = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            var evidence = new Dictionary<string, string?>(StringComparer.Ordinal);
            var components = new List<ComponentInput>();
            foreach (var row in stageRows.Where(r => r.Component))
            {
                if (components.FirstOrDefault(c => c.Id == row.Code) is { } seen)
                {
                    problems.Add(Problem.Error(ProblemCodes.DuplicateComponent, file, row.Line,
                        $"Thành phần {row.Code} xuất hiện hai lần trong số liệu {row.Stage.ToVietnamese()} của {row.UnitId} năm {row.Year} (lần đầu ở dòng {seen.Line.ToString(CultureInfo.InvariantCulture)}).", "code"));
                    continue;
                }

                components.Add(new ComponentInput(row.Line, row.Code, row.Name, row.MaxPoints!.Value, row.Points));
            }

            if (components.Count > 0 && stageRows.All(r => r.Component))
            {
                problems.Add(Problem.Error(ProblemCodes.BadRow, file, components[0].Line,
                    $"{first.UnitId} năm {first.Year} có dòng thành phần {components[0].Id} trong số liệu {stageRows.Key.ToVietnamese()} nhưng không có dòng tiêu chí nào của số liệu {stageRows.Key.ToVietnamese()}; điểm thành phần đi cùng bảng điểm theo bộ tiêu chí của cùng giai đoạn."));
                continue;
            }

            foreach (var row in stageRows.Where(r => !r.Component))
            {
                if (points.ContainsKey(row.Code))
                {
                    problems.Add(Problem.Error(ProblemCodes.DuplicateCode, file, row.Line,
                        $"Mã {row.Code} xuất hiện hai lần trong số liệu {row.Stage.ToVietnamese()} của {row.UnitId} năm {row.Year}.", "code"));
                    continue;
                }

                points[row.Code] = row.Points;
                evidence[row.Code] = row.Evidence;
                if (byCode.TryGetValue(row.Code, out var other))
                {
                    if (other.MaxPoints != row.MaxPoints || other.Name != row.Name)
                    {
                        problems.Add(Problem.Error(ProblemCodes.BadRow, file, row.Line,
                            $"Mã {row.Code} có name hoặc max_points khác với ở dòng {other.Line}; điểm tự chấm và điểm thẩm định phải dùng chung một cây tiêu chí."));
                    }
                }
                else
                {
                    byCode[row.Code] = row;
                    inputs.Add(new RowInput(row.Line, null, row.Code, row.Name, row.MaxPoints));
                }
            }

            stages.Add(new StageInput(stageRows.Key, points, evidence, []) { Components = components });
        }

        return new DocumentInput
        {
            File = file,
            Format = "csv",
            SourceHash = hash,
            UnitText = first.UnitId,
            UnitLine = first.Line,
            Year = first.Year,
            YearLine = first.Line,
            Rows = inputs,
            Stages = stages,
            Synthetic = first.Synthetic,
        };
    }

    private static decimal? Decimal(string text, string column, int line, string file, List<Problem> problems, ref bool ok)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var folded = Digits.Fold(text);
        if (DecimalText().IsMatch(folded))
        {
            return decimal.Parse(folded, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        problems.Add(Problem.Error(ProblemCodes.BadNumber, file, line,
            text.Contains(',', StringComparison.Ordinal)
                ? $"{column} '{text}' dùng dấu phẩy thập phân; CSV chuẩn dùng dấu chấm thập phân (0.5)."
                : $"{column} '{text}' không phải là số.",
            column));
        ok = false;
        return null;
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 80 ? text.Trim() : text[..80] + "…";

    [GeneratedRegex(@"^-?[0-9]{1,4}(\.[0-9]{1,3})?$")]
    private static partial Regex DecimalText();

    [GeneratedRegex(@"^[0-9]{4}$")]
    private static partial Regex YearText();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ComponentIdText();

    private sealed record CsvRow(int Line, string UnitId, string UnitName, int Year, Stage Stage, string Code, string Name, decimal? MaxPoints, decimal? Points, string? Evidence, bool Synthetic = false)
    {
        /// <summary>A <c>level=component</c> row: <see cref="Code"/> is a component id, not a criterion code.</summary>
        public bool Component { get; init; }
    }
}
