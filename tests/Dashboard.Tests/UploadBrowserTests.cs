using System.Net;
using System.Security.Cryptography;
using System.Text;
using CchcAnalytics.Tests;
using static Microsoft.Playwright.Assertions;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Upload in Chromium as a district official does it: sign in, choose a file, read the preview, confirm. A bad
/// file is refused with its error and changes nothing; the real Hoằng Hóa 2017 report, absent from this dashboard's data
/// folder, appears with its 92 points once confirmed.</summary>
[Collection(WritableDashboard.Name)]
public sealed class UploadBrowserTests(WritableDashboardApp app)
{
    [BrowserFact]
    public async Task Upload_BadFileThenRealReport_ErrorAndUnchangedThenShown()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        var page = browser.Page;
        await SignInAsync(browser, TestAccounts.District);
        await Expect(page.GetByTestId("account-name")).ToContainTextAsync("UBND huyện Hoằng Hóa");

        // A bad file: 7.1.4 claims 9 points of its 3.
        var before = await FingerprintAsync();
        var bad = TestFiles.WithRow(TestFiles.RealReportText, "7.1.4", c => { c[3] = "9"; return c; });
        await browser.GotoAsync("/du-lieu");
        await page.GetByTestId("upload-input").SetInputFilesAsync(new Microsoft.Playwright.FilePayload
        {
            Name = "hoang-hoa-2017-sai.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(bad),
        });
        await page.GetByTestId("upload-submit").ClickAsync();

        await Expect(page.GetByTestId("upload-status")).ToContainTextAsync("Tệp bị từ chối, không có gì được ghi.");
        var problems = await BrowserSession.RowsAsync(page.GetByTestId("upload-problems"));
        var line = File.ReadAllLines(TestFiles.RealReport).ToList().FindIndex(l => l.StartsWith("7.1.4\t", StringComparison.Ordinal)) + 1;
        problems.ShouldContain(r => r[0] == "lỗi" && r[1] == "points-above-max" && r[2] == line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("upload-confirm")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("tai-len-tu-choi");
        (await FingerprintAsync()).ShouldBe(before);

        // The real report.
        await browser.GotoAsync("/du-lieu");
        await page.GetByTestId("upload-input").SetInputFilesAsync(TestFiles.RealReport);
        await page.GetByTestId("upload-submit").ClickAsync();
        await Expect(page.GetByTestId("upload-status")).ToContainTextAsync("Tệp hợp lệ: 1 bảng điểm, 1 cảnh báo.");
        var preview = await BrowserSession.RowsAsync(page.GetByTestId("upload-preview"));
        preview.ShouldHaveSingleItem()[..6].ShouldBe(["huyện Hoằng Hóa", "2017", "tự chấm", "111", "92", "100"]);
        await browser.ScreenshotAsync("tai-len-xem-truoc");
        (await FingerprintAsync()).ShouldBe(before, "nothing is written before confirming");
        await page.GetByTestId("upload-confirm").ClickAsync();

        await Expect(page.GetByTestId("upload-stored")).ToContainTextAsync("Đã lưu hoang-hoa-2017-bc293.txt: huyện Hoằng Hóa 2017 tự chấm:");
        await browser.ScreenshotAsync("tai-len-da-luu");
        await page.GetByText("Xem huyện Hoằng Hóa 2017").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Hoằng Hóa");
        await Expect(page.GetByTestId("headline").Locator("strong").First).ToHaveTextAsync("92/100 điểm");
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        var audit = WriteTests.AuditRows(WebUtility.HtmlDecode(await province.GetStringAsync("/du-lieu")));
        audit.First(r => r.Contains("hoang-hoa-2017-bc293.txt", StringComparison.Ordinal))
            .ShouldContain(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TestFiles.RealReport)))[..12]);
        browser.Errors.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task SignIn_WrongPasswordInTheBrowser_ErrorShownAndStillSignedOut()
    {
        await using var browser = await BrowserSession.OpenAsync(app);
        await browser.GotoAsync("/dang-nhap");
        await browser.Page.GetByTestId("signin-name").FillAsync(TestAccounts.Viewer.UserName);
        await browser.Page.GetByTestId("signin-password").FillAsync("sai-mat-khau-roi");
        await browser.Page.GetByTestId("signin-submit").ClickAsync();

        await Expect(browser.Page.GetByTestId("signin-error")).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        await Expect(browser.Page.GetByTestId("signin-link")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("dang-nhap-sai");
    }

    private static async Task SignInAsync(BrowserSession browser, CchcAnalytics.Accounts.NewAccount account)
    {
        await browser.GotoAsync("/dang-nhap?quay-lai=%2Fdu-lieu");
        await browser.Page.GetByTestId("signin-name").FillAsync(account.UserName);
        await browser.Page.GetByTestId("signin-password").FillAsync(TestAccounts.Password);
        await browser.Page.GetByTestId("signin-submit").ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/du-lieu$"));
    }

    /// <summary>Everything stored, as the province sees it (this app hides unpublished data from others).</summary>
    private async Task<string> FingerprintAsync()
    {
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        var scores = Convert.ToHexString(SHA256.HashData(await province.GetByteArrayAsync("/export/scores.csv")));
        return scores + string.Join("\n", WriteTests.AuditRows(await province.GetStringAsync("/du-lieu")));
    }
}
