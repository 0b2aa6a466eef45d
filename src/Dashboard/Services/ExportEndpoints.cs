using System.Globalization;
using System.Text;
using CchcAnalytics.Analytics;
using CchcAnalytics.Charts;
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
            var year = Query.Year(yearText ?? yearAlias);
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
            var year = Query.Year(yearText ?? yearAlias);
            var selection = VisibleRows(provider, http, year);
            return Results.Stream(
                body => ScoresWorkbook.WriteAsync(body, selection, cancellation: http.RequestAborted),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                year is { } y ? $"cchc-scores-{y.ToString(CultureInfo.InvariantCulture)}.xlsx" : "cchc-scores.xlsx");
        });

        group.MapGet("/ranking.xlsx", (HttpContext http, IndexDataProvider provider, [FromQuery(Name = "nam")] string? yearText, [FromQuery(Name = "year")] string? yearAlias) =>
        {
            var year = Query.Year(yearText ?? yearAlias);
            var ranking = Ranker.For(provider.DataFor(http.User), year ?? Latest(provider), "thanh-hoa", "district", provider.Options);
            if (ranking.Units.Count == 0)
            {
                return Results.Text($"Không có xếp hạng năm {year}.", "text/plain; charset=utf-8", statusCode: 400);
            }

            using var stream = new MemoryStream();
            ScoresWorkbook.WriteRanking(stream, ranking);
            return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"cchc-xep-hang-{ranking.Year}.xlsx");
        });

        group.MapGet("/charts/{file}", (HttpContext http, IndexDataProvider provider, string file,
            [FromQuery(Name = "nam")] string? yearText, [FromQuery(Name = "dv")] string[]? unitIds, [FromQuery(Name = "ma")] string? codeText,
            [FromQuery(Name = "w")] string? widthText, [FromQuery(Name = "h")] string? heightText,
            [FromQuery(Name = "year")] string? yearAlias, [FromQuery(Name = "unit")] string[]? unitAlias, [FromQuery(Name = "code")] string? codeAlias) =>
        {
            var (year, width, height) = (Query.Year(yearText ?? yearAlias), Query.Number(widthText), Query.Number(heightText));
            var units = unitIds is { Length: > 0 } ? unitIds : unitAlias;
            var code = codeText ?? codeAlias;
            var extension = Path.GetExtension(file).TrimStart('.').ToLowerInvariant();
            if (extension is not ("png" or "svg" or "csv") || !ChartKindText.TryParse(Path.GetFileNameWithoutExtension(file), out var kind))
            {
                return Results.Text($"Không có biểu đồ '{file}'. Các loại: {string.Join(", ", ChartKindText.Codes)}; định dạng .png, .svg hoặc .csv.", "text/plain; charset=utf-8", statusCode: 404);
            }

            ChartSpec spec;
            try
            {
                spec = ChartFactory.Build(provider.DataFor(http.User), new ChartRequest(kind, year, units is { Length: > 0 } ? units : null, code, width, height), provider.Options);
            }
            catch (ArgumentException ex)
            {
                // The factory's messages name what is wrong (unknown unit, year, code, size); no stack trace.
                return Problem(400, ex);
            }

            var name = string.Join('-', new[] { kind.ToCode(), year?.ToString(CultureInfo.InvariantCulture) }.Concat(units ?? []).OfType<string>());
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
            var chosenYear = Query.Year(yearText ?? yearAlias) ?? Latest(provider);
            var units = unitIds is { Length: > 0 } ? unitIds : unitAlias;
            using var stream = new MemoryStream();
            try
            {
                YearPack.Write(provider.DataFor(http.User), chosenYear, units ?? [], stream, provider.Options);
            }
            catch (ArgumentException ex)
            {
                return Problem(400, ex);
            }

            return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.presentationml.presentation", $"cchc-hop-{chosenYear}.pptx");
        });
        return group;
    }

    /// <summary>A bad request as plain text: the message says what is wrong, without the parameter-name suffix or a trace.</summary>
    private static IResult Problem(int status, ArgumentException ex)
    {
        var message = ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
        return Results.Text(message, "text/plain; charset=utf-8", statusCode: status);
    }

    /// <summary>The current rows (of one year when given) without the unit-years this reader may not see, streamed.</summary>
    private static CchcAnalytics.Storage.CurrentRows VisibleRows(IndexDataProvider provider, HttpContext http, int? year)
    {
        var hidden = provider.HiddenFor(http.User);
        return provider.Store.CurrentRows(year, hidden.Count == 0 ? null : (unit, y) => !hidden.Contains((unit, y)));
    }

    private static int Latest(IndexDataProvider provider) => provider.Data.Years("thanh-hoa", "district").DefaultIfEmpty(DateTime.Now.Year).Max();
}
