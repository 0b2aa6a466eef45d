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
    public void Validate_ThousandsOfIdenticalErrors_ReportedOnceWithTheirCount()
    {
        using var folder = TestFiles.NewTempFolder();
        var sample = File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, "data", "sample", "thanh-hoa-district-2023-sample.csv"));
        // The points cell of every row that has one becomes "x": the same bad-number error on every such row, which is
        // one problem to fix, said once with its count (issue 12, §8), not thousands of lines.
        var garbled = sample.Skip(1)
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @",([0-9.]+),([0-9.]+),([^,]*),true$", ",$1,x,$3,true"))
            .ToList();
        var changed = garbled.Where((l, i) => l != sample[i + 1]).Count();
        changed.ShouldBeGreaterThan(5_000);
        var firstLine = garbled.FindIndex(l => l.Contains(",x,", StringComparison.Ordinal)) + 2;
        var bad = folder.Write("garbled.csv", string.Join('\n', sample.Take(1).Concat(garbled)));

        var (exit, output, _) = Run("validate", bad);
        var (_, json, _) = Run("validate", bad, "--format", "json");

        exit.ShouldBe(1);
        var problem = JsonDocument.Parse(json).RootElement.EnumerateArray().ShouldHaveSingleItem().GetProperty("problems").EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("code").GetString().ShouldBe("bad-number");
        problem.GetProperty("line").GetInt32().ShouldBe(firstLine);
        problem.GetProperty("cell").GetString().ShouldBe("points");
        problem.GetProperty("message").GetString()!.ShouldStartWith($"points 'x' không phải là số. Cùng lỗi này còn ở {Core.VietnameseText.Number(changed - 1)} dòng khác: dòng ");
        output.Split('\n').Count(l => l.Contains(" error bad-number: points 'x' không phải là số.", StringComparison.Ordinal)).ShouldBe(1);
        output.ShouldContain("0 accepted, 1 rejected.");
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
    public void ExportScores_Split_OneFilePerYearThatIngestsAgainUnchanged()
    {
        using var folder = TestFiles.NewTempFolder();
        var db = folder.File("x.duckdb");
        var split = folder.File("export");
        Run("ingest", Path.Combine(TestFiles.RepositoryRoot, "data", "raw"), "--db", db).Exit.ShouldBe(0);
        var report2021 = folder.Write("hoang-hoa-2021.txt", TestFiles.ReportOf(2021));
        Run("ingest", report2021, "--db", db).Exit.ShouldBe(0);

        var (exit, _, error) = Run("export", "scores", "--db", db, "--out", split, "--split");

        exit.ShouldBe(0, error);
        Directory.GetFiles(split).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["cchc-scores-2017.csv", "cchc-scores-2021.csv"]);
        error.ShouldContain("in 2 files to");
        var fresh = folder.File("fresh.duckdb");
        Run("ingest", report2021, "--db", fresh).Exit.ShouldBe(0); // the 2021 draft framework, as in the original
        var again = Run("ingest", split, "--db", fresh);
        again.Exit.ShouldBe(0, again.Output);
        var unchanged = Run("ingest", split, "--db", db).Output;
        unchanged.Split('\n').Count(l => l.Contains("unchanged (same content already stored)", StringComparison.Ordinal)).ShouldBe(2, unchanged);
        using var original = new DuckDbConnectionFactory(db);
        using var copy = new DuckDbConnectionFactory(fresh);
        new ScoreStore(copy).Submissions.GetCurrentRows().ShouldBe(new ScoreStore(original).Submissions.GetCurrentRows());
    }

    [Fact]
    public void ExportScores_Year_OnlyThatYear()
    {
        using var folder = TestFiles.NewTempFolder();
        var db = folder.File("x.duckdb");
        Run("ingest", TestFiles.RealReport, "--db", db).Exit.ShouldBe(0);
        Run("ingest", folder.Write("hoang-hoa-2021.txt", TestFiles.ReportOf(2021)), "--db", db).Exit.ShouldBe(0);

        var (exit, output, _) = Run("export", "scores", "--db", db, "--out", "-", "--year", "2021");

        exit.ShouldBe(0);
        // Evidence may span lines (quoted): count the lines that start a record of each year.
        var lines = output.Split('\n');
        lines[0].ShouldStartWith("unit_id,unit_name,year,");
        lines.Count(l => l.StartsWith("hoang-hoa,Hoằng Hóa,2021,self,", StringComparison.Ordinal)).ShouldBe(111);
        lines.ShouldNotContain(l => l.StartsWith("hoang-hoa,Hoằng Hóa,2017,", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateAndIngest_UnitAddedToTheDataFolder_KnownWithoutARebuild()
    {
        using var folder = TestFiles.NewTempFolder();
        var data = CopyReferenceFiles(folder.File("data"));
        File.AppendAllText(Path.Combine(data, "units.csv"), "tan-lap,Tân Lập,huyen,thanh-hoa,,2025-06-30,,2024,,\n");
        var report = folder.Write("tan-lap-2017.txt", TestFiles.ReportOf(2017, "Tân Lập"));

        // The copy built into the program does not know the unit; the data folder's units.csv does.
        Run("validate", report).Output.ShouldContain("unknown-unit");
        var validate = Run("validate", report, "--data", data);
        validate.Exit.ShouldBe(0, validate.Output);
        validate.Output.ShouldContain("tan-lap 2017 [self] 111 rows");

        var db = folder.File("x.duckdb");
        Run("ingest", TestFiles.RealReport, "--db", db).Exit.ShouldBe(0);
        Run("ingest", report, "--db", db).Output.ShouldContain("unknown-unit");
        var ingest = Run("ingest", report, "--db", db, "--data", data);
        ingest.Exit.ShouldBe(0, ingest.Output);
        ingest.Output.ShouldContain("tan-lap 2017 [self] 111 rows");
        // The database keeps the refreshed reference data: the next file needs no --data.
        Run("ingest", folder.Write("tan-lap-2017-ban-sao.txt", TestFiles.ReportOf(2017, "Tân Lập")), "--db", db).Output.ShouldContain("unchanged");
    }

    private static readonly string[] ReferenceFiles = ["units.csv", "lineage.csv"];

    private static string CopyReferenceFiles(string target)
    {
        var source = Path.Combine(TestFiles.RepositoryRoot, "data");
        Directory.CreateDirectory(Path.Combine(target, "frameworks"));
        foreach (var name in ReferenceFiles)
        {
            File.Copy(Path.Combine(source, name), Path.Combine(target, name));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(source, "frameworks"), "*.csv"))
        {
            File.Copy(file, Path.Combine(target, "frameworks", Path.GetFileName(file)));
        }

        return target;
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
        store.Submissions.GetDraftOrigins().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            o => o.FrameworkId.ShouldBe("thanh-hoa-district-2021-draft"),
            o => o.CreatedBy.ShouldBe($"cli:{Environment.UserName}"));
        store.Audit.GetEvents(5).ShouldContain(e => e.Outcome == "framework-draft" && e.File == report);
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

    [Fact]
    public void ExportScores_HostileEvidence_NoLineStartsAFormulaAndTheFileIngestsUnchanged()
    {
        using var folder = TestFiles.NewTempFolder();
        var db = folder.File("x.duckdb");
        var csv = folder.File("scores.csv");
        var hostile = folder.Write("tho-xuan-2018.csv", HostileText.Csv("tho-xuan", 2018));
        Run("ingest", hostile, "--db", db).Exit.ShouldBe(0);

        Run("export", "scores", "--db", db, "--out", csv).Exit.ShouldBe(0);
        var stdout = Run("export", "scores", "--db", db, "--out", "-");

        var text = File.ReadAllText(csv);
        stdout.Output.ShouldBe(text);
        HostileText.FormulaLines(text).ShouldBeEmpty();
        var fresh = folder.File("fresh.duckdb");
        var again = Run("ingest", csv, "--db", fresh);
        again.Exit.ShouldBe(0, again.Output);
        again.Output.ShouldContain("tho-xuan 2018 [self+appraised] 111 rows");
        Run("ingest", csv, "--db", db).Output.ShouldContain("0 added, 0 replaced (new versions), 2 unchanged");
        using (var original = new DuckDbConnectionFactory(db))
        using (var copy = new DuckDbConnectionFactory(fresh))
        {
            var (before, after) = (new ScoreStore(original), new ScoreStore(copy));
            after.Submissions.GetCurrentRows().ShouldBe(before.Submissions.GetCurrentRows());
            after.Submissions.GetSubmissions().Select(s => (s.UnitId, s.Year, s.Stage, s.PointsTotal, s.ContentHash))
                .ShouldBe(before.Submissions.GetSubmissions().Select(s => (s.UnitId, s.Year, s.Stage, s.PointsTotal, s.ContentHash)));
            foreach (var (code, evidence) in HostileText.Evidence)
            {
                after.Submissions.GetCurrentRows().Where(r => r.Code == code).Select(r => r.Evidence).ShouldBe([evidence, evidence]);
            }
        }
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("ingest")]
    public void IngestAndValidate_FileNameWithControlCharacters_PrintedEscapedOnItsOwnLine(string command)
    {
        using var folder = TestFiles.NewTempFolder();
        // A name that would turn the terminal red, then start a forged "accepted" line and hide the real one.
        var name = "x\u001b[31m\nrejected  forged.txt: 1 error\r\u202Ehoang-hoa.txt";
        var path = folder.Write(name, TestFiles.RealReportText);
        string[] args = command == "ingest" ? [command, path, "--db", folder.File("x.duckdb")] : [command, path];

        var (exit, output, _) = Run(args);

        exit.ShouldBe(0, output);
        output.ShouldNotContain("\u001b");
        output.ShouldNotContain("\r");
        output.ShouldNotContain("\u202E");
        var escaped = Path.Combine(folder.Path, "x\\x1B[31m\\nrejected  forged.txt: 1 error\\r\\u202Ehoang-hoa.txt");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotContain(l => l.StartsWith("rejected", StringComparison.Ordinal));
        lines[0].ShouldStartWith($"accepted  {escaped}: hoang-hoa 2017 [self] 111 rows");
        lines[1].ShouldBe($"  {escaped}:138: warning parent-sum-mismatch: Dòng 5.4 ghi Điểm tự chấm 4 nhưng các dòng con cộng lại được 4,5; giữ nguyên giá trị đã ghi.");
        lines[2].ShouldBe("1 accepted, 0 rejected.");
        lines.Length.ShouldBe(3);
    }
}
