namespace CchcAnalytics.Charts;

/// <summary>A mark of a rendered chart (a bar, a point, a heatmap cell) that shows its value on hover and may open a
/// page: a rectangle in the picture's pixels (origin at the top left), a Vietnamese label with vi-VN numbers
/// ("huyện Hoằng Hóa — 2023: 91,92 (hạng 2/27)") and, where the mark is a unit or a criterion, the site path it links to
/// (<c>/don-vi/hoang-hoa?nam=2023</c>); null when it links nowhere (the province mean).</summary>
public sealed record ChartMark(string Label, string? Link, double Left, double Top, double Width, double Height)
{
    /// <summary>For a mark that is not a rectangle (a unit on a map): its outline as SVG path data in the picture's
    /// pixels; null for a bar, point or cell, which is the rectangle.</summary>
    public string? Path { get; init; }

    /// <summary>The mark's colour in the picture ("#440154"), for a shape drawn again over it; null when not needed.</summary>
    public string? Fill { get; init; }

    /// <summary>What the mark is, for a page or a test (a map shape's unit id); null when not given.</summary>
    public string? Key { get; init; }

    /// <summary>The horizontal middle of the mark, in pixels.</summary>
    public double CenterX => Left + (Width / 2);

    /// <summary>The vertical middle of the mark, in pixels.</summary>
    public double CenterY => Top + (Height / 2);
}
