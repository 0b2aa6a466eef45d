using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest;

/// <summary>A criterion row as any reader found it: where, which code, name and maximum.</summary>
public sealed record RowInput(int? Line, string? Cell, string Code, string Name, decimal? MaxPoints);

/// <summary>A total the document states for checking (the letter's sentence, the footer, …).</summary>
public sealed record StatedTotal(decimal Value, int? Line, string Where);

/// <summary>A score of a framework component other than the criteria tree (survey, bonus, penalty) as a reader found it:
/// a canonical CSV's <c>level=component</c> row.</summary>
public sealed record ComponentInput(int Line, string Id, string Name, decimal MaxPoints, decimal? Points);

/// <summary>One stage's column: points and evidence per code, and the totals the document states for it.</summary>
public sealed record StageInput(
    Stage Stage,
    IReadOnlyDictionary<string, decimal?> Points,
    IReadOnlyDictionary<string, string?> Evidence,
    IReadOnlyList<StatedTotal> StatedTotals)
{
    /// <summary>The stage's component scores; only the canonical CSV has them (report layouts carry the criteria tree only).</summary>
    public IReadOnlyList<ComponentInput> Components { get; init; } = [];
}

/// <summary>One unit-year's table from any format, ready for validation.</summary>
public sealed record DocumentInput
{
    // Where a stated total stands, as the start of a Vietnamese sentence in a problem message.
    private const string Letter = "phần lời văn của báo cáo";
    private const string Footer = "dòng kết quả cuối Bảng tổng hợp";

    public required string File { get; init; }

    public required string Format { get; init; }

    public required string SourceHash { get; init; }

    public string? UnitText { get; init; }

    public int? UnitLine { get; init; }

    public int? Year { get; init; }

    public int? YearLine { get; init; }

    /// <summary>Every place a report states its own index year; empty for a CSV, whose <see cref="Year"/> is its column.</summary>
    public IReadOnlyList<YearStatement> YearStatements { get; init; } = [];

    /// <summary>Every place a report names its own unit; empty for a CSV, whose <see cref="UnitText"/> is its column.</summary>
    public IReadOnlyList<UnitStatement> UnitStatements { get; init; } = [];

    public string? ReportNumber { get; init; }

    public DateOnly? ReportDate { get; init; }

    public StatedTotal? StatedMaxTotal { get; init; }

    public required IReadOnlyList<RowInput> Rows { get; init; }

    public required IReadOnlyList<StageInput> Stages { get; init; }

    /// <summary>Generated sample data (the canonical CSV's <c>synthetic</c> column).</summary>
    public bool Synthetic { get; init; }

    /// <summary>Where in a file of several reports this one is ("trang tính 'Sheet2'", "bảng 3"); see
    /// <see cref="ParsedReport.Part"/>.</summary>
    public string? Part { get; init; }

    /// <summary>Builds the input for a report read from text, Word or Excel: the self stage always, the appraised
    /// stage when any appraised cell is filled.</summary>
    public static DocumentInput FromReport(ParsedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Rows.Select(r => new RowInput(r.Line, r.Cell, r.Code, r.Name, r.MaxPoints)).ToList();
        var evidence = Dictionary(report.Rows, r => r.Evidence);
        var selfTotals = new List<StatedTotal>();
        if (report.StatedSelfTotal is { } letterTotal)
        {
            selfTotals.Add(new StatedTotal(letterTotal, report.StatedSelfTotalLine, Letter));
        }

        if (report.FooterSelf is { } footerSelf)
        {
            selfTotals.Add(new StatedTotal(footerSelf, report.FooterLine, Footer));
        }

        var stages = new List<StageInput>
        {
            new(Stage.Self, Dictionary(report.Rows, r => r.SelfPoints), evidence, selfTotals),
        };
        if (report.Rows.Any(r => r.AppraisedPoints is not null) || report.FooterAppraised is not null)
        {
            var appraisedTotals = report.FooterAppraised is { } footerAppraised
                ? new List<StatedTotal> { new(footerAppraised, report.FooterLine, Footer) }
                : [];
            stages.Add(new StageInput(Stage.Appraised, Dictionary(report.Rows, r => r.AppraisedPoints), evidence, appraisedTotals));
        }

        return new DocumentInput
        {
            File = report.File,
            Format = report.Format,
            SourceHash = report.SourceHash,
            UnitText = report.UnitText,
            UnitLine = report.UnitLine,
            Year = report.Year,
            YearLine = report.YearLine,
            YearStatements = report.YearStatements,
            UnitStatements = report.UnitStatements,
            ReportNumber = report.ReportNumber,
            ReportDate = report.ReportDate,
            StatedMaxTotal = report.FooterMax is { } max ? new StatedTotal(max, report.FooterLine, Footer) : null,
            Rows = rows,
            Stages = stages,
            Part = report.Part,
        };
    }

    private static Dictionary<string, T> Dictionary<T>(IEnumerable<ParsedRow> rows, Func<ParsedRow, T> value)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            result.TryAdd(row.Code, value(row));
        }

        return result;
    }
}
