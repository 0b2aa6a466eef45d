using System.Globalization;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Reads query values that users can type by hand: a malformed one is ignored, never an error page.</summary>
public static class Query
{
    /// <summary>A whole number written with digits only (a year, a width in pixels); null otherwise.</summary>
    public static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? Year(string? text) => Number(text);
}
