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
    public void Validate_PrintedPdf_SameNumbersAndTheWarningOnItsPage()
    {
        var pdf = Path.Combine(TestFiles.RepositoryRoot, "tests", "Ingest.Tests", "Pdf", "Fixtures", "hoang-hoa-2017-bc293.pdf");

        var (exit, output, _) = Run("validate", pdf, "--format", "json");
        var (_, text, _) = Run("validate", pdf);

        exit.ShouldBe(0);
        var file = JsonDocument.Parse(output).RootElement.EnumerateArray().ShouldHaveSingleItem();
        (file.GetProperty("status").GetString(), file.GetProperty("unit_id").GetString(), file.GetProperty("year").GetInt32()).ShouldBe(("accepted", "hoang-hoa", 2017));
        (file.GetProperty("rows").GetInt32(), file.GetProperty("max_points").GetDecimal(), file.GetProperty("points").GetDecimal()).ShouldBe((111, 100m, 92m));
        var problem = file.GetProperty("problems").EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("code").GetString().ShouldBe("parent-sum-mismatch");
        problem.GetProperty("cell").GetString().ShouldBe("trang 13, dòng 32");
        var line = problem.GetProperty("line").GetInt32();
        text.ShouldContain($"{pdf}:{line} [trang 13, dòng 32]: warning parent-sum-mismatch: Dòng 5.4 ghi Điểm tự chấm 4 nhưng các dòng con cộng lại được 4,5; giữ nguyên giá trị đã ghi.");
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
