using System.Diagnostics;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Cli.Tests;

/// <summary><c>cchc user …</c>: the first province account is made here, with a password read from standard input or a
/// prompt, never shown back; the command refuses plainly while the dashboard holds the database.</summary>
public sealed class UserCommandTests : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();

    private string Db => folder.File("cchc.duckdb");

    [Fact]
    public void Add_FirstProvinceAccountFromStdin_CreatedListedAndAudited()
    {
        var (exit, output, error) = Run("mat-khau-quan-tri-2025\n", "user", "add", "Admin", "--role", "province", "--display-name", "Quản trị Sở Nội vụ", "--password-stdin", "--db", Db);

        (exit, error).ShouldBe((0, ""));
        output.ShouldBe($"created admin (province) in {Db}\n");
        var (listExit, list, _) = Run("", "user", "list", "--db", Db);
        listExit.ShouldBe(0);
        list.ShouldStartWith("admin\tprovince\t-\tactive\tQuản trị Sở Nội vụ\tcreated ");
        list.ShouldNotContain("mat-khau-quan-tri-2025");
        list.ShouldNotContain("AQAAAA");
    }

    [Fact]
    public void Add_ShortPassword_RefusedInVietnameseAndNothingCreated()
    {
        var (exit, _, error) = Run("ngan\n", "user", "add", "admin", "--role", "province", "--password-stdin", "--db", Db);

        exit.ShouldBe(1);
        error.ShouldBe("cchc user: Mật khẩu phải có ít nhất 10 ký tự.\n");
        Run("", "user", "list", "--db", Db).Output.ShouldBeEmpty();
    }

    [Fact]
    public void Add_DistrictBeforeAnyDataLoaded_ToldToLoadTheUnitsFirst()
    {
        var (exit, _, error) = Run("mat-khau-huyen-2025\n", "user", "add", "hoang-hoa.ubnd", "--role", "district", "--unit", "hoang-hoa", "--password-stdin", "--db", Db);

        exit.ShouldBe(1);
        error.ShouldContain("Không có đơn vị 'hoang-hoa' trong cơ sở dữ liệu.");
        error.ShouldContain("'cchc ingest data'");
    }

    [Fact]
    public void DisableAndPassword_UnknownAccount_Refused()
    {
        Run("", "user", "disable", "khong-co", "--db", Db).ShouldBe((1, "", "cchc user: Không có tài khoản 'khong-co'.\n"));
    }

    [Fact]
    public void Add_WhileTheDashboardHoldsTheDatabase_RefusesPlainly()
    {
        using var holder = new DuckDbConnectionFactory(Db);
        using var connection = holder.Open();

        var cli = Path.Combine(AppContext.BaseDirectory, "cchc.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "user", "add", "admin", "--role", "province", "--password-stdin", "--db", Db])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.WriteLine("mat-khau-quan-tri-2025");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).ShouldBeTrue();

        process.ExitCode.ShouldBe(1);
        error.ShouldContain("đang được một chương trình khác mở (thường là dashboard)");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Add_WhileTheDashboardIsIdle_StillRefused()
    {
        // The dashboard's factory holds the file for its lifetime, not only during a request.
        using var dashboard = new DuckDbConnectionFactory(Db, holdOpen: true);

        var cli = Path.Combine(AppContext.BaseDirectory, "cchc.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "user", "add", "admin", "--role", "province", "--password-stdin", "--db", Db])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.WriteLine("mat-khau-quan-tri-2025");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).ShouldBeTrue();

        process.ExitCode.ShouldBe(1);
        error.ShouldContain("đang được một chương trình khác mở (thường là dashboard)");
        new Accounts.AccountStore(dashboard).List().ShouldBeEmpty();
    }

    public void Dispose() => folder.Dispose();

    private static (int Exit, string Output, string Error) Run(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = CchcCli.Run(args, reader, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
