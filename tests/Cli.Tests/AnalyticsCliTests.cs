using System.Text.Json;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Cli.Tests;

/// <summary><c>cchc report</c> and <c>cchc rank</c> on a database holding only the real Hoằng Hóa 2017 report.</summary>
public sealed class AnalyticsCliTests : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly string database;

    public AnalyticsCliTests()
    {
        database = folder.File("real.duckdb");
        Run("ingest", TestFiles.RealReport, "--db", database).Exit.ShouldBe(0);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Report_Json_DocumentedFieldsWithTheRealNumbers()
    {
        var (exit, output, _) = Run("report", "--unit", "HOÀNG HOÁ", "--year", "2017", "--db", database, "--format", "json");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("unit_id").GetString().ShouldBe("hoang-hoa");
        root.GetProperty("year").GetInt32().ShouldBe(2017);
        root.GetProperty("stage_used").GetString().ShouldBe("self");
        root.GetProperty("points").GetDecimal().ShouldBe(92m);
        root.GetProperty("max_points").GetDecimal().ShouldBe(100m);
        root.GetProperty("index").GetDecimal().ShouldBe(92m);
        (root.GetProperty("rank").GetInt32(), root.GetProperty("rank_of").GetInt32()).ShouldBe((1, 1));
        var area7 = root.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "7");
        (area7.GetProperty("max_points").GetDecimal(), area7.GetProperty("points").GetDecimal(), area7.GetProperty("percent").GetDecimal()).ShouldBe((13m, 6.5m, 50m));
        root.GetProperty("weakest").EnumerateArray().Take(4).Select(w => (w.GetProperty("code").GetString(), w.GetProperty("lost").GetDecimal()))
            .ShouldBe([("7.1.5", 3m), ("7.1.4", 2m), ("7.2.2", 1m), ("8.5", 1m)]);
        root.GetProperty("appraisal").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("findings")[0].GetProperty("text").GetString()
            .ShouldBe("Năm 2017, huyện Hoằng Hóa đạt 92/100 điểm (điểm tự chấm, chưa thẩm định), chỉ số 92%, xếp thứ 1/1.");
    }

    [Fact]
    public void Report_Text_IsVietnameseWithDecimalCommas()
    {
        var (exit, output, _) = Run("report", "--unit", "hoang-hoa", "--year", "2017", "--db", database);

        exit.ShouldBe(0);
        output.ShouldContain("Điểm: 92/100   Chỉ số: 92%   Xếp hạng: 1/1");
        output.ShouldContain("15,5");
        output.ShouldContain("7.1.5   mất 3");
    }

    [Fact]
    public void Rank_Csv_OneRowWithADecimalPoint()
    {
        var (exit, output, _) = Run("rank", "--year", "2017", "--db", database, "--format", "csv");

        exit.ShouldBe(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "year,rank,rank_of,tied,unit_id,unit_name,points,max_points,index,stage_used,synthetic,band,quartile,previous_rank,rank_change",
            "2017,1,1,false,hoang-hoa,\"huyện Hoằng Hóa\",92,100,92,self,false,\"≥ 90\",1,,",
        ]);
    }

    [Theory]
    [InlineData("report", "--unit", "nowhere", "--year", "2017", "Unknown unit 'nowhere'")]
    [InlineData("report", "--unit", "hoang-hoa", "--year", "2016", "No score of huyện Hoằng Hóa (hoang-hoa) for 2016 is in the database.")]
    [InlineData("rank", "--year", "2016", "", "", "has a total for 2016 in the database.")]
    public void Analytics_NothingToShow_ExitOneWithAPlainMessage(string command, string a, string b, string c, string d, string expected)
    {
        var args = new[] { command, a, b, c, d, "--db", database }.Where(x => x.Length > 0).ToArray();

        var (exit, _, error) = Run(args);

        exit.ShouldBe(1);
        error.ShouldContain(expected);
    }

    [Fact]
    public void Analytics_MissingDatabase_SaysHowToBuildIt()
    {
        var (exit, _, error) = Run("rank", "--year", "2017", "--db", folder.File("none.duckdb"));

        exit.ShouldBe(1);
        error.ShouldContain("does not exist. Run 'cchc ingest data --db");
        File.Exists(folder.File("none.duckdb")).ShouldBeFalse();
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CchcCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
