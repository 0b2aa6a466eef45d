using System.Globalization;
using System.Reflection;
using CchcAnalytics.Core;
using CsvHelper;
using CsvHelper.Configuration;

namespace CchcAnalytics.Ingest.Reference;

/// <summary>The reference data every database starts with: the unit registry (<c>data/units.csv</c>), the units'
/// lineage (<c>data/lineage.csv</c>), the criteria frameworks with their index components and their crosswalk
/// (<c>data/frameworks/</c>). The same
/// files are embedded in this assembly, so validation works from any folder.</summary>
public sealed partial class ReferenceData(
    IReadOnlyList<Unit> units,
    IReadOnlyList<Framework> frameworks,
    IReadOnlyList<LineageEvent>? lineage = null,
    Crosswalk? crosswalk = null,
    Places? places = null,
    IReadOnlyList<CommuneOrigin>? origins = null)
{
    // Declared before Embedded: static fields initialise in order, and Embedded's initialiser uses this.
    private static readonly string[] RequiredFiles =
        ["units.csv", "lineage.csv", "frameworks/frameworks.csv", "frameworks/concepts.csv", "frameworks/crosswalk.csv", "frameworks/components.csv"];

    public IReadOnlyList<Unit> Units { get; } = units;

    public IReadOnlyList<Framework> Frameworks { get; } = frameworks;

    public IReadOnlyList<LineageEvent> Lineage { get; } = lineage ?? [];

    public Crosswalk Crosswalk { get; } = crosswalk ?? Crosswalk.Empty;

    /// <summary>The words for the provinces and levels (data/provinces.csv, data/levels.csv); <see cref="Places.None"/>
    /// when a data folder has neither file.</summary>
    public Places Places { get; } = places ?? Places.None;

    /// <summary>Where each commune of 2025 came from (data/commune-origins.csv); empty when a data folder has no such
    /// file.</summary>
    public IReadOnlyList<CommuneOrigin> Origins { get; } = origins ?? [];

    /// <summary>Parses data/commune-origins.csv: <c>unit_id,official_code,status,former_districts,former_units,unresolved,note,source</c>
    /// (lists separated by '|'). Every commune must be a unit of <paramref name="units"/>, once; every former district
    /// a unit too; the status <c>documented</c>, <c>partial</c> or <c>unknown</c>. A bad row is an error naming file
    /// and line.</summary>
    public static IReadOnlyList<CommuneOrigin> ParseOrigins(TextReader reader, string file, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(units);
        var known = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        using var csv = new CsvReader(reader, Configuration());
        csv.Read();
        csv.ReadHeader();
        var origins = new List<CommuneOrigin>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var id = Required(csv, "unit_id", file, line);
            if (!known.Contains(id))
            {
                throw new ReferenceDataException($"{file}:{line}: đơn vị '{id}' không có trong units.csv.");
            }

            if (!seen.Add(id))
            {
                throw new ReferenceDataException($"{file}:{line}: đơn vị '{id}' có hai dòng.");
            }

            var status = Required(csv, "status", file, line);
            if (!CommuneOrigin.Statuses.Contains(status, StringComparer.Ordinal))
            {
                throw new ReferenceDataException($"{file}:{line}: trạng thái (status) '{status}' của '{id}' không hợp lệ (phải là {string.Join(", ", CommuneOrigin.Statuses)}).");
            }

            var districts = List(csv.GetField("former_districts"));
            if (districts.FirstOrDefault(d => !known.Contains(d)) is { } unknown)
            {
                throw new ReferenceDataException($"{file}:{line}: huyện cũ '{unknown}' của '{id}' không có trong units.csv.");
            }

            origins.Add(new CommuneOrigin(id, status, districts, VietnameseText.Nfc(csv.GetField("unresolved")?.Trim() ?? ""))
            {
                FormerUnits = List(csv.GetField("former_units")).Select(VietnameseText.Nfc).ToList(),
            });
        }

        return origins;

        static List<string> List(string? text) => (text ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    /// <summary>Parses data/levels.csv: <c>level,code,name,units_name,label,default</c> (<c>default</c> is <c>true</c>
    /// on one row at most).</summary>
    public static IReadOnlyList<LevelInfo> ParseLevels(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = new CsvReader(reader, Configuration());
        csv.Read();
        csv.ReadHeader();
        var levels = new List<LevelInfo>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var id = Required(csv, "level", file, line);
            var code = Required(csv, "code", file, line);
            var isDefault = csv.GetField("default")?.Trim() switch
            {
                null or "" or "false" => false,
                "true" => true,
                var other => throw new ReferenceDataException($"{file}:{line}: cột 'default' là '{other}'; hãy ghi true hoặc để trống."),
            };
            if (levels.FirstOrDefault(l => l.Id == id || l.Code == code) is { } same)
            {
                throw new ReferenceDataException($"{file}:{line}: cấp '{id}' (mã '{code}') trùng với một dòng trước ('{same.Id}', mã '{same.Code}').");
            }

            if (isDefault && levels.Any(l => l.IsDefault))
            {
                throw new ReferenceDataException($"{file}:{line}: chỉ một cấp được là mặc định (default=true).");
            }

            levels.Add(new LevelInfo(id, code, Required(csv, "name", file, line), Required(csv, "units_name", file, line), Required(csv, "label", file, line), isDefault, levels.Count));
        }

        return levels;
    }

    /// <summary>Parses data/provinces.csv: <c>province,name</c>.</summary>
    public static IReadOnlyList<ProvinceInfo> ParseProvinces(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = new CsvReader(reader, Configuration());
        csv.Read();
        csv.ReadHeader();
        var provinces = new List<ProvinceInfo>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var id = Required(csv, "province", file, line);
            if (provinces.Any(p => p.Id == id))
            {
                throw new ReferenceDataException($"{file}:{line}: tỉnh '{id}' có hai dòng.");
            }

            provinces.Add(new ProvinceInfo(id, Required(csv, "name", file, line)));
        }

        return provinces;
    }

    /// <summary>The reference data embedded at build time (the files under <c>data/</c> in the repository).</summary>
    public static ReferenceData Embedded { get; } = LoadEmbedded();

    /// <summary>Parses a unit registry CSV: <c>unit_id,name,kind,province,valid_from,valid_to,first_year,last_year,aliases</c>
    /// (aliases separated by '|') and, optionally, <c>official_code</c> (digits, unique).</summary>
    public static IReadOnlyList<Unit> ParseUnits(TextReader reader, string file)
    {
        using var csv = new CsvReader(reader, Configuration());
        csv.Read();
        csv.ReadHeader();
        var units = new List<Unit>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var id = Required(csv, "unit_id", file, line);
            if (units.Any(u => u.Id == id))
            {
                throw new ReferenceDataException($"{file}:{line}: mã đơn vị '{id}' xuất hiện hai lần.");
            }

            if (!UnitKindText.TryParse(csv.GetField("kind"), out var kind))
            {
                throw new ReferenceDataException($"{file}:{line}: loại đơn vị (kind) '{csv.GetField("kind")}' của đơn vị '{id}' không hợp lệ.");
            }

            var officialCode = NullIfEmpty(Optional(csv, "official_code"));
            if (officialCode is not null && (!officialCode.All(char.IsAsciiDigit) || units.Any(u => u.OfficialCode == officialCode)))
            {
                throw new ReferenceDataException($"{file}:{line}: mã hành chính (official_code) '{officialCode}' của đơn vị '{id}' phải gồm toàn chữ số và không trùng với đơn vị khác.");
            }

            units.Add(new Unit(
                id,
                VietnameseText.Nfc(Required(csv, "name", file, line)),
                kind,
                Required(csv, "province", file, line),
                Date(csv.GetField("valid_from"), file, line),
                Date(csv.GetField("valid_to"), file, line),
                (csv.GetField("aliases") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(VietnameseText.Nfc).ToList(),
                Year(Optional(csv, "first_year"), file, line),
                Year(Optional(csv, "last_year"), file, line),
                officialCode));
        }

        return units;
    }

    /// <summary>Parses the lineage events: <c>event_id,effective_year,date,event,province,level,from_unit,to_unit,
    /// from_kind,to_kind,legal_basis,source,note</c>.</summary>
    public static IReadOnlyList<LineageEvent> ParseLineage(TextReader reader, string file) => ParseLineage(reader, file, lines: null);

    private static List<LineageEvent> ParseLineage(TextReader reader, string file, List<int>? lines)
    {
        using var csv = new CsvReader(reader, Configuration());
        csv.Read();
        csv.ReadHeader();
        var events = new List<LineageEvent>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var id = Required(csv, "event_id", file, line);
            if (!LineageEventKindText.TryParse(csv.GetField("event"), out var kind))
            {
                throw new ReferenceDataException($"{file}:{line}: loại sự kiện (event) '{csv.GetField("event")}' ở '{id}' không hợp lệ (phải là reclassified, succeeded, merged hoặc abolished).");
            }

            lines?.Add(line);
            events.Add(new LineageEvent(
                id,
                Year(Required(csv, "effective_year", file, line), file, line)!.Value,
                Date(csv.GetField("date"), file, line),
                kind,
                Required(csv, "province", file, line),
                Required(csv, "level", file, line),
                NullIfEmpty(csv.GetField("from_unit")),
                NullIfEmpty(csv.GetField("to_unit")),
                Kind(csv.GetField("from_kind"), file, line),
                Kind(csv.GetField("to_kind"), file, line),
                Required(csv, "legal_basis", file, line),
                Required(csv, "source", file, line),
                NullIfEmpty(csv.GetField("note"))));
        }

        return events;
    }

    /// <summary>Parses the concepts (<c>concept_id,level,name</c>) and the crosswalk
    /// (<c>framework_id,code,concept_id,mapping,from_codes,note</c>; from_codes separated by '|').</summary>
    public static Crosswalk ParseCrosswalk(TextReader concepts, string conceptsFile, TextReader entries, string entriesFile) =>
        ParseCrosswalk(concepts, conceptsFile, entries, entriesFile, lines: null);

    private static Crosswalk ParseCrosswalk(TextReader concepts, string conceptsFile, TextReader entries, string entriesFile, List<int>? lines)
    {
        var conceptList = new List<Concept>();
        using (var csv = new CsvReader(concepts, Configuration()))
        {
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                if (!CriterionLevelText.TryParse(csv.GetField("level"), out var level))
                {
                    throw new ReferenceDataException($"{conceptsFile}:{line}: cấp (level) '{csv.GetField("level")}' không hợp lệ.");
                }

                conceptList.Add(new Concept(Required(csv, "concept_id", conceptsFile, line), level, VietnameseText.Nfc(Required(csv, "name", conceptsFile, line))));
            }
        }

        var entryList = new List<CrosswalkEntry>();
        using (var csv = new CsvReader(entries, Configuration()))
        {
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                if (!MappingKindText.TryParse(csv.GetField("mapping"), out var mapping))
                {
                    throw new ReferenceDataException($"{entriesFile}:{line}: kiểu ánh xạ (mapping) '{csv.GetField("mapping")}' không hợp lệ (phải là same, renamed, split, merged, new hoặc dropped).");
                }

                var code = NullIfEmpty(csv.GetField("code"));
                if ((code is null) != (mapping == MappingKind.Dropped))
                {
                    throw new ReferenceDataException($"{entriesFile}:{line}: dòng dropped không có mã (code), còn mọi dòng khác đều phải có mã.");
                }

                lines?.Add(line);
                entryList.Add(new CrosswalkEntry(
                    Required(csv, "framework_id", entriesFile, line),
                    code is null ? null : CriterionCode.Normalize(code) ?? throw new ReferenceDataException($"{entriesFile}:{line}: '{code}' không phải là mã tiêu chí."),
                    Required(csv, "concept_id", entriesFile, line),
                    mapping,
                    (csv.GetField("from_codes") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    NullIfEmpty(csv.GetField("note"))));
            }
        }

        var known = conceptList.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var mapped = new HashSet<(string, string)>();
        for (var i = 0; i < entryList.Count; i++)
        {
            var entry = entryList[i];
            var where = lines is null ? entriesFile : $"{entriesFile}:{lines[i]}";
            if (!known.Contains(entry.ConceptId))
            {
                throw new ReferenceDataException($"{where}: khái niệm (concept) '{entry.ConceptId}' không có trong {conceptsFile}.");
            }

            if (entry.Code is not null && !mapped.Add((entry.FrameworkId, entry.Code)))
            {
                throw new ReferenceDataException($"{where}: {entry.FrameworkId} {entry.Code} được ánh xạ hai lần.");
            }
        }

        return new Crosswalk(conceptList, entryList);
    }

    /// <summary>Parses one framework's rows: <c>code,level,name,max_points</c>.</summary>
    public static IReadOnlyList<FrameworkCriterion> ParseCriteria(TextReader reader, string file)
    {
        using var csv = new CsvReader(reader, Configuration());
        csv.Read();
        csv.ReadHeader();
        var criteria = new List<FrameworkCriterion>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var code = CriterionCode.Normalize(csv.GetField("code"))
                ?? throw new ReferenceDataException($"{file}:{line}: '{csv.GetField("code")}' không phải là mã tiêu chí.");
            if (!CriterionLevelText.TryParse(csv.GetField("level"), out var level) || CriterionCode.LevelOf(code) != level)
            {
                throw new ReferenceDataException($"{file}:{line}: cấp (level) '{csv.GetField("level")}' không khớp với mã {code}.");
            }

            if (!decimal.TryParse(csv.GetField("max_points"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var max))
            {
                throw new ReferenceDataException($"{file}:{line}: max_points '{csv.GetField("max_points")}' không phải là số viết với dấu chấm thập phân.");
            }

            criteria.Add(new FrameworkCriterion(code, level, VietnameseText.Nfc(Required(csv, "name", file, line)), max));
        }

        return criteria;
    }

    /// <summary>Parses the framework index <c>frameworks.csv</c>; <paramref name="openFile"/> opens each listed file.</summary>
    public static IReadOnlyList<Framework> ParseFrameworks(TextReader index, string file, Func<string, TextReader> openFile)
    {
        ArgumentNullException.ThrowIfNull(openFile);
        using var csv = new CsvReader(index, Configuration());
        csv.Read();
        csv.ReadHeader();
        var frameworks = new List<Framework>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var id = Required(csv, "framework_id", file, line);
            if (!FrameworkStatusText.TryParse(csv.GetField("status"), out var status))
            {
                throw new ReferenceDataException($"{file}:{line}: trạng thái (status) '{csv.GetField("status")}' của bộ tiêu chí '{id}' không hợp lệ.");
            }

            var criteriaFile = Required(csv, "file", file, line);
            using var criteriaReader = openFile(criteriaFile);
            var yearTo = csv.GetField("year_to");
            frameworks.Add(new Framework(
                id,
                Required(csv, "province", file, line),
                Required(csv, "level", file, line),
                Year(Required(csv, "year_from", file, line), file, line)!.Value,
                Year(yearTo, file, line),
                NullIfEmpty(csv.GetField("decision")),
                status,
                Required(csv, "source", file, line),
                ParseCriteria(criteriaReader, criteriaFile)));
        }

        return frameworks;
    }

    /// <summary>Parses <c>components.csv</c> (<c>framework_id,component,name,max_points,in_index,note</c>) and gives
    /// <paramref name="frameworks"/> back with their <see cref="Framework.Components"/>. Every framework must have exactly
    /// one <c>criteria</c> row, role <c>add</c>, whose maximum is the tree's total (<see cref="Framework.TotalMax"/>, the sum
    /// of the areas); an unknown framework, component id or role, a repeated row or a bad maximum is an error naming
    /// file and line.</summary>
    public static IReadOnlyList<Framework> ParseComponents(TextReader reader, string file, IReadOnlyList<Framework> frameworks)
    {
        ArgumentNullException.ThrowIfNull(frameworks);
        using var csv = new CsvReader(reader, Configuration());
        csv.Read();
        csv.ReadHeader();
        var byFramework = frameworks.ToDictionary(f => f.Id, _ => new List<FrameworkComponent>(), StringComparer.Ordinal);
        var total = frameworks.ToDictionary(f => f.Id, f => f.TotalMax, StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var frameworkId = Required(csv, "framework_id", file, line);
            if (!byFramework.TryGetValue(frameworkId, out var list))
            {
                throw new ReferenceDataException($"{file}:{line}: bộ tiêu chí '{frameworkId}' không có trong frameworks.csv.");
            }

            var id = Required(csv, "component", file, line);
            if (!ComponentId().IsMatch(id))
            {
                throw new ReferenceDataException($"{file}:{line}: mã thành phần (component) '{id}' không hợp lệ (chữ thường không dấu, số và dấu gạch ngang, ví dụ criteria, survey, bonus, penalty).");
            }

            if (list.Any(c => c.Id == id))
            {
                throw new ReferenceDataException($"{file}:{line}: thành phần '{id}' của bộ tiêu chí {frameworkId} xuất hiện hai lần.");
            }

            if (!ComponentRoleText.TryParse(csv.GetField("in_index"), out var role))
            {
                throw new ReferenceDataException($"{file}:{line}: cách tính vào chỉ số (in_index) '{csv.GetField("in_index")}' của thành phần '{id}' không hợp lệ (phải là add, bonus hoặc subtract).");
            }

            var maxText = csv.GetField("max_points");
            if (!decimal.TryParse(maxText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var max) || max <= 0)
            {
                throw new ReferenceDataException($"{file}:{line}: max_points '{maxText}' của thành phần '{id}' phải là số dương viết với dấu chấm thập phân.");
            }

            if (id == FrameworkComponent.CriteriaId)
            {
                if (role != ComponentRole.Add)
                {
                    throw new ReferenceDataException($"{file}:{line}: thành phần criteria (điểm theo bộ tiêu chí) của {frameworkId} phải có in_index là add, không phải {role.ToCode()}.");
                }

                if (max != total[frameworkId])
                {
                    throw new ReferenceDataException($"{file}:{line}: thành phần criteria của {frameworkId} có max_points {VietnameseText.Number(max)}, nhưng Điểm chuẩn của các lĩnh vực trong bộ tiêu chí cộng lại được {VietnameseText.Number(total[frameworkId])}.");
                }
            }

            list.Add(new FrameworkComponent(frameworkId, id, VietnameseText.Nfc(Required(csv, "name", file, line)), max, role, NullIfEmpty(Optional(csv, "note")) is { } note ? VietnameseText.Nfc(note) : null));
        }

        foreach (var framework in frameworks.Where(f => byFramework[f.Id].All(c => !c.IsCriteria)))
        {
            throw new ReferenceDataException($"{file}: bộ tiêu chí {framework.Id} không có dòng criteria (điểm theo bộ tiêu chí); mỗi bộ tiêu chí cần đúng một dòng criteria với max_points bằng tổng Điểm chuẩn {VietnameseText.Number(framework.TotalMax)}.");
        }

        // The criteria tree first, whatever the file's order: it is the index's main part.
        return frameworks.Select(f => f with { Components = [.. byFramework[f.Id].OrderBy(c => c.IsCriteria ? 0 : 1)] }).ToList();
    }

    /// <summary>Loads reference data from a data folder laid out like the repository's <c>data/</c>
    /// (<c>units.csv</c>, <c>lineage.csv</c>, <c>frameworks/</c>). Throws <see cref="ReferenceDataException"/> naming
    /// file and line on bad content.</summary>
    public static ReferenceData LoadFromDirectory(string dataDirectory) =>
        Load(name => new StreamReader(Path.Combine(dataDirectory, name)), name => Path.Combine(dataDirectory, name), name => File.Exists(Path.Combine(dataDirectory, name)));

    /// <summary>Whether <paramref name="directory"/> is a data folder (it has <c>units.csv</c> and <c>frameworks/frameworks.csv</c>;
    /// loading it then requires the other reference files too, and says which one is missing).</summary>
    public static bool IsDataDirectory(string directory) =>
        File.Exists(Path.Combine(directory, "units.csv")) && File.Exists(Path.Combine(directory, "frameworks", "frameworks.csv"));

    private static ReferenceData LoadEmbedded()
    {
        var assembly = typeof(ReferenceData).Assembly;
        return Load(name => Open(assembly, "data/" + name), name => "data/" + name);
    }

    private static ReferenceData Load(Func<string, TextReader> open, Func<string, string> describe, Func<string, bool>? exists = null)
    {
        foreach (var name in RequiredFiles.Where(n => exists is not null && !exists(n)))
        {
            throw new ReferenceDataException(
                $"{describe(name)}: thiếu tệp này; một thư mục dữ liệu cần có {string.Join(", ", RequiredFiles)} (xem README, mục Data).");
        }

        using var unitsReader = open("units.csv");
        using var lineageReader = open("lineage.csv");
        using var indexReader = open("frameworks/frameworks.csv");
        using var conceptsReader = open("frameworks/concepts.csv");
        using var crosswalkReader = open("frameworks/crosswalk.csv");
        using var componentsReader = open("frameworks/components.csv");
        var units = Guard(describe("units.csv"), () => ParseUnits(unitsReader, describe("units.csv")));
        var lineageLines = new List<int>();
        var lineage = Guard(describe("lineage.csv"), () => ParseLineage(lineageReader, describe("lineage.csv"), lineageLines));
        var trees = Guard(describe("frameworks/frameworks.csv"), () => ParseFrameworks(indexReader, describe("frameworks/frameworks.csv"), name => open("frameworks/" + name)));
        var frameworks = Guard(describe("frameworks/components.csv"), () => ParseComponents(componentsReader, describe("frameworks/components.csv"), trees));
        var crosswalkLines = new List<int>();
        var crosswalk = Guard(describe("frameworks/crosswalk.csv"),
            () => ParseCrosswalk(conceptsReader, describe("frameworks/concepts.csv"), crosswalkReader, describe("frameworks/crosswalk.csv"), crosswalkLines));
        ReferenceChecks.Check(units, lineage, lineageLines, describe("lineage.csv"), frameworks, describe("frameworks/frameworks.csv"), crosswalk, crosswalkLines, describe("frameworks/crosswalk.csv"));
        var origins = exists is not null && !exists("commune-origins.csv") ? null
            : Guard(describe("commune-origins.csv"), () =>
            {
                using var originsReader = open("commune-origins.csv");
                return ParseOrigins(originsReader, describe("commune-origins.csv"), units);
            });
        return new ReferenceData(units, frameworks, lineage, crosswalk, LoadPlaces(open, describe, exists, units, frameworks), origins);
    }

    /// <summary>data/provinces.csv and data/levels.csv when the folder has them (the embedded copy always does); every
    /// province of units.csv and every level of a unit or a framework must be named there.</summary>
    private static Places? LoadPlaces(Func<string, TextReader> open, Func<string, string> describe, Func<string, bool>? exists, IReadOnlyList<Unit> units, IReadOnlyList<Framework> frameworks)
    {
        if (exists is not null && !exists("levels.csv") && !exists("provinces.csv"))
        {
            return null;
        }

        using var levelsReader = open("levels.csv");
        using var provincesReader = open("provinces.csv");
        var levels = Guard(describe("levels.csv"), () => ParseLevels(levelsReader, describe("levels.csv")));
        var provinces = Guard(describe("provinces.csv"), () => ParseProvinces(provincesReader, describe("provinces.csv")));
        foreach (var level in units.Select(u => u.Level).Concat(frameworks.Select(f => f.Level)).Distinct().Where(l => levels.All(x => x.Id != l)))
        {
            throw new ReferenceDataException($"{describe("levels.csv")}: không có dòng nào cho cấp '{level}', cấp của một đơn vị trong units.csv hoặc một bộ tiêu chí.");
        }

        foreach (var province in units.Select(u => u.Province).Distinct().Where(p => provinces.All(x => x.Id != p)))
        {
            throw new ReferenceDataException($"{describe("provinces.csv")}: không có dòng nào cho tỉnh '{province}' của units.csv.");
        }

        return new Places(provinces, levels);
    }

    /// <summary>Turns CsvHelper's exceptions (unbalanced quotes, missing columns) into a one-line error with file and line.</summary>
    private static T Guard<T>(string file, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (CsvHelperException ex)
        {
            var line = ex.Context?.Parser?.RawRow;
            throw new ReferenceDataException($"{file}{(line is > 0 ? $":{line}" : "")}: dòng CSV sai định dạng ({CsvErrorText.Describe(ex)}).", ex);
        }
        catch (FileNotFoundException ex)
        {
            throw new ReferenceDataException($"{file}: tham chiếu tới một tệp không tồn tại ({Path.GetFileName(ex.FileName)}).", ex);
        }
    }

    private static StreamReader Open(Assembly assembly, string name) =>
        new(assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded reference file '{name}' is missing from the Ingest assembly."));

    private static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        TrimOptions = TrimOptions.Trim,
        DetectColumnCountChanges = true,
    };

    private static string Required(CsvReader csv, string column, string file, int line)
    {
        var value = csv.GetField(column);
        return string.IsNullOrWhiteSpace(value)
            ? throw new ReferenceDataException($"{file}:{line}: cột '{column}' để trống.")
            : value.Trim();
    }

    private static DateOnly? Date(string? text, string file, int line)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ReferenceDataException($"{file}:{line}: '{text}' không phải là ngày dạng yyyy-MM-dd.");
    }

    private static string? Optional(CsvReader csv, string column) =>
        csv.HeaderRecord is { } header && header.Contains(column, StringComparer.Ordinal) ? csv.GetField(column) : null;

    private static int? Year(string? text, string file, int line)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100
            ? year
            : throw new ReferenceDataException($"{file}:{line}: '{text}' không phải là năm hợp lệ.");
    }

    private static UnitKind? Kind(string? text, string file, int line)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return UnitKindText.TryParse(text, out var kind) ? kind : throw new ReferenceDataException($"{file}:{line}: loại đơn vị (kind) '{text}' không hợp lệ.");
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial System.Text.RegularExpressions.Regex ComponentId();
}
