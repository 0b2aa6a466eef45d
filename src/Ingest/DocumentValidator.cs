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

    // A framework's rows by code and the sum of each row's children's maxima, built once per framework (issue 15: the
    // per-row linear lookups made a 300-unit file quadratic). Framework is a record; a cache field would change its equality.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Framework, FrameworkIndex> Indexes = [];

    /// <summary>The words for levels in messages (data/levels.csv).</summary>
    private readonly Places places;

    public DocumentValidator(UnitRegistry units, IEnumerable<Framework> frameworks, Places? places = null)
    {
        this.places = places ?? Places.None;
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
            problems.Add(Problem.Error(ProblemCodes.NoTable, file, null, "Tệp không có dòng tiêu chí nào."));
        }

        // Warnings the reader found about the whole file (e.g. a legacy encoding) travel with every submission.
        var fileWarnings = problems.Where(p => p.Severity == Severity.Warning).ToList();
        var partOf = new Dictionary<IncomingSubmission, string?>(ReferenceEqualityComparer.Instance);
        foreach (var document in documents)
        {
            var before = submissions.Count;
            ValidateDocument(document, options, fileWarnings, problems, submissions, newFrameworks);
            foreach (var added in submissions.Skip(before))
            {
                partOf[added] = document.Part;
            }
        }

        var keys = submissions.GroupBy(s => (s.Sheet.UnitId, s.Sheet.Year, s.Sheet.Stage)).Where(g => g.Count() > 1);
        foreach (var duplicate in keys)
        {
            // Name where each copy is when a reader found several reports in the file (two sheets, two tables).
            var parts = duplicate.Select(d => partOf[d]).OfType<string>().Distinct().ToList();
            var where = parts.Count > 1 ? $" ({string.Join(" và ", parts)})" : "";
            problems.Add(Problem.Error(ProblemCodes.MixedSubmission, file, null,
                $"Tệp chứa số liệu {duplicate.Key.Stage.ToVietnamese()} của {duplicate.Key.UnitId} năm {duplicate.Key.Year} nhiều hơn một lần{where}."));
        }

        return problems.Any(p => p.Severity == Severity.Error)
            ? ValidationResult.Rejected(file, format, problems)
            : new ValidationResult(file, format, submissions, newFrameworks, problems);
    }

    private void ValidateDocument(DocumentInput document, IngestOptions options, List<Problem> fileWarnings, List<Problem> problems, List<IncomingSubmission> submissions, List<Framework> newFrameworks)
    {
        var file = document.File;
        var start = problems.Count;

        // Which unit and year: every statement the document makes of them must agree; --year and --unit only fill in
        // what it does not say, or settle a disagreement with a warning (StatementChecks).
        var year = StatementChecks.Year(document, options, problems);
        var lastYear = (options.Time ?? TimeProvider.System).GetUtcNow().Year + 1;
        if (year < FirstYear || year > lastYear)
        {
            problems.Add(Problem.Error(ProblemCodes.YearOutOfRange, file, document.YearLine,
                $"Năm {year} nằm ngoài các năm có Chỉ số ({FirstYear}–{lastYear})."));
            year = null;
        }

        var unit = StatementChecks.Unit(document, options, units, year, problems);

        // The tree: codes, levels, parents, maxima.
        var rows = CheckTree(document, problems);
        TextChecks.Check(document, problems);

        Framework? framework = null;
        if (unit is not null && year is not null && rows.Count > 0)
        {
            var synthetic = options.Synthetic || document.Synthetic;
            framework = FindFramework(unit, year.Value, synthetic, rows);
            if (framework is not null)
            {
                CompareWithFramework(document, rows, framework, problems);
            }
            else if (options.MayDefineFramework)
            {
                framework = DraftFramework(document, rows, unit, year.Value, problems);
                if (framework is not null && newFrameworks.All(f => f.Id != framework.Id))
                {
                    newFrameworks.Add(framework);
                }
            }
            else
            {
                framework = CheckAgainstNearest(document, rows, unit, year.Value, synthetic, problems);
            }
        }

        WarnMaxSlips(file, rows, framework, problems);

        var areaMax = rows.Where(r => r.Level == CriterionLevel.Area).Sum(r => r.Max);
        if (document.StatedMaxTotal is { } statedMax && rows.Count > 0 && statedMax.Value != areaMax)
        {
            problems.Add(Problem.Error(ProblemCodes.StatedTotalMismatch, file, statedMax.Line,
                $"{Capitalise(statedMax.Where)} ghi tổng Điểm chuẩn {Format(statedMax.Value)} nhưng Điểm chuẩn của các lĩnh vực cộng lại được {Format(areaMax)}."));
        }

        if (document.Stages.FirstOrDefault(s => s.Stage == Stage.Self) is { } self && self.Points.Values.All(p => p is null))
        {
            problems.Add(Problem.Error(ProblemCodes.NoSelfPoints, file, null, "Bảng không có điểm tự chấm nào (cột Điểm tự chấm để trống)."));
        }

        var sheets = new List<(StageInput Stage, ScoreSheet Sheet)>();
        foreach (var stage in document.Stages)
        {
            var scores = CheckStage(document, rows, stage, problems);
            var components = framework is null ? [] : CheckComponents(document, stage, framework, problems);
            if (unit is not null && year is not null)
            {
                sheets.Add((stage, new ScoreSheet(unit.Id, year.Value, stage.Stage, scores) { Components = components }));
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

    /// <summary>A parent's stated maximum that differs from its children's is a slip; the stated values are kept. A slip
    /// the framework itself has (5.4 of 2017: 4 points over sub-rows worth 4.5) is a known property of the framework,
    /// not of this document, and is not repeated on every document.</summary>
    private static void WarnMaxSlips(string file, List<TreeRow> rows, Framework? framework, List<Problem> problems)
    {
        // A row's children are the rows whose code is its code and one more part ("7.1" → "7.1.4").
        var childrenOf = new Dictionary<string, (int Count, decimal Sum)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (CriterionCode.ParentOf(row.Input.Code) is { } parentCode)
            {
                var (count, total) = childrenOf.GetValueOrDefault(parentCode);
                childrenOf[parentCode] = (count + 1, total + row.Max);
            }
        }

        var index = framework is { Status: not FrameworkStatus.Draft } ? IndexOf(framework) : null;
        foreach (var parent in rows)
        {
            var (childCount, sum) = childrenOf.GetValueOrDefault(parent.Input.Code);
            if (childCount == 0 || sum == parent.Max)
            {
                continue;
            }

            var known = index is not null
                && index.Find(parent.Input.Code)?.MaxPoints == parent.Max
                && index.ChildrenMax(parent.Input.Code) == sum;
            if (!known)
            {
                problems.Add(Problem.Warning(ProblemCodes.ParentSumMismatch, file, parent.Input.Line,
                    $"Dòng {parent.Input.Code} ghi Điểm chuẩn {Format(parent.Max)} nhưng {childCount} dòng con cộng lại được {Format(sum)}; giữ nguyên giá trị đã ghi.",
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
                    $"Mã {row.Code} có nhiều cấp hơn Chỉ số cho phép (lĩnh vực.tiêu chí.tiêu chí thành phần).", row.Cell));
                continue;
            }

            if (seen.TryGetValue(row.Code, out var first))
            {
                problems.Add(Problem.Error(ProblemCodes.DuplicateCode, file, row.Line,
                    $"Mã {row.Code} xuất hiện hai lần (lần đầu ở dòng {first.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"}).", row.Cell));
                continue;
            }

            seen[row.Code] = row;
            if (row.MaxPoints is null)
            {
                problems.Add(Problem.Error(ProblemCodes.BadRow, file, row.Line, $"Dòng {row.Code} không có Điểm chuẩn (điểm tối đa).", row.Cell));
                continue;
            }

            if (row.MaxPoints < 0)
            {
                problems.Add(Problem.Error(ProblemCodes.NegativePoints, file, row.Line, $"Dòng {row.Code} có Điểm chuẩn âm ({Format(row.MaxPoints.Value)}).", row.Cell));
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
                    $"Dòng {row.Input.Code} không có dòng cha {parent} trong bảng.", row.Input.Cell));
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
                    $"Dòng {row.Input.Code}: {column} {Format(points.Value)} nhỏ hơn 0.", row.Input.Cell));
            }
            else if (points > row.Max)
            {
                problems.Add(Problem.Error(ProblemCodes.PointsAboveMax, file, row.Input.Line,
                    $"Dòng {row.Input.Code}: {column} {Format(points.Value)} vượt Điểm chuẩn {Format(row.Max)}.", row.Input.Cell));
            }

            scores.Add(new Score(row.Input.Code, row.Level, row.Input.Name, row.Max, points, stage.Evidence.GetValueOrDefault(row.Input.Code)));
        }

        var childrenOf = new Dictionary<string, List<Score>>(StringComparer.Ordinal);
        foreach (var score in scores)
        {
            if (score.ParentCode is { } parentCode)
            {
                if (!childrenOf.TryGetValue(parentCode, out var list))
                {
                    childrenOf[parentCode] = list = [];
                }

                list.Add(score);
            }
        }

        for (var i = 0; i < scores.Count; i++)
        {
            var parent = scores[i];
            if (!childrenOf.TryGetValue(parent.Code, out var children) || parent.Points is null || children.Any(c => c.Points is null))
            {
                continue;
            }

            var sum = children.Sum(c => c.Points!.Value);
            if (sum != parent.Points)
            {
                // scores[i] was made from rows[i].
                var line = rows[i].Input;
                problems.Add(Problem.Warning(ProblemCodes.ParentSumMismatch, file, line.Line,
                    $"Dòng {parent.Code} ghi {column} {Format(parent.Points.Value)} nhưng các dòng con cộng lại được {Format(sum)}; giữ nguyên giá trị đã ghi.",
                    line.Cell));
            }
        }

        var leaves = scores.Where(s => !childrenOf.ContainsKey(s.Code)).ToList();
        var missing = leaves.Where(s => s.Points is null).Select(s => s.Code).ToList();
        if (missing.Count > 0 && missing.Count < leaves.Count)
        {
            problems.Add(Problem.Warning(ProblemCodes.MissingPoints, file, null,
                $"{column} để trống ở {missing.Count} trong {leaves.Count} dòng chấm điểm ({ListCodes(missing)}); các dòng này được lưu là thiếu số liệu, không phải 0."));
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
                        $"{Capitalise(stated.Where)} ghi tổng {column} là {Format(stated.Value)} nhưng các lĩnh vực trong bảng cộng lại được {Format(total)}."));
                }
            }
        }

        return scores;
    }

    /// <summary>A stage's component scores (survey, bonus, penalty) against the framework's components
    /// (<c>components.csv</c>): the component must be one of the framework's, other than the criteria tree, with the
    /// same maximum, and its points between 0 and that maximum. Empty points stay missing (left out of the index).</summary>
    private static List<ComponentScore> CheckComponents(DocumentInput document, StageInput stage, Framework framework, List<Problem> problems)
    {
        var file = document.File;
        var scores = new List<ComponentScore>();
        var others = framework.Components.Where(c => !c.IsCriteria).ToList();
        foreach (var input in stage.Components)
        {
            var component = framework.Component(input.Id);
            if (input.Id == FrameworkComponent.CriteriaId)
            {
                problems.Add(Problem.Error(ProblemCodes.UnknownComponent, file, input.Line,
                    "Không ghi dòng thành phần criteria: điểm theo bộ tiêu chí là tổng của các dòng lĩnh vực trong bảng.", "code"));
                continue;
            }

            if (component is null)
            {
                problems.Add(Problem.Error(ProblemCodes.UnknownComponent, file, input.Line, others.Count == 0
                    ? $"Chỉ số theo {framework.DisplayName} chỉ gồm điểm theo bộ tiêu chí, không có thành phần nào khác (điều tra xã hội học, điểm thưởng, điểm trừ); dòng thành phần '{input.Id}' không dùng được."
                    : $"{VietnameseText.Capitalised(framework.DisplayName)} không có thành phần '{input.Id}'; các thành phần là {string.Join(", ", others.Select(c => $"{c.Id} ({c.Name})"))}.",
                    "code"));
                continue;
            }

            var ok = true;
            // An added component besides the tree (the survey) may apply in part: its applicable maximum is then below
            // the framework's (Ban Dân tộc 2023: 68.32 points = 81.33 %, an applicable maximum of 84 of 100), never above.
            var partly = component.Role == ComponentRole.Add && input.MaxPoints > 0 && input.MaxPoints < component.MaxPoints;
            if (input.MaxPoints != component.MaxPoints && !partly)
            {
                problems.Add(Problem.Error(ProblemCodes.MaxPointsDiffer, file, input.Line,
                    $"Thành phần {input.Id} có điểm tối đa {Format(input.MaxPoints)}; {framework.DisplayName} quy định {Format(component.MaxPoints)}"
                    + (component.Role == ComponentRole.Add ? " (khi chỉ áp dụng một phần thì nhỏ hơn, nhưng phải lớn hơn 0)." : "."), "max_points"));
                ok = false;
            }

            var max = partly ? input.MaxPoints : component.MaxPoints;

            if (input.Points < 0)
            {
                problems.Add(Problem.Error(ProblemCodes.NegativePoints, file, input.Line,
                    $"Thành phần {input.Id}: điểm {Format(input.Points.Value)} nhỏ hơn 0 (điểm trừ được ghi là số dương và trừ vào chỉ số).", "points"));
                ok = false;
            }
            else if (input.Points > max)
            {
                problems.Add(Problem.Error(ProblemCodes.PointsAboveMax, file, input.Line,
                    $"Thành phần {input.Id}: điểm {Format(input.Points.Value)} vượt điểm tối đa {Format(max)}.", "points"));
                ok = false;
            }

            if (ok)
            {
                scores.Add(new ComponentScore(input.Id, input.Name, input.MaxPoints, input.Points));
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
            .OrderBy(f => StatusRank(f.Status))
            .ToList();
        if (synthetic)
        {
            return candidates.FirstOrDefault(f => Matches(f, rows)) ?? candidates.FirstOrDefault();
        }

        return candidates.FirstOrDefault(f => f.Status != FrameworkStatus.Illustrative);
    }

    /// <summary>Without the right to define a framework (a district account), a table for a year with no usable
    /// framework never becomes one (issue 12: one district's tree made every other district's correct report fail).
    /// It is checked against the framework nearest in time of its province and level: when it matches row for row it
    /// is accepted with a warning naming that framework; otherwise it waits for the province, which alone may create
    /// the year's framework. Returns the framework the table was stored against, or null when it was refused.</summary>
    private Framework? CheckAgainstNearest(DocumentInput document, List<TreeRow> rows, Unit unit, int year, bool synthetic, List<Problem> problems)
    {
        var level = places.LevelName(unit.Level);
        var nearest = NearestFramework(unit, year, synthetic);
        if (nearest is null)
        {
            problems.Add(Problem.Error(ProblemCodes.FrameworkNeeded, document.File, null,
                $"Chưa có bộ tiêu chí nào cho đơn vị {level} năm {year}, và chỉ Sở Nội vụ được lập bộ tiêu chí của một năm. Chờ Sở Nội vụ lập bộ tiêu chí năm {year} rồi tải lại tệp này."));
            return null;
        }

        var before = problems.Count;
        CompareWithFramework(document, rows, nearest, problems);
        var described = nearest.Status == FrameworkStatus.Derived ? $"{nearest.DisplayName}, {nearest.Status.ToVietnamese()}" : nearest.DisplayName;
        if (problems.Skip(before).Any(p => p.Severity == Severity.Error))
        {
            problems.Add(Problem.Error(ProblemCodes.FrameworkNeeded, document.File, null,
                $"Năm {year} chưa có bộ tiêu chí cho đơn vị {level} (khung minh họa không bao giờ dùng cho số liệu thật), và chỉ Sở Nội vụ được lập bộ tiêu chí của một năm. Bảng này không khớp bộ tiêu chí gần nhất, {described} (xem các lỗi trên), nên chưa lưu được: chờ Sở Nội vụ lập bộ tiêu chí năm {year} rồi tải lại tệp này."));
            return null;
        }

        problems.Add(Problem.Warning(ProblemCodes.NearestFramework, document.File, null,
            $"Năm {year} chưa có bộ tiêu chí cho đơn vị {level} (khung minh họa không bao giờ dùng cho số liệu thật), và chỉ Sở Nội vụ được lập bộ tiêu chí của một năm. Bảng được kiểm tra theo bộ tiêu chí gần nhất về thời gian, {described}, và khớp từng dòng và từng Điểm chuẩn; số liệu được lưu theo bộ tiêu chí đó."));
        return nearest;
    }

    /// <summary>The framework of the unit's province and level nearest in time to <paramref name="year"/> (real data:
    /// never a khung minh họa). On a tie the earlier one wins (a framework stays in force until it is replaced), then
    /// official before derived before draft.</summary>
    private Framework? NearestFramework(Unit unit, int year, bool synthetic) =>
        frameworks
            .Where(f => f.Province == unit.Province && f.Level == unit.Level && (synthetic || f.Status != FrameworkStatus.Illustrative))
            .OrderBy(f => year < f.YearFrom ? f.YearFrom - year : year - (f.YearTo ?? year))
            .ThenBy(f => year < f.YearFrom ? 1 : 0)
            .ThenBy(f => StatusRank(f.Status))
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    private static int StatusRank(FrameworkStatus status) => status switch
    {
        FrameworkStatus.Official => 0,
        FrameworkStatus.Derived => 1,
        FrameworkStatus.Draft => 2,
        _ => 3,
    };

    private static bool Matches(Framework framework, List<TreeRow> rows) =>
        framework.Criteria.Count == rows.Count
        && rows.All(r => IndexOf(framework).Find(r.Input.Code) is { } c && c.MaxPoints == r.Max);

    private static FrameworkIndex IndexOf(Framework framework) => Indexes.GetValue(framework, f => new FrameworkIndex(f));

    private Framework? DraftFramework(DocumentInput document, List<TreeRow> rows, Unit unit, int year, List<Problem> problems)
    {
        var expected = document.StatedMaxTotal?.Value ?? 100m;
        var total = rows.Where(r => r.Level == CriterionLevel.Area).Sum(r => r.Max);
        if (total != expected)
        {
            problems.Add(Problem.Error(ProblemCodes.FrameworkTotalMismatch, document.File, null,
                $"Chưa có bộ tiêu chí nào cho đơn vị {places.LevelName(unit.Level)} năm {year}, và bảng này không thể dùng làm bộ tiêu chí: Điểm chuẩn của các lĩnh vực cộng lại được {Format(total)}, không phải {Format(expected)}."));
            return null;
        }

        problems.Add(Problem.Warning(ProblemCodes.DraftFramework, document.File, null,
            $"Chưa có bộ tiêu chí chính thức hoặc dẫn xuất cho năm {year} (khung minh họa không bao giờ được dùng cho số liệu thật); cây tiêu chí của chính văn bản này ({rows.Count} dòng, {Format(total)} điểm) được lấy làm bộ tiêu chí tạm (bản nháp) của năm đó. Sở Nội vụ xem lại bản nháp ở trang Dữ liệu và có thể xóa nó."));
        return new Framework(
            $"{unit.Province}-{unit.Kind.ToLevel()}-{year}-draft",
            unit.Province,
            unit.Kind.ToLevel(),
            year,
            year,
            null,
            FrameworkStatus.Draft,
            // Neutral on purpose: the source file and its unit are in the audit trail and framework_origin, shown
            // only to readers who may see that unit-year (HideUnpublished); a framework's source is shown to everyone.
            $"Bản nháp: cây tiêu chí của một báo cáo thật năm {year} ({rows.Count} dòng), chưa phải bộ tiêu chí chính thức",
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
                $"Bảng thiếu {missing.Count} dòng của {framework.DisplayName} ({areas} lĩnh vực, {criteria} tiêu chí, {subs} tiêu chí thành phần: {ListCodes(missing.Select(m => m.Code).ToList())}). Văn bản có bị cắt mất một phần không?"));
        }

        var index = IndexOf(framework);
        foreach (var row in rows)
        {
            var expected = index.Find(row.Input.Code);
            if (expected is null)
            {
                problems.Add(Problem.Error(ProblemCodes.ExtraCriterion, file, row.Input.Line,
                    $"Dòng {row.Input.Code} không có trong {framework.DisplayName}.", row.Input.Cell));
            }
            else if (expected.MaxPoints != row.Max)
            {
                problems.Add(Problem.Error(ProblemCodes.MaxPointsDiffer, file, row.Input.Line,
                    $"Dòng {row.Input.Code} có Điểm chuẩn {Format(row.Max)}; {framework.DisplayName} quy định {Format(expected.MaxPoints)}.", row.Input.Cell));
            }
        }
    }

    private static string ListCodes(List<string> codes) =>
        codes.Count <= MaxListedCodes
            ? string.Join(", ", codes)
            : string.Join(", ", codes.Take(MaxListedCodes)) + $", … (và {codes.Count - MaxListedCodes} mã khác)";

    private static string Format(decimal value) => VietnameseText.Number(value);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private sealed record TreeRow(RowInput Input, CriterionLevel Level, decimal Max);

    /// <summary>A framework's rows by code (the first of a code, as <see cref="Framework.Find"/>) and each row's
    /// children's summed maxima.</summary>
    private sealed class FrameworkIndex
    {
        private readonly Dictionary<string, FrameworkCriterion> byCode = new(StringComparer.Ordinal);
        private readonly Dictionary<string, decimal> childrenMax = new(StringComparer.Ordinal);

        public FrameworkIndex(Framework framework)
        {
            foreach (var criterion in framework.Criteria)
            {
                byCode.TryAdd(criterion.Code, criterion);
                if (criterion.ParentCode is { } parent)
                {
                    childrenMax[parent] = childrenMax.GetValueOrDefault(parent) + criterion.MaxPoints;
                }
            }
        }

        public FrameworkCriterion? Find(string code) => byCode.GetValueOrDefault(code);

        public decimal ChildrenMax(string code) => childrenMax.GetValueOrDefault(code);
    }
}
