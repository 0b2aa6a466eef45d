using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Precision;
using NetTopologySuite.Simplify;

namespace CchcAnalytics.BoundaryBuilder;

/// <summary>Reads the dataset's ward boundaries (one GeoJSON FeatureCollection per ward, feature id = official code),
/// repairs invalid rings, simplifies each outline with <see cref="TopologyPreservingSimplifier"/> (no ring may cross
/// itself or vanish) and rounds coordinates to the given number of decimals.</summary>
internal static class Boundaries
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new GeoJsonConverterFactory() } };

    public sealed record Outline(Commune Commune, Geometry Original, Geometry Simplified, bool Repaired);

    public static IReadOnlyList<Outline> Build(string wardsDirectory, IReadOnlyList<Commune> communes, double tolerance, int decimals)
    {
        var reducer = new GeometryPrecisionReducer(new PrecisionModel(Math.Pow(10, decimals)));
        var outlines = new List<Outline>();
        foreach (var commune in communes)
        {
            var files = Directory.GetFiles(wardsDirectory, commune.Code + "_*.geojson");
            if (files.Length != 1)
            {
                throw new InvalidDataException($"Expected one boundary file for {commune.Code} {commune.FullName} in {wardsDirectory}, found {files.Length}.");
            }

            var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(files[0]), Json)
                ?? throw new InvalidDataException($"{files[0]}: not a FeatureCollection.");
            if (collection.Count != 1 || collection[0].Geometry is not (Polygon or MultiPolygon))
            {
                throw new InvalidDataException($"{files[0]}: expected exactly one polygonal feature.");
            }

            var original = collection[0].Geometry;
            var repaired = !original.IsValid;
            var valid = repaired ? GeometryFixer.Fix(original) : original;
            var simplified = reducer.Reduce(TopologyPreservingSimplifier.Simplify(valid, tolerance));
            if (simplified.IsEmpty || !simplified.IsValid || simplified is not (Polygon or MultiPolygon))
            {
                throw new InvalidDataException($"{commune.Code} {commune.FullName}: the simplified outline is empty or invalid; use a smaller tolerance.");
            }

            outlines.Add(new Outline(commune, valid, simplified, repaired));
        }

        return outlines;
    }

    /// <summary>The committed file: a FeatureCollection with properties {unit_id, official_code, name} and, as foreign
    /// members, where the shapes come from and under which licence.</summary>
    public static string ToGeoJson(IReadOnlyList<Outline> outlines, string province, string source, string license)
    {
        var features = new JsonArray();
        foreach (var outline in outlines)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject
                {
                    ["unit_id"] = outline.Commune.UnitId(province),
                    ["official_code"] = outline.Commune.Code,
                    ["name"] = outline.Commune.Name,
                },
                ["geometry"] = JsonSerializer.SerializeToNode(outline.Simplified, Json),
            });
        }

        var root = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["source"] = source,
            ["license"] = license,
            ["features"] = features,
        };
        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
