using System.Globalization;
using System.Reflection;
using CchcAnalytics.Core;
using CsvHelper;
using CsvHelper.Configuration;

namespace CchcAnalytics.Ingest.Reference;

/// <summary>The reference data every database starts with: the unit registry (<c>data/units.csv</c>) and the
/// criteria frameworks (<c>data/frameworks/</c>). The same files are embedded in this assembly, so validation
/// works from any folder.</summary>
public sealed class ReferenceData(IReadOnlyList<Unit> units, IReadOnlyList<Framework> frameworks)
{
    public IReadOnlyList<Unit> Units { get; } = units;

    public IReadOnlyList<Framework> Frameworks { get; } = frameworks;

    /// <summary>The reference data embedded at build time (the files under <c>data/</c> in the repository).</summary>
    public static ReferenceData Embedded { get; } = LoadEmbedded();

    /// <summary>Parses a unit registry CSV: <c>unit_id,name,kind,province,valid_from,valid_to,aliases</c>
    /// (aliases separated by '|').</summary>
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
            if (!UnitKindText.TryParse(csv.GetField("kind"), out var kind))
            {
                throw new InvalidDataException($"{file}:{line}: unknown kind '{csv.GetField("kind")}' for unit '{id}'.");
            }

            units.Add(new Unit(
                id,
                VietnameseText.Nfc(Required(csv, "name", file, line)),
                kind,
                Required(csv, "province", file, line),
                Date(csv.GetField("valid_from"), file, line),
                Date(csv.GetField("valid_to"), file, line),
                (csv.GetField("aliases") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(VietnameseText.Nfc).ToList()));
        }

        return units;
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
                ?? throw new InvalidDataException($"{file}:{line}: '{csv.GetField("code")}' is not a criterion code.");
            if (!CriterionLevelText.TryParse(csv.GetField("level"), out var level) || CriterionCode.LevelOf(code) != level)
            {
                throw new InvalidDataException($"{file}:{line}: level '{csv.GetField("level")}' does not fit code {code}.");
            }

            if (!decimal.TryParse(csv.GetField("max_points"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var max))
            {
                throw new InvalidDataException($"{file}:{line}: max_points '{csv.GetField("max_points")}' is not a number with a decimal point.");
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
                throw new InvalidDataException($"{file}:{line}: unknown status '{csv.GetField("status")}' for framework '{id}'.");
            }

            var criteriaFile = Required(csv, "file", file, line);
            using var criteriaReader = openFile(criteriaFile);
            var yearTo = csv.GetField("year_to");
            frameworks.Add(new Framework(
                id,
                Required(csv, "province", file, line),
                Required(csv, "level", file, line),
                int.Parse(Required(csv, "year_from", file, line), CultureInfo.InvariantCulture),
                string.IsNullOrWhiteSpace(yearTo) ? null : int.Parse(yearTo, CultureInfo.InvariantCulture),
                NullIfEmpty(csv.GetField("decision")),
                status,
                Required(csv, "source", file, line),
                ParseCriteria(criteriaReader, criteriaFile)));
        }

        return frameworks;
    }

    /// <summary>Loads reference data from a data folder laid out like the repository's <c>data/</c>.</summary>
    public static ReferenceData LoadFromDirectory(string dataDirectory)
    {
        var unitsPath = Path.Combine(dataDirectory, "units.csv");
        var frameworkDirectory = Path.Combine(dataDirectory, "frameworks");
        using var unitsReader = new StreamReader(unitsPath);
        using var indexReader = new StreamReader(Path.Combine(frameworkDirectory, "frameworks.csv"));
        return new ReferenceData(
            ParseUnits(unitsReader, unitsPath),
            ParseFrameworks(indexReader, "frameworks.csv", name => new StreamReader(Path.Combine(frameworkDirectory, name))));
    }

    private static ReferenceData LoadEmbedded()
    {
        var assembly = typeof(ReferenceData).Assembly;
        using var unitsReader = Open(assembly, "data/units.csv");
        using var indexReader = Open(assembly, "data/frameworks/frameworks.csv");
        return new ReferenceData(
            ParseUnits(unitsReader, "data/units.csv"),
            ParseFrameworks(indexReader, "data/frameworks/frameworks.csv", name => Open(assembly, "data/frameworks/" + name)));
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
            ? throw new InvalidDataException($"{file}:{line}: column '{column}' is empty.")
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
            : throw new InvalidDataException($"{file}:{line}: '{text}' is not a date in yyyy-MM-dd form.");
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
