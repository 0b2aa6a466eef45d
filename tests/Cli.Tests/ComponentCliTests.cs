using System.Text.Json;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Cli.Tests;

/// <summary><c>cchc rank --format json</c> on communes scored on a framework with components (issue 13 §3): each row
/// carries the index's components, the criteria tree first; a component not scored is null, never 0.</summary>
public sealed class ComponentCliTests : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Rank_Json_CommuneRowsCarryTheirComponents()
    {
        var database = folder.File("communes.duckdb");
        Run("ingest", folder.Write("communes-2025.csv", CommuneCsv.TwoUnits()), "--db", database).Exit.ShouldBe(0);

        var (exit, output, _) = Run("rank", "--year", "2025", "--level", "commune", "--db", database, "--format", "json");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToList();
        units.Select(u => (u.GetProperty("unit_id").GetString(), u.GetProperty("rank").GetInt32(), u.GetProperty("index").GetDecimal()))
            .ShouldBe([(CommuneCsv.NgaSon, 1, 88.75m), (CommuneCsv.HoangHoa, 2, 86m)]);
        (units[1].GetProperty("points").GetDecimal(), units[1].GetProperty("max_points").GetDecimal()).ShouldBe((86m, 100m));
        static (string?, string?, decimal?, decimal) Part(JsonElement c) => (
            c.GetProperty("id").GetString(),
            c.GetProperty("role").GetString(),
            c.GetProperty("points").ValueKind == JsonValueKind.Null ? null : c.GetProperty("points").GetDecimal(),
            c.GetProperty("max_points").GetDecimal());
        units[1].GetProperty("components").EnumerateArray().Select(Part).ShouldBe(
        [
            ("criteria", "add", (decimal?)70m, 80m),
            ("survey", "add", 15m, 20m),
            ("bonus", "bonus", 2m, 5m),
            ("penalty", "subtract", 1m, 5m),
        ]);
        units[0].GetProperty("components").EnumerateArray().Select(Part).ElementAt(1).ShouldBe(("survey", "add", (decimal?)null, 20m));
        units[1].GetProperty("components")[1].GetProperty("name").GetString().ShouldBe(CommuneCsv.SurveyName);
    }

    [Fact]
    public void Rank_Json_DistrictRowsCarryTheCriteriaTreeAlone()
    {
        var database = folder.File("real.duckdb");
        Run("ingest", TestFiles.RealReport, "--db", database).Exit.ShouldBe(0);

        var (exit, output, _) = Run("rank", "--year", "2017", "--db", database, "--format", "json");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var component = json.RootElement.GetProperty("units")[0].GetProperty("components").EnumerateArray().ShouldHaveSingleItem();
        (component.GetProperty("id").GetString(), component.GetProperty("points").GetDecimal(), component.GetProperty("max_points").GetDecimal()).ShouldBe(("criteria", 92m, 100m));
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CchcCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
