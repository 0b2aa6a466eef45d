using CchcAnalytics.Core;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CchcAnalytics.Charts.Maps;

/// <summary>One unit's outline: its id in <c>units.csv</c>, its official code, its name as the file writes it, and its
/// geometry (WGS 84 longitude/latitude; a Polygon or a MultiPolygon).</summary>
public sealed record BoundaryShape(string UnitId, string OfficialCode, string Name, Geometry Geometry);

/// <summary>A boundary file that cannot be used: missing, not GeoJSON, or a feature without a unit id or with a bad
/// outline. The message is Vietnamese and names the file and the feature.</summary>
public sealed class BoundaryDataException : Exception
{
    public BoundaryDataException(string message)
        : base(message)
    {
    }

    public BoundaryDataException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public BoundaryDataException()
    {
    }
}

/// <summary>The outlines of a province's units, read once from a GeoJSON <c>FeatureCollection</c> (such as
/// <c>data/boundaries/thanh-hoa-communes-2025.geojson</c>) and keyed by unit id. Immutable once loaded and safe to share
/// between requests: load it at start-up and hand it to <see cref="MapChartBuilder.Build"/> for every map.</summary>
/// <remarks>Each feature needs the properties <c>unit_id</c>, <c>official_code</c> and <c>name</c> and a Polygon or
/// MultiPolygon geometry that is valid (no self-intersection) and in longitude/latitude. The collection's foreign
/// members <c>source</c> and <c>license</c> are kept for the map's attribution. Geometry is read by NetTopologySuite's
/// GeoJSON reader; nothing here computes geometry by hand.</remarks>
public sealed class BoundarySet
{
    /// <summary>Larger files are refused before they are read (the committed one is about 0.4 MB).</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private readonly Dictionary<string, BoundaryShape> byId;

    private BoundarySet(string name, IReadOnlyList<BoundaryShape> shapes, string source, string license)
    {
        Name = name;
        Shapes = shapes;
        Source = source;
        License = license;
        byId = shapes.ToDictionary(s => s.UnitId, StringComparer.Ordinal);
        var extent = new Envelope();
        foreach (var shape in shapes)
        {
            extent.ExpandToInclude(shape.Geometry.EnvelopeInternal);
        }

        Extent = extent;
    }

    /// <summary>A set made from shapes already checked (a dissolve of another set).</summary>
    internal static BoundarySet Of(string name, IReadOnlyList<BoundaryShape> shapes, string source, string license) => new(name, shapes, source, license);

    /// <summary>The file name the set was read from (for messages).</summary>
    public string Name { get; }

    /// <summary>Every shape, in the file's order.</summary>
    public IReadOnlyList<BoundaryShape> Shapes { get; }

    /// <summary>Where the outlines come from, as the file's <c>source</c> member says ("" when it has none).</summary>
    public string Source { get; }

    /// <summary>Their licence, as the file's <c>license</c> member says ("" when it has none).</summary>
    public string License { get; }

    /// <summary>The bounding box of all shapes, in longitude/latitude.</summary>
    public Envelope Extent { get; }

    /// <summary>The ids of every shape, in the file's order.</summary>
    public IReadOnlyList<string> UnitIds => Shapes.Select(s => s.UnitId).ToList();

    /// <summary>The shape of a unit, or null when the set has none.</summary>
    public BoundaryShape? Find(string unitId) => byId.GetValueOrDefault(unitId);

    /// <summary>Reads a GeoJSON file. Throws <see cref="BoundaryDataException"/> with a Vietnamese message naming the file
    /// (and the feature) when it is missing, too large, not GeoJSON or has a bad feature.</summary>
    public static BoundarySet Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new BoundaryDataException($"Không tìm thấy tệp ranh giới '{path}': bản đồ cần tệp này (xem data/README.md, mục Boundaries).");
        }

        if (file.Length > MaxFileBytes)
        {
            throw new BoundaryDataException($"Tệp ranh giới '{name}' quá lớn ({VietnameseText.Number(Math.Round(file.Length / 1048576m, 1))} MB; tối đa {VietnameseText.Number(MaxFileBytes / 1048576)} MB).");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BoundaryDataException($"Không đọc được tệp ranh giới '{name}': {ex.Message}", ex);
        }

        return Parse(text, name);
    }

    /// <summary>Reads GeoJSON text; <paramref name="name"/> names it in messages.</summary>
    public static BoundarySet Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (dòng {line + 1})" : "";
            throw new BoundaryDataException($"Tệp ranh giới '{name}' không phải JSON hợp lệ{where}.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new BoundaryDataException($"Tệp ranh giới '{name}' không phải GeoJSON FeatureCollection (cần \"type\": \"FeatureCollection\" và mảng \"features\").");
            }

            var shapes = new List<BoundaryShape>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                number++;
                var shape = ReadFeature(feature, name, number);
                if (!seen.Add(shape.UnitId))
                {
                    throw new BoundaryDataException($"Tệp ranh giới '{name}', đối tượng thứ {number}: đơn vị '{shape.UnitId}' đã có ranh giới ở đối tượng trước.");
                }

                shapes.Add(shape);
            }

            if (shapes.Count == 0)
            {
                throw new BoundaryDataException($"Tệp ranh giới '{name}' không có đối tượng nào.");
            }

            return new BoundarySet(name, shapes, Text(root, "source") ?? "", Text(root, "license") ?? "");
        }
    }

    private static BoundaryShape ReadFeature(JsonElement feature, string name, int number)
    {
        var at = $"Tệp ranh giới '{name}', đối tượng thứ {number}";
        if (feature.ValueKind != JsonValueKind.Object || Text(feature, "type") != "Feature")
        {
            throw new BoundaryDataException($"{at}: không phải một Feature.");
        }

        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw new BoundaryDataException($"{at}: thiếu thuộc tính (properties).");
        }

        var unitId = Text(properties, "unit_id");
        if (string.IsNullOrWhiteSpace(unitId))
        {
            throw new BoundaryDataException($"{at}: thiếu mã đơn vị (unit_id).");
        }

        at += $" ('{unitId}')";
        if (!feature.TryGetProperty("geometry", out var geometryElement) || geometryElement.ValueKind != JsonValueKind.Object)
        {
            throw new BoundaryDataException($"{at}: thiếu ranh giới (geometry).");
        }

        Geometry? geometry;
        try
        {
            geometry = geometryElement.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new BoundaryDataException($"{at}: ranh giới không đọc được ({ex.Message}).", ex);
        }

        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            throw new BoundaryDataException($"{at}: ranh giới phải là Polygon hoặc MultiPolygon có điểm (đang là {geometry?.GeometryType ?? "rỗng"}).");
        }

        var envelope = geometry.EnvelopeInternal;
        if (envelope.MinX < -180 || envelope.MaxX > 180 || envelope.MinY < -90 || envelope.MaxY > 90)
        {
            throw new BoundaryDataException($"{at}: tọa độ ngoài kinh độ/vĩ độ (WGS 84).");
        }

        if (!geometry.IsValid)
        {
            throw new BoundaryDataException($"{at}: ranh giới không hợp lệ (tự cắt hoặc vòng không khép); dựng lại tệp bằng tools/BoundaryBuilder.");
        }

        return new BoundaryShape(unitId, Text(properties, "official_code") ?? "", Text(properties, "name") ?? unitId, geometry);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
