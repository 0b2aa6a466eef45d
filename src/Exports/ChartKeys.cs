namespace CchcAnalytics.Exports;

/// <summary>The keys <see cref="MeetingPackBuilder"/> asks its chart provider for. The provider returns a PNG, or null
/// when it has no chart for the key (the slide is then made without a picture). Each chart fills the slide's width
/// under a line or two of text (<see cref="Size"/>), so the provider draws it for that box.</summary>
public static class ChartKeys
{
    /// <summary>Every unit's rank last year and this year (the <c>rank-movement</c> chart), alone on its slide.</summary>
    public const string RankMovement = "rank-movement";

    private const string UnitTrendPrefix = "unit-trend:";
    private const string UnitAreasPrefix = "unit-areas:";

    /// <summary>"unit-trend:{unitId}": one unit's index over the years, following its series.</summary>
    public static string UnitTrend(string unitId) => UnitTrendPrefix + unitId;

    /// <summary>"unit-areas:{unitId}": one unit's areas this year against the province.</summary>
    public static string UnitAreas(string unitId) => UnitAreasPrefix + unitId;

    /// <summary>The unit of a <see cref="UnitTrend"/> or <see cref="UnitAreas"/> key; null for another key.</summary>
    public static string? UnitOf(string key, out string kind)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var prefix in (string[])[UnitTrendPrefix, UnitAreasPrefix])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                kind = prefix.TrimEnd(':');
                return key[prefix.Length..];
            }
        }

        kind = key;
        return null;
    }

    /// <summary>The box a chart fills on its slide, in inches: the content's width, and its height under a line or two
    /// of text (alone on its slide for <see cref="RankMovement"/>; a row per area needs more height for
    /// <see cref="UnitAreas"/>, under one line).</summary>
    public static (double Width, double Height) Size(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var box = key == RankMovement ? Pptx.SlideGeometry.ChartAlone
            : key.StartsWith(UnitAreasPrefix, StringComparison.Ordinal) ? Pptx.SlideGeometry.ChartBelowLine
            : Pptx.SlideGeometry.ChartBelowText;
        return (box.Width / (double)Pptx.SlideGeometry.Inch, box.Height / (double)Pptx.SlideGeometry.Inch);
    }
}
