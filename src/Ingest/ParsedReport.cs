namespace CchcAnalytics.Ingest;

/// <summary>What a reader found in one report document (text, Word, Excel or PDF): the cover letter's facts and
/// the table's rows, as written. Validation turns it into submissions.</summary>
public sealed record ParsedReport
{
    public required string File { get; init; }

    /// <summary>"text", "xlsx", "docx" or "pdf".</summary>
    public required string Format { get; init; }

    public required string SourceHash { get; init; }

    /// <summary>The unit as the document first names it ("HUYỆN HOÀNG HÓA"); null when not found. The validator
    /// checks every statement in <see cref="UnitStatements"/>.</summary>
    public string? UnitText { get; init; }

    public int? UnitLine { get; init; }

    /// <summary>Index year as the document first states it ("Chỉ số cải cách hành chính năm 2017"). The validator
    /// checks every statement in <see cref="YearStatements"/>.</summary>
    public int? Year { get; init; }

    public int? YearLine { get; init; }

    /// <summary>Every place the document states its own index year, in document order (citations of other documents
    /// left out).</summary>
    public IReadOnlyList<YearStatement> YearStatements { get; init; } = [];

    /// <summary>Every place the document names its own unit, in document order (citations and "Nơi nhận" left out).</summary>
    public IReadOnlyList<UnitStatement> UnitStatements { get; init; } = [];

    /// <summary>"293/BC-UBND".</summary>
    public string? ReportNumber { get; init; }

    public DateOnly? ReportDate { get; init; }

    /// <summary>The self-assessed total stated in the letter ("… là: 92 (điểm)").</summary>
    public decimal? StatedSelfTotal { get; init; }

    public int? StatedSelfTotalLine { get; init; }

    /// <summary>Totals from the summary footer under the table.</summary>
    public decimal? FooterMax { get; init; }

    public decimal? FooterSelf { get; init; }

    public decimal? FooterAppraised { get; init; }

    public int? FooterLine { get; init; }

    public required IReadOnlyList<ParsedRow> Rows { get; init; }

    /// <summary>Encoding the text was decoded from, for the record.</summary>
    public string? EncodingName { get; init; }

    /// <summary>Where in a file of several reports this one is, as a Vietnamese phrase ("trang tính 'Sheet2'",
    /// "bảng 3", "bảng bắt đầu ở dòng 212"); problems about the file's reports together name it.</summary>
    public string? Part { get; init; }
}
