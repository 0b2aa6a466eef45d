using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Dashboard.Tests;

/// <summary>Writes through the dashboard as the accounts would make them, against the writable dashboard process: a
/// district stores its own report and sees it, the province stores appraised points, every write is in the audit
/// trail, and many readers at once during uploads all get complete, consistent answers.</summary>
[Collection(WritableDashboard.Name)]
public sealed class WriteTests(WritableDashboardApp app)
{
    [Fact]
    public async Task Confirm_DistrictOwnCorrectedReport_StoredShownAndAudited()
    {
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.District);
        var bytes = Encoding.UTF8.GetBytes(TestFiles.CorrectedReportText);

        using var upload = await TestAccounts.UploadAsync(client, "hoang-hoa-2017-dinh-chinh.txt", bytes);
        var preview = upload.Headers.Location!.OriginalString;
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(preview));
        page.ShouldContain("Tệp hợp lệ: 1 bảng điểm");
        page.ShouldContain("<td class=\"num\">93</td>");
        using var confirm = await TestAccounts.ConfirmAsync(client, preview);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Text(await client.GetStringAsync(confirm.Headers.Location)).ShouldContain("Đã lưu hoang-hoa-2017-dinh-chinh.txt: huyện Hoằng Hóa 2017 tự chấm:");
        var unit = WebUtility.HtmlDecode(await client.GetStringAsync("/don-vi/hoang-hoa?nam=2017"));
        unit.ShouldContain("<strong>93/100 điểm</strong>");
        var audit = AuditRows(WebUtility.HtmlDecode(await client.GetStringAsync("/du-lieu")));
        var row = audit.First(r => r.Contains("hoang-hoa-2017-dinh-chinh.txt", StringComparison.Ordinal));
        row.ShouldContain("user:hoang-hoa.ubnd");
        row.ShouldContain(Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
        row.ShouldContain("hoang-hoa 2017 self");
    }

    [Fact]
    public async Task Confirm_ProvinceAppraisedPoints_ReplacesTheSampleAndIsAudited()
    {
        using var client = await TestAccounts.ClientAsync(app, TestAccounts.Province);

        using var upload = await TestAccounts.UploadAsync(client, "nga-son-2017-tham-dinh.csv", AccessTests.AppraisedCsvFor("nga-son", "Nga Sơn"));
        var preview = upload.Headers.Location!.OriginalString;
        WebUtility.HtmlDecode(await client.GetStringAsync(preview)).ShouldContain("thay dữ liệu mẫu bằng số liệu thật");
        using var confirm = await TestAccounts.ConfirmAsync(client, preview);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Text(await client.GetStringAsync(confirm.Headers.Location)).ShouldContain("huyện Nga Sơn 2017 thẩm định: phiên bản mới");
        AuditRows(WebUtility.HtmlDecode(await client.GetStringAsync("/du-lieu")))
            .First(r => r.Contains("nga-son-2017-tham-dinh.csv", StringComparison.Ordinal)).ShouldContain("user:so-noi-vu");
    }

    [Fact]
    public async Task Readers_SixtyConcurrentDuringUploads_AllCompleteAndConsistent()
    {
        string[] paths =
        [
            "/", "/?nam=2017", "/don-vi/yen-dinh?nam=2017", "/so-sanh?nam=2017&dv=yen-dinh&dv=vinh-loc", "/tieu-chi?nam=2017&linh-vuc=7",
            "/export/scores.csv", "/export/ranking.xlsx?nam=2017", "/export/charts/ranking.png?nam=2017", "/export/charts/unit-trend.svg?dv=thieu-hoa",
            "/du-lieu",
        ];
        using var writer = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        using var reader = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var failures = new ConcurrentBag<string>();
        var csvGroups = new ConcurrentBag<string>();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (writesStarted, writesEnded) = (TimeSpan.MaxValue, TimeSpan.Zero);
        var spans = new ConcurrentBag<(TimeSpan Start, TimeSpan End)>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writes = Task.Run(async () =>
        {
            await start.Task;
            writesStarted = clock.Elapsed;
            foreach (var (id, name) in new[] { ("thieu-hoa", "Thiệu Hóa"), ("yen-dinh", "Yên Định"), ("vinh-loc", "Vĩnh Lộc") })
            {
                using var upload = await TestAccounts.UploadAsync(writer, $"{id}-2017-tham-dinh.csv", AccessTests.AppraisedCsvFor(id, name));
                using var confirm = await TestAccounts.ConfirmAsync(writer, upload.Headers.Location!.OriginalString);
                if (confirm.StatusCode != HttpStatusCode.Redirect)
                {
                    failures.Add($"confirm {id}: {confirm.StatusCode}");
                }
            }

            writesEnded = clock.Elapsed;
        });

        // 60 readers at once, each reading again and again until the writes are done.
        var reads = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var round = 0;
            do
            {
                var path = paths[(i + round++) % paths.Length];
                var began = clock.Elapsed;
                using var response = await reader.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                spans.Add((began, clock.Elapsed));
                if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
                {
                    failures.Add($"{path}: {(int)response.StatusCode}, {body.Length} bytes");
                }
                else if (path == "/export/scores.csv")
                {
                    csvGroups.Add(CheckComplete(body));
                }
            }
            while (!writes.IsCompleted);
        })).ToList();
        start.SetResult();
        await Task.WhenAll([writes, .. reads]);

        failures.ShouldBeEmpty();
        spans.Count.ShouldBeGreaterThanOrEqualTo(60);
        // At least 60 reads were in flight while the writes ran, not merely before or after them.
        spans.Count(s => s.Start < writesEnded && s.End > writesStarted).ShouldBeGreaterThanOrEqualTo(60);
        csvGroups.Count.ShouldBeGreaterThanOrEqualTo(6);
        csvGroups.ShouldAllBe(problem => problem == "");
        app.Output.ShouldNotContain("fail:");
        app.Output.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Appraisal_ProvinceTypesPoints_PreviewedThenStoredAsTheAppraisedStage()
    {
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        using var district = await TestAccounts.ClientAsync(app, TestAccounts.District);
        const string page = "/don-vi/quang-xuong/tham-dinh?nam=2019";
        (await district.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = WebUtility.HtmlDecode(await province.GetStringAsync(page));
        html.ShouldContain("Nhập điểm thẩm định — huyện Quảng Xương, năm 2019");
        html.ShouldContain("Bảng tự chấm này là dữ liệu mẫu. Điểm thẩm định nhập ở đây là số liệu thật");
        // Every scored sub-criterion has a field, prefilled with the current appraisal (the sample's, here).
        var fields = System.Text.RegularExpressions.Regex.Matches(html, "name=\"d:([0-9.]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        fields.Count.ShouldBe(80);
        var before = fields.Values.Sum(v => decimal.Parse(v.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture));
        var lowered = fields.First(f => f.Value != "0");
        var value = decimal.Parse(lowered.Value.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture) - 0.25m;
        fields[lowered.Key] = value.ToString(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

        using var bad = new FormUrlEncodedContent(new Dictionary<string, string>(fields.Select(f => KeyValuePair.Create("d:" + f.Key, f.Key == lowered.Key ? "mười" : f.Value)))
        {
            ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(province, page),
            ["nam"] = "2019",
        });
        using var refused = await province.PostAsync("/don-vi/quang-xuong/tham-dinh", bad);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refusedText = Text(await refused.Content.ReadAsStringAsync());
        refusedText[refusedText.IndexOf("<main>", StringComparison.Ordinal)..].ShouldContain($"Không đọc được điểm thẩm định của {lowered.Key} (“mười”)");

        const string note = "Chưa có văn bản chứng minh; trừ 0,25 điểm (Sở Nội vụ).";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(fields.Select(f => KeyValuePair.Create("d:" + f.Key, f.Value)))
        {
            ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(province, page),
            ["nam"] = "2019",
            ["g:" + lowered.Key] = "  " + note + "  ",
        });
        using var staged = await province.PostAsync("/don-vi/quang-xuong/tham-dinh", form);
        staged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var preview = staged.Headers.Location!.OriginalString;
        var previewText = MainText(await province.GetStringAsync(preview));
        previewText.ShouldContain("Xem trước: tham-dinh-quang-xuong-2019-nhap-tren-bang-dieu-khien.csv");
        previewText.ShouldContain($"huyện Quảng Xương 2019 thẩm định 111 {VietnameseNumber(before - 0.25m)} 100");
        using var confirm = await TestAccounts.ConfirmAsync(province, preview);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Text(await province.GetStringAsync(confirm.Headers.Location)).ShouldContain("huyện Quảng Xương 2019 thẩm định:");
        AuditRows(WebUtility.HtmlDecode(await province.GetStringAsync("/du-lieu")))
            .First(r => r.Contains("tham-dinh-quang-xuong-2019", StringComparison.Ordinal)).ShouldContain("user:so-noi-vu");

        // The note is the appraised row's evidence, shown on the unit's score sheet.
        var sheet = WebUtility.HtmlDecode(await province.GetStringAsync("/don-vi/quang-xuong?nam=2019&bang-diem=1"));
        var row = sheet[sheet.IndexOf($"id=\"ma-{lowered.Key}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        row.ShouldContain($"<div class=\"evidence\">{note}</div>");
        // The typed appraisal is real data, so it retired the sample unit-year's self-assessment with it: the entry
        // page now has no self-assessment to appraise and says so.
        MainText(await province.GetStringAsync(page)).ShouldContain("Không có bảng tự chấm hiện hành của đơn vị “quang-xuong” năm 2019 để thẩm định.");
    }

    [Fact]
    public async Task Appraisal_NoteLongerThanTheLimit_400AndNothingStaged()
    {
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        const string page = "/don-vi/nga-son/tham-dinh?nam=2018";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.TokenAsync(province, page),
            ["nam"] = "2018",
            ["g:1.1.1"] = new string('x', 2_001),
        });

        using var refused = await province.PostAsync("/don-vi/nga-son/tham-dinh", form);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        MainText(await refused.Content.ReadAsStringAsync()).ShouldContain("Ghi chú thẩm định của 1.1.1 dài 2.001 ký tự, quá 2.000 ký tự. Không có gì được ghi.");
    }

    [Fact]
    public async Task HideUnpublished_RealSelfAssessment_OnlyTheProvinceSeesItUntilAppraised()
    {
        using var province = await TestAccounts.ClientAsync(app, TestAccounts.Province);
        using var district = await TestAccounts.ClientAsync(app, TestAccounts.District);
        using var anonymous = await TestAccounts.ClientAsync(app, null);
        using var viewer = await TestAccounts.ClientAsync(app, TestAccounts.Viewer);
        // Hậu Lộc's 2017 self-assessment, as the province would load a real report: it replaces the sample's unit-year.
        var hauLoc = TestFiles.WithUnit(TestFiles.RealReportText, "Hậu Lộc");
        using (var upload = await TestAccounts.UploadAsync(province, "hau-loc-2017.txt", Encoding.UTF8.GetBytes(hauLoc)))
        using (var confirm = await TestAccounts.ConfirmAsync(province, upload.Headers.Location!.OriginalString))
        {
            confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        const string page = "/don-vi/hau-loc?nam=2017";
        Text(await province.GetStringAsync(page)).ShouldContain("<strong>92/100 điểm</strong>");
        foreach (var reader in new[] { anonymous, viewer, district })
        {
            Text(await reader.GetStringAsync(page)).ShouldNotContain("92/100 điểm");
            (await reader.GetStringAsync("/export/scores.csv")).ShouldNotContain("hau-loc,Hậu Lộc,2017,");
            (await reader.GetStringAsync("/export/charts/ranking.csv?nam=2017")).ShouldNotContain("hau-loc");
            AuditRows(WebUtility.HtmlDecode(await reader.GetStringAsync("/du-lieu"))).ShouldNotContain(r => r.Contains("hau-loc-2017.txt", StringComparison.Ordinal));
        }

        (await province.GetStringAsync("/export/scores.csv")).ShouldContain("hau-loc,Hậu Lộc,2017,self,");

        // The province appraises it (the form is prefilled with the self-assessment): now everyone sees the unit-year.
        const string appraisal = "/don-vi/hau-loc/tham-dinh?nam=2017";
        var html = WebUtility.HtmlDecode(await province.GetStringAsync(appraisal));
        var fields = System.Text.RegularExpressions.Regex.Matches(html, "name=\"(d:[0-9.]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        fields["__RequestVerificationToken"] = await TestAccounts.TokenAsync(province, appraisal);
        fields["nam"] = "2017";
        using (var form = new FormUrlEncodedContent(fields))
        using (var staged = await province.PostAsync("/don-vi/hau-loc/tham-dinh", form))
        using (var confirm = await TestAccounts.ConfirmAsync(province, staged.Headers.Location!.OriginalString))
        {
            confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var stored = MainText(await province.GetStringAsync(confirm.Headers.Location));
            stored.ShouldContain("Đã lưu tham-dinh-hau-loc-2017-nhap-tren-bang-dieu-khien.csv", customMessage: stored);
        }

        // Typed appraisals sum each parent from its sub-rows, capped at its maximum: 5.4 stays at its 4 points, not the 4,5
        // its sub-rows add up to, so the appraised total is the self-assessed 92.
        foreach (var reader in new[] { anonymous, viewer, district })
        {
            var unitPage = Text(await reader.GetStringAsync(page));
            unitPage.ShouldContain("<strong>92/100 điểm</strong>", customMessage: MainText(unitPage));
            (await reader.GetStringAsync("/export/scores.csv")).ShouldContain("hau-loc,Hậu Lộc,2017,appraised,");
        }
    }

    /// <summary>The text of the page's main element, tags removed (for failure messages and plain-text checks).</summary>
    private static string MainText(string html)
    {
        var text = WebUtility.HtmlDecode(html);
        var start = text.IndexOf("<main>", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(start < 0 ? text : text[start..], "<[^>]+>", " "), @"\s+", " ");
    }

    private static string VietnameseNumber(decimal value) => CchcAnalytics.Core.VietnameseText.Number(value);

    /// <summary>Empty when every unit-year-stage in the export is complete: as many rows as the other submissions of its
    /// year (the year's framework), one synthetic flag, never a half-written submission.</summary>
    private static string CheckComplete(byte[] csv)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, csv);
            var (_, rows) = ScoresCsv.Read(path);
            var groups = rows.GroupBy(r => (Unit: r["unit_id"], Year: r["year"], Stage: r["stage"])).ToList();
            var problems = new List<string>();
            foreach (var year in groups.GroupBy(g => g.Key.Year))
            {
                // One criteria tree per level and year, the level told apart by its areas' maxima (districts 100,
                // departments 70, communes 80; two levels at most in a year); the component rows (survey, bonus,
                // penalty) after a tree vary by unit.
                var trees = year.Where(g => g.Key.Unit != "hoang-hoa")
                    .GroupBy(g => g.Where(r => r["level"] == "area").Sum(r => decimal.Parse(r["max_points"], System.Globalization.CultureInfo.InvariantCulture)))
                    .ToList();
                if (trees.Count > 2)
                {
                    problems.Add($"{year.Key}: trees of {string.Join("/", trees.Select(t => t.Key))} points");
                }

                foreach (var tree in trees)
                {
                    var sizes = tree.Select(g => g.Count(r => r["level"] != "component")).Distinct().ToList();
                    if (sizes.Count != 1)
                    {
                        problems.Add($"{year.Key}, trees of {tree.Key} points: submissions of {string.Join("/", sizes)} rows");
                    }
                }
            }

            problems.AddRange(groups.Where(g => g.Any(r => r["level"] == "component" && r["code"] is not ("survey" or "bonus" or "penalty")))
                .Select(g => $"{g.Key}: unknown component rows"));

            problems.AddRange(groups.Where(g => g.Select(r => r["synthetic"]).Distinct().Count() != 1).Select(g => $"{g.Key}: mixed synthetic flags"));
            return string.Join("; ", problems);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The page's HTML decoded, with every run of white space as one space.</summary>
    private static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(html), @"\s+", " ");

    /// <summary>The rows of the Dữ liệu page's audit table, as text.</summary>
    internal static IReadOnlyList<string> AuditRows(string html)
    {
        var table = html[html.IndexOf("data-testid=\"audit\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return table.Split("<tr>").Skip(2).Select(r => System.Text.RegularExpressions.Regex.Replace(r, "<[^>]+>", " ")).ToList();
    }
}
