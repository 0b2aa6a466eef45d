using ScottPlot;

namespace CchcAnalytics.Charts;

/// <summary>A built chart: its title, data status, tidy data table and notes, and how to draw it. Immutable and
/// thread-safe: every <see cref="CreatePlot(int?)"/> draws a fresh ScottPlot <see cref="Plot"/>, so one spec can be rendered
/// to PNG, SVG and CSV, at several sizes, by concurrent requests.</summary>
public sealed class ChartSpec
{
    private readonly Action<Plot, MarkList> draw;
    private readonly SvgLayer? svgLayer;

    internal ChartSpec(ChartKind kind, string title, string scope, ChartStatus status, ChartTable table, IReadOnlyList<string> notes, int width, int height, Action<Plot> draw, SvgLayer? svgLayer = null)
        : this(kind, title, scope, status, table, notes, width, height, (plot, _) => draw(plot), svgLayer)
    {
    }

    /// <summary>A chart whose drawing also adds its marks (<see cref="ChartRenderer.Marks"/>): each bar, point or cell
    /// with its hover label and link, in data coordinates.</summary>
    internal ChartSpec(ChartKind kind, string title, string scope, ChartStatus status, ChartTable table, IReadOnlyList<string> notes, int width, int height, Action<Plot, MarkList> draw, SvgLayer? svgLayer = null)
    {
        this.svgLayer = svgLayer;
        Kind = kind;
        Title = title;
        Status = status;
        Subtitle = string.Join(" · ", new[] { scope }.Concat(status.Parts()).Where(p => p.Length > 0));
        Table = table;
        Notes = notes;
        Width = width;
        Height = height;
        this.draw = draw;
    }

    public ChartKind Kind { get; }

    internal SvgLayer? SvgLayerOrNull => svgLayer;

    /// <summary>First title line: what is shown, for which unit and year ("Xếp hạng Chỉ số CCHC năm 2023").</summary>
    public string Title { get; }

    /// <summary>Second title line: the scope and the data status ("27 đơn vị cấp huyện · dữ liệu mẫu · khung minh họa").</summary>
    public string Subtitle { get; }

    /// <summary>Both lines, for alt text and captions.</summary>
    public string Caption => Subtitle.Length == 0 ? Title : $"{Title} — {Subtitle}";

    public ChartStatus Status { get; }

    /// <summary>The data behind the chart (<see cref="ChartRenderer.Csv"/>).</summary>
    public ChartTable Table { get; }

    /// <summary>Vietnamese caveats to show next to the chart (comparability, series ends, reference values).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Default width in pixels (the request's, or the kind's default).</summary>
    public int Width { get; }

    /// <summary>Default height in pixels.</summary>
    public int Height { get; }

    /// <summary>The same chart with another default size (null keeps the current one).</summary>
    public ChartSpec WithSize(int? width, int? height)
    {
        ChartFactory.CheckSize(width ?? Width, nameof(width));
        ChartFactory.CheckSize(height ?? Height, nameof(height));
        return new ChartSpec(this, width ?? Width, height ?? Height);
    }

    private ChartSpec(ChartSpec source, int width, int height)
    {
        Kind = source.Kind;
        Title = source.Title;
        Subtitle = source.Subtitle;
        Status = source.Status;
        Table = source.Table;
        Notes = source.Notes;
        Width = width;
        Height = height;
        draw = source.draw;
        svgLayer = source.svgLayer;
    }

    /// <summary>Draws the chart on a new plot, with the title wrapped for <paramref name="width"/> pixels (the spec's
    /// width when null). The caller owns (and disposes) it; <see cref="ChartRenderer"/> is the usual way to get PNG or
    /// SVG bytes.</summary>
    public Plot CreatePlot(int? width = null) => DrawPlot(width, forSvg: false);

    /// <summary>As <see cref="CreatePlot(int?)"/>; without the title when <paramref name="title"/> is false.</summary>
    public Plot CreatePlot(int? width, bool title) => DrawPlot(width, forSvg: false, title);

    /// <summary>Draws the plot for PNG, or for SVG (with the chart's <see cref="SvgLayer"/> drawing, when it has one), adding
    /// the chart's marks to <paramref name="marks"/> when given.</summary>
    internal Plot DrawPlot(int? width, bool forSvg, bool title = true, MarkList? marks = null)
    {
        ChartFonts.Register();
        var plot = new Plot();
        try
        {
            ChartStyle.Begin(plot, this, width ?? Width, title);
            if (forSvg && svgLayer is not null)
            {
                svgLayer.Draw(plot);
            }
            else
            {
                draw(plot, marks ?? MarkList.Ignored);
            }

            ChartStyle.End(plot);
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }
}

/// <summary>For a chart whose SVG carries more than ScottPlot can write (a map's links and hover titles): the plot is
/// drawn with <paramref name="Draw"/> for SVG, and <paramref name="Finish"/> then completes ScottPlot's markup, given the
/// rendered plot (for its pixel coordinates); <paramref name="Marks"/> gives its marks from that plot (a map's linked
/// shapes).</summary>
internal sealed record SvgLayer(Action<Plot> Draw, Func<Plot, string, string> Finish, Func<Plot, IReadOnlyList<ChartMark>>? Marks = null)
{
    /// <summary>The finished markup of <paramref name="spec"/>'s plot, or ScottPlot's as it is when it has no layer.</summary>
    public static string Apply(ChartSpec spec, Plot plot, string xml) => spec.SvgLayerOrNull?.Finish(plot, xml) ?? xml;
}

