using System.Globalization;

namespace CchcAnalytics.Dashboard.Services;

/// <summary>Reads query values that users can type by hand: a malformed one is ignored, never an error page.</summary>
public static class Query
{
    public static int? Year(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
}
