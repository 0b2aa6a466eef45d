using System.Globalization;
using System.Text;
using CchcAnalytics.Analytics;
using CchcAnalytics.Charts;
using CchcAnalytics.Charts.Maps;
using CchcAnalytics.Core;
using CchcAnalytics.Exports;
using CchcAnalytics.Ingest.Csv;
using Microsoft.AspNetCore.Mvc;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Downloads reachable by URL, for people and scripts. Query parameters are the pages' own: <c>nam</c> (year),
/// <c>dv</c> (unit, repeatable), <c>ma</c> (area/criterion code or concept), <c>w</c>/<c>h</c> (pixels); scripts may
/// write <c>year</c>, <c>unit</c> and <c>code</c> instead (the Vietnamese name wins when both are given).</summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExports(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/export");
        // Streamed (issue 15): rows go from DuckDB to the response a chunk at a time, so memory stays bounded whatever
        // the size of the database. nam= (or year=) exports one year.
        group.MapGet("/scores.csv", (HttpContext http, IndexDataProvider provider, [FromQuery(Name = "nam")] string? yearText, [FromQuery(Name = "year")] string? yearAlias) =>
        {
            if (OptionalYear(provider.DataFor(http.User), yearText ?? yearAlias, Today(http), out var year) is { } bad)
            {
                return bad;
            }

            var selection = VisibleRows(provider, http, year);
            return Results.Stream(
                async body =>
                {
                    await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
                    await CanonicalCsv.WriteAsync(writer, selection.Rows, selection.AnySynthetic, http.RequestAborted);
                    await writer.FlushAsync(http.RequestAborted);
                },
                "text/csv; charset=utf-8",
                year is { } y ? $"cchc-scores-{y.ToString(CultureInfo.InvariantCulture)}.csv" : "cchc-scores.csv");
        });

        group.MapGet("/scores.xlsx", (HttpContext http, IndexDataProvider provider, [FromQuery(Name = "nam")] string? yearText, [FromQuery(Name = "year")] string? yearAlias) =>
        {
            if (OptionalYear(provider.DataFor(http.User), yearText ?? yearAlias, Today(http), out var year) is { } bad)
            {
                return bad;
            }

            var selection = VisibleRows(provider, http, year);
            return Results.Stream(
                body => ScoresWorkbook.WriteAsync(body, selection, cancellation: http.RequestAborted),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                year is { } y ? $"cchc-scores-{y.ToString(CultureInfo.InvariantCulture)}.xlsx" : "cchc-scores.xlsx");
        });

        group.MapGet("/ranking.xlsx", (HttpContext http, IndexDataProvider provider, [FromQuery(Name = "nam")] string? yearText, [FromQuery(Name = "year")] string? yearAlias) =>
        {
            var data = provider.DataFor(http.User);
            if (LevelOf(data, http, [], out var scope) is { } badLevel)
            {
                return badLevel;
            }

            if (YearOf(data, scope, yearText ?? yearAlias, Today(http), out var year) is { } bad)
            {
                return bad;
            }

            var ranking = Ranker.For(data, year, scope.Province, scope.Level.Id, provider.Options);
            if (ranking.Units.Count == 0)
            {
                return Plain(404, $"Không có xếp hạng năm {year}: chưa đơn vị nào có tổng điểm.");
            }

            using var stream = new MemoryStream();
            ScoresWorkbook.WriteRanking(stream, ranking, data.Places);
            return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"cchc-xep-hang-{scope.Level.Code}-{ranking.Year}.xlsx");
        });

        // The province over the years (/qua-cac-nam): every unit series × every year, and the area means.
        group.MapGet("/years.xlsx", (HttpContext http, IndexDataProvider provider) =>
        {
            if (http.Request.Query.Keys.FirstOrDefault(k => k is "nam" or "year" or "dv" or "unit") is { } chosen)
            {
                // Every year and every unit: a year or a unit asked for would be silently ignored.
                return Plain(400, $"Tệp qua các năm gồm mọi năm và mọi đơn vị, không chọn năm hay đơn vị: bỏ '{chosen}=' khỏi địa chỉ. Một năm: /export/ranking.xlsx?nam=…");
            }

            var data = provider.DataFor(http.User);
            if (LevelOf(data, http, [], out var scope) is { } badLevel)
            {
                return badLevel;
            }

            var history = ProvinceHistory.For(data, scope.Province, scope.Level.Id, provider.Options);
            if (history.Series.Count == 0)
            {
                return Plain(404, "Chưa có số liệu của năm nào.");
            }

            using var stream = new MemoryStream();
            YearsWorkbook.Write(stream, history, data.Places);
            return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"cchc-qua-cac-nam-{scope.Level.Code}-{history.Years[0]}-{history.Years[^1]}.xlsx");
        });

        // A map (map.svg?cap=xa&nam=2025[&linh-vuc=7|&ma=7.2]) is drawn on the data folder's boundary files (MapBoundaries).
        group.MapGet("/charts/{file}", (HttpContext http, IndexDataProvider provider, MapBoundaries maps, string file,
            [FromQuery(Name = "nam")] string? yearText, [FromQuery(Name = "dv")] string[]? unitIds, [FromQuery(Name = "ma")] string? codeText,
            [FromQuery(Name = "w")] string? widthText, [FromQuery(Name = "h")] string? heightText,
            [FromQuery(Name = "year")] string? yearAlias, [FromQuery(Name = "unit")] string[]? unitAlias, [FromQuery(Name = "code")] string? codeAlias,
            [FromQuery(Name = "linh-vuc")] string? areaText, [FromQuery(Name = "area")] string? areaAlias) =>
        {
            var units = unitIds is { Length: > 0 } ? unitIds : unitAlias;
            var code = codeText ?? codeAlias;
            var area = areaText ?? areaAlias;
            var extension = Path.GetExtension(file).TrimStart('.').ToLowerInvariant();
            if (extension is not ("png" or "svg" or "csv") || !ChartKindText.TryParse(Path.GetFileNameWithoutExtension(file), out var kind))
            {
                return Plain(404, $"Không có biểu đồ '{file}'. Các loại: {string.Join(", ", ChartKindText.Codes)}; định dạng .png, .svg hoặc .csv.");
            }

            var data = provider.DataFor(http.User);
            if (LevelOf(data, http, units ?? [], out var scope) is { } badLevel)
            {
                return badLevel;
            }

            int? year = null;
            if ((yearText ?? yearAlias) is not null)
            {
                if (YearOf(data, scope, yearText ?? yearAlias, Today(http), out var asked) is { } bad)
                {
                    return bad;
                }

                year = asked;
            }

            if ((Pixels(widthText, "w") ?? Pixels(heightText, "h")) is { } badSize)
            {
                return badSize;
            }

            if (UnitsOf(data, units ?? [], null, out var unitIdsFound) is { } badUnit)
            {
                return badUnit;
            }

            ChartSpec spec;
            try
            {
                spec = ChartFactory.Build(data, new ChartRequest(kind, year, units is { Length: > 0 } ? units : null, code, Query.Number(widthText), Query.Number(heightText))
                {
                    Province = scope.Province,
                    Level = scope.Level.Id,
                    Area = area,
                }, provider.Options, maps);
            }
            catch (ArgumentException ex)
            {
                // The factory's messages name what is wrong (unknown unit, year, code, size); no stack trace.
                return Problem(400, ex);
            }

            // Units by id in the file name ("Hoằng Hóa" typed in the address would become "Ho_ng H_a").
            var name = string.Join('-', new[] { kind.ToCode(), year?.ToString(CultureInfo.InvariantCulture) }.Concat(unitIdsFound).OfType<string>());
            if (kind == ChartKind.Map)
            {
                // map-xa-2025-linh-vuc-7.svg, map-xa-2025-tieu-chi-7.2.svg: the level and the measure, from the chart's own data.
                var measure = spec.Table.Rows.Count == 0 ? null : spec.Table[0, "code"] as string;
                name = $"map-{scope.Level.Code}-{year ?? spec.Table[0, "year"]}"
                    + (measure is null ? "" : (spec.Table[0, "measure"] as string) == "area" ? $"-linh-vuc-{measure}" : $"-tieu-chi-{measure}");
            }

            return extension switch
            {
                "png" => Results.File(ChartRenderer.Png(spec), "image/png", $"{name}.png"),
                "svg" => Results.File(ChartRenderer.Svg(spec), "image/svg+xml", $"{name}.svg"),
                _ => Results.File(ChartRenderer.CsvBytes(spec), "text/csv; charset=utf-8", $"{name}.csv"),
            };
        });

        group.MapGet("/pack.pptx", (HttpContext http, IndexDataProvider provider, [FromQuery(Name = "nam")] string? yearText, [FromQuery(Name = "dv")] string[]? unitIds,
            [FromQuery(Name = "year")] string? yearAlias, [FromQuery(Name = "unit")] string[]? unitAlias) =>
        {
            var data = provider.DataFor(http.User);
            var asked = (unitIds is { Length: > 0 } ? unitIds : unitAlias) ?? [];
            if (LevelOf(data, http, asked, out var scope) is { } badLevel)
            {
                return badLevel;
            }

            if (YearOf(data, scope, yearText ?? yearAlias, Today(http), out var chosenYear) is { } bad)
            {
                return bad;
            }

            if (UnitsOf(data, asked, chosenYear, out var units) is { } badUnit)
            {
                return badUnit;
            }

            using var stream = new MemoryStream();
            string name;
            try
            {
                name = YearPack.Write(data, chosenYear, units, stream, provider.Options, scope.Province, scope.Level.Id);
            }
            catch (ArgumentException ex)
            {
                return Problem(400, ex);
            }

            return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.presentationml.presentation", name);
        });
        return group;
    }

    /// <summary>The current year by the registered <see cref="TimeProvider"/> (an example in a message, the year of a level
    /// without data).</summary>
    private static int Today(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetLocalNow().Year;

    /// <summary>The year asked for (<c>nam</c> or <c>year</c>), or the latest year with data when none is given. Like the
    /// pages, a year is never silently replaced: one that is not written as a year is a 400, one without data a 404,
    /// each with a Vietnamese reason naming the years there are.</summary>
    private static IResult? YearOf(IndexData data, (string Province, LevelInfo Level) scope, string? text, int thisYear, out int year)
    {
        var years = data.Years(scope.Province, scope.Level.Id);
        year = DataScope.DefaultYear(data, scope.Province, scope.Level.Id) ?? thisYear;
        if (text is null)
        {
            return null;
        }

        var known = YearChoice.Known(years);
        if (YearChoice.Parse(text) is not { } asked)
        {
            return Plain(400, $"Năm '{text}' không hợp lệ: hãy ghi năm bằng bốn chữ số, ví dụ nam={year} ({known}).");
        }

        if (!years.Contains(asked))
        {
            return Plain(404, $"Không có số liệu năm {asked} ({known}).");
        }

        year = asked;
        return null;
    }

    /// <summary>The province and level of a download: <c>cap=</c> (or <c>level=</c>) when given — a level that does not
    /// exist is a 400 naming the levels —, else the level of the first unit asked for, else the level that has the year
    /// asked for (<see cref="DataScope.LevelForYear"/>), else the default level, the same
    /// rule as the pages (<see cref="PageScopes"/>).</summary>
    private static IResult? LevelOf(IndexData data, HttpContext http, IReadOnlyList<string> unitTexts, out (string Province, LevelInfo Level) scope)
    {
        var province = DataScope.Province(data).Id;
        var asked = http.Request.Query["cap"].FirstOrDefault() ?? http.Request.Query["level"].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(asked))
        {
            if (DataScope.FindLevel(data, province, asked) is not { } level)
            {
                scope = (province, DataScope.DefaultLevel(data, province));
                var levels = string.Join(", ", DataScope.Levels(data, province).Select(c => $"cap={c.Level.Code} ({c.Level.Label})"));
                return Plain(400, $"Không có cấp '{YearChoice.Shorten(asked)}'. Các cấp: {levels}.");
            }

            scope = (province, level);
            return null;
        }

        var unitLevel = unitTexts.Select(t => data.Registry.Resolve(t ?? "")?.Unit?.Level).OfType<string>().FirstOrDefault();
        var yearAsked = YearChoice.Parse(http.Request.Query["nam"].FirstOrDefault() ?? http.Request.Query["year"].FirstOrDefault());
        scope = (province, (unitLevel is null ? null : DataScope.FindLevel(data, province, unitLevel))
            ?? (yearAsked is { } y ? DataScope.LevelForYear(data, province, y) : DataScope.DefaultLevel(data, province)));
        return null;
    }

    /// <summary>For the whole-database exports (every level): every year when none is asked for, else the year asked
    /// for, which must have data at some level (never all years for a year that is malformed or has no data).</summary>
    private static IResult? OptionalYear(IndexData data, string? text, int thisYear, out int? year)
    {
        year = null;
        if (text is null)
        {
            return null;
        }

        var province = DataScope.Province(data).Id;
        var years = DataScope.Levels(data, province).SelectMany(c => c.Years).Distinct().Order().ToList();
        var known = YearChoice.Known(years);
        if (YearChoice.Parse(text) is not { } asked)
        {
            return Plain(400, $"Năm '{text}' không hợp lệ: hãy ghi năm bằng bốn chữ số, ví dụ nam={(years.Count > 0 ? years[^1] : thisYear)} ({known}).");
        }

        if (!years.Contains(asked))
        {
            return Plain(404, $"Không có số liệu năm {asked} ({known}).");
        }

        year = asked;
        return null;
    }

    /// <summary>The units asked for (<c>dv</c> or <c>unit</c>), as ids: an id or a Vietnamese name that names no unit is
    /// a 404, and so is a unit without a result in <paramref name="year"/> (when given).</summary>
    private static IResult? UnitsOf(IndexData data, IReadOnlyList<string> texts, int? year, out List<string> ids)
    {
        ids = [];
        var registry = data.Registry;
        foreach (var text in texts)
        {
            if (registry.Resolve(text ?? "")?.Unit is not { } unit)
            {
                return Plain(404, $"Không có đơn vị '{text}'. Hãy dùng mã đơn vị (ví dụ hoang-hoa) hoặc tên tiếng Việt (ví dụ Hoằng Hóa).");
            }

            if (year is { } y && data.SeriesResult(unit.Id, y) is null)
            {
                return Plain(404, $"{unit.FullName} không có kết quả năm {y}.");
            }

            ids.Add(unit.Id);
        }

        return null;
    }

    /// <summary>A width or height written by hand: absent is the chart's default, anything but digits a 400.</summary>
    private static IResult? Pixels(string? text, string name) =>
        text is null || Query.Number(text) is not null ? null
            : Plain(400, $"{(name == "w" ? "Chiều rộng" : "Chiều cao")} ({name}) '{text}' không hợp lệ: hãy ghi số điểm ảnh bằng chữ số, từ {ChartRequest.MinSize} đến {ChartRequest.MaxSize}.");

    private static IResult Plain(int status, string message) => Results.Text(message, "text/plain; charset=utf-8", statusCode: status);

    /// <summary>A bad request as plain text: the message says what is wrong, without the parameter-name suffix or a trace.</summary>
    private static IResult Problem(int status, ArgumentException ex)
    {
        var message = ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
        return Results.Text(message, "text/plain; charset=utf-8", statusCode: status);
    }

    /// <summary>The current rows (of one year when given) without the unit-years this reader may not see, streamed.</summary>
    private static CurrentRows VisibleRows(IndexDataProvider provider, HttpContext http, int? year)
    {
        var hidden = provider.HiddenFor(http.User);
        return IndexDatabase.CurrentRows(provider.Database, year, hidden.Count == 0 ? null : (unit, y) => !hidden.Contains((unit, y)));
    }
}
