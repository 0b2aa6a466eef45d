using CchcAnalytics.Tests;
using Microsoft.Playwright;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Downloads a file the way a person does, by clicking its link on the page, and keeps what arrived.</summary>
internal static class Downloads
{
    /// <summary>Clicks <paramref name="link"/>, waits for the browser's download, saves it into <paramref name="folder"/>
    /// under the name the server suggested, and returns that name and the saved path.</summary>
    public static async Task<(string Name, string Path)> ClickAsync(ILocator link, TempFolder folder)
    {
        var download = await link.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = folder.File(download.SuggestedFilename);
        await download.SaveAsAsync(path);
        (await download.FailureAsync()).ShouldBeNull($"download of {download.Url}");
        new FileInfo(path).Length.ShouldBeGreaterThan(0, $"download of {download.Url}");
        return (download.SuggestedFilename, path);
    }
}
