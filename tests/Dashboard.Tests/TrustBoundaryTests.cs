using System.Net;
using System.Text;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Issue 12 (trust at the boundary) through HTTP on the shared dashboard: sign-out ends the session on the
/// server, posts without a form body are a 400 with a Vietnamese page (never a 500), an upload over the request limit
/// says the file is too large, and a forged <c>X-Forwarded-For</c> is ignored when no proxy is configured.</summary>
[Collection(SharedDashboard.Name)]
public sealed class TrustBoundaryTests(DashboardApp app)
{
    /// <summary>Every write endpoint (the preview id need not exist: the body is refused first).</summary>
    public static TheoryData<string> WriteEndpoints =>
    [
        "/tai-khoan/dang-nhap",
        "/tai-khoan/dang-xuat",
        "/du-lieu/tai-len",
        "/du-lieu/tai-len/0123456789abcdef0123456789abcdef/xac-nhan",
        "/du-lieu/tai-len/0123456789abcdef0123456789abcdef/huy",
        "/don-vi/hoang-hoa/tham-dinh",
    ];

    [Fact]
    public async Task SignOut_CopyOfTheOldCookie_Refused()
    {
        var jar = new CookieContainer();
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Province, jar);
        var cookies = jar.GetCookieHeader(app.BaseAddress);
        cookies.ShouldContain("cchc.auth=");
        using var copy = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        copy.DefaultRequestHeaders.Add("Cookie", cookies);
        (await copy.GetStringAsync("/du-lieu")).ShouldContain("data-testid=\"upload-input\"");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, "/du-lieu") });

        using var signedOut = await client.PostAsync("/tai-khoan/dang-xuat", form);

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await copy.GetStringAsync("/du-lieu");
        page.ShouldContain("data-testid=\"upload-signin\"");
        page.ShouldNotContain(TestAccounts.Province.DisplayName);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(TestFiles.RealReportText)), "tep", "hoang-hoa.txt" } };
        using var refused = await copy.PostAsync("/du-lieu/tai-len", upload);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.PathAndQuery().ShouldStartWith("/dang-nhap?quay-lai=");
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task Post_WithoutABody_400WithAVietnamesePage(string path)
    {
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        var before = app.Output;

        using var empty = await client.PostAsync(path, null);
        using var emptyForm = await client.PostAsync(path, new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var noBoundary = await client.PostAsync(path, new ByteArrayContent([]) { Headers = { { "Content-Type", "multipart/form-data" } } });

        foreach (var response in new[] { empty, emptyForm, noBoundary })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{path} {response.RequestMessage!.Content?.Headers.ContentType}");
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            page.ShouldContain("Yêu cầu không hợp lệ");
            page.ShouldContain("không có gì được ghi");
            page.ShouldNotContain("Đã xảy ra lỗi</h1>");
        }

        app.Output[before.Length..].ShouldNotContain("fail:");
    }

    [Fact]
    public async Task Upload_BodyOverTheRequestLimit_413SaysTooLargeNotFormExpired()
    {
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        // The answer comes before the body is read: the client waits for it instead of sending 22 MB into a closed socket.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var big = new byte[CchcAnalytics.Ingest.IngestRunner.MaxFileBytes + (2 * 1024 * 1024)];

        using var response = await TestAccounts.UploadAsync(client, "qua-lon.txt", big);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain("Tệp quá lớn (tối đa 20 MB). Không có gì được ghi; hãy chọn tệp nhỏ hơn.");
        page.ShouldNotContain("hết hạn");
    }

    [Fact]
    public async Task SignIn_ForgedForwardedForWithoutAKnownProxy_Ignored()
    {
        using var client = await TestAccounts.ClientAsync(app, null);
        var name = "gia-mao-" + Guid.NewGuid().ToString("N")[..8];
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, "/dang-nhap"),
            ["ten"] = name,
            ["mat-khau"] = "khong-dung-mat-khau",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tai-khoan/dang-nhap") { Content = form };
        request.Headers.Add("X-Forwarded-For", "203.0.113.77");

        using var response = await client.SendAsync(request);

        response.Headers.Location!.OriginalString.ShouldStartWith("/dang-nhap?loi=sai");
        var line = await LogLineAsync(app, $"'{name}'");
        line.ShouldContain("từ 127.0.0.1");
        line.ShouldNotContain("203.0.113.77");
    }

    /// <summary>The app's log line containing <paramref name="text"/>, waiting a little for the console logger.</summary>
    internal static async Task<string> LogLineAsync(DashboardApp app, string text)
    {
        for (var i = 0; i < 50; i++)
        {
            var lines = app.Output.Split('\n');
            var at = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
            if (at >= 0)
            {
                return lines[at];
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException($"No log line with {text}:\n{app.Output}");
    }
}
