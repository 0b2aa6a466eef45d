namespace CchcAnalytics.Core;

/// <summary>The stable text form of an enum member (in files, the database, URLs and the command line) and, where the
/// user reads it, its Vietnamese name; read once per enum by <see cref="EnumCodes"/>.</summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class CodeAttribute(string code) : Attribute
{
    public string Code { get; } = code;

    /// <summary>The name shown to users; null when the enum has no Vietnamese label.</summary>
    public string? Vietnamese { get; init; }
}
