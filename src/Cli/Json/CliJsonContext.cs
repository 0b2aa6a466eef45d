using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CchcAnalytics.Core;

namespace CchcAnalytics.Cli.Json;

/// <summary>Source-generated serialisation of the CLI's JSON records: indented, snake_case, Vietnamese letters
/// written as they are (not <c>\uXXXX</c>).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(UnitReportJson))]
[JsonSerializable(typeof(RankingJson))]
[JsonSerializable(typeof(IReadOnlyList<FileReportJson>))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>The context the CLI writes with: the generated options plus the relaxed encoder (the output is a
    /// terminal or a file, never HTML).</summary>
    public static CliJsonContext Cli { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>A number as the canonical CSV writes it (<c>92.5</c>, not <c>92.500</c>): the shortest exact decimal.</summary>
    public static decimal? Number(decimal? value) =>
        value is { } v ? decimal.Parse(ScoreSheet.Canonical(v), CultureInfo.InvariantCulture) : null;
}
