using ScottPlot;

namespace CchcAnalytics.Charts;

/// <summary>The Okabe–Ito palette (Okabe &amp; Ito, "Color Universal Design", 2008): eight colours that stay distinct
/// for the common forms of colour-blindness. Every chart takes its colours from here; heatmaps use Viridis, a
/// perceptually uniform colormap that is also colour-blind-safe.</summary>
public static class ChartPalette
{
    public static Color Black { get; } = Color.FromHex("#000000");

    public static Color Orange { get; } = Color.FromHex("#E69F00");

    public static Color SkyBlue { get; } = Color.FromHex("#56B4E9");

    public static Color BluishGreen { get; } = Color.FromHex("#009E73");

    public static Color Yellow { get; } = Color.FromHex("#F0E442");

    public static Color Blue { get; } = Color.FromHex("#0072B2");

    public static Color Vermillion { get; } = Color.FromHex("#D55E00");

    public static Color ReddishPurple { get; } = Color.FromHex("#CC79A7");

    /// <summary>Series colours in order, for up to six units compared (yellow is left out: too light on white).</summary>
    public static IReadOnlyList<Color> Series { get; } = [Blue, Vermillion, BluishGreen, ReddishPurple, Orange, SkyBlue];

    /// <summary>Sample data (dữ liệu mẫu).</summary>
    public static Color Synthetic => Blue;

    /// <summary>Real data, where a chart mixes it with sample data.</summary>
    public static Color Real => Orange;

    /// <summary>Text and reference lines that are not data.</summary>
    public static Color Ink { get; } = Color.FromHex("#222222");

    /// <summary>Context that is not the subject (the province mean behind a unit's line).</summary>
    public static Color Grey { get; } = Color.FromHex("#8C8C8C");

    /// <summary>Cells or bars without data ("không có số liệu").</summary>
    public static Color Missing { get; } = Color.FromHex("#D9D9D9");
}
