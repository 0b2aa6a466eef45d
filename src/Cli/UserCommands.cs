using System.CommandLine;
using System.Globalization;
using System.Text;
using CchcAnalytics.Accounts;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Cli;

/// <summary><c>cchc user add|list|password|disable|enable</c>: dashboard accounts, written straight into the database
/// (so, like <c>ingest</c>, only while the dashboard is stopped). The first province account is created here; there is
/// no default password anywhere.</summary>
internal static class UserCommands
{
    public static Command User(TextReader input, TextWriter output, TextWriter error)
    {
        var user = new Command("user", "Dashboard accounts (roles province, district, viewer). Stop the dashboard first: it holds the database.");
        user.Subcommands.Add(Add(input, output, error));
        user.Subcommands.Add(List(output, error));
        user.Subcommands.Add(Password(input, output, error));
        user.Subcommands.Add(SetDisabled(output, error, disabled: true));
        user.Subcommands.Add(SetDisabled(output, error, disabled: false));
        return user;
    }

    private static Argument<string> NameArgument() => new("name") { Description = "Sign-in name: 3–64 characters a–z, 0–9, '.', '_', '-'." };

    private static Option<bool> PasswordStdinOption() => new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input (for scripts) instead of prompting.",
    };

    private static Command Add(TextReader input, TextWriter output, TextWriter error)
    {
        var name = NameArgument();
        var role = new Option<string>("--role") { Description = "province (Sở Nội vụ: everything), district (its own unit's self-assessment) or viewer (read only).", Required = true };
        role.AcceptOnlyFromAmong("province", "district", "viewer");
        var unit = new Option<string?>("--unit") { Description = "The district's unit id (role district only), e.g. hoang-hoa." };
        var display = new Option<string?>("--display-name") { Description = "Name shown in the dashboard and the audit trail (default: the sign-in name)." };
        var stdin = PasswordStdinOption();
        var db = CchcCli.DatabaseOption();
        var command = new Command("add", "Create an account. The password is prompted twice (not echoed) or read with --password-stdin; it is stored only as a salted hash.")
        {
            name, role, unit, display, stdin, db,
        };
        command.SetAction(result => Guard(error, () =>
        {
            // --role accepts only the three codes (AcceptOnlyFromAmong).
            var parsedRole = RoleText.TryParse(result.GetValue(role), out var parsed) ? parsed : Role.Viewer;
            var password = ReadPassword(input, output, result.GetValue(stdin), confirm: true);
            using var connections = new DuckDbConnectionFactory(result.GetValue(db)!);
            var userName = result.GetValue(name)!;
            var account = new AccountStore(connections).Add(
                new NewAccount(userName, result.GetValue(display) ?? userName, parsedRole, result.GetValue(unit)), password, Actor());
            output.WriteLine($"created {account.UserName} ({account.Role.ToCode()}{(account.UnitId is { } u ? ", " + u : "")}) in {result.GetValue(db)}");
            return 0;
        }));
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var db = CchcCli.DatabaseOption();
        var command = new Command("list", "List accounts (never passwords or hashes).") { db };
        command.SetAction(result => Guard(error, () =>
        {
            var path = result.GetValue(db)!;
            if (!File.Exists(path))
            {
                error.WriteLine($"Database '{path}' does not exist.");
                return 1;
            }

            using var connections = new DuckDbConnectionFactory(path);
            foreach (var account in new AccountStore(connections).List())
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{account.UserName}\t{account.Role.ToCode()}\t{account.UnitId ?? "-"}\t{(account.Disabled ? "disabled" : "active")}\t{account.DisplayName}\tcreated {account.CreatedAt:yyyy-MM-dd HH:mm} by {account.CreatedBy}"));
            }

            return 0;
        }));
        return command;
    }

    private static Command Password(TextReader input, TextWriter output, TextWriter error)
    {
        var name = NameArgument();
        var stdin = PasswordStdinOption();
        var db = CchcCli.DatabaseOption();
        var command = new Command("password", "Set a new password (signs the account out of the dashboard everywhere).") { name, stdin, db };
        command.SetAction(result => Guard(error, () =>
        {
            var password = ReadPassword(input, output, result.GetValue(stdin), confirm: true);
            using var connections = new DuckDbConnectionFactory(result.GetValue(db)!);
            new AccountStore(connections).SetPassword(result.GetValue(name)!, password, Actor());
            output.WriteLine($"password changed for {AccountStore.NormaliseUserName(result.GetValue(name))}");
            return 0;
        }));
        return command;
    }

    private static Command SetDisabled(TextWriter output, TextWriter error, bool disabled)
    {
        var name = NameArgument();
        var db = CchcCli.DatabaseOption();
        var command = new Command(disabled ? "disable" : "enable", disabled ? "Disable an account (it can no longer sign in)." : "Enable a disabled account.") { name, db };
        command.SetAction(result => Guard(error, () =>
        {
            using var connections = new DuckDbConnectionFactory(result.GetValue(db)!);
            new AccountStore(connections).SetDisabled(result.GetValue(name)!, disabled, Actor());
            output.WriteLine($"{(disabled ? "disabled" : "enabled")} {AccountStore.NormaliseUserName(result.GetValue(name))}");
            return 0;
        }));
        return command;
    }

    private static string Actor() => $"cli:{Environment.UserName}";

    private static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (AccountException ex)
        {
            error.WriteLine($"cchc user: {ex.Message}");
            return 1;
        }
        catch (DatabaseLockedException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static string ReadPassword(TextReader input, TextWriter output, bool fromStdin, bool confirm)
    {
        if (fromStdin || !ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine() ?? throw new AccountException("Không đọc được mật khẩu từ đầu vào chuẩn (stdin trống).");
        }

        var first = Prompt(output, "Mật khẩu: ");
        if (confirm && Prompt(output, "Nhập lại mật khẩu: ") != first)
        {
            throw new AccountException("Hai lần nhập mật khẩu không khớp.");
        }

        return first;
    }

    private static string Prompt(TextWriter output, string label)
    {
        output.Write(label);
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                output.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
