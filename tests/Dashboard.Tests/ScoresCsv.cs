using System.Globalization;
using CsvHelper;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>The canonical scores CSV that <c>/export/scores.csv</c> serves, read as text cells (evidence cells may hold
/// quoted line breaks, so lines are not rows).</summary>
internal static class ScoresCsv
{
    public const string Header = "unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence,synthetic";

    /// <summary>The header's cells and every row as a dictionary from column to cell (any CSV with a header row: the
    /// charts' data downloads are read the same way).</summary>
    public static (string[] Header, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows) Read(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.Select((column, i) => (column, cell: csv.GetField(i) ?? "")).ToDictionary(c => c.column, c => c.cell));
        }

        return (header, rows);
    }
}
