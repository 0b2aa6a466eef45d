using System.Globalization;
using CchcAnalytics.Ingest;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Accounts.Tests;

/// <summary>Accounts in a real DuckDB file: hashed passwords, the role rules, stamps that end old sign-ins, and an audit
/// row for every change.</summary>
public sealed class AccountStoreTests : IDisposable
{
    private const string Password = "mot-mat-khau-dai-2025";

    private readonly TempFolder folder = TestFiles.NewTempFolder();
    private readonly DuckDbConnectionFactory connections;
    private readonly AccountStore accounts;

    public AccountStoreTests()
    {
        connections = new DuckDbConnectionFactory(folder.File("accounts.duckdb"));
        // The units of the data folder, as the dashboard's first start or `cchc ingest data` load them.
        _ = new IngestRunner(new ScoreStore(connections), DataFolder.Plan([Path.Combine(TestFiles.RepositoryRoot, "data")]).Reference);
        accounts = new AccountStore(connections);
    }

    [Fact]
    public void Add_FactoryClock_CreatedAtAndAuditTimeAreTheClocksTime()
    {
        var created = new DateTimeOffset(2025, 7, 1, 9, 15, 0, TimeSpan.Zero);
        using var clocked = new DuckDbConnectionFactory(folder.File("clocked.duckdb")) { Time = new FixedClock(created) };
        var store = new AccountStore(clocked);

        store.Add(new NewAccount("admin", "Quản trị", Role.Province), Password, "cli:root");

        store.Find("admin")!.CreatedAt.ShouldBe(created.UtcDateTime);
        using var connection = clocked.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_at FROM ingest_event";
        command.ExecuteScalar().ShouldBe(created.UtcDateTime);
    }

    [Fact]
    public void Add_Province_OnlyASaltedHashIsStored()
    {
        accounts.Add(new NewAccount("Admin", "Quản trị", Role.Province), Password, "cli:root");
        accounts.Add(new NewAccount("admin2", "Quản trị 2", Role.Province), Password, "cli:root");

        var hashes = Scalars("SELECT password_hash FROM app_user ORDER BY user_name");
        hashes.Count.ShouldBe(2);
        hashes.ShouldAllBe(h => !h.Contains(Password, StringComparison.Ordinal));
        // Identity v3 format: base64 of 0x01 + PRF + iterations + salt length + salt + subkey; the same password
        // hashes differently for each account (a random salt).
        hashes.ShouldAllBe(h => Convert.FromBase64String(h)[0] == 0x01);
        hashes[0].ShouldNotBe(hashes[1]);
        accounts.Find("ADMIN")!.UserName.ShouldBe("admin");
    }

    [Fact]
    public void Verify_RightWrongUnknownDisabled()
    {
        accounts.Add(new NewAccount("hoang-hoa.ubnd", "UBND huyện Hoằng Hóa", Role.District, "hoang-hoa"), Password, "cli:root");

        var account = accounts.Verify("Hoang-Hoa.UBND", Password).ShouldNotBeNull();
        (account.Role, account.UnitId, account.DisplayName).ShouldBe((Role.District, "hoang-hoa", "UBND huyện Hoằng Hóa"));
        accounts.Verify("hoang-hoa.ubnd", Password + "x").ShouldBeNull();
        accounts.Verify("khong-co-ai", Password).ShouldBeNull();
        accounts.Verify("hoang-hoa.ubnd", new string('a', AccountStore.MaxPasswordLength + 1)).ShouldBeNull();

        accounts.SetDisabled("hoang-hoa.ubnd", disabled: true, "cli:root");
        accounts.Verify("hoang-hoa.ubnd", Password).ShouldBeNull();
        accounts.SetDisabled("hoang-hoa.ubnd", disabled: false, "cli:root");
        accounts.Verify("hoang-hoa.ubnd", Password).ShouldNotBeNull();
    }

    [Fact]
    public void SetPassword_NewStampAndOnlyTheNewPasswordWorks()
    {
        var created = accounts.Add(new NewAccount("so-noi-vu", "Sở Nội vụ", Role.Province), Password, "cli:root");

        accounts.SetPassword("so-noi-vu", "mat-khau-moi-2026", "cli:root");

        accounts.Verify("so-noi-vu", Password).ShouldBeNull();
        accounts.Verify("so-noi-vu", "mat-khau-moi-2026").ShouldNotBeNull().SecurityStamp.ShouldNotBe(created.SecurityStamp);
    }

    [Theory]
    [InlineData("ab", "mat-khau-rat-dai", "Tên đăng nhập 'ab' không hợp lệ")]
    [InlineData("co dau cach", "mat-khau-rat-dai", "không hợp lệ")]
    [InlineData("hoằng-hóa", "mat-khau-rat-dai", "không hợp lệ")]
    [InlineData("hop-le", "ngan", "Mật khẩu phải có ít nhất 10 ký tự.")]
    [InlineData("hop-le", "hop-le-2025-abc", "không chứa tên đăng nhập")]
    [InlineData("hop-le", "aaaaaaaaaaaa", "có ít nhất 4 ký tự khác nhau")]
    public void Add_BrokenRule_RefusedWithTheRule(string name, string password, string message)
    {
        Should.Throw<AccountException>(() => accounts.Add(new NewAccount(name, "Ai đó", Role.Viewer), password, "cli:root"))
            .Message.ShouldContain(message);
        accounts.List().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "phải gắn với một đơn vị cấp huyện")]
    [InlineData("khong-co", "Không có đơn vị 'khong-co' trong cơ sở dữ liệu")]
    public void Add_DistrictWithoutADistrictUnit_Refused(string? unit, string message)
    {
        Should.Throw<AccountException>(() => accounts.Add(new NewAccount("huyen", "Huyện", Role.District, unit), Password, "cli:root"))
            .Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("thanh-hoa-so-noi-vu")]
    [InlineData("thanh-hoa-xa-hoang-hoa")]
    public void Add_UnitAccountOfADepartmentOrACommune_Accepted(string unit)
    {
        accounts.Add(new NewAccount("don-vi", "Đơn vị", Role.District, unit), Password, "cli:root");

        accounts.List().Single().UnitId.ShouldBe(unit);
    }

    [Fact]
    public void Add_SameNameTwice_RefusedAndFirstKept()
    {
        accounts.Add(new NewAccount("quan-sat", "Người xem", Role.Viewer), Password, "cli:root");

        Should.Throw<AccountException>(() => accounts.Add(new NewAccount("Quan-Sat", "Khác", Role.Province), Password, "cli:root"))
            .Message.ShouldContain("Tài khoản 'quan-sat' đã có.");
        accounts.List().ShouldHaveSingleItem().Role.ShouldBe(Role.Viewer);
    }

    [Fact]
    public void EveryChange_Audited_WithoutThePassword()
    {
        accounts.Add(new NewAccount("quan-sat", "Người xem", Role.Viewer), Password, "cli:root");
        accounts.SetPassword("quan-sat", "mat-khau-moi-2026", "cli:admin");
        accounts.SetDisabled("quan-sat", disabled: true, "cli:admin");

        Scalars("SELECT actor || ' ' || outcome || ': ' || detail FROM ingest_event ORDER BY event_id").ShouldBe(
        [
            "cli:root user-added: tài khoản quan-sat (viewer) được tạo",
            "cli:admin user-password: đặt lại mật khẩu tài khoản quan-sat",
            "cli:admin user-disabled: khóa tài khoản quan-sat",
        ]);
    }

    public void Dispose()
    {
        connections.Dispose();
        folder.Dispose();
    }

    private List<string> Scalars(string sql)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
