using System.Net;
using System.Security.Cryptography;
using System.Text;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Who may do what, through HTTP against the running app: reading is open (the default configuration), every
/// write needs an account with the right role and an antiforgery token, and every refusal stores nothing — shown by the
/// scores export and the audit trail being byte-for-byte the same before and after.</summary>
[Collection(SharedDashboard.Name)]
public sealed class AccessTests(DashboardApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/du-lieu")]
    [InlineData("/dang-nhap")]
    [InlineData("/export/scores.csv")]
    public async Task Get_AnyResponse_SecurityHeaders(string path)
    {
        using var client = await TestAccounts.ClientAsync(app, null);
        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("same-origin");
        Header(response, "Content-Security-Policy").ShouldContain("frame-ancestors 'none'");
        Header(response, "Content-Security-Policy").ShouldContain("script-src 'self';");
    }

    [Fact]
    public async Task SignIn_WrongPassword_BackToFormWithError()
    {
        using var client = await TestAccounts.ClientAsync(app, null);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, "/dang-nhap"),
            ["ten"] = TestAccounts.Viewer.UserName,
            ["mat-khau"] = "khong-dung-mat-khau",
        });

        using var response = await client.PostAsync("/tai-khoan/dang-nhap", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/dang-nhap?loi=sai");
        response.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeFalse(string.Join(" ", cookies ?? []));
        WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location)).ShouldContain("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    [Fact]
    public async Task SignIn_SixthTryAfterFiveFailures_LockedEvenWithTheRightPassword()
    {
        using var client = await TestAccounts.ClientAsync(app, null);
        var name = "thu-khoa-" + Guid.NewGuid().ToString("N")[..8];
        var locations = new List<string>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, "/dang-nhap"),
                ["ten"] = name,
                ["mat-khau"] = "sai-" + attempt,
            });
            using var response = await client.PostAsync("/tai-khoan/dang-nhap", form);
            locations.Add(response.Headers.Location!.OriginalString);
        }

        locations.Take(5).ShouldAllBe(l => l.StartsWith("/dang-nhap?loi=sai", StringComparison.Ordinal));
        locations[5].ShouldStartWith("/dang-nhap?loi=tam-khoa");
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesHome()
    {
        using var client = await TestAccounts.ClientAsync(app, null);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, "/dang-nhap"),
            ["ten"] = TestAccounts.Viewer.UserName,
            ["mat-khau"] = TestAccounts.Password,
            ["quay-lai"] = "//evil.example/du-lieu",
        });

        using var response = await client.PostAsync("/tai-khoan/dang-nhap", form);

        response.Headers.Location!.OriginalString.ShouldBe("/");
        var cookie = string.Join(";", response.Headers.GetValues("Set-Cookie"));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
    }

    [Fact]
    public async Task Upload_Anonymous_SentToSignInAndNothingStored()
    {
        var before = await FingerprintAsync();
        using var client = await TestAccounts.ClientAsync(app, null);
        (await client.GetStringAsync("/du-lieu")).ShouldContain("data-testid=\"upload-signin\"");

        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(TestFiles.RealReportText)), "tep", "hoang-hoa.txt" } };
        using var response = await client.PostAsync("/du-lieu/tai-len", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery().ShouldStartWith("/dang-nhap?quay-lai=");
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Upload_Viewer_403()
    {
        var before = await FingerprintAsync();
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Viewer);
        (await client.GetStringAsync("/du-lieu")).ShouldNotContain("data-testid=\"upload-input\"");

        using var form = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(TestFiles.RealReport)), "tep", "hoang-hoa.txt" } };
        using var response = await client.PostAsync("/du-lieu/tai-len", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("Không có quyền");
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_400AndNothingStored()
    {
        var before = await FingerprintAsync();
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Province);

        using var response = await TestAccounts.UploadAsync(client, "hoang-hoa.txt", File.ReadAllBytes(TestFiles.RealReport), withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Upload_OneByteOverTheLimit_413BeforeAnyParsingAndNothingStored()
    {
        var before = await FingerprintAsync();
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        var big = new byte[CchcAnalytics.Ingest.IngestRunner.MaxFileBytes + 1];
        Encoding.UTF8.GetBytes(TestFiles.RealReportText).CopyTo(big, 0);

        using var response = await TestAccounts.UploadAsync(client, "qua-lon.txt", big);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain("Tệp qua-lon.txt lớn hơn 20 MB; không có gì được ghi.");
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ConfirmAndCancel_WithoutAntiforgeryToken_400AndThePreviewStillWaits()
    {
        var before = await FingerprintAsync();
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        var corrected = TestFiles.WithRow(TestFiles.RealReportText, "7.1.4", c => { c[3] = "1"; return c; });
        using var upload = await TestAccounts.UploadAsync(client, "hoang-hoa-2017-sua.txt", Encoding.UTF8.GetBytes(corrected));
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var preview = upload.Headers.Location!.OriginalString;

        using var empty = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var confirm = await client.PostAsync(preview + "/xac-nhan", empty);
        using var cancel = await client.PostAsync(preview + "/huy", empty);

        confirm.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()).ShouldContain("thiếu mã chống giả mạo");
        cancel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FingerprintAsync()).ShouldBe(before);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(preview));
        page.ShouldContain("Xem trước: hoang-hoa-2017-sua.txt");
        page.ShouldContain("/xac-nhan");

        // With its token the same cancel goes through, and the preview is gone.
        using var tokenCancel = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, preview) });
        using var cancelled = await client.PostAsync(preview + "/huy", tokenCancel);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(preview)).ShouldContain("data-testid=\"upload-missing\"");
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_400AndStillSignedIn()
    {
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Viewer);
        using var empty = new FormUrlEncodedContent(new Dictionary<string, string>());

        using var response = await client.PostAsync("/tai-khoan/dang-xuat", empty);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await client.GetStringAsync("/")).ShouldContain(TestAccounts.Viewer.DisplayName);
        using var withToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, "/") });
        using var signedOut = await client.PostAsync("/tai-khoan/dang-xuat", withToken);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await client.GetStringAsync("/")).ShouldNotContain(TestAccounts.Viewer.DisplayName);
    }

    [Fact]
    public async Task Confirm_DistrictWritingAnotherDistrict_403AndNothingStored()
    {
        var before = await FingerprintAsync();
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.District);
        var ngaSon = TestFiles.WithUnit(TestFiles.RealReportText, "Nga Sơn");

        using var upload = await TestAccounts.UploadAsync(client, "nga-son-2017.txt", Encoding.UTF8.GetBytes(ngaSon));
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var preview = upload.Headers.Location!.OriginalString;
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(preview));
        page.ShouldContain("huyện Nga Sơn");
        page.ShouldContain("Tài khoản của đơn vị hoang-hoa chỉ được ghi số liệu của chính đơn vị mình; tệp này có số liệu của nga-son.");
        using var confirm = await TestAccounts.ConfirmAsync(client, preview);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()).ShouldContain("tệp này có số liệu của nga-son. Không có gì được ghi.");
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Confirm_DistrictWritingAppraisedPoints_403AndNothingStored()
    {
        var before = await FingerprintAsync();
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.District);

        using var upload = await TestAccounts.UploadAsync(client, "hoang-hoa-2017-tham-dinh.csv", AppraisedCsvFor("hoang-hoa", "Hoằng Hóa"));
        var preview = upload.Headers.Location!.OriginalString;
        WebUtility.HtmlDecode(await client.GetStringAsync(preview)).ShouldContain("Tệp hợp lệ: 1 bảng điểm");
        using var confirm = await TestAccounts.ConfirmAsync(client, preview);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()).ShouldContain("Điểm thẩm định do Sở Nội vụ nhập");
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Preview_AnotherAccountsUpload_NotShownNorConfirmable()
    {
        var before = await FingerprintAsync();
        using var district = await TestAccounts.ClientAsync(app, TestAccounts.District);
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        using var upload = await TestAccounts.UploadAsync(district, "hoang-hoa.txt", File.ReadAllBytes(TestFiles.RealReport));
        var preview = upload.Headers.Location!.OriginalString;

        var page = WebUtility.HtmlDecode(await province.GetStringAsync(preview));
        page.ShouldContain("Không còn bản xem trước này");
        page.ShouldNotContain("hoang-hoa-2017");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(province, "/du-lieu") });
        using var confirm = await province.PostAsync(preview + "/xac-nhan", form);

        confirm.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Confirm_RejectedFile_400AndNothingStored()
    {
        var before = await FingerprintAsync();
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        var bad = TestFiles.WithRow(TestFiles.RealReportText, "7.1.4", c => { c[3] = "9"; return c; });
        using var upload = await TestAccounts.UploadAsync(client, "sai.txt", Encoding.UTF8.GetBytes(bad));
        var preview = upload.Headers.Location!.OriginalString;
        (await client.GetStringAsync(preview)).ShouldNotContain("data-testid=\"upload-confirm\"");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, "/du-lieu") });

        using var confirm = await client.PostAsync(preview + "/xac-nhan", form);

        confirm.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()).ShouldContain("Tệp này bị từ chối khi kiểm tra nên không lưu được.");
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AccountsPage_ProvinceOnly_NoHashes()
    {
        using var district = await TestAccounts.ClientAsync(app, TestAccounts.District);
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);

        (await district.GetAsync("/tai-khoan")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = WebUtility.HtmlDecode(await province.GetStringAsync("/tai-khoan"));
        html.ShouldContain("hoang-hoa.ubnd");
        html.ShouldContain("UBND huyện Hoằng Hóa");
        html.ShouldNotContain("AQAAAA"); // the Identity v3 hash prefix
        html.ShouldNotContain(TestAccounts.Password);
    }

    [Fact]
    public async Task SignOut_CookieNoLongerWorks()
    {
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        (await client.GetStringAsync("/du-lieu")).ShouldContain("data-testid=\"upload-input\"");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, "/du-lieu") });

        using var response = await client.PostAsync("/tai-khoan/dang-xuat", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/du-lieu")).ShouldContain("data-testid=\"upload-signin\"");
    }

    /// <summary>The sample's Bá Thước 2017 appraised rows relabelled as a real appraisal of <paramref name="unitId"/>.</summary>
    internal static byte[] AppraisedCsvFor(string unitId, string unitName)
    {
        var lines = File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, "data", "sample", "thanh-hoa-district-2017-sample.csv"));
        var rows = lines.Skip(1).Where(l => l.StartsWith("ba-thuoc,Bá Thước,2017,appraised,", StringComparison.Ordinal))
            .Select(l => $"{unitId},{unitName},2017,appraised," + l["ba-thuoc,Bá Thước,2017,appraised,".Length..^",true".Length] + ",false")
            .ToList();
        rows.Count.ShouldBeGreaterThan(100);
        return Encoding.UTF8.GetBytes(string.Join('\n', [lines[0], .. rows]) + "\n");
    }

    /// <summary>What the app has stored, seen through the app (it holds the database file): the hash of the scores
    /// export and the audit table of the Dữ liệu page.</summary>
    private async Task<string> FingerprintAsync()
    {
        using var client = await TestAccounts.ClientAsync(app, null);
        var scores = Convert.ToHexString(SHA256.HashData(await client.GetByteArrayAsync("/export/scores.csv")));
        var html = await client.GetStringAsync("/du-lieu");
        var audit = html[html.IndexOf("data-testid=\"audit\"", StringComparison.Ordinal)..];
        return scores + "\n" + audit[..audit.IndexOf("</table>", StringComparison.Ordinal)];
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
