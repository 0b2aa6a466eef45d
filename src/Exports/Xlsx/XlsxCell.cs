namespace CchcAnalytics.Exports.Xlsx;

/// <summary>How a cell is stored and shown.</summary>
internal enum XlsxFormat
{
    /// <summary>Text on one line.</summary>
    Text,

    /// <summary>Text wrapped within the column.</summary>
    WrappedText,

    /// <summary>Points: a number shown with one to three decimals ("0.0##").</summary>
    Points,

    /// <summary>A whole number (year, rank).</summary>
    Integer,

    /// <summary>An index or percentage, two decimals.</summary>
    Index,

    /// <summary>A signed whole number (+2, -1, 0).</summary>
    Change,

    /// <summary>A sheet title: larger bold text.</summary>
    Title,
}

/// <summary>One cell: text or a number (never a formula). A null text and a null number make an empty cell, which still
/// carries the row's style.</summary>
internal readonly record struct XlsxCell(XlsxFormat Format, string? Text, decimal? Number)
{
    public static XlsxCell Of(string? text, bool wrap = false) => new(wrap ? XlsxFormat.WrappedText : XlsxFormat.Text, text, null);

    public static XlsxCell Of(decimal? number, XlsxFormat format = XlsxFormat.Points) => new(format, null, number);

    public static XlsxCell Title(string text) => new(XlsxFormat.Title, text, null);

    public static XlsxCell Empty { get; } = new(XlsxFormat.Text, null, null);

    public bool IsNumber => Format is XlsxFormat.Points or XlsxFormat.Integer or XlsxFormat.Index or XlsxFormat.Change;
}

/// <summary>A row of cells; bold for an area row or a heading, highlighted for synthetic data.</summary>
internal sealed record XlsxRow(IReadOnlyList<XlsxCell> Cells, bool Bold = false, bool Highlight = false);

/// <summary>A column: its header and the range its width (in Excel character units) is fitted to.</summary>
internal sealed record XlsxColumn(string Header, double MinWidth, double MaxWidth);
