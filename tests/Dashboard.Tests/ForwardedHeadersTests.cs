using System.Net;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Behind a configured reverse proxy (<c>Cchc:KnownProxies</c>) the client's address is the one the proxy
/// forwards: the sign-in lockout counts each client apart, so one client cannot lock everyone out.</summary>
[Collection(ProxiedDashboard.Name)]
public sealed class ForwardedHeadersTests(ProxiedDashboardApp app)
{
    [Fact]
    public async Task SignIn_ForwardedForFromTheKnownProxy_SeparatesClientsInTheLockout()
    {
        using var client = await TestAccounts.ClientAsync(app, null);
        const string noisy = "203.0.113.10";
        const string other = "203.0.113.11";
        for (var i = 0; i < 20; i++)
        {
            (await SignInAsync(client, $"ten-{i}-{Guid.NewGuid():N}"[..20], noisy)).ShouldStartWith("/dang-nhap?loi=sai");
        }

        (await SignInAsync(client, "ten-khac-" + Guid.NewGuid().ToString("N")[..8], noisy)).ShouldStartWith("/dang-nhap?loi=tam-khoa");
        var name = "ten-rieng-" + Guid.NewGuid().ToString("N")[..8];
        (await SignInAsync(client, name, other)).ShouldStartWith("/dang-nhap?loi=sai");
        (await TrustBoundaryTests.LogLineAsync(app, $"'{name}'")).ShouldContain($"từ {other}");
        // The proxy itself (no header) and the other client can still sign in.
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        (await province.GetStringAsync("/du-lieu")).ShouldContain("data-testid=\"upload-input\"");
    }

    private static async Task<string> SignInAsync(HttpClient client, string name, string forwardedFor)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, "/dang-nhap"),
            ["ten"] = name,
            ["mat-khau"] = "khong-dung-mat-khau",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tai-khoan/dang-nhap") { Content = form };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString;
    }
}
