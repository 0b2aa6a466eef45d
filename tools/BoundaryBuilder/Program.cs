using System.Globalization;
using System.Text;
using CchcAnalytics.BoundaryBuilder;
using CchcAnalytics.Core;
using CommuneOrigin = CchcAnalytics.BoundaryBuilder.CommuneOrigin;
using CchcAnalytics.Ingest.Reference;

// Builds the commune-level reference data of Thanh Hóa from a checkout of the public, MIT-licensed
// vietnamese-provinces-database (see data/README.md for the commands, the commit and the licence):
//   data/units.csv                                   the 166 xã/phường of 1/7/2025 (other rows kept byte for byte)
//   data/commune-origins.csv                         each commune's former district(s), where the sources say
//   data/boundaries/thanh-hoa-communes-2025.geojson  simplified outlines, properties {unit_id, official_code, name}
// Usage: BoundaryBuilder --units FILE --sapnhap FILE --before FILE --wards DIR [--data DIR] [--commit SHA]
//                        [--tolerance DEG] [--decimals N] [--preview FILE.svg]
var options = Options.Parse(args);
const string Province = "thanh-hoa";
const string ProvinceCode = "38";

var communes = CommuneList.Read(File.ReadAllText(options.Units), ProvinceCode);
Console.WriteLine($"communes: {communes.Count} ({communes.Count(c => c.Kind == "xa")} xã, {communes.Count(c => c.Kind == "phuong")} phường)");

var reference = ReferenceData.LoadFromDirectory(options.Data);
var registry = new UnitRegistry(reference.Units);
string DistrictId(string fullName) =>
    registry.Resolve(fullName, 2024) is { Unit.Level: "district" } match
        ? match.Unit.Id
        : throw new InvalidDataException($"'{fullName}' is not a district-level unit of 2024 in data/units.csv.");

var resolver = new OriginResolver(
    File.ReadAllText(options.Before),
    File.ReadAllText(options.Sapnhap),
    ProvinceCode,
    DistrictId);
var origins = communes.Select(resolver.Resolve).ToList();
Console.WriteLine($"former communes (before 1/7/2025): {resolver.FormerCommuneCount} in {resolver.Districts.Count} district-level units");
Console.WriteLine($"origins: {origins.Count(o => o.Status == "documented")} documented, {origins.Count(o => o.Status == "partial")} partial, {origins.Count(o => o.Status == "unknown")} unknown; {origins.Count(o => o.FormerDistricts.Count > 1)} communes span several former districts");

WriteUnits(Path.Combine(options.Data, "units.csv"), communes);
WriteOrigins(Path.Combine(options.Data, "commune-origins.csv"), origins, options.Source);

var outlines = Boundaries.Build(options.Wards, communes, options.Tolerance, options.Decimals);
var geojson = Boundaries.ToGeoJson(outlines, Province, options.Source + "; đã đơn giản hóa bằng tools/BoundaryBuilder (TopologyPreservingSimplifier, dung sai " + options.Tolerance.ToString(CultureInfo.InvariantCulture) + "°)", "MIT License, Copyright (c) 2021 Thang Le Quoc (vietnamese-provinces-database); ranh giới do Nhà xuất bản Tài nguyên – Môi trường và Bản đồ Việt Nam công bố tại sapnhap.bando.com.vn");
var boundaryFile = Path.Combine(options.Data, "boundaries", "thanh-hoa-communes-2025.geojson");
Directory.CreateDirectory(Path.GetDirectoryName(boundaryFile)!);
File.WriteAllText(boundaryFile, geojson, new UTF8Encoding(false));
var before = outlines.Sum(o => o.Original.NumPoints);
var after = outlines.Sum(o => o.Simplified.NumPoints);
Console.WriteLine($"boundaries: {outlines.Count} features, {outlines.Count(o => o.Repaired)} repaired, {before} → {after} points, {new FileInfo(boundaryFile).Length / 1024} KiB");
if (options.Preview is { } preview)
{
    File.WriteAllText(preview, SvgPreview.Draw(outlines, 1400));
    Console.WriteLine($"preview: {preview}");
}

static void WriteUnits(string file, IReadOnlyList<Commune> communes)
{
    var lines = File.ReadAllLines(file, Encoding.UTF8).ToList();
    var addColumn = !lines[0].Split(',').Contains("official_code");
    var kept = new List<string> { addColumn ? lines[0] + ",official_code" : lines[0] };
    foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
    {
        if (line.StartsWith(Province + "-xa-", StringComparison.Ordinal) || line.StartsWith(Province + "-phuong-", StringComparison.Ordinal))
        {
            continue;   // a commune row written by an earlier run
        }

        kept.Add(addColumn ? line + "," : line);
    }

    foreach (var c in communes)
    {
        var aliases = new List<string> { c.FullName.ToUpper(VietnameseText.Culture) };
        if (c.DatasetName != c.Name)
        {
            aliases.Add(c.DatasetName);
        }

        kept.Add(string.Join(',', c.UnitId(Province), c.Name, c.Kind, Province, "2025-07-01", "", "2025", "", string.Join('|', aliases), c.Code));
    }

    var ids = kept.Skip(1).Select(l => l.Split(',')[0]).ToList();
    if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
    {
        throw new InvalidDataException("Unit ids would not be unique: " + string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key)));
    }

    File.WriteAllText(file, string.Join('\n', kept) + "\n", new UTF8Encoding(false));
}

static void WriteOrigins(string file, IReadOnlyList<CommuneOrigin> origins, string source)
{
    var text = new StringBuilder("unit_id,official_code,status,former_districts,former_units,unresolved,note,source\n");
    foreach (var o in origins)
    {
        text.AppendJoin(',',
            o.Commune.UnitId(Province),
            o.Commune.Code,
            o.Status,
            string.Join('|', o.FormerDistricts),
            Quote(string.Join('|', o.FormerUnits)),
            Quote(string.Join(' ', o.Unresolved)),
            Quote(string.Join(' ', o.Notes)),
            Quote(source)).Append('\n');
    }

    File.WriteAllText(file, text.ToString(), new UTF8Encoding(false));
}

static string Quote(string field) =>
    field.IndexOfAny([',', '"', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

/// <summary>Command-line options: the dataset's files (see data/README.md) and where to write.</summary>
/// <param name="Units">postgresql/postgres_ImportData_vn_units.sql (the 2025 list).</param>
/// <param name="Sapnhap">dataset-generation-scripts/resources/gis/sapnhapbando_geo_objects.sql (former communes).</param>
/// <param name="Before">postgresql/ImportData_vn_units.sql of release v2.4.1 (communes by district before 1/7/2025).</param>
/// <param name="Wards">json/geojson/38_thanh_hoa/wards (one boundary file per commune).</param>
/// <param name="Data">The repository's data folder.</param>
/// <param name="Tolerance">Simplification tolerance in degrees.</param>
/// <param name="Decimals">Decimals kept in coordinates.</param>
/// <param name="Preview">An SVG to draw, or null.</param>
/// <param name="Source">The source sentence written into the outputs.</param>
internal sealed record Options(string Units, string Sapnhap, string Before, string Wards, string Data, double Tolerance, int Decimals, string? Preview, string Source)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        string Required(string name, string what) => Value(name) ?? throw new ArgumentException($"{name} {what} is required (see data/README.md)");
        var commit = Value("--commit") ?? "cd58063299585146ded3981f2272946ef19ced54";
        var source = $"NQ 1686/NQ-UBTVQH15 (2025); github.com/thanglequoc/vietnamese-provinces-database commit {commit[..7]} (danh sách xã/phường 2025, cột truocsapnhap của sapnhap.bando.com.vn) và bản v2.4.1 (danh mục xã theo huyện trước 1/7/2025)";
        return new Options(
            Required("--units", "FILE (postgres_ImportData_vn_units.sql)"),
            Required("--sapnhap", "FILE (sapnhapbando_geo_objects.sql)"),
            Required("--before", "FILE (ImportData_vn_units.sql of v2.4.1)"),
            Required("--wards", "DIR (json/geojson/38_thanh_hoa/wards)"),
            Value("--data") ?? "data",
            double.Parse(Value("--tolerance") ?? "0.0005", CultureInfo.InvariantCulture),
            int.Parse(Value("--decimals") ?? "5", CultureInfo.InvariantCulture),
            Value("--preview"),
            source);
    }
}
