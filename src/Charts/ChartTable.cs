using System.Globalization;
using System.Text;
using CchcAnalytics.Core;

namespace CchcAnalytics.Charts;

/// <summary>The tidy data behind a chart: one row per plotted value, snake_case columns, so each chart's numbers can be
/// downloaded as CSV. Cells are <see cref="string"/>, <see cref="int"/>, <see cref="decimal"/>, <see cref="bool"/> or
/// null (missing, never 0). The index and percentages are rounded to two decimals, as in <c>cchc rank --format csv</c>;
/// points are exact.</summary>
public sealed class ChartTable
{
    private readonly Dictionary<string, int> columnIndex;

    public ChartTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Columns = columns;
        Rows = rows;
        columnIndex = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        if (columnIndex.Count != columns.Count)
        {
            throw new ArgumentException($"{nameof(columns)} holds a name twice: {string.Join(", ", columns)}", nameof(columns));
        }

        if (rows.FirstOrDefault(r => r.Count != columns.Count) is { } bad)
        {
            throw new ArgumentException($"A row has {bad.Count} cells for {columns.Count} columns", nameof(rows));
        }
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>The cell of <paramref name="row"/> in column <paramref name="column"/>.</summary>
    public object? this[int row, string column] =>
        columnIndex.TryGetValue(column, out var index)
            ? Rows[row][index]
            : throw new ArgumentException($"No column '{column}'; columns: {string.Join(", ", Columns)}", nameof(column));

    /// <summary>Every value of one column, top to bottom.</summary>
    public IReadOnlyList<object?> Column(string column) => Enumerable.Range(0, Rows.Count).Select(r => this[r, column]).ToList();

    /// <summary>RFC 4180 CSV with a header, a decimal point and the invariant culture (for scripts and spreadsheets set
    /// to any locale); lines end in \n.</summary>
    public string ToCsv()
    {
        var builder = new StringBuilder();
        builder.AppendJoin(',', Columns.Select(Quote)).Append('\n');
        foreach (var row in Rows)
        {
            builder.AppendJoin(',', row.Select(Cell)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A cell as CSV text: decimals without trailing zeros ("92.15"), booleans as true/false, missing as empty,
    /// texts that a spreadsheet could run as a formula with a leading apostrophe (<see cref="CsvSafe"/>).</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => ScoreSheet.Canonical(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => Quote(CsvSafe.Neutralize(s)),
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
