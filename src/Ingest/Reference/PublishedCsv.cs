using System.Globalization;
using CchcAnalytics.Core;
using CsvHelper;
using CsvHelper.Configuration;

namespace CchcAnalytics.Ingest.Reference;

/// <summary>Reads officially published results (<c>data/published/*.csv</c>): header
/// <c>unit_id,unit_name,year,points,max_points,index_percent,rank,rank_of,decision,decision_date,reported_on,source_url,note</c>,
/// numbers with a decimal point, dates as yyyy-MM-dd, empty cells for what the source does not print. An optional last
/// column <c>components</c> carries the points of the index's components as printed (<c>survey=18.5|bonus=2</c>, ids of
/// <c>components.csv</c> for the unit's framework that year).</summary>
public static class PublishedCsv
{
    public static readonly string[] Header =
        ["unit_id", "unit_name", "year", "points", "max_points", "index_percent", "rank", "rank_of", "decision", "decision_date", "reported_on", "source_url", "note"];

    /// <summary>The optional last column: component points as printed.</summary>
    public const string ComponentsColumn = "components";

    /// <summary>Parses a file; every problem names file, line and column. Returns no rows when any error was found.</summary>
    public static IReadOnlyList<PublishedResult> Read(byte[] bytes, string file, UnitRegistry units, List<Problem> problems) =>
        Read(bytes, file, units, [], problems);

    /// <summary>Parses a file, checking the <c>components</c> column against <paramref name="frameworks"/>: each id must be
    /// a component of a framework of the unit's province and level for that year, given once, with points from 0 to its
    /// maximum.</summary>
    public static IReadOnlyList<PublishedResult> Read(byte[] bytes, string file, UnitRegistry units, IReadOnlyList<Framework> frameworks, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(frameworks);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(problems);
        var decoded = Text.TextDecoder.Decode(bytes, file, problems);
        if (decoded is null)
        {
            return [];
        }

        var start = problems.Count;
        try
        {
            return ReadRows(decoded.Text, file, units, frameworks, problems, start);
        }
        catch (CsvHelperException ex)
        {
            problems.Add(Problem.Error(ProblemCodes.BadRow, file, ex.Context?.Parser?.Row,
                $"Dòng CSV sai định dạng: {CsvErrorText.Describe(ex)}."));
            return [];
        }
    }

    private static List<PublishedResult> ReadRows(string text, string file, UnitRegistry units, IReadOnlyList<Framework> frameworks, List<Problem> problems, int start)
    {
        var results = new List<PublishedResult>();
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, DetectColumnCountChanges = true });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
            || !(header.SequenceEqual(Header) || header.SequenceEqual([.. Header, ComponentsColumn])))
        {
            problems.Add(Problem.Error(ProblemCodes.BadHeader, file, 1, $"Dòng tiêu đề phải đúng là '{string.Join(',', Header)}' (có thể thêm ',{ComponentsColumn}')."));
            return [];
        }

        var withComponents = header.Length > Header.Length;

        var keys = new HashSet<(string, int, string)>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(string column) => csv.GetField(column)?.Trim() ?? "";
            void Error(string code, string column, string message) => problems.Add(Problem.Error(code, file, line, message, column));

            var unit = units.Find(Field("unit_id"));
            if (unit is null)
            {
                Error(ProblemCodes.UnknownUnit, "unit_id", $"'{Field("unit_id")}' không phải là mã đơn vị trong data/units.csv.");
                continue;
            }

            if (units.Resolve(Field("unit_name")) is not { } named || named.Unit.Id != unit.Id)
            {
                Error(ProblemCodes.UnknownUnit, "unit_name", $"unit_name '{Field("unit_name")}' không phải là tên của {unit.FullName} ({unit.Id}).");
            }

            var year = Integer(Field("year"), "year", Error);
            if (Field("year").Length == 0)
            {
                Error(ProblemCodes.NoYear, "year", "Cột year để trống.");
            }
            else if (year is { } y && !unit.ExistsIn(y))
            {
                Error(ProblemCodes.UnknownUnit, "unit_id", $"{unit.FullName} ({unit.Id}) không được đánh giá Chỉ số năm {y}; xem first_year/last_year trong data/units.csv.");
            }
            if (year is < 2000 or > 2100)
            {
                Error(ProblemCodes.YearOutOfRange, "year", $"Năm {year} nằm ngoài phạm vi hợp lệ (2000–2100).");
            }

            var points = Number(Field("points"), "points", Error);
            var max = Number(Field("max_points"), "max_points", Error);
            var index = Number(Field("index_percent"), "index_percent", Error);
            var rank = Integer(Field("rank"), "rank", Error);
            var rankOf = Integer(Field("rank_of"), "rank_of", Error);
            if (points is null && index is null)
            {
                Error(ProblemCodes.MissingPoints, "points", "Kết quả công bố phải có points hoặc index_percent.");
            }

            if (index is < 0 or > 100)
            {
                Error(ProblemCodes.BadNumber, "index_percent", $"index_percent {VietnameseText.Number(index!.Value)} không nằm trong khoảng 0–100.");
            }

            if (points is not null && max is not null && points > max)
            {
                Error(ProblemCodes.PointsAboveMax, "points", $"points {VietnameseText.Number(points.Value)} vượt max_points {VietnameseText.Number(max.Value)}.");
            }

            if (rank is not null && (rank < 1 || (rankOf is not null && rank > rankOf)))
            {
                Error(ProblemCodes.BadNumber, "rank", $"rank {rank} không nằm trong khoảng từ 1 đến rank_of {rankOf}.");
            }

            var decision = Field("decision");
            var url = Field("source_url");
            if (decision.Length == 0 || url.Length == 0)
            {
                Error(ProblemCodes.BadRow, decision.Length == 0 ? "decision" : "source_url", "Bắt buộc có decision và source_url: kết quả công bố phải ghi rõ được công bố ở đâu.");
            }

            if (year is not null && !keys.Add((unit.Id, year.Value, decision)))
            {
                Error(ProblemCodes.DuplicateCode, "unit_id", $"{unit.Id} năm {year} ({decision}) xuất hiện hai lần.");
            }

            var components = withComponents && year is not null ? Components(Field(ComponentsColumn), unit, year.Value, frameworks, Error) : [];
            if (problems.Count == start && year is not null)
            {
                results.Add(new PublishedResult(
                    unit.Id, year.Value, points, max, index, rank, rankOf, decision,
                    Date(Field("decision_date"), "decision_date", Error), Date(Field("reported_on"), "reported_on", Error),
                    url, Field("note") is { Length: > 0 } note ? VietnameseText.Nfc(note) : null)
                {
                    Components = components,
                });
            }
        }

        return problems.Skip(start).Any(p => p.Severity == Severity.Error) ? [] : results;
    }

    /// <summary>The <c>components</c> cell, <c>survey=18.5|bonus=2</c>: ids of the components of the unit's framework(s)
    /// that year (the criteria tree's points may be given as <c>criteria=…</c>), each once, points from 0 to the maximum.</summary>
    private static List<PublishedComponent> Components(string text, Unit unit, int year, IReadOnlyList<Framework> frameworks, Action<string, string, string> error)
    {
        var result = new List<PublishedComponent>();
        if (text.Length == 0)
        {
            return result;
        }

        var known = frameworks.Where(f => f.Province == unit.Province && f.Level == unit.Level && f.AppliesTo(year))
            .SelectMany(f => f.Components).GroupBy(c => c.Id).Select(g => g.First()).ToList();
        foreach (var part in text.Split('|'))
        {
            var pair = part.Split('=');
            var id = pair[0].Trim();
            if (pair.Length != 2 || id.Length == 0 || pair[1].Trim().Length == 0)
            {
                error(ProblemCodes.BadRow, ComponentsColumn, $"'{part}' trong cột components phải có dạng mã=điểm, các thành phần cách nhau bằng '|' (ví dụ survey=18.5|bonus=2).");
                continue;
            }

            var component = known.FirstOrDefault(c => c.Id == id);
            if (component is null)
            {
                error(ProblemCodes.UnknownComponent, ComponentsColumn, known.Count == 0
                    ? $"Năm {year} không có bộ tiêu chí nào cho {unit.FullName}, nên không kiểm tra được thành phần '{id}'."
                    : $"Bộ tiêu chí của {unit.FullName} năm {year} không có thành phần '{id}'; các thành phần là {string.Join(", ", known.Select(c => c.Id))}.");
                continue;
            }

            if (result.Any(c => c.Id == id))
            {
                error(ProblemCodes.DuplicateComponent, ComponentsColumn, $"Thành phần {id} được ghi hai lần trong cột components.");
                continue;
            }

            if (Number(pair[1].Trim(), ComponentsColumn, error) is not { } points)
            {
                continue;
            }

            if (points > component.MaxPoints)
            {
                error(ProblemCodes.PointsAboveMax, ComponentsColumn, $"Thành phần {id}: điểm {VietnameseText.Number(points)} vượt điểm tối đa {VietnameseText.Number(component.MaxPoints)}.");
                continue;
            }

            result.Add(new PublishedComponent(id, points));
        }

        return result;
    }

    private static decimal? Number(string text, string column, Action<string, string, string> error)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            // The database keeps three decimals (91.651); more would be silently rounded, altering a published value.
            if (value.Scale > 3 && value != Math.Round(value, 3))
            {
                error(ProblemCodes.BadNumber, column, $"'{text}' có hơn ba chữ số thập phân; giá trị công bố chỉ được lưu tối đa ba chữ số thập phân.");
                return null;
            }

            return value;
        }

        error(ProblemCodes.BadNumber, column, $"'{text}' không phải là số viết với dấu chấm thập phân.");
        return null;
    }

    private static int? Integer(string text, string column, Action<string, string, string> error)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        error(ProblemCodes.BadNumber, column, $"'{text}' không phải là số nguyên.");
        return null;
    }

    private static DateOnly? Date(string text, string column, Action<string, string, string> error)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error(ProblemCodes.BadNumber, column, $"'{text}' không phải là ngày dạng yyyy-MM-dd.");
        return null;
    }
}
