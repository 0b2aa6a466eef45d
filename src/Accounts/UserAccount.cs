namespace CchcAnalytics.Accounts;

/// <summary>One dashboard account, without its password hash.</summary>
/// <param name="UserName">Lower-case sign-in name.</param>
/// <param name="DisplayName">Name shown in the dashboard and the audit trail.</param>
/// <param name="Role">What the account may do.</param>
/// <param name="UnitId">The district's own unit (role <see cref="Role.District"/> only).</param>
/// <param name="SecurityStamp">Changes with the password, role or status, so that older sign-in cookies stop working.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="CreatedBy">Who created it (<c>cli:…</c> or <c>user:…</c>).</param>
/// <param name="Disabled">A disabled account cannot sign in.</param>
public sealed record UserAccount(
    string UserName,
    string DisplayName,
    Role Role,
    string? UnitId,
    string SecurityStamp,
    DateTime CreatedAt,
    string CreatedBy,
    bool Disabled);

/// <summary>A request to create an account.</summary>
public sealed record NewAccount(string UserName, string DisplayName, Role Role, string? UnitId = null);

/// <summary>An account request that breaks a rule (name, password, role and unit); the message is Vietnamese and says
/// what to change.</summary>
public sealed class AccountException : Exception
{
    public AccountException()
    {
    }

    public AccountException(string message)
        : base(message)
    {
    }

    public AccountException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
