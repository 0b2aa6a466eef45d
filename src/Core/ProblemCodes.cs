namespace CchcAnalytics.Core;

/// <summary>The stable problem codes ingest reports. The README lists them with their meaning.</summary>
public static class ProblemCodes
{
    // Errors: the file is rejected.
    public const string Unreadable = "unreadable";
    public const string Empty = "empty-file";
    public const string Binary = "binary-content";
    public const string Encoding = "bad-encoding";
    public const string Mojibake = "mojibake";
    public const string NoTable = "no-table";
    public const string UnknownUnit = "unknown-unit";
    public const string NoYear = "no-year";
    public const string YearOutOfRange = "year-out-of-range";
    public const string BadNumber = "bad-number";
    public const string PointsAboveMax = "points-above-max";
    public const string NegativePoints = "negative-points";
    public const string DuplicateCode = "duplicate-code";
    public const string BadCode = "bad-code";
    public const string MissingParent = "missing-parent";
    public const string MissingCriterion = "missing-criterion";
    public const string ExtraCriterion = "extra-criterion";
    public const string MaxPointsDiffer = "max-points-differ";
    public const string StatedTotalMismatch = "stated-total-mismatch";
    public const string FrameworkTotalMismatch = "framework-total-mismatch";
    public const string NoSelfPoints = "no-self-points";
    public const string BadHeader = "bad-header";
    public const string BadRow = "bad-row";
    public const string MixedSubmission = "mixed-submission";
    public const string TooLarge = "too-large";
    public const string OverrideConflict = "override-conflict";
    public const string PublishedConflict = "published-conflict";
    public const string BadReference = "bad-reference";
    public const string FormulaNoValue = "formula-no-value";
    public const string TooManyLines = "too-many-lines";
    public const string TooManyRows = "too-many-rows";
    public const string TooManyColumns = "too-many-columns";
    public const string TextTooLong = "text-too-long";
    public const string ControlCharacter = "control-character";
    public const string AmbiguousColumn = "ambiguous-column";
    public const string BadRowNumber = "bad-row-number";
    public const string InternalError = "internal-error";
    public const string UnknownComponent = "unknown-component";
    public const string DuplicateComponent = "duplicate-component";

    // An error, or a warning when --year / --unit settles it: the document's own statements disagree.
    public const string YearConflict = "year-conflict";
    public const string UnitConflict = "unit-conflict";
    public const string FrameworkNeeded = "framework-needed";
    public const string NoTextLayer = "no-text-layer";

    // Warnings: the file is accepted and the warning is stored with the submission.
    public const string ParentSumMismatch = "parent-sum-mismatch";
    public const string MissingPoints = "missing-points";
    public const string UnitMatchedLoosely = "unit-matched-loosely";
    public const string DraftFramework = "draft-framework";
    public const string LegacyEncoding = "legacy-encoding";
    public const string RealDataKept = "real-data-kept";
    public const string SampleRetired = "sample-retired";
    public const string FormulaCell = "formula-cell";
    public const string FromFileName = "from-file-name";
    public const string NearestFramework = "nearest-framework";
    public const string RealDataReplaced = "real-data-replaced";
}
