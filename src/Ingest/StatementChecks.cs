using System.Globalization;
using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest;

/// <summary>Decides a document's index year and unit from every statement it makes of them, and from --year/--unit.
/// Nothing is guessed from the first mention: the statements must agree, or the file is rejected with each one listed.</summary>
/// <remarks>
/// <para>The rules (docs/input-formats.md, "How the unit and year are found"):</para>
/// <list type="bullet">
/// <item>The deciding statements (letterhead, subject, letter, total sentence, table title, file name) agree and the
/// corroborating ones fit them (the date line's year is the index year or the year after it; the place before the
/// date, when it is a unit's name, is that unit) → that year or unit. An option that differs → <c>override-conflict</c>.</item>
/// <item>They disagree → <c>year-conflict</c> / <c>unit-conflict</c>, an error listing every statement with its line.
/// With --year/--unit that agrees with at least one of them, it is a warning and the option is used; an option that
/// agrees with none → <c>override-conflict</c>: an option never relabels a document silently.</item>
/// <item>No deciding statement → the option (which must fit the corroborating statements), or <c>no-year</c> /
/// <c>unknown-unit</c>: a date or a place alone never decides.</item>
/// </list>
/// </remarks>
internal static class StatementChecks
{
    private const int MaxListed = 12;

    /// <summary>The index year, or null (with errors in <paramref name="problems"/>) when it cannot be decided.</summary>
    public static int? Year(DocumentInput document, IngestOptions options, List<Problem> problems)
    {
        var file = document.File;
        IReadOnlyList<YearStatement> statements = document.YearStatements.Count > 0 ? document.YearStatements
            : document.Year is { } column ? [new YearStatement(StatementKind.Letter, column, document.YearLine, "")]
            : [];
        var deciding = statements.Where(s => s.Kind != StatementKind.Date).ToList();
        var values = deciding.Select(s => s.Year).Distinct().ToList();
        var given = options.YearOverride;

        if (values.Count == 0)
        {
            var dates = statements.Where(s => s.Kind == StatementKind.Date).ToList();
            if (given is { } year)
            {
                if (dates.All(d => Fits(d, year)))
                {
                    return year;
                }

                problems.Add(Problem.Error(ProblemCodes.OverrideConflict, file, dates[0].Line,
                    $"Văn bản không ghi năm đánh giá Chỉ số, nhưng {DateRange(dates[0])}, còn --year lại là {year}. Hãy sửa --year hoặc sửa văn bản."));
                return null;
            }

            var hint = dates.Count > 0 ? $"; {DateRange(dates[0])}, chưa đủ để biết năm nào" : "";
            problems.Add(Problem.Error(ProblemCodes.NoYear, file, null,
                $"Văn bản không ghi năm đánh giá Chỉ số (cần có câu như 'Chỉ số cải cách hành chính năm 2017'){hint}. Hãy khai báo năm bằng --year."));
            return null;
        }

        if (values.Count == 1 && statements.All(s => Fits(s, values[0])))
        {
            var stated = values[0];
            if (given is { } other && other != stated)
            {
                problems.Add(Problem.Error(ProblemCodes.OverrideConflict, file, deciding[0].Line,
                    $"Văn bản ghi năm {stated} nhưng --year lại là {other}. Hãy bỏ --year hoặc sửa văn bản."));
            }

            return stated;
        }

        // The statements disagree: name the first one that departs from what most of them say.
        var majority = deciding.GroupBy(s => s.Year).OrderByDescending(g => g.Count()).First().Key;
        var line = statements.First(s => !Fits(s, majority)).Line;
        var list = List(statements, s => s.Year, Describe);
        if (given is { } chosen)
        {
            if (statements.Any(s => Fits(s, chosen)))
            {
                problems.Add(Problem.Warning(ProblemCodes.YearConflict, file, line,
                    $"Văn bản ghi năm đánh giá không thống nhất: {list}. Đã dùng năm {chosen} theo --year; hãy kiểm tra lại văn bản."));
                return chosen;
            }

            problems.Add(Problem.Error(ProblemCodes.OverrideConflict, file, line,
                $"--year {chosen} không khớp với năm nào văn bản ghi: {list}. Hãy sửa --year hoặc sửa văn bản."));
            return null;
        }

        problems.Add(Problem.Error(ProblemCodes.YearConflict, file, line,
            $"Văn bản ghi năm đánh giá không thống nhất: {list}. Hãy sửa văn bản cho thống nhất, hoặc khai báo năm đúng bằng --year."));
        return null;
    }

    /// <summary>The unit, or null (with errors in <paramref name="problems"/>) when it cannot be decided.</summary>
    public static Unit? Unit(DocumentInput document, IngestOptions options, UnitRegistry units, int? year, List<Problem> problems)
    {
        var file = document.File;
        IReadOnlyList<UnitStatement> statements = document.UnitStatements.Count > 0 ? document.UnitStatements
            : !string.IsNullOrWhiteSpace(document.UnitText) ? [new UnitStatement(StatementKind.Letter, document.UnitText, document.UnitLine, document.UnitText)]
            : [];
        var given = options.UnitOverride;
        UnitMatch? wanted = null;
        if (given is not null && (wanted = units.Resolve(given)) is null)
        {
            problems.Add(Problem.Error(ProblemCodes.UnknownUnit, file, null,
                $"'{given}' không phải là đơn vị đã biết. Danh sách đơn vị ở data/units.csv (mã như hoang-hoa); hãy thêm tên gọi khác (aliases) vào đó hoặc khai báo --unit."));
            return null;
        }

        // A place that is no unit's name (the seat's town) or that is a province's name (a department signs "Thanh Hóa,
        // ngày …", which is also a city's name) says nothing; any other unknown name is an error, unless --unit names
        // the unit (a spelling data/units.csv lacks).
        var provinces = units.Units.Select(u => u.Province).ToHashSet(StringComparer.Ordinal);
        var matched = statements
            .Where(s => s.Kind != StatementKind.Place || !provinces.Contains(VietnameseText.Slug(s.Name)))
            .Select(s => (Statement: s, Match: units.Resolve(s.Name))).ToList();
        var unknown = matched.FirstOrDefault(m => m.Match is null && m.Statement.Kind != StatementKind.Place).Statement;
        if (unknown is not null && wanted is null)
        {
            problems.Add(Problem.Error(ProblemCodes.UnknownUnit, file, unknown.Line,
                $"'{unknown.Name}' không phải là đơn vị đã biết. Danh sách đơn vị ở data/units.csv (mã như hoang-hoa); hãy thêm tên gọi khác (aliases) vào đó hoặc khai báo --unit."));
            return null;
        }

        var known = matched.Where(m => m.Match is not null).Select(m => (m.Statement, Match: m.Match!)).ToList();
        var deciding = known.Where(m => m.Statement.Kind != StatementKind.Place).ToList();
        var ids = deciding.Select(m => m.Match.Unit.Id).Distinct().ToList();
        UnitMatch? chosen;
        if (ids.Count == 0)
        {
            var place = known.FirstOrDefault();
            if (wanted is null)
            {
                var hint = place.Statement is { } p ? $"; địa danh '{p.Name}' trước ngày ký ở dòng {Line(p.Line)} chưa đủ để xác định đơn vị" : "";
                problems.Add(Problem.Error(ProblemCodes.UnknownUnit, file, null,
                    $"Văn bản không ghi tên đơn vị (cần có dòng như 'UBND HUYỆN HOẰNG HÓA' ở đầu văn bản){hint}. Hãy khai báo đơn vị bằng --unit."));
                return null;
            }

            if (place.Statement is { } signed && place.Match.Unit.Id != wanted.Unit.Id)
            {
                problems.Add(Problem.Error(ProblemCodes.OverrideConflict, file, signed.Line,
                    $"Văn bản ký tại {place.Match.Unit.FullName} (dòng {Line(signed.Line)}) nhưng --unit lại là {wanted.Unit.FullName}. Hãy sửa --unit hoặc sửa văn bản."));
                return null;
            }

            chosen = wanted;
        }
        else if (ids.Count == 1 && known.All(m => m.Match.Unit.Id == ids[0]))
        {
            var stated = deciding[0];
            if (wanted is not null && wanted.Unit.Id != stated.Match.Unit.Id)
            {
                problems.Add(Problem.Error(ProblemCodes.OverrideConflict, file, stated.Statement.Line,
                    $"Văn bản ghi đơn vị {stated.Match.Unit.FullName} nhưng --unit lại là {wanted.Unit.FullName}. Hãy bỏ --unit hoặc sửa văn bản."));
                return null;
            }

            // Loosely matched only when no statement names the unit with its diacritics right.
            chosen = known.All(m => m.Match.Loose) ? stated.Match : stated.Match with { Loose = false };
        }
        else
        {
            var majority = deciding.GroupBy(m => m.Match.Unit.Id).OrderByDescending(g => g.Count()).First().Key;
            var line = known.First(m => m.Match.Unit.Id != majority).Statement.Line;
            var list = List(known, m => m.Match.Unit.Id, m => Describe(m.Statement, m.Match.Unit));
            if (wanted is null)
            {
                problems.Add(Problem.Error(ProblemCodes.UnitConflict, file, line,
                    $"Văn bản ghi đơn vị không thống nhất: {list}. Hãy sửa văn bản cho thống nhất, hoặc khai báo đơn vị đúng bằng --unit."));
                return null;
            }

            if (known.All(m => m.Match.Unit.Id != wanted.Unit.Id))
            {
                problems.Add(Problem.Error(ProblemCodes.OverrideConflict, file, line,
                    $"--unit {wanted.Unit.FullName} không khớp với đơn vị nào văn bản ghi: {list}. Hãy sửa --unit hoặc sửa văn bản."));
                return null;
            }

            problems.Add(Problem.Warning(ProblemCodes.UnitConflict, file, line,
                $"Văn bản ghi đơn vị không thống nhất: {list}. Đã dùng {wanted.Unit.FullName} theo --unit; hãy kiểm tra lại văn bản."));
            chosen = wanted;
        }

        var unit = chosen.Unit;
        var where = known.FirstOrDefault(m => m.Match.Unit.Id == unit.Id).Statement;
        if (year is not null && !unit.ExistsIn(year.Value))
        {
            var first = unit.FirstYear ?? unit.ValidFrom?.Year;
            var last = unit.LastYear ?? unit.ValidTo?.Year;
            var span = $"{first?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{last?.ToString(CultureInfo.InvariantCulture) ?? "nay"}";
            problems.Add(Problem.Error(ProblemCodes.UnknownUnit, file, where?.Line,
                $"{unit.FullName} không được đánh giá Chỉ số năm {year} (các năm có Chỉ số của đơn vị: {span}; xem data/units.csv và data/lineage.csv)."));
            return null;
        }

        if (chosen.Loose)
        {
            var text = where?.Name ?? given;
            problems.Add(Problem.Warning(ProblemCodes.UnitMatchedLoosely, file, where?.Line,
                $"'{text}' chỉ khớp với {unit.FullName} ({unit.Id}) khi bỏ dấu; hãy kiểm tra lại đơn vị."));
        }

        return unit;
    }

    /// <summary>The statements for a message, in document order: all of them when there are few, else the first of each
    /// value and the first others up to <see cref="MaxListed"/>, and how many were left out.</summary>
    private static string List<T, TValue>(IReadOnlyList<T> statements, Func<T, TValue> value, Func<T, string> describe)
    {
        var firsts = statements.Select((s, i) => (s, i)).GroupBy(x => value(x.s)).Select(g => g.First().i).ToHashSet();
        var others = MaxListed - firsts.Count;
        var shown = statements.Where((s, i) => firsts.Contains(i) || (others-- > 0)).ToList();
        var text = string.Join("; ", shown.Select(describe));
        return shown.Count < statements.Count ? $"{text}; … (và {statements.Count - shown.Count} chỗ khác)" : text;
    }

    /// <summary>Whether <paramref name="year"/> fits a statement: the same year, or for a date line that year or the
    /// year before (a report for year Y is signed in Y, or early in Y + 1).</summary>
    private static bool Fits(YearStatement statement, int year) =>
        statement.Kind == StatementKind.Date ? year == statement.Year || year == statement.Year - 1 : year == statement.Year;

    private static string DateRange(YearStatement date) =>
        $"ngày ký ở dòng {Line(date.Line)} («{date.Text}») cho biết đó là báo cáo Chỉ số năm {date.Year - 1} hoặc {date.Year}";

    private static string Describe(YearStatement statement) => statement.Kind switch
    {
        StatementKind.Date => $"{Where(statement.Kind, statement.Line)} «{statement.Text}»: năm {statement.Year - 1} hoặc {statement.Year}",
        _ => $"{Where(statement.Kind, statement.Line)} «{statement.Text}»: năm {statement.Year}",
    };

    private static string Describe(UnitStatement statement, Unit unit) =>
        $"{Where(statement.Kind, statement.Line)} «{statement.Text}»: {unit.FullName}";

    private static string Where(StatementKind kind, int? line) => kind switch
    {
        StatementKind.FileName => "tên tệp",
        _ => $"dòng {Line(line)} ({Name(kind)})",
    };

    private static string Line(int? line) => line?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Name(StatementKind kind) => kind switch
    {
        StatementKind.Letterhead => "tên cơ quan ở đầu văn bản",
        StatementKind.Subject => "trích yếu",
        StatementKind.Letter => "lời văn",
        StatementKind.Total => "câu tổng số điểm",
        StatementKind.Title => "tiêu đề Bảng tổng hợp",
        StatementKind.Date => "ngày ký",
        StatementKind.Place => "địa danh nơi ký",
        _ => "tên tệp",
    };
}
