using System.Net;
using System.Text.RegularExpressions;
using CchcAnalytics.Accounts;
using CchcAnalytics.Ingest;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>The accounts every test dashboard starts with, created the way an administrator does (AccountStore, as
/// `cchc user add` does) before the app opens the database. Passwords exist only here, in the tests.</summary>
internal static partial class TestAccounts
{
    public const string Password = "mat-khau-kiem-thu-2024";

    public static readonly NewAccount Province = new("so-noi-vu", "Chuyên viên Sở Nội vụ", Role.Province);
    public static readonly NewAccount District = new("hoang-hoa.ubnd", "UBND huyện Hoằng Hóa", Role.District, "hoang-hoa");
    public static readonly NewAccount Viewer = new("quan-sat", "Người xem", Role.Viewer);

    /// <summary>Loads the data folder's units (district accounts name one) and creates the three accounts.</summary>
    public static void Seed(string database)
    {
        using var connections = new DuckDbConnectionFactory(database);
        _ = new IngestRunner(new ScoreStore(connections), DataFolder.Plan([Path.Combine(TestFiles.RepositoryRoot, "data")]).Reference);
        var accounts = new AccountStore(connections);
        foreach (var account in new[] { Province, District, Viewer })
        {
            accounts.Add(account, Password, "test:seed");
        }
    }

    /// <summary>An HTTP client with its own cookies (in <paramref name="cookies"/> when given) that does not follow
    /// redirects, signed in as <paramref name="account"/> through the sign-in form (null: anonymous).</summary>
    public static async Task<HttpClient> ClientAsync(DashboardApp app, NewAccount? account, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (account is not null)
        {
            var token = await TokenAsync(client, "/dang-nhap");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["ten"] = account.UserName,
                ["mat-khau"] = Password,
                ["quay-lai"] = "/",
            });
            using var response = await client.PostAsync("/tai-khoan/dang-nhap", form);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe("/", $"sign-in as {account.UserName} failed");
        }

        return client;
    }

    /// <summary>The antiforgery token of the first form on <paramref name="path"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        match.Success.ShouldBeTrue($"no antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Uploads a file through the Dữ liệu page's form; returns the response (a redirect to the preview on success).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(await TokenAsync(client, "/du-lieu")), "__RequestVerificationToken");
        }

        form.Add(new ByteArrayContent(bytes), "tep", fileName);
        return await client.PostAsync("/du-lieu/tai-len", form);
    }

    /// <summary>Confirms the preview at <paramref name="previewPath"/> with its own form's token.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string previewPath)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(client, previewPath) });
        return await client.PostAsync(previewPath + "/xac-nhan", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
