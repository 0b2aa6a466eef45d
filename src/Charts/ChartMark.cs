namespace CchcAnalytics.Charts;

/// <summary>A mark of a rendered chart (a bar, a point, a heatmap cell) that shows its value on hover and may open a
/// page: a rectangle in the picture's pixels (origin at the top left), a Vietnamese label with vi-VN numbers
/// ("huyện Hoằng Hóa — 2023: 91,92 (hạng 2/27)") and, where the mark is a unit or a criterion, the site path it links to
/// (<c>/don-vi/hoang-hoa?nam=2023</c>); null when it links nowhere (the province mean).</summary>
public sealed record ChartMark(string Label, string? Link, double Left, double Top, double Width, double Height)
{
    /// <summary>The horizontal middle of the mark, in pixels.</summary>
    public double CenterX => Left + (Width / 2);

    /// <summary>The vertical middle of the mark, in pixels.</summary>
    public double CenterY => Top + (Height / 2);
}
