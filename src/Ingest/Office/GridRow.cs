namespace CchcAnalytics.Ingest.Office;

/// <summary>One row of a table in an Office document, as plain text by column (0-based), where a merged cell's
/// value sits only in its first (top-left) cell and the cells it covers are empty.</summary>
/// <param name="line">The row number problems report: the spreadsheet row, or the row within a Word table.</param>
/// <param name="cells">Plain, NFC text of each column.</param>
/// <param name="cellName">Names one cell of the row for problems: "D14", or "table 2, row 14, cell 4".</param>
/// <param name="rowName">Names the whole row ("table 2, row 14"); null to name the row by its code cell ("A14").</param>
internal sealed class GridRow(int line, IReadOnlyList<string> cells, Func<int, string> cellName, string? rowName = null)
{
    public int Line { get; } = line;

    public IReadOnlyList<string> Cells { get; } = cells;

    public bool IsEmpty => Cells.All(c => c.Length == 0);

    /// <summary>The text of column <paramref name="column"/>; empty when the column is absent or -1.</summary>
    public string Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column] : "";

    public string CellName(int column) => cellName(column);

    /// <summary>Where the row is, for <see cref="ParsedRow.Cell"/>.</summary>
    public string RowName(int codeColumn) => rowName ?? cellName(codeColumn);
}
