using System.Globalization;
using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest;

/// <summary>Checks a document's table against the rules of the index and the framework of its year, and turns it
/// into submissions. Errors reject the whole file; warnings are stored with the submissions.</summary>
public sealed class DocumentValidator
{
    /// <summary>Earliest index year accepted; the PAR index started in 2012.</summary>
    public const int FirstYear = 2012;

    private const int MaxListedCodes = 12;

    private readonly UnitRegistry units;
    private readonly List<Framework> frameworks;

    public DocumentValidator(UnitRegistry units, IEnumerable<Framework> frameworks)
    {
        this.units = units ?? throw new ArgumentNullException(nameof(units));
        this.frameworks = frameworks?.ToList() ?? throw new ArgumentNullException(nameof(frameworks));
    }

    /// <summary>Remembers frameworks an accepted file introduced (drafts), so later files of that year are checked against them.</summary>
    public void Remember(IEnumerable<Framework> newFrameworks)
    {
        foreach (var framework in newFrameworks)
        {
            if (frameworks.All(f => f.Id != framework.Id))
            {
                frameworks.Add(framework);
            }
        }
    }

    /// <summary>Validates the documents of one file together: they are accepted or rejected as a whole.</summary>
    public ValidationResult Validate(string file, string format, IReadOnlyList<DocumentInput> documents, IngestOptions options, IEnumerable<Problem> readerProblems)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        var problems = readerProblems.ToList();
        var submissions = new List<IncomingSubmission>();
        var newFrameworks = new List<Framework>();
        if (documents.Count == 0 && problems.All(p => p.Severity != Severity.Error))
        {
            problems.Add(Problem.Error(ProblemCodes.NoTable, file, null, "The file holds no criterion rows."));
        }

        // Warnings the reader found about the whole file (e.g. a legacy encoding) travel with every submission.
        var fileWarnings = problems.Where(p => p.Severity == Severity.Warning).ToList();
        foreach (var document in documents)
        {
            ValidateDocument(document, options, fileWarnings, problems, submissions, newFrameworks);
        }

        var keys = submissions.GroupBy(s => (s.Sheet.UnitId, s.Sheet.Year, s.Sheet.Stage)).Where(g => g.Count() > 1);
        foreach (var duplicate in keys)
        {
            problems.Add(Problem.Error(ProblemCodes.MixedSubmission, file, null,
                $"The file holds {duplicate.Key.UnitId} {duplicate.Key.Year} ({duplicate.Key.Stage.ToCode()}) more than once."));
        }

        return problems.Any(p => p.Severity == Severity.Error)
            ? ValidationResult.Rejected(file, format, problems)
            : new ValidationResult(file, format, submissions, newFrameworks, problems);
    }

    private void ValidateDocument(DocumentInput document, IngestOptions options, List<Problem> fileWarnings, List<Problem> problems, List<IncomingSubmission> submissions, List<Framework> newFrameworks)
    {
        var file = document.File;
        var start = problems.Count;

        // Which unit and year. --year only fills in what the document does not say; it never overrides it.
        var year = document.Year ?? options.YearOverride;
        if (document.Year is { } stated && options.YearOverride is { } given && stated != given)
        {
            problems.Add(Problem.Error(ProblemCodes.OverrideConflict, file, document.YearLine,
                $"The document states year {stated} but --year says {given}. Remove --year, or fix the document."));
        }

        if (year is null)
        {
            problems.Add(Problem.Error(ProblemCodes.NoYear, file, null,
                "The index year is not stated (expected e.g. 'Chỉ số cải cách hành chính năm 2017'). Give it with --year."));
        }
        else if (year < FirstYear || year > DateTime.UtcNow.Year + 1)
        {
            problems.Add(Problem.Error(ProblemCodes.YearOutOfRange, file, document.YearLine,
                $"Year {year} is outside the index's years ({FirstYear}–{DateTime.UtcNow.Year + 1})."));
            year = null;
        }

        var unit = ResolveUnit(document, options, year, problems);

        // The tree: codes, levels, parents, maxima.
        var rows = CheckTree(document, problems);

        Framework? framework = null;
        if (unit is not null && year is not null && rows.Count > 0)
        {
            framework = FindFramework(unit, year.Value, options.Synthetic || document.Synthetic, rows);
            if (framework is null)
            {
                framework = DraftFramework(document, rows, unit, year.Value, problems);
                if (framework is not null && newFrameworks.All(f => f.Id != framework.Id))
                {
                    newFrameworks.Add(framework);
                }
            }
            else
            {
                CompareWithFramework(document, rows, framework, problems);
            }
        }

        WarnMaxSlips(file, rows, framework, problems);

        var areaMax = rows.Where(r => r.Level == CriterionLevel.Area).Sum(r => r.Max);
        if (document.StatedMaxTotal is { } statedMax && rows.Count > 0 && statedMax.Value != areaMax)
        {
            problems.Add(Problem.Error(ProblemCodes.StatedTotalMismatch, file, statedMax.Line,
                $"{Capitalise(statedMax.Where)} states a maximum of {Format(statedMax.Value)} but the areas' Điểm chuẩn add up to {Format(areaMax)}."));
        }

        if (document.Stages.FirstOrDefault(s => s.Stage == Stage.Self) is { } self && self.Points.Values.All(p => p is null))
        {
            problems.Add(Problem.Error(ProblemCodes.NoSelfPoints, file, null, "The table has no self-assessed points at all (the Điểm tự chấm column is empty)."));
        }

        var sheets = new List<(StageInput Stage, ScoreSheet Sheet)>();
        foreach (var stage in document.Stages)
        {
            var scores = CheckStage(document, rows, stage, problems);
            if (unit is not null && year is not null)
            {
                sheets.Add((stage, new ScoreSheet(unit.Id, year.Value, stage.Stage, scores)));
            }
        }

        if (problems.Skip(start).Any(p => p.Severity == Severity.Error) || framework is null)
        {
            return;
        }

        var warnings = fileWarnings.Concat(problems.Skip(start).Where(p => p.Severity == Severity.Warning)).ToList();
        foreach (var (stage, sheet) in sheets)
        {
            submissions.Add(new IncomingSubmission(
                sheet,
                framework.Id,
                file,
                document.Format,
                document.SourceHash,
                document.ReportNumber,
                document.ReportDate,
                stage.StatedTotals.Count > 0 ? stage.StatedTotals[0].Value : null,
                options.Synthetic || document.Synthetic,
                warnings));
        }
    }

    private Unit? ResolveUnit(DocumentInput document, IngestOptions options, int? year, List<Problem> problems)
    {
        var file = document.File;
        // --unit only fills in a unit the document does not name; a contradiction is an error, not a silent relabel.
        if (options.UnitOverride is { } given && !string.IsNullOrWhiteSpace(document.UnitText))
        {
            var stated = units.Resolve(document.UnitText);
            var wanted = units.Resolve(given);
            if (stated is not null && wanted is not null && stated.Unit.Id != wanted.Unit.Id)
            {
                problems.Add(Problem.Error(ProblemCodes.OverrideConflict, file, document.UnitLine,
                    $"The document names {stated.Unit.FullName} but --unit says {wanted.Unit.FullName}. Remove --unit, or fix the document."));
                return null;
            }
        }

        var text = string.IsNullOrWhiteSpace(document.UnitText) || units.Resolve(document.UnitText) is null && options.UnitOverride is not null
            ? options.UnitOverride
            : document.UnitText;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Problem.Error(ProblemCodes.UnknownUnit, file, null,
                "The document does not name its unit (expected e.g. 'UBND HUYỆN HOẰNG HÓA' at the top). Give it with --unit."));
            return null;
        }

        var match = units.Resolve(text);
        if (match is null)
        {
            problems.Add(Problem.Error(ProblemCodes.UnknownUnit, file, options.UnitOverride is null ? document.UnitLine : null,
                $"'{text}' is not a known unit. Known units are listed in data/units.csv (ids such as hoang-hoa); add an alias there or give --unit."));
            return null;
        }

        if (year is not null && !match.Unit.ExistsIn(year.Value))
        {
            var first = match.Unit.FirstYear ?? match.Unit.ValidFrom?.Year;
            var last = match.Unit.LastYear ?? match.Unit.ValidTo?.Year;
            var span = $"{first?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{last?.ToString(CultureInfo.InvariantCulture) ?? "nay"}";
            problems.Add(Problem.Error(ProblemCodes.UnknownUnit, file, document.UnitLine,
                $"{match.Unit.FullName} is not scored for {year} (its index years are {span}; see data/units.csv and data/lineage.csv)."));
            return null;
        }

        if (match.Loose)
        {
            problems.Add(Problem.Warning(ProblemCodes.UnitMatchedLoosely, file, document.UnitLine,
                $"'{text}' was matched to {match.Unit.FullName} ({match.Unit.Id}) only by its unaccented spelling; check the unit."));
        }

        return match.Unit;
    }

    /// <summary>A parent's stated maximum that differs from its children's is a slip; the stated values are kept. A slip
    /// the framework itself has (5.4 of 2017: 4 points over sub-rows worth 4.5) is a known property of the framework,
    /// not of this document, and is not repeated on every document.</summary>
    private static void WarnMaxSlips(string file, List<TreeRow> rows, Framework? framework, List<Problem> problems)
    {
        foreach (var parent in rows)
        {
            var children = rows.Where(r => r.Input.Code.StartsWith(parent.Input.Code + ".", StringComparison.Ordinal)
                                           && CriterionCode.Depth(r.Input.Code) == CriterionCode.Depth(parent.Input.Code) + 1).ToList();
            var sum = children.Sum(c => c.Max);
            if (children.Count == 0 || sum == parent.Max)
            {
                continue;
            }

            var known = framework is { Status: not FrameworkStatus.Draft }
                && framework.Find(parent.Input.Code)?.MaxPoints == parent.Max
                && framework.Criteria.Where(c => c.ParentCode == parent.Input.Code).Sum(c => c.MaxPoints) == sum;
            if (!known)
            {
                problems.Add(Problem.Warning(ProblemCodes.ParentSumMismatch, file, parent.Input.Line,
                    $"Row {parent.Input.Code} states Điểm chuẩn {Format(parent.Max)} but its {children.Count} sub-rows add up to {Format(sum)}; the stated value is kept.",
                    parent.Input.Cell));
            }
        }
    }

    private static List<TreeRow> CheckTree(DocumentInput document, List<Problem> problems)
    {
        var file = document.File;
        var rows = new List<TreeRow>();
        var seen = new Dictionary<string, RowInput>(StringComparer.Ordinal);
        foreach (var row in document.Rows)
        {
            var level = CriterionCode.LevelOf(row.Code);
            if (level is null)
            {
                problems.Add(Problem.Error(ProblemCodes.BadCode, file, row.Line,
                    $"Code {row.Code} is deeper than the index goes (area.criterion.sub-criterion).", row.Cell));
                continue;
            }

            if (seen.TryGetValue(row.Code, out var first))
            {
                problems.Add(Problem.Error(ProblemCodes.DuplicateCode, file, row.Line,
                    $"Code {row.Code} appears twice (first on line {first.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"}).", row.Cell));
                continue;
            }

            seen[row.Code] = row;
            if (row.MaxPoints is null)
            {
                problems.Add(Problem.Error(ProblemCodes.BadRow, file, row.Line, $"Row {row.Code} has no Điểm chuẩn (maximum points).", row.Cell));
                continue;
            }

            if (row.MaxPoints < 0)
            {
                problems.Add(Problem.Error(ProblemCodes.NegativePoints, file, row.Line, $"Row {row.Code} has a negative Điểm chuẩn ({Format(row.MaxPoints.Value)}).", row.Cell));
                continue;
            }

            rows.Add(new TreeRow(row, level.Value, row.MaxPoints.Value));
        }

        foreach (var row in rows)
        {
            var parent = CriterionCode.ParentOf(row.Input.Code);
            if (parent is not null && !seen.ContainsKey(parent))
            {
                problems.Add(Problem.Error(ProblemCodes.MissingParent, file, row.Input.Line,
                    $"Row {row.Input.Code} has no parent row {parent} in the table.", row.Input.Cell));
            }
        }

        return rows;
    }

    private static List<Score> CheckStage(DocumentInput document, List<TreeRow> rows, StageInput stage, List<Problem> problems)
    {
        var file = document.File;
        var column = stage.Stage == Stage.Self ? "Điểm tự chấm" : "Điểm thẩm định";
        var scores = new List<Score>();
        foreach (var row in rows)
        {
            var points = stage.Points.GetValueOrDefault(row.Input.Code);
            if (points < 0)
            {
                problems.Add(Problem.Error(ProblemCodes.NegativePoints, file, row.Input.Line,
                    $"Row {row.Input.Code}: {column} {Format(points.Value)} is below 0.", row.Input.Cell));
            }
            else if (points > row.Max)
            {
                problems.Add(Problem.Error(ProblemCodes.PointsAboveMax, file, row.Input.Line,
                    $"Row {row.Input.Code}: {column} {Format(points.Value)} is above its Điểm chuẩn {Format(row.Max)}.", row.Input.Cell));
            }

            scores.Add(new Score(row.Input.Code, row.Level, row.Input.Name, row.Max, points, stage.Evidence.GetValueOrDefault(row.Input.Code)));
        }

        foreach (var parent in scores)
        {
            var children = scores.Where(s => s.ParentCode == parent.Code).ToList();
            if (children.Count == 0 || parent.Points is null || children.Any(c => c.Points is null))
            {
                continue;
            }

            var sum = children.Sum(c => c.Points!.Value);
            if (sum != parent.Points)
            {
                var line = rows.First(r => r.Input.Code == parent.Code).Input;
                problems.Add(Problem.Warning(ProblemCodes.ParentSumMismatch, file, line.Line,
                    $"Row {parent.Code} states {column} {Format(parent.Points.Value)} but its sub-rows add up to {Format(sum)}; the stated value is kept.",
                    line.Cell));
            }
        }

        var leaves = scores.Where(s => !scores.Any(c => c.ParentCode == s.Code)).ToList();
        var missing = leaves.Where(s => s.Points is null).Select(s => s.Code).ToList();
        if (missing.Count > 0 && missing.Count < leaves.Count)
        {
            problems.Add(Problem.Warning(ProblemCodes.MissingPoints, file, null,
                $"{column} is empty for {missing.Count} of {leaves.Count} scored rows ({ListCodes(missing)}); they are stored as missing, not 0."));
        }

        var areas = scores.Where(s => s.Level == CriterionLevel.Area).ToList();
        if (areas.Count > 0 && areas.All(a => a.Points is not null))
        {
            var total = areas.Sum(a => a.Points!.Value);
            foreach (var stated in stage.StatedTotals)
            {
                if (stated.Value != total)
                {
                    problems.Add(Problem.Error(ProblemCodes.StatedTotalMismatch, file, stated.Line,
                        $"{Capitalise(stated.Where)} states a {column} total of {Format(stated.Value)} but the table's areas add up to {Format(total)}."));
                }
            }
        }

        return scores;
    }

    /// <summary>The framework a table is checked against. Real data is never checked against a khung minh họa
    /// (illustrative framework): when only an illustrative one covers the year, the real table becomes that year's
    /// draft. Synthetic data uses the framework its tree matches (the one it was generated from).</summary>
    private Framework? FindFramework(Unit unit, int year, bool synthetic, List<TreeRow> rows)
    {
        var candidates = frameworks
            .Where(f => f.Province == unit.Province && f.Level == unit.Level && f.AppliesTo(year))
            .OrderBy(f => f.Status switch
            {
                FrameworkStatus.Official => 0,
                FrameworkStatus.Derived => 1,
                FrameworkStatus.Draft => 2,
                _ => 3,
            })
            .ToList();
        if (synthetic)
        {
            return candidates.FirstOrDefault(f => Matches(f, rows)) ?? candidates.FirstOrDefault();
        }

        return candidates.FirstOrDefault(f => f.Status != FrameworkStatus.Illustrative);
    }

    private static bool Matches(Framework framework, List<TreeRow> rows) =>
        framework.Criteria.Count == rows.Count
        && rows.All(r => framework.Find(r.Input.Code) is { } c && c.MaxPoints == r.Max);

    private static Framework? DraftFramework(DocumentInput document, List<TreeRow> rows, Unit unit, int year, List<Problem> problems)
    {
        var expected = document.StatedMaxTotal?.Value ?? 100m;
        var total = rows.Where(r => r.Level == CriterionLevel.Area).Sum(r => r.Max);
        if (total != expected)
        {
            problems.Add(Problem.Error(ProblemCodes.FrameworkTotalMismatch, document.File, null,
                $"No framework is known for {unit.Kind.ToLevel()} units in {year}, and this table cannot serve as one: its areas' Điểm chuẩn add up to {Format(total)}, not {Format(expected)}."));
            return null;
        }

        problems.Add(Problem.Warning(ProblemCodes.DraftFramework, document.File, null,
            $"No official or derived framework is known for {year} (a khung minh họa is never used for real data); this document's own criteria tree ({rows.Count} rows, {Format(total)} points) is taken as that year's draft framework."));
        return new Framework(
            $"{unit.Province}-{unit.Kind.ToLevel()}-{year}-draft",
            unit.Province,
            unit.Kind.ToLevel(),
            year,
            year,
            null,
            FrameworkStatus.Draft,
            $"Draft taken from {Path.GetFileName(document.File)}",
            rows.Select(r => new FrameworkCriterion(r.Input.Code, r.Level, r.Input.Name, r.Max)).ToList());
    }

    private static void CompareWithFramework(DocumentInput document, List<TreeRow> rows, Framework framework, List<Problem> problems)
    {
        var file = document.File;
        var byCode = rows.ToDictionary(r => r.Input.Code, StringComparer.Ordinal);
        var missing = framework.Criteria.Where(c => !byCode.ContainsKey(c.Code)).ToList();
        if (missing.Count > 0)
        {
            var areas = missing.Count(c => c.Level == CriterionLevel.Area);
            var criteria = missing.Count(c => c.Level == CriterionLevel.Criterion);
            var subs = missing.Count(c => c.Level == CriterionLevel.SubCriterion);
            problems.Add(Problem.Error(ProblemCodes.MissingCriterion, file, null,
                $"The table lacks {missing.Count} rows of framework {framework.Id} ({areas} areas, {criteria} criteria, {subs} sub-criteria: {ListCodes(missing.Select(m => m.Code).ToList())}). Is the document truncated?"));
        }

        foreach (var row in rows)
        {
            var expected = framework.Find(row.Input.Code);
            if (expected is null)
            {
                problems.Add(Problem.Error(ProblemCodes.ExtraCriterion, file, row.Input.Line,
                    $"Row {row.Input.Code} is not in framework {framework.Id}.", row.Input.Cell));
            }
            else if (expected.MaxPoints != row.Max)
            {
                problems.Add(Problem.Error(ProblemCodes.MaxPointsDiffer, file, row.Input.Line,
                    $"Row {row.Input.Code} has Điểm chuẩn {Format(row.Max)}; framework {framework.Id} gives {Format(expected.MaxPoints)}.", row.Input.Cell));
            }
        }
    }

    private static string ListCodes(List<string> codes) =>
        codes.Count <= MaxListedCodes
            ? string.Join(", ", codes)
            : string.Join(", ", codes.Take(MaxListedCodes)) + $", … ({codes.Count - MaxListedCodes} more)";

    private static string Format(decimal value) => ScoreSheet.Canonical(value);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private sealed record TreeRow(RowInput Input, CriterionLevel Level, decimal Max);
}
