using System.Globalization;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Sample;

/// <summary>What to generate.</summary>
/// <param name="Seed">Seed; the same seed and reference data give byte-identical files.</param>
/// <param name="Province">Province slug.</param>
/// <param name="LastAppraisedYear">The last index year whose appraisal is done: later years get the self-assessed
/// stage only (the 2026 assessment is under way).</param>
/// <param name="Levels">Levels to generate ("district", "department", "commune"); null for every level that has units
/// in <c>units.csv</c> and a framework in <c>frameworks.csv</c>.</param>
public sealed record SampleOptions(
    int Seed = SampleGenerator.DefaultSeed,
    string Province = "thanh-hoa",
    int LastAppraisedYear = SampleGenerator.DefaultLastAppraisedYear,
    IReadOnlyList<string>? Levels = null);

/// <summary>One generated file: every sample unit of one level and year, in the stages given, as canonical CSV rows.</summary>
public sealed record SampleFile(string Level, int Year, string FrameworkId, string FileName, IReadOnlyList<Stage> Stages, IReadOnlyList<ExportRow> Rows);

/// <summary>The years one level is generated for: from the first year of its first framework to the last year of its
/// last one.</summary>
public sealed record SampleLevel(string Level, int FirstYear, int LastYear);

/// <summary>Generates the labelled synthetic sample: every unit of a province, level by level, for the years of the
/// level's frameworks, following the lineage, both stages (the self-assessed stage only after
/// <see cref="SampleOptions.LastAppraisedYear"/>). Never generates a unit-year that real data covers; where a result is
/// officially published, the unit-year's appraised index equals the published one and the computed ranks agree with
/// the published ranks.</summary>
/// <remarks>
/// The model, so that analysts know what they are looking at (see data/sample/README.md):
/// each unit has a base level (cities above lowland huyện above the mountainous huyện; departments at their published
/// results; phường above xã, communes of the mountainous former districts lower) and a yearly improvement; each
/// sub-criterion scores that level plus the concept's difficulty plus noise, in steps of 0.25 (max ≤ 1) or 0.5 points.
/// Online public services follow an uptake curve per unit (low for almost everyone in 2017, improving at different
/// speeds) scored in bands; a few units carry chronic weaknesses on named concepts; the survey (criterion 8.8 of the
/// district khung minh họa, the <c>survey</c> component of the others) has two decimals and is given in the appraised
/// stage. The self-assessed stage is the appraised one plus the points the appraisal cut, with a few unit-years of
/// marked self-score inflation. Communes: bonus points for a few, penalty points for a few.
/// </remarks>
public sealed class SampleGenerator
{
    public const int DefaultSeed = 20171120;

    /// <summary>The default <see cref="SampleOptions.LastAppraisedYear"/>: 2025 is appraised, the 2026 assessment is under way.</summary>
    public const int DefaultLastAppraisedYear = 2025;

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
        ["department-online-services"] = (1.0, 0.2),
        ["commune-online-services"] = (1.0, 0.2),
        ["commune-online-payment"] = (0.8, 0.15),
    };

    /// <summary>What the share in an online-services evidence text counts, where it is not "Tỷ lệ hồ sơ".</summary>
    private static readonly Dictionary<string, string> OnlineShareLabels = new(StringComparer.Ordinal)
    {
        ["department-online-services"] = "Tỷ lệ hồ sơ trực tuyến toàn trình",
        ["commune-online-services"] = "Tỷ lệ hồ sơ trực tuyến toàn trình",
        ["commune-online-payment"] = "Tỷ lệ hồ sơ thanh toán trực tuyến",
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
        ["department-digitisation"] = -0.10,
        ["department-reform-initiatives"] = -0.10,
        ["department-autonomy"] = -0.06,
        ["commune-digitisation"] = -0.12,
        ["commune-investment"] = -0.08,
        ["commune-socio-economic-targets"] = -0.05,
        ["commune-reform-initiatives"] = -0.10,
    };

    /// <summary>Concepts a unit can be chronically weak on, per level (they exist in every framework of the level).</summary>
    private static readonly Dictionary<string, string[]> ChronicCandidates = new(StringComparer.Ordinal)
    {
        ["district"] = ["iso-commune-adoption", "commune-official-standard", "electronic-documents", "procedure-timeliness", "reform-initiatives-1", "job-positions-1"],
        ["department"] = ["department-digitisation", "department-autonomy", "department-reform-initiatives", "department-iso-quality-system", "department-legal-review"],
        ["commune"] = ["commune-digitisation", "commune-investment", "commune-iso-quality-system", "commune-feedback-handling", "commune-reform-initiatives"],
    };

    private readonly ReferenceData reference;
    private readonly IReadOnlyList<PublishedResult> published;
    private readonly HashSet<(string UnitId, int Year)> realUnitYears;
    private readonly UnitLineage lineage;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> formerDistricts;

    public SampleGenerator(SampleInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        reference = inputs.Reference;
        published = inputs.Published;
        realUnitYears = inputs.RealUnitYears.ToHashSet();
        formerDistricts = inputs.FormerDistricts;
        lineage = new UnitLineage(reference.Units, reference.Lineage);
    }

    /// <summary>File name of a level's sample of one year, e.g. <c>thanh-hoa-district-2021-sample.csv</c>.</summary>
    public static string FileName(string province, string level, int year) =>
        $"{province}-{level}-{year.ToString(CultureInfo.InvariantCulture)}-sample.csv";

    /// <summary>The levels to generate and their years, read from the data: the levels of the province's units in
    /// <c>units.csv</c> that have a framework, each from the first year of its first framework to the last year of its
    /// last one (a framework still in force counts up to the year after <see cref="SampleOptions.LastAppraisedYear"/>).
    /// Ordered by first year: district, department, commune.</summary>
    public IReadOnlyList<SampleLevel> Levels(SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var levels = reference.Units.Where(u => u.Province == options.Province).Select(u => u.Level).Distinct(StringComparer.Ordinal).ToList();
        if (options.Levels is { } asked)
        {
            foreach (var level in asked.Where(l => !levels.Contains(l, StringComparer.Ordinal) || !Frameworks(options, l).Any()))
            {
                throw new InvalidOperationException($"No {options.Province} units or no framework for level '{level}': see units.csv and frameworks.csv.");
            }

            levels = levels.Where(l => asked.Contains(l, StringComparer.Ordinal)).ToList();
        }

        return levels
            .Select(level => (Level: level, Frameworks: Frameworks(options, level).ToList()))
            .Where(l => l.Frameworks.Count > 0)
            .Select(l => new SampleLevel(l.Level, l.Frameworks.Min(f => f.YearFrom), l.Frameworks.Max(f => f.YearTo ?? (options.LastAppraisedYear + 1))))
            .OrderBy(l => l.FirstYear).ThenBy(l => l.Level, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<SampleFile> Generate(SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<SampleFile>();
        foreach (var level in Levels(options))
        {
            for (var year = level.FirstYear; year <= level.LastYear; year++)
            {
                var framework = FrameworkFor(options, level.Level, year);
                var units = lineage.UnitsIn(year, options.Province, level.Level).Where(u => !realUnitYears.Contains((u.Id, year))).ToList();
                if (units.Count == 0)
                {
                    continue;
                }

                Stage[] stages = year <= options.LastAppraisedYear ? [Stage.Self, Stage.Appraised] : [Stage.Self];
                var sheets = units.ToDictionary(u => u.Id, u => GenerateAppraised(options, level, framework, u, year), StringComparer.Ordinal);
                if (stages.Contains(Stage.Appraised))
                {
                    foreach (var target in Targets(options, level, year, framework, sheets))
                    {
                        if (target.SurveyMax is { } surveyMax)
                        {
                            var survey = sheets[target.UnitId].Survey!;
                            survey.Points = Math.Round(survey.Points * surveyMax / survey.Max, 2, MidpointRounding.AwayFromZero);
                            survey.Max = surveyMax;
                        }

                        Calibrate(options, framework, sheets[target.UnitId], target.UnitId, year, target.Points);
                    }
                }

                var rows = new List<ExportRow>();
                foreach (var unit in units)
                {
                    rows.AddRange(Rows(options, level, framework, unit, year, sheets[unit.Id], stages));
                }

                files.Add(new SampleFile(level.Level, year, framework.Id, FileName(options.Province, level.Level, year), stages, rows));
            }
        }

        return files;
    }

    private IEnumerable<Framework> Frameworks(SampleOptions options, string level) =>
        reference.Frameworks.Where(f => f.Province == options.Province && f.Level == level && f.Status != FrameworkStatus.Draft);

    private Framework FrameworkFor(SampleOptions options, string level, int year) =>
        Frameworks(options, level)
            .Where(f => f.AppliesTo(year))
            .OrderBy(f => f.Status switch { FrameworkStatus.Official => 0, FrameworkStatus.Derived => 1, _ => 2 })
            .FirstOrDefault()
        ?? throw new InvalidOperationException($"No framework for {options.Province} {level} units in {year}: add one to data/frameworks/ first.");

    private string ConceptOf(Framework framework, string code) =>
        reference.Crosswalk.EntryOf(framework.Id, code)?.ConceptId ?? $"{framework.Id}:{code}";

    /// <summary>A unit's fixed traits.</summary>
    private sealed record Profile(double Base, double Growth, double OnlineStart, double OnlineSpeed, double CutRate, IReadOnlyList<(string Concept, int From, int To)> Chronic)
    {
        /// <summary>Chance of bonus points in a year (frameworks with a bonus component).</summary>
        public double BonusChance { get; init; }

        /// <summary>Chance of penalty points in a year (frameworks with a penalty component).</summary>
        public double PenaltyChance { get; init; }

        /// <summary>The level of years with a published result, in place of <see cref="Base"/> and <see cref="Growth"/>.</summary>
        public Dictionary<int, double> YearLevels { get; init; } = [];

        public double Ability(int year, int firstYear) =>
            YearLevels.TryGetValue(year, out var level) ? level : Base + (Growth * (year - firstYear));
    }

    private Profile ProfileOf(SampleOptions options, SampleLevel level, Unit unit) => level.Level switch
    {
        "district" => DistrictProfile(options, level, unit),
        "department" => DepartmentProfile(options, level, unit),
        _ => CommuneProfile(options, level, unit),
    };

    private static Profile DistrictProfile(SampleOptions options, SampleLevel years, Unit unit)
    {
        var random = new SeededRandom(options.Seed, unit.Id, "profile");
        var mountainous = Mountainous.Contains(unit.Id);
        var city = unit.Kind is UnitKind.ThanhPho or UnitKind.ThiXa;
        var level = city ? 0.955 : mountainous ? 0.915 : 0.94;
        var chronic = new List<(string, int, int)>();
        var chronicRandom = new SeededRandom(options.Seed, unit.Id, "chronic");
        if (chronicRandom.Chance(mountainous ? 0.45 : 0.15))
        {
            var candidates = ChronicCandidates["district"];
            var concept = candidates[chronicRandom.Next(candidates.Length)];
            // Most weaknesses last the whole period; some are recovered from, some appear late.
            var shape = chronicRandom.Next(4);
            chronic.Add((concept, shape == 3 ? 2021 : years.FirstYear, shape == 2 ? 2021 : years.LastYear));
        }

        return new Profile(
            level + random.Normal(0.01),
            random.Uniform(0.0, 0.004),
            Math.Max(0, random.Uniform(0, 0.12) + (city ? 0.08 : 0) - (mountainous ? 0.04 : 0)),
            random.Uniform(0.04, 0.18) * (mountainous ? 0.55 : 1.0),
            random.Uniform(0.03, 0.10),
            chronic);
    }

    /// <summary>A department sits at its published results: in a year with one, its level is chosen so that the
    /// model's expected index equals it (70 criteria points at about the level less 0.015, 30 survey points at
    /// 0.72 + 1.5 × (level − 0.88): about 115 × level − 19); in other years it is the mean of its published indexes
    /// (0.90 without any) plus a small yearly improvement. Online services start higher than the districts' did in
    /// 2017.</summary>
    private Profile DepartmentProfile(SampleOptions options, SampleLevel years, Unit unit)
    {
        var random = new SeededRandom(options.Seed, unit.Id, "profile");
        var indexes = published.Where(p => p.UnitId == unit.Id)
            .Select(p => (p.Year, Index: p.IndexPercent ?? (p.Points is { } points ? points * 100 / (p.MaxPoints ?? 100) : null)))
            .Where(p => p.Index is not null)
            .ToDictionary(p => p.Year, p => ((double)p.Index!.Value + 19) / 115);
        var level = indexes.Count > 0 ? indexes.Values.Average() : 0.90;
        return new Profile(
            level + random.Normal(0.005),
            random.Uniform(0.0, 0.004),
            random.Uniform(0.35, 0.7),
            random.Uniform(0.05, 0.15),
            random.Uniform(0.03, 0.10),
            Chronic(options, years, unit, chance: 0.2))
        {
            YearLevels = indexes,
        };
    }

    /// <summary>Phường above xã; a commune formed from communes of the mountainous former districts lower, in
    /// proportion to how many of its former districts (commune-origins.csv, where known) are mountainous; online
    /// services low in 2025 and improving; bonus points for about one unit in ten, penalty points for fewer.</summary>
    private Profile CommuneProfile(SampleOptions options, SampleLevel years, Unit unit)
    {
        var random = new SeededRandom(options.Seed, unit.Id, "profile");
        var former = formerDistricts.GetValueOrDefault(unit.Id) ?? [];
        var mountain = former.Count == 0 ? 0 : former.Count(Mountainous.Contains) / (double)former.Count;
        var ward = unit.Kind == UnitKind.Phuong;
        var level = (ward ? 0.935 : 0.905) - (0.05 * mountain);
        return new Profile(
            level + random.Normal(0.012),
            random.Uniform(0.0, 0.006),
            Math.Max(0, random.Uniform(0.08, 0.35) + (ward ? 0.1 : 0) - (0.08 * mountain)),
            random.Uniform(0.05, 0.15) * (1 - (0.4 * mountain)),
            random.Uniform(0.03, 0.12),
            Chronic(options, years, unit, chance: 0.12 + (0.25 * mountain)))
        {
            BonusChance = ward ? 0.15 : 0.08,
            PenaltyChance = 0.07,
        };
    }

    private static List<(string, int, int)> Chronic(SampleOptions options, SampleLevel years, Unit unit, double chance)
    {
        var chronic = new List<(string, int, int)>();
        var random = new SeededRandom(options.Seed, unit.Id, "chronic");
        if (random.Chance(chance) && ChronicCandidates.TryGetValue(years.Level, out var candidates))
        {
            var concept = candidates[random.Next(candidates.Length)];
            // Most weaknesses last the whole period; some are recovered from, some appear late.
            var middle = years.FirstYear + ((years.LastYear - years.FirstYear) / 2);
            var shape = random.Next(4);
            chronic.Add((concept, shape == 3 ? middle : years.FirstYear, shape == 2 ? middle : years.LastYear));
        }

        return chronic;
    }

    /// <summary>A component's score in a sheet: its points and its applicable maximum.</summary>
    private sealed class ComponentPoints(FrameworkComponent definition, decimal points)
    {
        public FrameworkComponent Definition { get; } = definition;

        public decimal Points { get; set; } = points;

        /// <summary>Applicable maximum: the component's maximum unless part of it does not apply.</summary>
        public decimal Max { get; set; } = definition.MaxPoints;

        /// <summary>What it adds to the index's numerator.</summary>
        public decimal Signed => Definition.Role == ComponentRole.Subtract ? -Points : Points;
    }

    /// <summary>Leaf points of the appraised stage, its components (survey, bonus, penalty), and the evidence text
    /// worth showing (online-services uptake).</summary>
    private sealed class Sheet
    {
        public Dictionary<string, decimal> Leaves { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Evidence { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Fixed { get; } = new(StringComparer.Ordinal);

        public string? SurveyCode { get; set; }

        /// <summary>Components with a score, in the order of components.csv.</summary>
        public List<ComponentPoints> Components { get; } = [];

        public ComponentPoints? Survey => Components.FirstOrDefault(c => c.Definition.Role == ComponentRole.Add);

        /// <summary>The index's numerator: the tree's points, plus survey and bonus, minus penalty.</summary>
        public decimal Total => Components.Count == 0 ? Leaves.Values.Sum() : Leaves.Values.Sum() + Components.Sum(c => c.Signed);

        /// <summary>The index's denominator: the tree's maximum plus the applicable maxima of the components added.</summary>
        public decimal ApplicableMax(Framework framework) => framework.TotalMax + Components.Where(c => c.Definition.Role == ComponentRole.Add).Sum(c => c.Max);

        public decimal Index(Framework framework) => IndexOf(Total, ApplicableMax(framework));
    }

    /// <summary>100 × points / max, kept in 0..100 (points themselves when the maximum is 100).</summary>
    private static decimal IndexOf(decimal points, decimal max) =>
        Math.Clamp(max == 100 ? points : points * 100 / max, 0, 100);

    /// <summary>The points that give <paramref name="index"/> over <paramref name="max"/>, to two decimals.</summary>
    private static decimal PointsOf(decimal index, decimal max) =>
        Math.Round(max == 100 ? index : index * max / 100, 2, MidpointRounding.AwayFromZero);

    private Sheet GenerateAppraised(SampleOptions options, SampleLevel level, Framework framework, Unit unit, int year)
    {
        var profile = ProfileOf(options, level, unit);
        var random = new SeededRandom(options.Seed, unit.Id, year, "appraised");
        var ability = profile.Ability(year, level.FirstYear);
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
                var share = Math.Clamp((profile.OnlineStart + (profile.OnlineSpeed * (year - level.FirstYear))) * online.Scale, 0, 1);
                var bands = new[] { online.FirstBand, online.FirstBand + 0.2, online.FirstBand + 0.4, online.FirstBand + 0.6 };
                var fraction = bands.Count(b => share >= b) / 4.0;
                points = Step(leaf.MaxPoints, fraction);
                sheet.Evidence[leaf.Code] = $"{OnlineShareLabels.GetValueOrDefault(concept, "Tỷ lệ hồ sơ")}: {Math.Round(share * 100).ToString(CultureInfo.InvariantCulture)}% (số liệu mẫu)";
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

        // Components after the tree, each from its own key, so that the tree's numbers do not depend on them.
        foreach (var component in framework.Components.Where(c => !c.IsCriteria))
        {
            var draw = new SeededRandom(options.Seed, unit.Id, year, component.Id);
            switch (component.Role)
            {
                case ComponentRole.Add:
                    // The survey: two decimals, following the unit's level like criterion 8.8 does.
                    var fraction = Math.Clamp(0.72 + ((ability - 0.88) * 1.5) + draw.Normal(0.04), 0.45, 0.97);
                    sheet.Components.Add(new ComponentPoints(component, Math.Round((decimal)fraction * component.MaxPoints, 2, MidpointRounding.AwayFromZero)));
                    break;
                case ComponentRole.Bonus when draw.Chance(profile.BonusChance):
                    sheet.Components.Add(new ComponentPoints(component, Math.Min(component.MaxPoints, 0.5m * (1 + draw.Next(6)))));
                    break;
                case ComponentRole.Subtract when draw.Chance(profile.PenaltyChance):
                    sheet.Components.Add(new ComponentPoints(component, Math.Min(component.MaxPoints, 0.5m * (1 + draw.Next(4)))));
                    break;
            }
        }

        return sheet;
    }

    /// <summary>A calibration target: the appraised points (the index's numerator) a unit-year must reach, and the
    /// survey's applicable maximum when a published result needs less than the framework's whole maximum.</summary>
    private sealed record Target(string UnitId, decimal Points, decimal? SurveyMax = null);

    /// <summary>A published result as the sample can reach it: points to two decimals over an applicable maximum, and
    /// the index they give.</summary>
    private sealed record Known(PublishedResult Result, decimal Points, decimal Max, decimal Index)
    {
        public string UnitId => Result.UnitId;
    }

    /// <summary>Targets for the appraised totals of a year with published results: a published unit gets its points (or
    /// its index % over the applicable maximum); every other unit is placed strictly between the published neighbours
    /// of the rank it falls into, so that the computed ranking agrees with the published one at every published place.
    /// All in index terms: for the district frameworks (maximum 100) index and points are the same number.</summary>
    private List<Target> Targets(SampleOptions options, SampleLevel level, int year, Framework framework, Dictionary<string, Sheet> sheets)
    {
        // Every published place of this year's units is reserved, also those whose unit-year is real data (not
        // generated here): the sample must fit around them either way.
        var units = lineage.UnitsIn(year, options.Province, level.Level).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var survey = framework.Components.FirstOrDefault(c => !c.IsCriteria && c.Role == ComponentRole.Add);
        var fullMax = framework.Components.Where(c => c.Role == ComponentRole.Add).Sum(c => c.MaxPoints);
        var known = published
            .Where(p => p.Year == year && (p.Points ?? p.IndexPercent) is not null && units.Contains(p.UnitId))
            .Select(p => Reachable(p, framework, fullMax, survey))
            .ToList();
        if (known.Count == 0)
        {
            return [];
        }

        var targets = new List<Target>();
        foreach (var result in known.Where(k => sheets.ContainsKey(k.UnitId)))
        {
            targets.Add(result.Max == fullMax
                ? new Target(result.UnitId, result.Points)
                : new Target(result.UnitId, result.Points, survey!.MaxPoints - (fullMax - result.Max)));
        }

        // A published result without a printed rank takes the place its index gives it.
        var places = known
            .Select(k => (Known: k, Place: k.Result.Rank ?? (known.Count(o => o.Index > k.Index) + 1)))
            .OrderBy(k => k.Place)
            .ToList();
        var taken = places.Select(k => k.Place).ToHashSet();
        var free = sheets.Where(s => known.All(k => k.UnitId != s.Key))
            .OrderByDescending(s => s.Value.Index(framework)).ThenBy(s => s.Key, StringComparer.Ordinal)
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

            var upper = places.LastOrDefault(k => k.Place < slot).Known?.Index ?? 100m;
            var lower = places.FirstOrDefault(k => k.Place > slot).Known?.Index ?? 0m;
            placed.Add((unitId, upper, lower));
        }

        foreach (var gap in placed.GroupBy(p => (p.Upper, p.Lower)))
        {
            var indexes = gap.Select(p => (p.UnitId, Index: sheets[p.UnitId].Index(framework))).ToList();
            if (indexes.All(t => t.Index > gap.Key.Lower && t.Index < gap.Key.Upper))
            {
                continue;
            }

            // Map the gap's units into it affinely: their order and relative distances stay, their range fits.
            const decimal margin = 0.05m;
            var (low, high) = (indexes.Min(t => t.Index), indexes.Max(t => t.Index));
            var room = gap.Key.Upper - gap.Key.Lower - (2 * margin);
            var scale = high == low ? 0 : Math.Min(1m, room / (high - low));
            var offset = Math.Clamp(low, gap.Key.Lower + margin, gap.Key.Upper - margin - (scale * (high - low)));
            foreach (var (unitId, index) in indexes)
            {
                var target = Math.Round(offset + ((index - low) * scale), 2, MidpointRounding.AwayFromZero);
                targets.Add(new Target(unitId, PointsOf(target, sheets[unitId].ApplicableMax(framework))));
            }
        }

        return targets;
    }

    /// <summary>What the sample can make of a published result. Points are kept to two decimals (91.651 becomes 91.65);
    /// an index % alone gives points over the framework's whole maximum. Where points and index % are both printed
    /// and do not agree over the whole maximum (Ban Dân tộc 2023: 68.32 points = 81.33 %), the applicable maximum
    /// is the one that gives the printed % (84), and the survey's applicable maximum takes the difference: the tree's
    /// maxima are fixed by the framework, the survey is the one component whose applicable maximum may be less.</summary>
    private static Known Reachable(PublishedResult result, Framework framework, decimal fullMax, FrameworkComponent? survey)
    {
        var max = result.MaxPoints ?? fullMax;
        if (result.MaxPoints is null && result.Points is { } printed && result.IndexPercent is { } percent && Round2(IndexOf(printed, fullMax)) != percent)
        {
            var exact = printed * 100 / percent;
            max = MaxSteps
                .Select(step => Math.Round(exact / step, MidpointRounding.AwayFromZero) * step)
                .FirstOrDefault(m => m > 0 && Round2(IndexOf(Round2(printed), m)) == percent);
            if (max == 0)
            {
                throw new InvalidOperationException(
                    $"{result.UnitId} {result.Year}: no applicable maximum gives {percent.ToString(CultureInfo.InvariantCulture)}% from {printed.ToString(CultureInfo.InvariantCulture)} points.");
            }
        }

        if (max != fullMax && (survey is null || max > fullMax || fullMax - max >= survey.MaxPoints))
        {
            throw new InvalidOperationException(
                $"{result.UnitId} {result.Year}: the published result needs an applicable maximum of {max.ToString(CultureInfo.InvariantCulture)}, "
                + $"but framework {framework.Id} has {fullMax.ToString(CultureInfo.InvariantCulture)} and no survey component that could take the difference.");
        }

        var points = result.Points is { } p ? Round2(p) : PointsOf(result.IndexPercent!.Value, max);
        return new Known(result, points, max, IndexOf(points, max));
    }

    /// <summary>The steps an unprinted applicable maximum is looked for in, coarsest first.</summary>
    private static readonly decimal[] MaxSteps = [1m, 0.5m, 0.25m, 0.01m];

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Moves a sheet's total to exactly <paramref name="target"/>: the survey score (criterion 8.8 or the survey
    /// component, two decimals) takes the difference; when it would leave its plausible range, ordinary sub-criteria
    /// move one step at a time first.</summary>
    private static void Calibrate(SampleOptions options, Framework framework, Sheet sheet, string unitId, int year, decimal target)
    {
        var random = new SeededRandom(options.Seed, unitId, year, "calibrate");
        var steps = Leaves(framework).Where(l => l.Code != sheet.SurveyCode && !sheet.Fixed.Contains(l.Code)).ToList();
        var surveyLeaf = sheet.SurveyCode is null ? null : framework.Find(sheet.SurveyCode);
        var surveyComponent = surveyLeaf is null ? sheet.Survey : null;
        decimal? surveyMax = surveyLeaf?.MaxPoints ?? surveyComponent?.Max;
        if (surveyComponent is not null)
        {
            // A survey component is a large share of the index (30 of 100 for departments): moving it alone would push
            // it to an edge of its range, so the tree takes its share of the difference first.
            MoveLeaves(framework, sheet, steps, (target - sheet.Total) * framework.TotalMax / sheet.ApplicableMax(framework), random);
        }

        for (var attempt = 0; attempt < 500; attempt++)
        {
            var rest = sheet.Total - (surveyLeaf is not null ? sheet.Leaves[surveyLeaf.Code] : surveyComponent?.Points ?? 0);
            var need = target - rest;
            if (surveyMax is { } max && need >= max * 0.5m && need <= max * 0.97m)
            {
                if (surveyLeaf is not null)
                {
                    sheet.Leaves[surveyLeaf.Code] = need;
                }
                else
                {
                    surveyComponent!.Points = need;
                }

                return;
            }

            if (surveyMax is null && need == 0)
            {
                return;
            }

            var low = surveyMax is { } m ? m * 0.75m : 0;
            var raise = need > low;
            var candidates = steps.Where(l => raise ? sheet.Leaves[l.Code] < l.MaxPoints && ParentRoom(framework, sheet.Leaves, l) >= StepOf(l.MaxPoints) : sheet.Leaves[l.Code] > 0).ToList();
            if (candidates.Count == 0)
            {
                break;
            }

            var leaf = candidates[random.Next(candidates.Count)];
            var step = Math.Min(StepOf(leaf.MaxPoints), raise ? leaf.MaxPoints - sheet.Leaves[leaf.Code] : sheet.Leaves[leaf.Code]);
            if (surveyMax is null)
            {
                step = Math.Min(step, Math.Abs(need));
            }

            sheet.Leaves[leaf.Code] += raise ? step : -step;
        }

        throw new InvalidOperationException(
            $"Cannot bring {unitId} {year} to {target.ToString(CultureInfo.InvariantCulture)} points with framework {framework.Id}.");
    }

    /// <summary>Moves ordinary leaves one step at a time, at random, until they have moved by about
    /// <paramref name="shift"/> points (to within half a step) or cannot move further.</summary>
    private static void MoveLeaves(Framework framework, Sheet sheet, List<FrameworkCriterion> steps, decimal shift, SeededRandom random)
    {
        var moved = 0m;
        while (Math.Abs(shift - moved) >= 0.25m)
        {
            var raise = shift > moved;
            var candidates = steps.Where(l => raise ? sheet.Leaves[l.Code] < l.MaxPoints && ParentRoom(framework, sheet.Leaves, l) >= StepOf(l.MaxPoints) : sheet.Leaves[l.Code] > 0).ToList();
            if (candidates.Count == 0)
            {
                return;
            }

            var leaf = candidates[random.Next(candidates.Count)];
            var step = Math.Min(StepOf(leaf.MaxPoints), raise ? leaf.MaxPoints - sheet.Leaves[leaf.Code] : sheet.Leaves[leaf.Code]);
            sheet.Leaves[leaf.Code] += raise ? step : -step;
            moved += raise ? step : -step;
        }
    }

    private IEnumerable<ExportRow> Rows(SampleOptions options, SampleLevel level, Framework framework, Unit unit, int year, Sheet appraised, IReadOnlyList<Stage> stages)
    {
        var profile = ProfileOf(options, level, unit);
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

        var selfComponents = SelfComponents(options, unit, year, appraised);
        foreach (var (stage, leaves) in new[] { (Stage.Self, self), (Stage.Appraised, appraised.Leaves) }.Where(s => stages.Contains(s.Item1)))
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

            // The components after the tree rows of the stage (the canonical CSV's component rows).
            foreach (var component in stage == Stage.Self ? selfComponents : appraised.Components)
            {
                yield return new ExportRow(
                    unit.Id,
                    unit.Name,
                    year,
                    stage.ToCode(),
                    component.Definition.Id,
                    ComponentScore.Level,
                    component.Definition.Name,
                    component.Max,
                    component.Points,
                    Evidence: null, // a component row carries no evidence in the canonical CSV
                    Synthetic: true);
            }
        }
    }

    /// <summary>The components of the self-assessed stage: no survey (the province runs it, so it is scored in the
    /// appraisal only); the bonus the unit claimed, sometimes half a point more than the appraisal granted; the same
    /// penalty.</summary>
    private static List<ComponentPoints> SelfComponents(SampleOptions options, Unit unit, int year, Sheet appraised)
    {
        var random = new SeededRandom(options.Seed, unit.Id, year, "self-components");
        var self = new List<ComponentPoints>();
        foreach (var component in appraised.Components.Where(c => c.Definition.Role != ComponentRole.Add))
        {
            var claimed = component.Points;
            if (component.Definition.Role == ComponentRole.Bonus && random.Chance(0.35))
            {
                claimed = Math.Min(component.Max, component.Points + 0.5m);
            }

            self.Add(new ComponentPoints(component.Definition, claimed) { Max = component.Max });
        }

        return self;
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
