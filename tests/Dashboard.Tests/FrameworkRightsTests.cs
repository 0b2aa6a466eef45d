using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Issue 12 through HTTP against the writable dashboard (HideUnpublished on): a district never makes a year's
/// framework, the province does and can remove it, a draft never names an unpublished file to readers who may not see
/// it, replacing real data is said loudly, and a district's preview of another unit's file tells nothing about what is
/// stored. Each test has its own years and units, so the tests do not depend on their order.</summary>
[Collection(WritableDashboard.Name)]
public sealed class FrameworkRightsTests(WritableDashboardApp app)
{
    [Fact]
    public async Task Confirm_DistrictReportForAYearWithoutFramework_NeverAFrameworkAndOtherReportsStillAccepted()
    {
        using var district = await TestAccounts.ClientAsync(app, TestAccounts.District);
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        // 2021 has only a khung minh họa, which real data is never checked against.
        var unlike = TestFiles.WithRow(TestFiles.WithRow(TestFiles.ReportOf(2021), "1.1.1", c => { c[2] = "1"; c[3] = "1"; return c; }), "1.1.2", c => { c[2] = "2"; c[3] = "2"; return c; });

        // A table unlike the nearest framework waits for the province: refused, nothing to confirm.
        var refused = await PreviewAsync(district, "hoang-hoa-2021-khac.txt", unlike);
        refused.ShouldContain("Tệp bị từ chối");
        refused.ShouldContain("max-points-differ");
        refused.ShouldContain("framework-needed");
        refused.ShouldContain("chờ Sở Nội vụ lập bộ tiêu chí năm 2021 rồi tải lại tệp này");
        refused.ShouldNotContain("draft-framework");

        // A table like the nearest framework is stored against it, with a warning that says which and why.
        using var upload = await TestAccounts.UploadAsync(district, "hoang-hoa-2021.txt", Encoding.UTF8.GetBytes(TestFiles.ReportOf(2021)));
        var preview = MainText(await district.GetStringAsync(upload.Headers.Location!.OriginalString));
        preview.ShouldContain("Tệp hợp lệ: 1 bảng điểm");
        preview.ShouldContain("nearest-framework");
        preview.ShouldContain("Bảng được kiểm tra theo bộ tiêu chí gần nhất về thời gian, bộ tiêu chí 2017–2019 (3965/2017/QĐ-UBND), suy ra từ báo cáo thực");
        using var confirm = await TestAccounts.ConfirmAsync(district, upload.Headers.Location!.OriginalString);
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        MainText(await district.GetStringAsync(confirm.Headers.Location)).ShouldContain("Đã lưu hoang-hoa-2021.txt: huyện Hoằng Hóa 2021 tự chấm:");

        (await FrameworkIdsAsync(province)).ShouldNotContain("thanh-hoa-district-2021-draft");
        WriteTests.AuditRows(WebUtility.HtmlDecode(await province.GetStringAsync("/du-lieu"))).ShouldNotContain(r => r.Contains("lập bộ tiêu chí tạm", StringComparison.Ordinal) && r.Contains("2021", StringComparison.Ordinal));
        // Another unit's correct 2021 report is still accepted (the province's preview; nothing is stored).
        MainText(await PreviewAsync(province, "thieu-hoa-2021.txt", TestFiles.ReportOf(2021, "Thiệu Hóa"))).ShouldContain("Tệp hợp lệ: 1 bảng điểm");
    }

    [Fact]
    public async Task Confirm_ProvinceReportForAYearWithoutFramework_DraftAuditedAndItsFileHiddenFromOthers()
    {
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        using var district = await TestAccounts.ClientAsync(app, TestAccounts.District);
        using var viewer = await TestAccounts.ClientAsync(app, TestAccounts.Viewer);
        using var anonymous = await TestAccounts.ClientAsync(app, null);
        var bytes = Encoding.UTF8.GetBytes(TestFiles.ReportOf(2023, "Nông Cống"));

        using var upload = await TestAccounts.UploadAsync(province, "nong-cong-2023.txt", bytes);
        MainText(await province.GetStringAsync(upload.Headers.Location!.OriginalString)).ShouldContain("draft-framework");
        using var confirm = await TestAccounts.ConfirmAsync(province, upload.Headers.Location!.OriginalString);
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The province sees the draft, who made it, when and from which file.
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var page = WebUtility.HtmlDecode(await province.GetStringAsync("/du-lieu"));
        var origin = MainText(FrameworkRow(page, "thanh-hoa-district-2023-draft"));
        origin.ShouldContain("khung tạm (chờ xác nhận)");
        origin.ShouldContain("Lập bởi user:so-noi-vu lúc");
        origin.ShouldContain($"từ tệp nong-cong-2023.txt (SHA-256 {hash[..12]} ), bảng của huyện Nông Cống năm 2023: xem cây tiêu chí");
        FrameworkRow(page, "thanh-hoa-district-2023-draft").ShouldContain("<a href=\"/don-vi/nong-cong?nam=2023&bang-diem=1\">xem cây tiêu chí</a>");
        var created = WriteTests.AuditRows(page).First(r => r.Contains("lập bộ tiêu chí tạm", StringComparison.Ordinal));
        created.ShouldContain("user:so-noi-vu");
        created.ShouldContain("nong-cong-2023.txt");
        created.ShouldContain(hash[..12]);
        created.ShouldContain("nong-cong 2023: bảng của tệp này được lấy làm bộ tiêu chí tạm thanh-hoa-district-2023-draft (111 dòng, 100 điểm)");

        // Nông Cống's 2023 self-assessment is unpublished: nobody else learns its file, or its unit, through the draft.
        foreach (var reader in new[] { district, viewer, anonymous })
        {
            var html = WebUtility.HtmlDecode(await reader.GetStringAsync("/du-lieu"));
            MainText(FrameworkRow(html, "thanh-hoa-district-2023-draft")).ShouldContain("Bản nháp lấy từ một báo cáo thật năm 2023, chưa phải bộ tiêu chí chính thức.");
            html.ShouldNotContain("nong-cong-2023.txt");
            html.ShouldNotContain(hash[..12]);
            html.ShouldNotContain("nong-cong 2023");
            html.ShouldNotContain("Nông Cống năm 2023");
        }
    }

    [Fact]
    public async Task RemoveDraft_OnlyTheProvinceWithATokenAndAnExplicitWithdrawal_ThenGoneAndAudited()
    {
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        using var district = await TestAccounts.ClientAsync(app, TestAccounts.District);
        using (var upload = await TestAccounts.UploadAsync(province, "quan-son-2024.txt", Encoding.UTF8.GetBytes(TestFiles.ReportOf(2024, "Quan Sơn"))))
        using (var confirm = await TestAccounts.ConfirmAsync(province, upload.Headers.Location!.OriginalString))
        {
            confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        const string draft = "thanh-hoa-district-2024-draft";
        const string remove = "/du-lieu/bo-tieu-chi/" + draft + "/xoa";
        (await FrameworkIdsAsync(province)).ShouldContain(draft);
        (await province.GetStringAsync("/du-lieu")).ShouldContain("data-testid=\"draft-remove\"");
        (await district.GetStringAsync("/du-lieu")).ShouldNotContain("data-testid=\"draft-remove\"");
        var before = await ScoresAsync(province);

        // A district may not; nor may a post without its antiforgery token.
        using (var denied = await PostAsync(district, remove, withdraw: true))
        {
            denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var noToken = await province.PostAsync(remove, new FormUrlEncodedContent(new Dictionary<string, string> { ["rut-bang-diem"] = "1" })))
        {
            noToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        // Quan Sơn's 2024 table was checked against the draft: removing it must say so, and asks to withdraw that table too.
        using (var inUse = await PostAsync(province, remove, withdraw: false))
        {
            inUse.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            MainText(await inUse.Content.ReadAsStringAsync()).ShouldContain(
                $"Bộ tiêu chí tạm {draft} đang được 1 bảng điểm hiện hành dùng (quan-son 2024 tự chấm v2). Muốn xóa thì đánh dấu “Rút cả 1 bảng điểm này”");
        }

        (await FrameworkIdsAsync(province)).ShouldContain(draft);
        (await ScoresAsync(province)).ShouldBe(before);

        using (var removed = await PostAsync(province, remove, withdraw: true))
        {
            removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            removed.Headers.Location!.OriginalString.ShouldBe("/du-lieu#bo-tieu-chi");
        }

        (await FrameworkIdsAsync(province)).ShouldNotContain(draft);
        (await ScoresAsync(province)).ShouldNotContain("quan-son,Quan Sơn,2024,");
        var audit = WriteTests.AuditRows(WebUtility.HtmlDecode(await province.GetStringAsync("/du-lieu")));
        audit[0].ShouldContain("user:so-noi-vu");
        audit[0].ShouldContain("xóa bộ tiêu chí tạm");
        audit[0].ShouldContain($"{draft}: bộ tiêu chí tạm năm 2024 bị xóa; các bảng điểm đã kiểm tra theo nó thôi là số liệu hiện hành");
        audit[1].ShouldContain("rút khỏi số liệu hiện hành");
        audit[1].ShouldContain("quan-son-2024.txt");
        audit[1].ShouldContain("quan-son 2024 self v2: thôi là số liệu hiện hành");

        // The withdrawn table was never published: its file stays out of everyone else's audit trail.
        using var anonymous = await TestAccounts.ClientAsync(app, null);
        foreach (var reader in new[] { district, anonymous })
        {
            var html = WebUtility.HtmlDecode(await reader.GetStringAsync("/du-lieu"));
            html.ShouldNotContain("quan-son-2024.txt");
            html.ShouldNotContain("quan-son 2024");
            WriteTests.AuditRows(html).ShouldContain(r => r.Contains($"{draft}: bộ tiêu chí tạm năm 2024 bị xóa", StringComparison.Ordinal));
        }

        using var again = await PostAsync(province, remove, withdraw: true);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Preview_FileReplacingARealSubmission_StatesTheVersionsAndTheTotalChangeThenAudited()
    {
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        using (var upload = await TestAccounts.UploadAsync(province, "vinh-loc-2018.txt", Encoding.UTF8.GetBytes(TestFiles.ReportOf(2018, "Vĩnh Lộc"))))
        using (var confirm = await TestAccounts.ConfirmAsync(province, upload.Headers.Location!.OriginalString))
        {
            confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The sample's self-assessment was version 1; the real report is version 2 (92 points); the correction has 93.
        using var correction = await TestAccounts.UploadAsync(province, "vinh-loc-2018-dinh-chinh.txt", Encoding.UTF8.GetBytes(TestFiles.ReportOf(2018, "Vĩnh Lộc", TestFiles.CorrectedReportText)));
        var preview = MainText(await province.GetStringAsync(correction.Headers.Location!.OriginalString));

        preview.ShouldContain("Chú ý: lưu tệp này sẽ thay số liệu thật đã lưu.");
        preview.ShouldContain("vinh-loc 2018 tự chấm: THAY số liệu thật đã lưu — phiên bản 2 (92/100 điểm) thành phiên bản 3 (93/100 điểm), tổng điểm +1. Phiên bản 2 được giữ trong lịch sử.");
        preview.ShouldContain("THAY SỐ LIỆU THẬT: phiên bản 2 → phiên bản 3, tổng điểm +1 (bản cũ được giữ trong lịch sử)");
        using var stored = await TestAccounts.ConfirmAsync(province, correction.Headers.Location!.OriginalString);
        stored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        MainText(await province.GetStringAsync(stored.Headers.Location)).ShouldContain("huyện Vĩnh Lộc 2018 tự chấm: THAY SỐ LIỆU THẬT: phiên bản 2 → phiên bản 3 (bản cũ giữ trong lịch sử)");
        WriteTests.AuditRows(WebUtility.HtmlDecode(await province.GetStringAsync("/du-lieu")))
            .First(r => r.Contains("vinh-loc-2018-dinh-chinh.txt", StringComparison.Ordinal))
            .ShouldContain("vinh-loc 2018 self v3: 111 dòng, điểm 93/100; thay v2 (số liệu thật, điểm 92/100; tổng điểm +1)");
    }

    [Fact]
    public async Task Preview_DistrictFileOfAnotherUnitsUnpublishedData_RefusedWithoutAHintOfWhatIsStored()
    {
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        using var district = await TestAccounts.ClientAsync(app, TestAccounts.District);
        var stored = TestFiles.ReportOf(2019, "Như Xuân");
        using (var upload = await TestAccounts.UploadAsync(province, "nhu-xuan-2019.txt", Encoding.UTF8.GetBytes(stored)))
        using (var confirm = await TestAccounts.ConfirmAsync(province, upload.Headers.Location!.OriginalString))
        {
            confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The district sends exactly what is stored (unpublished, so hidden from it), then the same table for a year in
        // which Như Xuân has only sample data: the two previews say the same thing about the stored data, i.e. nothing.
        var same = MainText(await PreviewAsync(district, "x.txt", stored));
        var other = MainText(await PreviewAsync(district, "x.txt", TestFiles.ReportOf(2018, "Như Xuân")));

        same.ShouldContain("Tài khoản của đơn vị hoang-hoa chỉ được ghi số liệu của chính đơn vị mình; tệp này có số liệu của nhu-xuan.");
        same.ShouldContain("huyện Như Xuân 2019 tự chấm 111 92 100 không được lưu (xem lý do bên dưới)");
        foreach (var hint in new[] { "không đổi", "phiên bản", "dữ liệu mẫu", "số liệu thật", "thêm mới" })
        {
            same.ShouldNotContain(hint);
        }

        same.Replace("2019", "YEAR", StringComparison.Ordinal).ShouldBe(other.Replace("2018", "YEAR", StringComparison.Ordinal));
    }

    /// <summary>Uploads <paramref name="text"/> and returns the preview page's HTML, decoded.</summary>
    private static async Task<string> PreviewAsync(HttpClient client, string name, string text)
    {
        using var upload = await TestAccounts.UploadAsync(client, name, Encoding.UTF8.GetBytes(text));
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return WebUtility.HtmlDecode(await client.GetStringAsync(upload.Headers.Location!.OriginalString));
    }

    /// <summary>Posts the Dữ liệu page's remove-draft form with a valid token, withdrawing the draft's tables or not.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, bool withdraw)
    {
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(client, "/du-lieu") };
        if (withdraw)
        {
            fields["rut-bang-diem"] = "1";
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form);
    }

    private static async Task<IReadOnlyList<string>> FrameworkIdsAsync(HttpClient client) =>
        Regex.Matches(await client.GetStringAsync("/du-lieu"), "<tr data-framework=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    private static async Task<string> ScoresAsync(HttpClient client) => await client.GetStringAsync("/export/scores.csv");

    /// <summary>The row of the Dữ liệu page's frameworks table for <paramref name="id"/>.</summary>
    private static string FrameworkRow(string html, string id)
    {
        var row = html[html.IndexOf($"<tr data-framework=\"{id}\"", StringComparison.Ordinal)..];
        return row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
    }

    /// <summary>The text of the page's main element (or of a fragment), tags removed, white space as single spaces.</summary>
    private static string MainText(string html)
    {
        var text = WebUtility.HtmlDecode(html);
        var start = text.IndexOf("<main>", StringComparison.Ordinal);
        return Regex.Replace(Regex.Replace(start < 0 ? text : text[start..], "<[^>]+>", " "), @"\s+", " ");
    }
}
