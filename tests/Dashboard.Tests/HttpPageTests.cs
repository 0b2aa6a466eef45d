using System.Net;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Plain HTTP against the running dashboard (no browser, so these always run): every page answers in
/// Vietnamese, and nothing a user can ask for shows a stack trace or SQL.</summary>
[Collection(SharedDashboard.Name)]
public sealed class HttpPageTests(DashboardApp app)
{
    /// <summary>Text that only an exception page, a stack trace or a leaked query contains.</summary>
    private static readonly string[] Leaks =
    [
        "Exception", "   at ", " at CchcAnalytics.", " at Microsoft.", " at System.", "Stack trace", "StackTrace", "Unhandled",
        "DuckDB.NET", "SELECT ", "INSERT INTO ", " FROM ", "WHERE ", ".duckdb",
    ];

    /// <summary>Internal identifiers and server details are not for readers (issue 16 §3); addresses and attributes may
    /// carry ids, the text a reader sees may not.</summary>
    private static readonly string[] TextLeaks = ["-illustrative", "(UTC)", "dashboard:startup"];

    [Theory]
    [InlineData("/")]
    [InlineData("/?nam=2023")]
    [InlineData("/?nam=2017")]
    [InlineData("/don-vi")]
    [InlineData("/don-vi/hoang-hoa?nam=2017")]
    [InlineData("/don-vi?dv=hoang-hoa&nam=2017")]
    [InlineData("/don-vi/dong-son?nam=2024")]
    [InlineData("/don-vi/tinh-gia?nam=2021")]
    [InlineData("/so-sanh")]
    [InlineData("/so-sanh?nam=2023&dv=dong-son&dv=hoang-hoa")]
    [InlineData("/tieu-chi")]
    [InlineData("/tieu-chi?nam=2023&linh-vuc=7")]
    [InlineData("/bao-cao?nam=2023&dv=hoang-hoa")]
    [InlineData("/du-lieu")]
    [InlineData("/phuong-phap")]
    [InlineData("/qua-cac-nam")]
    [InlineData("/thuat-ngu")]
    public async Task Get_Page_200InVietnameseWithoutLeaks(string path)
    {
        var (status, html) = await GetAsync(path);

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("<html lang=\"vi\">");
        html.ShouldContain("Chỉ số CCHC");
        ShouldNotLeak(html);
    }

    [Fact]
    public async Task Get_UnitPageByPathOrQuery_SameReport()
    {
        var (_, byPath) = await GetAsync("/don-vi/hoang-hoa?nam=2017");
        var (_, byQuery) = await GetAsync("/don-vi?dv=hoang-hoa&nam=2017");

        byPath.ShouldContain("92/100 điểm");
        Headline(byQuery).ShouldBe(Headline(byPath));
    }

    [Fact]
    public async Task Get_UnknownUnit_404WithTheReasonAndAWayToChooseNeverAnotherUnit()
    {
        var (status, html) = await GetAsync("/don-vi/khong-co-don-vi-nay?nam=2023");

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("<html lang=\"vi\">");
        html.ShouldContain("Không có đơn vị “khong-co-don-vi-nay”. Hãy dùng mã đơn vị (ví dụ hoang-hoa) hoặc tên tiếng Việt (ví dụ Hoằng Hóa), hoặc chọn đơn vị trong danh sách ở trang Đơn vị.");
        html.ShouldContain("<a href=\"/don-vi\">Chọn đơn vị</a>");
        html.ShouldNotContain("data-testid=\"headline\"");
        ShouldNotLeak(html);
    }

    [Theory]
    [InlineData("/khong-co-trang-nay")]
    [InlineData("/don-vi/hoang-hoa/thua")]
    [InlineData("/export/khong-co.csv")]
    public async Task Get_UnknownPath_404InVietnamese(string path)
    {
        var (status, html) = await GetAsync(path);

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("<html lang=\"vi\">");
        html.ShouldContain("<h1>Không tìm thấy trang</h1>");
        html.ShouldContain("Về trang Tổng quan");
        ShouldNotLeak(html);
    }

    [Theory]
    [InlineData("/?nam=1900")]
    [InlineData("/don-vi/hoang-hoa?nam=1900")]
    [InlineData("/don-vi?dv=")]
    [InlineData("/tieu-chi?nam=2023&linh-vuc=99")]
    [InlineData("/don-vi/%3Cscript%3Ealert(1)%3C%2Fscript%3E?nam=2023", HttpStatusCode.NotFound)]
    public async Task Get_OddQuery_AnswersWithoutLeaks(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, html) = await GetAsync(path);

        status.ShouldBe(expected);
        html.ShouldContain("<html lang=\"vi\">");
        ShouldNotLeak(html);
        using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();
        raw.ShouldNotContain("<script>alert", Case.Insensitive);
    }

    /// <summary>A year typed by hand that is not a year: the page shows the latest year and says so.</summary>
    [Theory]
    [InlineData("/?nam=abc")]
    [InlineData("/?nam=99999999999")]
    [InlineData("/don-vi/hoang-hoa?nam=abc")]
    [InlineData("/so-sanh?nam=abc")]
    [InlineData("/tieu-chi?nam=abc")]
    [InlineData("/bao-cao?nam=abc")]
    public async Task Get_MalformedYear_ShowsLatestYearAndSaysSo(string path)
    {
        var (status, html) = await GetAsync(path);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<html lang=\"vi\">");
        Heading(html).ShouldContain("năm 2024");
        Notice(html).ShouldContain("không phải là một năm (hãy ghi năm bằng bốn chữ số, ví dụ 2024). Trang đang hiển thị năm 2024, năm mới nhất có số liệu (các năm có số liệu: 2017–2024).");
        ShouldNotLeak(html);
    }

    /// <summary>A year without data: the nearest year with data, and a notice (never a silent switch to the latest).</summary>
    [Theory]
    [InlineData("/?nam=1900", 2017)]
    [InlineData("/?nam=2031", 2024)]
    [InlineData("/don-vi/hoang-hoa?nam=2016", 2017)]
    [InlineData("/so-sanh?nam=1990", 2017)]
    [InlineData("/tieu-chi?nam=2030", 2024)]
    [InlineData("/bao-cao?nam=2000", 2017)]
    public async Task Get_YearWithoutData_NearestYearWithANotice(string path, int shown)
    {
        var (status, html) = await GetAsync(path);

        status.ShouldBe(HttpStatusCode.OK);
        Heading(html).ShouldContain($"năm {shown}");
        var asked = path[(path.IndexOf("nam=", StringComparison.Ordinal) + 4)..];
        Notice(html).ShouldBe($"Không có số liệu năm {asked} (các năm có số liệu: 2017–2024). Trang đang hiển thị năm {shown}, năm gần nhất có số liệu.");
    }

    [Fact]
    public async Task Get_ValidYear_NoNotice()
    {
        var (_, html) = await GetAsync("/?nam=2023");

        html.ShouldNotContain("data-testid=\"page-notice\"");
    }

    [Theory]
    [InlineData("/tieu-chi?nam=2023&linh-vuc=99", "Không có lĩnh vực “99” trong bộ tiêu chí năm 2023 (các lĩnh vực: 1, 2, 3, 4, 5, 6, 7, 8). Trang đang hiển thị tất cả lĩnh vực.")]
    [InlineData("/tieu-chi?nam=2023&linh-vuc=7&tieu-chi=xyz", "Lĩnh vực 7 năm 2023 không có tiêu chí “xyz” có tiêu chí thành phần. Trang đang hiển thị các tiêu chí của lĩnh vực 7.")]
    [InlineData("/tieu-chi?nam=2023&khai-niem=xyz", "Không có tiêu chí “xyz” trong bảng đối chiếu giữa các năm, nên không có lịch sử để hiển thị.")]
    [InlineData("/so-sanh?nam=2023&dv=xyz&dv=hoang-hoa&dv=quang-xuong", "Không có đơn vị “xyz”; bỏ qua.")]
    [InlineData("/so-sanh?nam=2024&dv=dong-son&dv=hoang-hoa&dv=quang-xuong", "Không có số liệu năm 2024 của huyện Đông Sơn; bỏ qua.")]
    [InlineData("/?nam=2023&trang=9", "Không có trang “9” của bảng xếp hạng (có 1 trang). Đang hiển thị trang 1.")]
    [InlineData("/don-vi/tinh-gia?nam=2021", "Huyện Tĩnh Gia không còn là đơn vị riêng năm 2021; chuỗi số liệu tiếp tục với thị xã Nghi Sơn, trang hiển thị số liệu của thị xã Nghi Sơn.")]
    public async Task Get_SomethingThatIsNotThere_SaysWhatIsShownInstead(string path, string notice)
    {
        var (status, html) = await GetAsync(path);

        status.ShouldBe(HttpStatusCode.OK);
        Notice(html).ShouldBe(notice);
        ShouldNotLeak(html);
    }

    [Fact]
    public async Task Get_ReportOfAnUnknownUnit_404WithTheReason()
    {
        var (status, html) = await GetAsync("/bao-cao?nam=2023&dv=xyz");

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("Không có đơn vị “xyz” để in báo cáo.");
        System.Net.WebUtility.HtmlDecode(html).ShouldContain("<a href=\"/bao-cao?cap=huyen&nam=2023\">Bản in toàn tỉnh năm 2023</a>");
        html.ShouldNotContain("data-testid=\"print-ranking\"");
    }

    [Fact]
    public async Task Get_UnitByItsVietnameseName_ThatUnitsPage()
    {
        var (status, html) = await GetAsync("/don-vi?dv=Ho%E1%BA%B1ng%20H%C3%B3a&nam=2017");

        status.ShouldBe(HttpStatusCode.OK);
        Headline(html).ShouldContain("92/100 điểm");
    }

    [Fact]
    public async Task Get_MergedUnitInTheYearAfter_LinksItsLastYearAndItsSuccessor()
    {
        var (status, html) = await GetAsync("/don-vi/dong-son?nam=2024");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Không có số liệu của đơn vị này năm 2024.");
        html.ShouldContain("Năm cuối có số liệu: <a href=\"/don-vi/dong-son?nam=2023\">huyện Đông Sơn năm 2023</a>");
        html.ShouldContain("Đơn vị kế tục: <a href=\"/don-vi/thanh-hoa?nam=2024\">thành phố Thanh Hóa năm 2024</a>");
    }

    [Fact]
    public async Task Get_MergedUnitInItsLastYear_LinksItsSuccessor()
    {
        var (_, html) = await GetAsync("/don-vi/dong-son?nam=2023");

        Between(html, "data-testid=\"unit-successor\"", "</p>").ShouldContain("<a href=\"/don-vi/thanh-hoa\">Xem thành phố Thanh Hóa</a>");
    }

    private static readonly string[] UnitPageOrder =
        ["<h2>Nhận xét</h2>", "<h2>Tiêu chí mất nhiều điểm nhất</h2>", "<h2>Để lên", "<h2>Chỉ số qua các năm</h2>", "<h2>Theo lĩnh vực", "<h2>Bảng điểm chi tiết</h2>"];

    /// <summary>What a district official acts on comes first; the full score sheet last (issue 16 §4).</summary>
    [Fact]
    public async Task Get_UnitPage_ActionsBeforeTheFullSheet()
    {
        var (_, html) = await GetAsync("/don-vi/quang-xuong?nam=2023");

        var order = UnitPageOrder.Select(h => html.IndexOf(h, StringComparison.Ordinal)).ToList();
        order.ShouldAllBe(i => i > 0);
        order.ShouldBeInOrder();
    }

    [Fact]
    public async Task Get_ScoresCsv_AttachmentWithCanonicalHeader()
    {
        using var response = await app.Http.GetAsync("/export/scores.csv", HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition?.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition?.FileName.ShouldBe("cchc-scores.csv");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await reader.ReadLineAsync()).ShouldBe(ScoresCsv.Header);
    }

    [Theory]
    [InlineData("/export/scores.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "cchc-scores.xlsx")]
    [InlineData("/export/ranking.xlsx?nam=2023", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "cchc-xep-hang-huyen-2023.xlsx")]
    [InlineData("/export/pack.pptx?nam=2023", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "chi-so-cchc-2023-thanh-hoa.pptx")]
    [InlineData("/export/pack.pptx?nam=2023&dv=hoang-hoa", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "chi-so-cchc-2023-hoang-hoa.pptx")]
    [InlineData("/export/charts/ranking.svg?nam=2023", "image/svg+xml", "ranking-2023.svg")]
    [InlineData("/export/charts/ranking.png?nam=2023", "image/png", "ranking-2023.png")]
    [InlineData("/export/charts/ranking.csv?nam=2023", "text/csv", "ranking-2023.csv")]
    [InlineData("/export/charts/unit-trend.svg?dv=hoang-hoa", "image/svg+xml", "unit-trend-hoang-hoa.svg")]
    [InlineData("/export/charts/unit-trend.svg?dv=Ho%E1%BA%B1ng%20H%C3%B3a", "image/svg+xml", "unit-trend-hoang-hoa.svg")]
    public async Task Get_Download_AttachmentOfItsType(string path, string mediaType, string fileName)
    {
        using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe(mediaType);
        response.Content.Headers.ContentDisposition?.FileName.ShouldBe(fileName);
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("/export/charts/khong-co.svg", HttpStatusCode.NotFound, "Không có biểu đồ")]
    [InlineData("/export/charts/unit-trend.svg?dv=khong-co-don-vi-nay", HttpStatusCode.NotFound, "Không có đơn vị 'khong-co-don-vi-nay'")]
    [InlineData("/export/ranking.xlsx?nam=1900", HttpStatusCode.NotFound, "Không có số liệu năm 1900 (các năm có số liệu: 2017–2024).")]
    [InlineData("/export/pack.pptx?nam=1900", HttpStatusCode.NotFound, "Không có số liệu năm 1900 (các năm có số liệu: 2017–2024).")]
    [InlineData("/export/charts/ranking.png?nam=1900", HttpStatusCode.NotFound, "Không có số liệu năm 1900")]
    [InlineData("/export/pack.pptx?dv=xyz", HttpStatusCode.NotFound, "Không có đơn vị 'xyz'. Hãy dùng mã đơn vị (ví dụ hoang-hoa) hoặc tên tiếng Việt (ví dụ Hoằng Hóa).")]
    [InlineData("/export/pack.pptx?nam=2024&dv=dong-son", HttpStatusCode.NotFound, "huyện Đông Sơn không có kết quả năm 2024.")]
    [InlineData("/export/pack.pptx?nam=abc", HttpStatusCode.BadRequest, "Năm 'abc' không hợp lệ: hãy ghi năm bằng bốn chữ số")]
    [InlineData("/export/scores.csv?nam=1900", HttpStatusCode.NotFound, "Không có số liệu năm 1900 (các năm có số liệu: 2017–2026).")]
    [InlineData("/export/scores.csv?nam=abc", HttpStatusCode.BadRequest, "Năm 'abc' không hợp lệ")]
    [InlineData("/export/scores.xlsx?year=1900", HttpStatusCode.NotFound, "Không có số liệu năm 1900")]
    [InlineData("/export/pack.pptx?nam=-1", HttpStatusCode.BadRequest, "Năm '-1' không hợp lệ")]
    [InlineData("/export/ranking.xlsx?year=abc", HttpStatusCode.BadRequest, "Năm 'abc' không hợp lệ")]
    [InlineData("/export/charts/ranking.svg?nam=abc", HttpStatusCode.BadRequest, "Năm 'abc' không hợp lệ")]
    [InlineData("/export/charts/ranking.svg?nam=2023&w=abc", HttpStatusCode.BadRequest, "Chiều rộng (w) 'abc' không hợp lệ")]
    [InlineData("/export/charts/rank-bump.png?nam=2020", HttpStatusCode.BadRequest, "Biểu đồ 'rank-bump' gồm mọi năm có số liệu (2017–2024), không chọn năm: bỏ nam=2020 khỏi địa chỉ.")]
    [InlineData("/export/charts/unit-trend.svg?nam=2023&dv=hoang-hoa", HttpStatusCode.BadRequest, "Biểu đồ 'unit-trend' gồm mọi năm có số liệu")]
    [InlineData("/export/years.xlsx?nam=abc", HttpStatusCode.BadRequest, "Tệp qua các năm gồm mọi năm và mọi đơn vị, không chọn năm hay đơn vị: bỏ 'nam=' khỏi địa chỉ.")]
    [InlineData("/export/years.xlsx?dv=xyz", HttpStatusCode.BadRequest, "bỏ 'dv=' khỏi địa chỉ.")]
    public async Task Get_DownloadAskedWrongly_PlainVietnameseMessageNeverAnotherYear(string path, HttpStatusCode status, string message)
    {
        using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/plain");
        text.ShouldContain(message);
        text.ShouldNotContain("Unknown");
        ShouldNotLeak(text);
    }

    /// <summary>HEAD (link checkers, <c>curl -I</c>) answers like GET: same status, type, length and file name, no body.</summary>
    [Theory]
    [InlineData("/?nam=2023")]
    [InlineData("/don-vi/hoang-hoa?nam=2017")]
    [InlineData("/export/scores.csv")]
    [InlineData("/export/charts/ranking.png?nam=2023")]
    [InlineData("/export/pack.pptx?nam=2023&dv=hoang-hoa")]
    [InlineData("/export/pack.pptx?nam=1900")]
    public async Task Head_PageOrDownload_SameStatusAndHeadersAsGetWithoutBody(string path)
    {
        using var get = await app.Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await get.Content.ReadAsByteArrayAsync();

        using var head = await app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));

        head.StatusCode.ShouldBe(get.StatusCode);
        head.Content.Headers.ContentType?.ToString().ShouldBe(get.Content.Headers.ContentType?.ToString());
        head.Content.Headers.ContentDisposition?.FileName.ShouldBe(get.Content.Headers.ContentDisposition?.FileName);
        if (path.StartsWith("/export/", StringComparison.Ordinal))
        {
            // A download states its length as GET does (the .pptx carries its creation time, so two requests may differ by
            // a few bytes); a streamed one (the scores CSV, written as it is read) states none, on GET and HEAD alike.
            if (get.Headers.TransferEncodingChunked == true)
            {
                head.Content.Headers.ContentLength.ShouldBeNull();
            }
            else
            {
                head.Content.Headers.ContentLength.ShouldNotBeNull().ShouldBeInRange(body.Length - 16, body.Length + 16);
            }
        }

        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        body.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Post_MalformedMultipartBody_ThrowsInsideTheAppYetAnswers400WithoutLeaks()
    {
        // A signed-in province posts a multipart body that ends before its closing boundary: reading the form throws
        // inside ASP.NET Core, and the exception handler (not a developer page) answers.
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        using var body = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"a.txt\"\r\n\r\nnot finished");
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        using var response = await client.PostAsync("/du-lieu/tai-len", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("lang=\"vi\"");
        // The error page (/loi) with the request's id for the log, not the developer exception page.
        html.ShouldContain("<h1>Yêu cầu không hợp lệ</h1>");
        html.ShouldContain("Không có gì được ghi. Tải lại trang rồi thử lại.");
        ShouldNotLeak(html);
        app.Output.ShouldNotContain("Unhandled exception", Case.Sensitive, "a malformed body is a bad request, not a crash");
    }

    private static void ShouldNotLeak(string html)
    {
        foreach (var leak in Leaks)
        {
            html.ShouldNotContain(leak, Case.Sensitive, $"the page shows '{leak}'");
        }

        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ");
        foreach (var leak in TextLeaks)
        {
            text.ShouldNotContain(leak, Case.Sensitive, $"the page shows '{leak}'");
        }

        // A framework id ("thanh-hoa-district-2017"); the file names of the bundled sample (…-2017-sample.csv) are files.
        System.Text.RegularExpressions.Regex.Match(text, @"thanh-hoa-(district|department|commune)-\d{4}(?![-\w.])").Value.ShouldBeEmpty("a framework id on the page");
    }

    private static string Notice(string html) =>
        System.Text.RegularExpressions.Regex.Replace(Between(html, "data-testid=\"page-notice\"", "</div>"), "<[^>]+>|^>", "").Trim();

    private static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no {from}");
        start += from.Length;
        return html[start..html.IndexOf(to, start, StringComparison.Ordinal)];
    }

    private static string Heading(string html)
    {
        var start = html.IndexOf("<h1", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "no h1");
        return html[start..html.IndexOf("</h1>", start, StringComparison.Ordinal)];
    }

    private static string Headline(string html)
    {
        var start = html.IndexOf("data-testid=\"headline\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "no headline");
        return html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    /// <summary>Status and HTML-decoded body (Blazor writes most Vietnamese letters as character references).</summary>
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
