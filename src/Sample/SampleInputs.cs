using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;

namespace CchcAnalytics.Sample;

/// <summary>What the generator needs from a data folder: reference data, published results to calibrate to, the
/// unit-years real documents cover (which the sample must leave alone) and the communes' former districts. The
/// frameworks' index components (survey, bonus, penalty) are the reference data's (<see cref="Framework.Components"/>).</summary>
public sealed record SampleInputs(ReferenceData Reference, IReadOnlyList<PublishedResult> Published, IReadOnlyList<(string UnitId, int Year)> RealUnitYears)
{
    /// <summary>The district-level units each commune of 2025 was formed from, where <c>commune-origins.csv</c> knows
    /// them (no entry, or an empty list, where it does not).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FormerDistricts { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Reads a data folder like the repository's <c>data/</c>. Real documents are validated (not stored) to
    /// learn their unit and year; the existing <c>sample/</c> folder is ignored. Throws <see cref="ReferenceDataException"/>
    /// when a published-results file or a real document is rejected, since the sample would be built on bad ground.</summary>
    public static SampleInputs FromDataFolder(string dataDirectory)
    {
        if (!ReferenceData.IsDataDirectory(dataDirectory))
        {
            throw new ReferenceDataException(
                $"'{dataDirectory}' is not a data folder: it needs units.csv, lineage.csv and frameworks/ (like the repository's data/). The sample is built from a data folder's reference data and published results, never from defaults.");
        }

        var plan = DataFolder.Plan([dataDirectory]);
        var runner = new IngestRunner(plan.Reference);
        var published = new List<PublishedResult>();
        var units = new UnitRegistry(plan.Reference.Units);
        foreach (var file in plan.PublishedFiles)
        {
            var problems = new List<Problem>();
            var rows = PublishedCsv.Read(File.ReadAllBytes(file), file, units, problems);
            if (problems.Any(p => p.Severity == Severity.Error))
            {
                throw new ReferenceDataException(string.Join(Environment.NewLine, problems));
            }

            published.AddRange(rows);
        }

        var sampleDirectory = Path.GetFullPath(Path.Combine(dataDirectory, DataFolder.SampleFolder)) + Path.DirectorySeparatorChar;
        var real = new List<(string, int)>();
        foreach (var file in plan.DocumentFiles.Where(f => !Path.GetFullPath(f).StartsWith(sampleDirectory, StringComparison.Ordinal)))
        {
            var report = runner.Run(file, new IngestOptions());
            if (!report.Accepted)
            {
                throw new ReferenceDataException(string.Join(Environment.NewLine, report.Problems.Where(p => p.Severity == Severity.Error)));
            }

            real.AddRange(report.Submissions.Where(s => !s.Synthetic).Select(s => (s.Sheet.UnitId, s.Sheet.Year)));
        }

        return new SampleInputs(plan.Reference, published, real.Distinct().ToList())
        {
            FormerDistricts = ReadFormerDistricts(Path.Combine(dataDirectory, "commune-origins.csv")),
        };
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadFormerDistricts(string path)
    {
        var origins = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return origins;
        }

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            origins[csv.GetField("unit_id") ?? ""] = (csv.GetField("former_districts") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return origins;
    }
}

/// <summary>Writes generated files as canonical CSV (UTF-8 without BOM, LF line ends, a <c>synthetic</c> column).</summary>
public static class SampleWriter
{
    public static IReadOnlyList<string> Write(IReadOnlyList<SampleFile> files, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(outputDirectory, file.FileName);
            using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
            {
                CanonicalCsv.Write(writer, file.Rows);
            }

            written.Add(path);
        }

        return written;
    }
}
