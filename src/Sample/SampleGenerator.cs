using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Sample;

/// <summary>What to generate.</summary>
/// <param name="Seed">Seed; the same seed and reference data give byte-identical files.</param>
/// <param name="FirstYear">First index year.</param>
/// <param name="LastYear">Last index year.</param>
/// <param name="Province">Province slug.</param>
/// <param name="Level">Level of units ("district").</param>
public sealed record SampleOptions(
    int Seed = SampleGenerator.DefaultSeed,
    int FirstYear = 2017,
    int LastYear = 2024,
    string Province = "thanh-hoa",
    string Level = "district");

/// <summary>One generated file: every sample unit of one year, both stages, as canonical CSV rows.</summary>
public sealed record SampleFile(int Year, string FrameworkId, string FileName, IReadOnlyList<ExportRow> Rows);

/// <summary>Generates the labelled synthetic sample: every unit of a province and level for a range of years, following
/// the lineage, from each year's framework, both stages. Never generates a unit-year that real data covers; where a
/// result is officially published, the unit-year's appraised total equals the published points and the computed ranks
/// agree with the published ranks.</summary>
/// <remarks>
/// The model, so that analysts know what they are looking at (see data/sample/README.md):
/// each unit has a base level (cities above lowland huyện above the mountainous huyện) and a yearly improvement; each
/// sub-criterion scores that level plus the concept's difficulty plus noise, in steps of 0.25 (max ≤ 1) or 0.5 points.
/// Online public services follow an uptake curve per unit (low for almost everyone in 2017, improving at different
/// speeds) scored in bands; a few units carry chronic weaknesses on named concepts; the survey criterion (from 2020)
/// has two decimals. The self-assessed stage is the appraised one plus the points the appraisal cut, with a few
/// unit-years of marked self-score inflation.
/// </remarks>
public sealed class SampleGenerator
{
    public const int DefaultSeed = 20171120;

    private const string SurveyConcept = "citizen-satisfaction";

    private static readonly HashSet<string> Mountainous = new(StringComparer.Ordinal)
    {
        "muong-lat", "quan-son", "quan-hoa", "ba-thuoc", "lang-chanh", "thuong-xuan", "nhu-xuan", "nhu-thanh", "ngoc-lac", "cam-thuy", "thach-thanh",
    };

    /// <summary>Uptake scale and the share below which a band scores nothing, per online-services concept.</summary>
    private static readonly Dictionary<string, (double Scale, double FirstBand)> OnlineConcepts = new(StringComparer.Ordinal)
    {
        ["online-services-level-3"] = (1.0, 0.2),
        ["online-services-level-4"] = (0.7, 0.1),
        ["online-services-full-process"] = (0.7, 0.1),
        ["online-services-partial"] = (1.1, 0.2),
    };

    /// <summary>Concepts that are harder than average for everyone.</summary>
    private static readonly Dictionary<string, double> Difficulty = new(StringComparer.Ordinal)
    {
        ["electronic-documents"] = -0.12,
        ["commune-official-standard"] = -0.10,
        ["commune-civil-servant-standard"] = -0.06,
        ["iso-commune-adoption"] = -0.15,
        ["job-positions-1"] = -0.06,
        ["procedure-timeliness"] = -0.08,
        ["reform-initiatives-1"] = -0.10,
    };

    /// <summary>Concepts a unit can be chronically weak on (they exist in every framework of the sample).</summary>
    private static readonly string[] ChronicCandidates =
    [
        "iso-commune-adoption", "commune-official-standard", "electronic-documents", "procedure-timeliness", "reform-initiatives-1", "job-positions-1",
    ];

    private readonly ReferenceData reference;
    private readonly IReadOnlyList<PublishedResult> published;
    private readonly HashSet<(string UnitId, int Year)> realUnitYears;
    private readonly UnitLineage lineage;

    public SampleGenerator(ReferenceData reference, IReadOnlyList<PublishedResult> published, IEnumerable<(string UnitId, int Year)> realUnitYears)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(realUnitYears);
        this.reference = reference;
        this.published = published;
        this.realUnitYears = realUnitYears.ToHashSet();
        lineage = new UnitLineage(reference.Units, reference.Lineage);
    }

    /// <summary>File name of a year's sample, e.g. <c>thanh-hoa-district-2021-sample.csv</c>.</summary>
    public static string FileName(SampleOptions options, int year)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"{options.Province}-{options.Level}-{year.ToString(CultureInfo.InvariantCulture)}-sample.csv";
    }

    public IReadOnlyList<SampleFile> Generate(SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<SampleFile>();
        for (var year = options.FirstYear; year <= options.LastYear; year++)
        {
            var framework = FrameworkFor(options, year);
            var units = lineage.UnitsIn(year, options.Province, options.Level).Where(u => !realUnitYears.Contains((u.Id, year))).ToList();
            if (units.Count == 0)
            {
                continue;
            }

            var sheets = units.ToDictionary(u => u.Id, u => GenerateAppraised(options, framework, u, year), StringComparer.Ordinal);
            foreach (var (unitId, target) in Targets(options, year, sheets))
            {
                Calibrate(options, framework, sheets[unitId], unitId, year, target);
            }

            var rows = new List<ExportRow>();
            foreach (var unit in units)
            {
                rows.AddRange(Rows(options, framework, unit, year, sheets[unit.Id]));
            }

            files.Add(new SampleFile(year, framework.Id, FileName(options, year), rows));
        }

        return files;
    }

    private Framework FrameworkFor(SampleOptions options, int year) =>
        reference.Frameworks
            .Where(f => f.Province == options.Province && f.Level == options.Level && f.AppliesTo(year) && f.Status != FrameworkStatus.Draft)
            .OrderBy(f => f.Status switch { FrameworkStatus.Official => 0, FrameworkStatus.Derived => 1, _ => 2 })
            .FirstOrDefault()
        ?? throw new InvalidOperationException($"No framework for {options.Province} {options.Level} units in {year}: add one to data/frameworks/ first.");

    private string ConceptOf(Framework framework, string code) =>
        reference.Crosswalk.EntryOf(framework.Id, code)?.ConceptId ?? $"{framework.Id}:{code}";

    /// <summary>A unit's fixed traits.</summary>
    private sealed record Profile(double Base, double Growth, double OnlineStart, double OnlineSpeed, double CutRate, IReadOnlyList<(string Concept, int From, int To)> Chronic);

    private static Profile ProfileOf(SampleOptions options, Unit unit)
    {
        var random = new SeededRandom(options.Seed, unit.Id, "profile");
        var mountainous = Mountainous.Contains(unit.Id);
        var city = unit.Kind is UnitKind.ThanhPho or UnitKind.ThiXa;
        var level = city ? 0.955 : mountainous ? 0.915 : 0.94;
        var chronic = new List<(string, int, int)>();
        var chronicRandom = new SeededRandom(options.Seed, unit.Id, "chronic");
        if (chronicRandom.Chance(mountainous ? 0.45 : 0.15))
        {
            var concept = ChronicCandidates[chronicRandom.Next(ChronicCandidates.Length)];
            // Most weaknesses last the whole period; some are recovered from, some appear late.
            var shape = chronicRandom.Next(4);
            chronic.Add((concept, shape == 3 ? 2021 : options.FirstYear, shape == 2 ? 2021 : options.LastYear));
        }

        return new Profile(
            level + random.Normal(0.01),
            random.Uniform(0.0, 0.004),
            Math.Max(0, random.Uniform(0, 0.12) + (city ? 0.08 : 0) - (mountainous ? 0.04 : 0)),
            random.Uniform(0.04, 0.18) * (mountainous ? 0.55 : 1.0),
            random.Uniform(0.03, 0.10),
            chronic);
    }

    /// <summary>Leaf points of the appraised stage, and the evidence text worth showing (online-services uptake).</summary>
    private sealed class Sheet
    {
        public Dictionary<string, decimal> Leaves { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Evidence { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Fixed { get; } = new(StringComparer.Ordinal);

        public string? SurveyCode { get; set; }

        public decimal Total => Leaves.Values.Sum();
    }

    private Sheet GenerateAppraised(SampleOptions options, Framework framework, Unit unit, int year)
    {
        var profile = ProfileOf(options, unit);
        var random = new SeededRandom(options.Seed, unit.Id, year, "appraised");
        var ability = profile.Base + (profile.Growth * (year - options.FirstYear));
        var sheet = new Sheet();
        foreach (var leaf in Leaves(framework))
        {
            var concept = ConceptOf(framework, leaf.Code);
            decimal points;
            if (concept == SurveyConcept)
            {
                var fraction = Math.Clamp(0.72 + ((ability - 0.88) * 1.5) + random.Normal(0.04), 0.45, 0.97);
                points = Math.Round((decimal)fraction * leaf.MaxPoints, 2, MidpointRounding.AwayFromZero);
                sheet.SurveyCode = leaf.Code;
            }
            else if (OnlineConcepts.TryGetValue(concept, out var online))
            {
                var share = Math.Clamp((profile.OnlineStart + (profile.OnlineSpeed * (year - options.FirstYear))) * online.Scale, 0, 1);
                var bands = new[] { online.FirstBand, online.FirstBand + 0.2, online.FirstBand + 0.4, online.FirstBand + 0.6 };
                var fraction = bands.Count(b => share >= b) / 4.0;
                points = Step(leaf.MaxPoints, fraction);
                sheet.Evidence[leaf.Code] = $"Tỷ lệ hồ sơ: {Math.Round(share * 100).ToString(CultureInfo.InvariantCulture)}% (số liệu mẫu)";
                sheet.Fixed.Add(leaf.Code);
            }
            else if (profile.Chronic.Any(c => c.Concept == concept && c.From <= year && year <= c.To))
            {
                points = Step(leaf.MaxPoints, random.Uniform(0, 0.4));
                sheet.Fixed.Add(leaf.Code);
            }
            else
            {
                var difficulty = Difficulty.GetValueOrDefault(concept) + new SeededRandom(options.Seed, concept, "difficulty").Uniform(-0.05, 0.03);
                points = Step(leaf.MaxPoints, Math.Clamp(ability + difficulty + random.Normal(0.07), 0, 1));
            }

            sheet.Leaves[leaf.Code] = points;
        }

        FitParents(framework, sheet.Leaves, floor: null);
        return sheet;
    }

    /// <summary>Targets for the appraised totals of a year with published results: a published unit gets its points;
    /// every other unit is placed strictly between the published neighbours of the rank it falls into, so that the
    /// computed ranking agrees with the published one at every published place.</summary>
    private IEnumerable<(string UnitId, decimal Target)> Targets(SampleOptions options, int year, Dictionary<string, Sheet> sheets)
    {
        // Every published place of this year's units is reserved, also those whose unit-year is real data (not
        // generated here): the sample must fit around them either way.
        var level = lineage.UnitsIn(year, options.Province, options.Level).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var known = published
            .Where(p => p.Year == year && p.Points is not null && p.Rank is not null && level.Contains(p.UnitId))
            .OrderBy(p => p.Rank)
            .ToList();
        if (known.Count == 0)
        {
            yield break;
        }

        foreach (var result in known.Where(k => sheets.ContainsKey(k.UnitId)))
        {
            yield return (result.UnitId, result.Points!.Value);
        }

        var taken = known.Select(k => k.Rank!.Value).ToHashSet();
        var free = sheets.Where(s => known.All(k => k.UnitId != s.Key))
            .OrderByDescending(s => s.Value.Total).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => s.Key)
            .ToList();
        var slot = 0;
        var placed = new List<(string UnitId, decimal Upper, decimal Lower)>();
        foreach (var unitId in free)
        {
            do
            {
                slot++;
            }
            while (taken.Contains(slot));

            var upper = known.LastOrDefault(k => k.Rank < slot)?.Points ?? 100m;
            var lower = known.FirstOrDefault(k => k.Rank > slot)?.Points ?? 0m;
            placed.Add((unitId, upper, lower));
        }

        foreach (var gap in placed.GroupBy(p => (p.Upper, p.Lower)))
        {
            var totals = gap.Select(p => (p.UnitId, Total: sheets[p.UnitId].Total)).ToList();
            if (totals.All(t => t.Total > gap.Key.Lower && t.Total < gap.Key.Upper))
            {
                continue;
            }

            // Map the gap's units into it affinely: their order and relative distances stay, their range fits.
            const decimal margin = 0.05m;
            var (low, high) = (totals.Min(t => t.Total), totals.Max(t => t.Total));
            var room = gap.Key.Upper - gap.Key.Lower - (2 * margin);
            var scale = high == low ? 0 : Math.Min(1m, room / (high - low));
            var offset = Math.Clamp(low, gap.Key.Lower + margin, gap.Key.Upper - margin - (scale * (high - low)));
            foreach (var (unitId, total) in totals)
            {
                yield return (unitId, Math.Round(offset + ((total - low) * scale), 2, MidpointRounding.AwayFromZero));
            }
        }
    }

    /// <summary>Moves a sheet's total to exactly <paramref name="target"/>: the survey score (two decimals) takes the
    /// difference; when it would leave its plausible range, ordinary sub-criteria move one step at a time first.</summary>
    private static void Calibrate(SampleOptions options, Framework framework, Sheet sheet, string unitId, int year, decimal target)
    {
        var random = new SeededRandom(options.Seed, unitId, year, "calibrate");
        var steps = Leaves(framework).Where(l => l.Code != sheet.SurveyCode && !sheet.Fixed.Contains(l.Code)).ToList();
        var survey = sheet.SurveyCode is null ? null : framework.Find(sheet.SurveyCode);
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var rest = sheet.Total - (survey is null ? 0 : sheet.Leaves[survey.Code]);
            var need = target - rest;
            if (survey is not null && need >= survey.MaxPoints * 0.5m && need <= survey.MaxPoints * 0.97m)
            {
                sheet.Leaves[survey.Code] = need;
                return;
            }

            if (survey is null && need == 0)
            {
                return;
            }

            var low = survey is null ? 0 : survey.MaxPoints * 0.75m;
            var raise = need > low;
            var candidates = steps.Where(l => raise ? sheet.Leaves[l.Code] < l.MaxPoints && ParentRoom(framework, sheet.Leaves, l) >= StepOf(l.MaxPoints) : sheet.Leaves[l.Code] > 0).ToList();
            if (candidates.Count == 0)
            {
                break;
            }

            var leaf = candidates[random.Next(candidates.Count)];
            var step = Math.Min(StepOf(leaf.MaxPoints), raise ? leaf.MaxPoints - sheet.Leaves[leaf.Code] : sheet.Leaves[leaf.Code]);
            if (survey is null)
            {
                step = Math.Min(step, Math.Abs(need));
            }

            sheet.Leaves[leaf.Code] += raise ? step : -step;
        }

        throw new InvalidOperationException(
            $"Cannot bring {unitId} {year} to {target.ToString(CultureInfo.InvariantCulture)} points with framework {framework.Id}.");
    }

    private static IEnumerable<ExportRow> Rows(SampleOptions options, Framework framework, Unit unit, int year, Sheet appraised)
    {
        var profile = ProfileOf(options, unit);
        var random = new SeededRandom(options.Seed, unit.Id, year, "self");
        var inflated = random.Chance(0.08);
        var cutRate = inflated ? 0.35 : profile.CutRate;
        var self = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var appraisalNotes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var leaf in Leaves(framework))
        {
            var points = appraised.Leaves[leaf.Code];
            var claimed = points;
            if (leaf.Code != appraised.SurveyCode && points < leaf.MaxPoints && random.Chance(cutRate))
            {
                claimed = Math.Min(leaf.MaxPoints, points + (StepOf(leaf.MaxPoints) * (random.Chance(0.3) ? 2 : 1)));
                appraisalNotes[leaf.Code] =
                    $"Thẩm định trừ {VietnameseText.Number(claimed - points)} điểm: tài liệu kiểm chứng chưa đầy đủ (số liệu mẫu).";
            }

            self[leaf.Code] = claimed;
        }

        FitParents(framework, self, floor: appraised.Leaves);
        foreach (var code in appraisalNotes.Keys.Where(c => self[c] == appraised.Leaves[c]).ToList())
        {
            appraisalNotes.Remove(code);
        }

        foreach (var (stage, leaves) in new[] { (Stage.Self, self), (Stage.Appraised, appraised.Leaves) })
        {
            var totals = Totals(framework, leaves);
            foreach (var criterion in framework.Criteria)
            {
                var evidence = stage == Stage.Appraised && appraisalNotes.TryGetValue(criterion.Code, out var note)
                    ? note
                    : appraised.Evidence.GetValueOrDefault(criterion.Code);
                yield return new ExportRow(
                    unit.Id,
                    unit.Name,
                    year,
                    stage.ToCode(),
                    criterion.Code,
                    criterion.Level.ToCode(),
                    criterion.Name,
                    criterion.MaxPoints,
                    totals[criterion.Code],
                    evidence,
                    Synthetic: true);
            }
        }
    }

    private static Dictionary<string, decimal> Totals(Framework framework, Dictionary<string, decimal> leaves)
    {
        var totals = new Dictionary<string, decimal>(leaves, StringComparer.Ordinal);
        foreach (var criterion in framework.Criteria.OrderByDescending(c => CriterionCode.Depth(c.Code)))
        {
            if (!totals.ContainsKey(criterion.Code))
            {
                totals[criterion.Code] = framework.Criteria.Where(c => c.ParentCode == criterion.Code).Sum(c => totals[c.Code]);
            }
        }

        return totals;
    }

    /// <summary>How many points the leaf's parent can still take (its Điểm chuẩn minus its children's points).</summary>
    private static decimal ParentRoom(Framework framework, Dictionary<string, decimal> leaves, FrameworkCriterion leaf)
    {
        var parent = leaf.ParentCode is null ? null : framework.Find(leaf.ParentCode);
        return parent is null
            ? decimal.MaxValue
            : parent.MaxPoints - framework.Criteria.Where(c => c.ParentCode == parent.Code && leaves.ContainsKey(c.Code)).Sum(c => leaves[c.Code]);
    }

    /// <summary>Keeps every parent within its Điểm chuẩn where its children's maxima add up to more (5.4 of 2017:
    /// 4 points over sub-rows worth 4.5), taking points back from the children, never below <paramref name="floor"/>.</summary>
    private static void FitParents(Framework framework, Dictionary<string, decimal> leaves, Dictionary<string, decimal>? floor)
    {
        foreach (var parent in framework.Criteria)
        {
            var children = framework.Criteria.Where(c => c.ParentCode == parent.Code && leaves.ContainsKey(c.Code)).ToList();
            while (children.Count > 0 && children.Sum(c => leaves[c.Code]) > parent.MaxPoints)
            {
                var child = children.Where(c => leaves[c.Code] > (floor?.GetValueOrDefault(c.Code) ?? 0)).OrderByDescending(c => leaves[c.Code]).ThenBy(c => c.Code, StringComparer.Ordinal).First();
                leaves[child.Code] = Math.Max(floor?.GetValueOrDefault(child.Code) ?? 0, leaves[child.Code] - StepOf(child.MaxPoints));
            }
        }
    }

    private static IEnumerable<FrameworkCriterion> Leaves(Framework framework) =>
        framework.Criteria.Where(c => framework.Criteria.All(other => other.ParentCode != c.Code));

    private static decimal StepOf(decimal max) => max <= 1 ? 0.25m : 0.5m;

    private static decimal Step(decimal max, double fraction)
    {
        var step = StepOf(max);
        var points = Math.Round((decimal)fraction * max / step, MidpointRounding.AwayFromZero) * step;
        return Math.Clamp(points, 0, max);
    }
}
