namespace CchcAnalytics.Exports;

/// <summary>What a meeting pack shows: a title slide (title and subtitle), then <see cref="Slides"/> in order.</summary>
/// <param name="Title">Title of the title slide and of the file.</param>
/// <param name="Subtitle">Second line of the title slide, e.g. "Tỉnh Thanh Hóa — năm 2023 — dữ liệu mẫu"; null for none.</param>
/// <param name="Slides">The slides after the title slide.</param>
public sealed record PackContent(string Title, string? Subtitle, IReadOnlyList<PackSlide> Slides)
{
    /// <summary>The source line at the foot of every slide (which data, which decision, "dữ liệu mẫu" when it is), so a
    /// slide copied into another deck still says where its numbers come from; null for none.</summary>
    public string? Footer { get; init; }
}

/// <summary>One slide: a title (always editable text in the title placeholder) and any of bullet lines, a table, an
/// image and speaker notes. At most five bullets go on a slide; bullets or table rows that do not fit at the smallest
/// readable font size (18 pt) continue on slides titled "… (tiếp)", and so does a picture after a table.</summary>
/// <param name="Title">The slide title.</param>
public sealed record PackSlide(string Title)
{
    /// <summary>Bullet lines, one paragraph each; a line break inside a line stays a line break.</summary>
    public IReadOnlyList<string> Bullets { get; init; } = [];

    public PackTable? Table { get; init; }

    public PackImage? Image { get; init; }

    /// <summary>Speaker notes (ghi chú cho người trình bày); null for none.</summary>
    public string? Notes { get; init; }
}

/// <summary>A table of text: a header row and rows with as many cells as the header.</summary>
/// <param name="Header">Column headers.</param>
/// <param name="Rows">Rows of cell texts. Cells that hold only a number (92,15 / 3 / +2 / 45%) are right-aligned.</param>
public sealed record PackTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Indexes (into <see cref="Rows"/>) of rows to highlight: bold on a light orange fill (the weakest area).</summary>
    public IReadOnlyList<int> Highlight { get; init; } = [];
}

/// <summary>A PNG picture with its alternative text (read aloud by screen readers, shown when the picture is missing).</summary>
/// <param name="Png">The PNG file's bytes.</param>
/// <param name="AltText">What the picture shows, in Vietnamese.</param>
public sealed record PackImage(ReadOnlyMemory<byte> Png, string AltText);
