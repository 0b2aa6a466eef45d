using CchcAnalytics.Tests;
using Microsoft.Playwright;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>One browser context and page on the dashboard, recording what went wrong in the browser: console errors,
/// uncaught script errors, failed requests and resources answered with 4xx/5xx (other than the page itself).</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // "Failed to load resource" repeats what the Response handler sees, except for the page itself (whose status
            // each test checks) and /favicon.ico, which the dashboard does not have and Playwright does not report.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add($"script: {error}");
        page.RequestFailed += (_, request) =>
        {
            // ERR_ABORTED is a cancellation, not a failure: blazor.web.js sometimes cancels its enhanced-navigation fetch
            // once it has applied the page, and a new navigation cancels the old page's requests.
            if (request.Failure != "net::ERR_ABORTED")
            {
                errors.Add($"request failed: {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                errors.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    /// <summary>Full-page screenshots land here (git-ignored), for people to look at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "screenshots");

    public IPage Page { get; }

    public IReadOnlyList<string> Errors => errors;

    public static async Task<BrowserSession> OpenAsync(DashboardApp app, int width = 1280, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(app);
        var context = await app.NewBrowserContextAsync(width, height);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Opens a path of the app and returns the document's response.</summary>
    public async Task<IResponse> GotoAsync(string path) =>
        await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");

    /// <summary>Loads every image now (charts are <c>loading="lazy"</c>) and returns the sources of those that did not
    /// load as pictures.</summary>
    public async Task<IReadOnlyList<string>> LoadImagesAsync()
    {
        await Page.EvaluateAsync("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')");
        await Page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
        return await Page.EvaluateAsync<string[]>("() => [...document.images].filter(i => i.naturalWidth === 0).map(i => i.src)");
    }

    /// <summary>Saves a full-page screenshot, with every image loaded, as <c>artifacts/screenshots/{name}.png</c>.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await LoadImagesAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Words and numbers in the page's tables that are drawn over more than one line ("92,15" as "92,1" over
    /// "5"), each as the word and its cell's text; the first 10. A line may still end after a hyphen or a slash
    /// ("600/QĐ-" over "UBND"), as typesetting allows; the evidence's prose and hidden text are not checked.</summary>
    public async Task<IReadOnlyList<string>> BrokenWordsInTablesAsync() => await Page.EvaluateAsync<string[]>("""
        () => {
          const broken = [];
          for (const cell of document.querySelectorAll('main table td, main table th')) {
            // Evidence is prose: a long address in it may wrap where it must.
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT,
              { acceptNode: n => n.parentElement.closest('.evidence') || !n.parentElement.checkVisibility() ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const word of node.data.matchAll(/[^\s\/\-–]+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(word[0] + ' in "' + cell.innerText.trim().slice(0, 40) + '"');
              }
            }
          }
          return broken.slice(0, 10);
        }
        """);

    /// <summary>The trimmed visible text of each cell of each body row of a table.</summary>
    public static async Task<IReadOnlyList<string[]>> RowsAsync(ILocator table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return await table.EvaluateAsync<string[][]>(
            "t => [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.innerText.replace(/\\s+/g, ' ').trim()))");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
