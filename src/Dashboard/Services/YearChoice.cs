namespace CchcAnalytics.Dashboard.Services;

/// <summary>
/// The one rule for a year typed in an address. A page never switches year silently: it shows the nearest year with
/// data and says why (<see cref="ForPage"/>); a download answers 400 or 404 instead (ExportEndpoints), because a file
/// carries no notice.
/// </summary>
public static class YearChoice
{
    /// <summary>A year written as four digits, else null ("abc", "-1", "99999").</summary>
    public static int? Parse(string? text) => Query.Year(text) is { } year && year is >= 1000 and <= 9999 ? year : null;

    /// <summary>"2017–2024" for consecutive years, else "2017, 2019, 2020".</summary>
    public static string Text(IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return years.Count == 0 ? "" : years.Count == years[^1] - years[0] + 1 ? $"{years[0]}–{years[^1]}" : string.Join(", ", years);
    }

    /// <summary>"các năm có số liệu: 2017–2024", or that there are none yet.</summary>
    public static string Known(IReadOnlyList<int> years) =>
        years.Count == 0 ? "chưa có năm nào có số liệu" : $"các năm có số liệu: {Text(years)}";

    /// <summary>The year with data closest to <paramref name="asked"/>; the later one when two are as close.</summary>
    public static int Nearest(IReadOnlyList<int> years, int asked)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0)
        {
            throw new ArgumentException("No year has data.", nameof(years));
        }

        return years.OrderBy(y => Math.Abs(y - asked)).ThenByDescending(y => y).First();
    }

    /// <summary>
    /// The year a page shows for <paramref name="text"/> (<c>nam=</c>) among the years with data (ascending): the
    /// latest when none is asked; otherwise the year asked, or — with a Vietnamese notice saying so — the latest year
    /// for text that is not a year and the nearest year for a year without data.
    /// </summary>
    public static (int Year, string? Notice) ForPage(string? text, IReadOnlyList<int> years, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0)
        {
            return ((clock ?? TimeProvider.System).GetLocalNow().Year, null);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (years[^1], null);
        }

        if (Parse(text.Trim()) is not { } asked)
        {
            return (years[^1], $"“{Shorten(text)}” không phải là một năm (hãy ghi năm bằng bốn chữ số, ví dụ {years[^1]}). "
                + $"Trang đang hiển thị năm {years[^1]}, năm mới nhất có số liệu ({Known(years)}).");
        }

        if (years.Contains(asked))
        {
            return (asked, null);
        }

        var nearest = Nearest(years, asked);
        return (nearest, $"Không có số liệu năm {asked} ({Known(years)}). Trang đang hiển thị năm {nearest}, năm gần nhất có số liệu.");
    }

    /// <summary>What the reader typed, cut to a readable length (it is shown back, HTML-encoded by Razor).</summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.Length <= 40 ? trimmed : string.Concat(trimmed.AsSpan(0, 40), "…");
    }
}
