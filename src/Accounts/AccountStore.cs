using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CchcAnalytics.Storage;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Identity;

namespace CchcAnalytics.Accounts;

/// <summary>Dashboard accounts in the same DuckDB file as the scores. Passwords are hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, 100 000 iterations, a random salt per hash) and never stored
/// or logged in clear. Every change is written to the audit trail (<c>ingest_event</c>) in the same transaction.</summary>
public sealed partial class AccountStore(DuckDbConnectionFactory connections)
{
    /// <summary>The account store of an open database handle (the dashboard's <c>IndexDataProvider.Database</c>).</summary>
    public AccountStore(Core.IIndexDatabase database)
        : this(DuckDbConnectionFactory.Of(database))
    {
    }

    /// <summary>Shortest password accepted.</summary>
    public const int MinPasswordLength = 10;

    /// <summary>Longest password accepted (hashing cost grows with length).</summary>
    public const int MaxPasswordLength = 128;

    private const string Columns = "user_name, display_name, role, unit_id, security_stamp, created_at, created_by, disabled";

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verifying against this hash when the account does not exist costs the same time as a real check, so response
    // times do not reveal which user names exist.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    /// <summary>Creates an account; throws <see cref="AccountException"/> when a rule is broken or the name is taken.</summary>
    public UserAccount Add(NewAccount account, string password, string actor)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var userName = NormaliseUserName(account.UserName);
        var displayName = account.DisplayName.Trim();
        if (displayName.Length is 0 or > 100)
        {
            throw new AccountException("Tên hiển thị phải có từ 1 đến 100 ký tự.");
        }

        CheckPassword(userName, password);
        using var connection = connections.Open();
        if (account.Role == Role.District)
        {
            CheckDistrictUnit(connection, account.UnitId);
        }
        else if (account.UnitId is not null)
        {
            throw new AccountException($"Chỉ tài khoản vai trò district gắn với một đơn vị; vai trò {account.Role.ToCode()} không có --unit.");
        }

        var created = new UserAccount(userName, displayName, account.Role, account.Role == Role.District ? account.UnitId : null,
            NewStamp(), connections.Time.GetUtcNow().UtcDateTime, actor, Disabled: false);
        using var transaction = connection.BeginTransaction();
        if (Read(connection, userName) is not null)
        {
            throw new AccountException($"Tài khoản '{userName}' đã có. Dùng tên khác, hoặc 'cchc user password {userName}' để đặt lại mật khẩu.");
        }

        Execute(connection,
            "INSERT INTO app_user VALUES ($name, $display, $role, $unit, $hash, $stamp, $at, $by, false)",
            ("name", created.UserName), ("display", created.DisplayName), ("role", created.Role.ToCode()), ("unit", created.UnitId),
            ("hash", Hasher.HashPassword(created, password)), ("stamp", created.SecurityStamp), ("at", created.CreatedAt), ("by", actor));
        Audit(connection, actor, "user-added",
            $"tài khoản {created.UserName} ({created.Role.ToCode()}{(created.UnitId is { } unit ? ", " + unit : "")}) được tạo");
        transaction.Commit();
        return created;
    }

    /// <summary>The account, or null.</summary>
    public UserAccount? Find(string userName)
    {
        using var connection = connections.Open();
        return Read(connection, (userName ?? "").Trim().ToLowerInvariant());
    }

    /// <summary>Every account, by name.</summary>
    public IReadOnlyList<UserAccount> List()
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM app_user ORDER BY user_name";
        using var reader = command.ExecuteReader();
        var accounts = new List<UserAccount>();
        while (reader.Read())
        {
            accounts.Add(ReadAccount(reader));
        }

        return accounts;
    }

    /// <summary>The account when the password is right and the account is enabled; otherwise null (the same time either way).</summary>
    public UserAccount? Verify(string userName, string password)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        password ??= "";
        if (password.Length > MaxPasswordLength)
        {
            return null;
        }

        using var connection = connections.Open();
        string? hash = null;
        UserAccount? account = null;
        using (var command = Command(connection, $"SELECT {Columns}, password_hash FROM app_user WHERE user_name = $name", ("name", name)))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                account = ReadAccount(reader);
                hash = reader.GetString(8);
            }
        }

        var result = Hasher.VerifyHashedPassword(account!, hash ?? DummyHash.Value, password);
        if (account is null || account.Disabled || result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            Execute(connection, "UPDATE app_user SET password_hash = $hash WHERE user_name = $name", ("hash", Hasher.HashPassword(account, password)), ("name", name));
        }

        return account;
    }

    /// <summary>Sets a new password and a new security stamp (signs the account out everywhere).</summary>
    public void SetPassword(string userName, string password, string actor)
    {
        var name = NormaliseUserName(userName);
        CheckPassword(name, password);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        var account = Read(connection, name) ?? throw Unknown(name);
        Execute(connection, "UPDATE app_user SET password_hash = $hash, security_stamp = $stamp WHERE user_name = $name",
            ("hash", Hasher.HashPassword(account, password)), ("stamp", NewStamp()), ("name", name));
        Audit(connection, actor, "user-password", $"đặt lại mật khẩu tài khoản {name}");
        transaction.Commit();
    }

    /// <summary>Disables or enables an account (a new security stamp signs it out everywhere).</summary>
    public void SetDisabled(string userName, bool disabled, string actor)
    {
        var name = NormaliseUserName(userName);
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        _ = Read(connection, name) ?? throw Unknown(name);
        Execute(connection, "UPDATE app_user SET disabled = $disabled, security_stamp = $stamp WHERE user_name = $name",
            ("disabled", disabled), ("stamp", NewStamp()), ("name", name));
        Audit(connection, actor, disabled ? "user-disabled" : "user-enabled", $"{(disabled ? "khóa" : "mở khóa")} tài khoản {name}");
        transaction.Commit();
    }

    /// <summary>Lower-cases and checks a sign-in name: 3–64 characters of a–z, 0–9, '.', '_', '-', starting with a letter or digit.</summary>
    public static string NormaliseUserName(string? userName)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        if (!UserNamePattern().IsMatch(name))
        {
            throw new AccountException(
                $"Tên đăng nhập '{userName}' không hợp lệ: dùng 3–64 ký tự a–z, 0–9, '.', '_' hoặc '-', bắt đầu bằng chữ hoặc số (không dấu, không khoảng trắng).");
        }

        return name;
    }

    private static void CheckPassword(string userName, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            throw new AccountException($"Mật khẩu phải có ít nhất {MinPasswordLength} ký tự.");
        }

        if (password.Length > MaxPasswordLength)
        {
            throw new AccountException($"Mật khẩu dài quá {MaxPasswordLength} ký tự.");
        }

        if (password.Contains(userName, StringComparison.OrdinalIgnoreCase) || password.Distinct().Count() < 4)
        {
            throw new AccountException("Mật khẩu quá dễ đoán: không chứa tên đăng nhập và có ít nhất 4 ký tự khác nhau.");
        }
    }

    private static void CheckDistrictUnit(DuckDBConnection connection, string? unitId)
    {
        if (string.IsNullOrWhiteSpace(unitId))
        {
            throw new AccountException("Tài khoản vai trò district phải gắn với một đơn vị cấp huyện (--unit, ví dụ --unit hoang-hoa).");
        }

        using var command = Command(connection, "SELECT level FROM unit WHERE unit_id = $id", ("id", unitId));
        var level = command.ExecuteScalar() as string;
        if (level is null)
        {
            throw new AccountException(
                $"Không có đơn vị '{unitId}' trong cơ sở dữ liệu. Dùng mã đơn vị trong data/units.csv (ví dụ hoang-hoa); nếu cơ sở dữ liệu còn trống, chạy bảng điều khiển một lần hoặc 'cchc ingest data' trước.");
        }

        // Any unit may have its own account (a district until 2024, a commune or a department): the unit's level is the
        // data's, never a rule here.
    }

    private static AccountException Unknown(string name) => new($"Không có tài khoản '{name}'.");

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static UserAccount? Read(DuckDBConnection connection, string name)
    {
        using var command = Command(connection, $"SELECT {Columns} FROM app_user WHERE user_name = $name", ("name", name));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadAccount(reader) : null;
    }

    private static UserAccount ReadAccount(System.Data.Common.DbDataReader reader)
    {
        // The CHECK constraint admits only the three codes; anything else would read as the least privileged role.
        var role = RoleText.TryParse(reader.GetString(2), out var parsed) ? parsed : Role.Viewer;
        return new UserAccount(reader.GetString(0), reader.GetString(1), role, reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetString(4), reader.GetDateTime(5), reader.GetString(6), reader.GetBoolean(7));
    }

    private void Audit(DuckDBConnection connection, string actor, string outcome, string detail) =>
        Execute(connection, "INSERT INTO ingest_event VALUES (nextval('ingest_event_id_seq'), $now, $actor, '', '', $outcome, $detail)",
            ("now", connections.Time.GetUtcNow().UtcDateTime), ("actor", actor), ("outcome", outcome), ("detail", detail));

    private static void Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }

        return command;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
