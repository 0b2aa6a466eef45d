namespace CchcAnalytics.Ingest.Text;

/// <summary>What <see cref="LetterReader"/> found above a Bảng tổng hợp: every statement of the document's own year
/// and unit with its line, the report number and date, and the stated self-assessed total.</summary>
internal sealed class LetterFacts
{
    /// <summary>In document order; a file-name statement last.</summary>
    public List<YearStatement> YearStatements { get; } = [];

    /// <summary>In document order; a file-name statement last.</summary>
    public List<UnitStatement> UnitStatements { get; } = [];

    /// <summary>The first statement that can decide the unit (not a place name); the validator checks them all.</summary>
    public string? UnitText => FirstUnit?.Name;

    public int? UnitLine => FirstUnit?.Line;

    /// <summary>The first statement that can decide the year (not a date line); the validator checks them all.</summary>
    public int? Year => FirstYear?.Year;

    public int? YearLine => FirstYear?.Line;

    public string? ReportNumber { get; set; }

    public DateOnly? ReportDate { get; set; }

    public decimal? StatedTotal { get; set; }

    public int? StatedTotalLine { get; set; }

    /// <summary>A report with no letter of its own (a second sheet, table or report under the same letter) takes the
    /// unit and year statements of the report before it, so two such reports are refused as the same submission twice,
    /// never guessed apart.</summary>
    public void InheritFrom(ParsedReport? previous)
    {
        if (previous is null || UnitText is not null || Year is not null)
        {
            return;
        }

        UnitStatements.AddRange(previous.UnitStatements);
        YearStatements.AddRange(previous.YearStatements);
    }

    /// <summary>The report these facts head, with the table's rows: every reader fills the letter's part of a
    /// <see cref="ParsedReport"/> here, and adds its footer and place with <c>with</c>.</summary>
    public ParsedReport ToReport(string file, string format, string sourceHash, IReadOnlyList<ParsedRow> rows) => new()
    {
        File = file,
        Format = format,
        SourceHash = sourceHash,
        UnitText = UnitText,
        UnitLine = UnitLine,
        Year = Year,
        YearLine = YearLine,
        ReportNumber = ReportNumber,
        ReportDate = ReportDate,
        StatedSelfTotal = StatedTotal,
        StatedSelfTotalLine = StatedTotalLine,
        YearStatements = YearStatements,
        UnitStatements = UnitStatements,
        Rows = rows,
    };

    private UnitStatement? FirstUnit => UnitStatements.FirstOrDefault(s => s.Kind != StatementKind.Place);

    private YearStatement? FirstYear => YearStatements.FirstOrDefault(s => s.Kind != StatementKind.Date);
}
