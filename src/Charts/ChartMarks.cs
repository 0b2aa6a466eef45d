namespace CchcAnalytics.Charts;

/// <summary>The marks of a chart rendered at <paramref name="Width"/> × <paramref name="Height"/> pixels
/// (<see cref="ChartRenderer.Marks"/>), in the picture's coordinates: a page lays them over the picture in a box of the
/// same proportions, so they follow it at any displayed size.</summary>
public sealed record ChartMarks(int Width, int Height, IReadOnlyList<ChartMark> Marks);
