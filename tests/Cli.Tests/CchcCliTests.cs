using System.Diagnostics;
using System.Text.Json;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Cli.Tests;

public sealed class CchcCliTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CchcCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Validate_RealReportAsJson_DocumentedFields()
    {
        var (exit, output, _) = Run("validate", TestFiles.RealReport, "--format", "json");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var file = json.RootElement.EnumerateArray().ShouldHaveSingleItem();
        file.GetProperty("status").GetString().ShouldBe("accepted");
        file.GetProperty("unit_id").GetString().ShouldBe("hoang-hoa");
        file.GetProperty("year").GetInt32().ShouldBe(2017);
        file.GetProperty("stages").EnumerateArray().Select(s => s.GetString()).ShouldBe(["self"]);
        file.GetProperty("rows").GetInt32().ShouldBe(111);
        file.GetProperty("max_points").GetDecimal().ShouldBe(100m);
        file.GetProperty("points").GetDecimal().ShouldBe(92m);
        file.GetProperty("appraised_points").ValueKind.ShouldBe(JsonValueKind.Null);
        var problems = file.GetProperty("problems").EnumerateArray().ToList();
        problems.Count.ShouldBe(1);
        problems.ShouldAllBe(p => p.GetProperty("severity").GetString() == "warning"
                                  && p.GetProperty("code").GetString() == "parent-sum-mismatch"
                                  && p.GetProperty("line").GetInt32() == 138);
    }

    [Fact]
    public void Validate_BadFile_ExitsOneAndNamesFileLineAndCode()
    {
        using var folder = TestFiles.NewTempFolder();
        var bad = folder.Write("bad.txt", TestFiles.WithRow(TestFiles.RealReportText, "7.1.4", c => { c[3] = "5"; return c; }));

        var (exit, output, _) = Run("validate", bad);

        exit.ShouldBe(1);
        output.ShouldContain($"rejected  {bad}");
        output.ShouldContain($"{bad}:173: error points-above-max: Dòng 7.1.4: Điểm tự chấm 5 vượt Điểm chuẩn 2.");
        output.ShouldContain("0 accepted, 1 rejected.");
    }

    [Fact]
    public void Validate_ThousandsOfProblems_PrintsTheFirst200AndCountsTheRestByCode()
    {
        using var folder = TestFiles.NewTempFolder();
        var sample = File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, "data", "sample", "thanh-hoa-district-2023-sample.csv"));
        // The points cell of every row that has one becomes "x": one bad-number error per such row.
        var garbled = sample.Skip(1)
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @",([0-9.]+),([0-9.]+),([^,]*),true$", ",$1,x,$3,true"))
            .ToList();
        var changed = garbled.Where((l, i) => l != sample[i + 1]).Count();
        changed.ShouldBeGreaterThan(5_000);
        var bad = folder.Write("garbled.csv", string.Join('\n', sample.Take(1).Concat(garbled)));

        var (exit, output, _) = Run("validate", bad);
        var (_, json, _) = Run("validate", bad, "--format", "json");

        exit.ShouldBe(1);
        var all = JsonDocument.Parse(json).RootElement.EnumerateArray().ShouldHaveSingleItem().GetProperty("problems").GetArrayLength();
        all.ShouldBe(changed);
        var lines = output.Split('\n');
        lines.Count(l => l.Contains(" error bad-number: points 'x' không phải là số.", StringComparison.Ordinal)).ShouldBe(200);
        output.ShouldContain($"  … {all - 200} more problems not shown (--json lists all {all}); by code: bad-number ×{all}");
    }

    [Fact]
    public void IngestThenExport_GivesTheRealNumbers()
    {
        using var folder = TestFiles.NewTempFolder();
        var db = folder.File("x.duckdb");
        var csv = folder.File("scores.csv");

        var ingest = Run("ingest", Path.Combine(TestFiles.RepositoryRoot, "data", "raw"), "--db", db);
        ingest.Exit.ShouldBe(0, ingest.Output + ingest.Error);
        ingest.Output.ShouldContain("hoang-hoa 2017 [self] 111 rows, self 92/100");
        ingest.Output.ShouldContain("added (version 1)");

        var again = Run("ingest", TestFiles.RealReport, "--db", db);
        again.Output.ShouldContain("unchanged (same content already stored)");

        Run("export", "scores", "--db", db, "--out", csv).Exit.ShouldBe(0);
        var lines = File.ReadAllLines(csv);
        lines[0].ShouldBe("unit_id,unit_name,year,stage,code,level,name,max_points,points,evidence");
        lines.ShouldContain(l => l.StartsWith("hoang-hoa,Hoằng Hóa,2017,self,5,area,\"XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC\",16,15.5,", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("hoang-hoa,Hoằng Hóa,2017,self,7.1.5,sub_criterion,Mức độ cung cấp dịch vụ công trực tuyến mức độ 4,3,0,", StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_CorrectedReportOverTheRealOne_SaysLoudlyWhichVersionAndTheTotalChange()
    {
        using var folder = TestFiles.NewTempFolder();
        var db = folder.File("x.duckdb");
        Run("ingest", TestFiles.RealReport, "--db", db).Exit.ShouldBe(0);
        var corrected = folder.Write("hoang-hoa-2017-dinh-chinh.txt", TestFiles.CorrectedReportText);

        var (exit, output, _) = Run("ingest", corrected, "--db", db);

        exit.ShouldBe(0);
        output.ShouldContain($"accepted  {corrected}: hoang-hoa 2017 [self] 111 rows, self 93/100 — REPLACED real data: version 1 → version 2, older kept as history (2 warnings)");
        output.ShouldContain($"  {corrected}: warning real-data-replaced: hoang-hoa 2017 tự chấm: THAY số liệu thật đã lưu — phiên bản 1 (92/100 điểm) thành phiên bản 2 (93/100 điểm), tổng điểm +1. Phiên bản 1 được giữ trong lịch sử.");
    }

    [Fact]
    public void Ingest_ReportForAYearWithoutFramework_TheOperatorMakesTheDraft()
    {
        // The command line's operator has the right a province account has: a real table for a year that only a khung
        // minh họa covers becomes that year's draft framework.
        using var folder = TestFiles.NewTempFolder();
        var db = folder.File("x.duckdb");
        var report = folder.Write("hoang-hoa-2021.txt", TestFiles.ReportOf(2021));

        var (exit, output, _) = Run("ingest", report, "--db", db);

        exit.ShouldBe(0);
        output.ShouldContain($"  {report}: warning draft-framework: ");
        using var connections = new DuckDbConnectionFactory(db);
        var store = new ScoreStore(connections);
        store.GetDraftOrigins().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            o => o.FrameworkId.ShouldBe("thanh-hoa-district-2021-draft"),
            o => o.CreatedBy.ShouldBe($"cli:{Environment.UserName}"));
        store.GetEvents(5).ShouldContain(e => e.Outcome == "framework-draft" && e.File == report);
    }

    [Fact]
    public void Export_MissingDatabase_SaysSo()
    {
        var (exit, _, error) = Run("export", "scores", "--db", "/nonexistent/cchc.duckdb", "--out", "-");
        exit.ShouldBe(1);
        error.ShouldContain("does not exist");
    }

    [Fact]
    public void Ingest_WhileAnotherProcessHoldsTheDatabase_RefusesPlainly()
    {
        using var folder = TestFiles.NewTempFolder();
        var db = folder.File("held.duckdb");
        using var holder = new DuckDbConnectionFactory(db);
        using var connection = holder.Open();

        var cli = Path.Combine(AppContext.BaseDirectory, "cchc.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "ingest", TestFiles.RealReport, "--db", db])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).ShouldBeTrue();

        process.ExitCode.ShouldBe(1);
        error.ShouldContain("đang được một chương trình khác mở (thường là dashboard)");
        error.ShouldNotContain("   at ");
    }
}
