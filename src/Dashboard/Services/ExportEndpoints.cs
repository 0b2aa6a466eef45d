using System.Text;
using CchcAnalytics.Ingest.Csv;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Downloads reachable by URL, for people and scripts.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/export/scores.csv", (IndexDataProvider provider) =>
        {
            using var writer = new StringWriter();
            CanonicalCsv.Write(writer, provider.Store.GetCurrentRows());
            return Results.File(new UTF8Encoding(false).GetBytes(writer.ToString()), "text/csv; charset=utf-8", "cchc-scores.csv");
        });
        return app;
    }
}
