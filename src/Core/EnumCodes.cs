using System.Reflection;

namespace CchcAnalytics.Core;

/// <summary>The code ↔ member table of an enum whose members carry <see cref="CodeAttribute"/>, built once per enum
/// type. Parsing trims and ignores case; every member must have a code, or the first use throws.</summary>
public static class EnumCodes
{
    /// <summary>Every code of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Codes<T>()
        where T : struct, Enum => Table<T>.Codes;

    public static string Code<T>(T value)
        where T : struct, Enum => Table<T>.Row(value).Code;

    /// <summary>The Vietnamese name; throws when the member has none.</summary>
    public static string Vietnamese<T>(T value)
        where T : struct, Enum =>
        Table<T>.Row(value).Vietnamese ?? throw new InvalidOperationException($"{typeof(T).Name}.{value} has no Vietnamese name in its [Code] attribute.");

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        foreach (var row in Table<T>.Rows)
        {
            if (string.Equals(row.Code, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = row.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Parses a stored code; throws <see cref="FormatException"/> ("Unknown {what} '…'.") on unknown text,
    /// which means the database or reference data is corrupted.</summary>
    public static T Parse<T>(string text, string what)
        where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"Unknown {what} '{text}'.");

    private static class Table<T>
        where T : struct, Enum
    {
        public static readonly (T Value, string Code, string? Vietnamese)[] Rows =
        [
            .. typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field =>
            {
                var code = field.GetCustomAttribute<CodeAttribute>()
                    ?? throw new InvalidOperationException($"{typeof(T).Name}.{field.Name} has no [Code] attribute.");
                return ((T)field.GetValue(null)!, code.Code, code.Vietnamese);
            }),
        ];

        public static readonly IReadOnlyList<string> Codes = [.. Rows.Select(r => r.Code)];

        public static (T Value, string Code, string? Vietnamese) Row(T value)
        {
            foreach (var row in Rows)
            {
                if (EqualityComparer<T>.Default.Equals(row.Value, value))
                {
                    return row;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a member of {typeof(T).Name}.");
        }
    }
}
