using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>Reading rendered markup the way a reader and a browser see it.</summary>
internal static class Html
{
    /// <summary>An element's text with runs of whitespace as one space, trimmed.</summary>
    public static string Text(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The text of each cell of each body row of a table.</summary>
    public static List<string[]> Rows(IElement table) =>
        table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(Text).ToArray()).ToList();

    /// <summary>The header cells' text of a table.</summary>
    public static string[] Header(IElement table) => table.QuerySelectorAll("thead th").Select(Text).ToArray();

    /// <summary>The query string a browser builds when a GET form is submitted: every named hidden input, checked
    /// checkbox and select (its selected option, or the first), in document order, URL-encoded. <paramref name="choose"/>
    /// replaces a select's value, as a user picking another option would.</summary>
    public static string SubmittedQuery(IElement form, IReadOnlyDictionary<string, string>? choose = null)
    {
        var pairs = new List<string>();
        foreach (var control in form.QuerySelectorAll("input[name], select[name]"))
        {
            var name = control.GetAttribute("name")!;
            string? value = control switch
            {
                IHtmlInputElement { Type: "hidden" } input => input.GetAttribute("value") ?? "",
                IHtmlInputElement { Type: "checkbox" } box => box.HasAttribute("checked") ? box.GetAttribute("value") ?? "on" : null,
                IHtmlSelectElement select => choose is not null && choose.TryGetValue(name, out var chosen) ? chosen
                    : (select.QuerySelector("option[selected]") ?? select.QuerySelector("option"))?.GetAttribute("value") ?? "",
                _ => null,
            };
            if (value is not null)
            {
                pairs.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
            }
        }

        return string.Join('&', pairs);
    }

    /// <summary>The name/value pairs of a URL's query, decoded.</summary>
    public static List<(string Name, string Value)> QueryOf(string url)
    {
        var query = url.Contains('?', StringComparison.Ordinal) ? url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        return query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""))
            .ToList();
    }
}
