using CchcAnalytics.Analytics;
using CchcAnalytics.Core;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using P = DocumentFormat.OpenXml.Presentation;

namespace CchcAnalytics.Exports.Tests;

/// <summary>The standard pack composed from the analytics of the whole data folder, written and read back.</summary>
[Collection(DataFolderDefinition.Name)]
public sealed class MeetingPackBuilderTests(ExportsFixture fixture)
{
    private static readonly AnalyticsOptions Options = AnalyticsOptions.Default;

    private Ranking Ranking(int year) => Ranker.For(fixture.Data, year, "thanh-hoa", "district", Options);

    private UnitReport Report(string unitId, int year) => UnitReport.Build(fixture.Data, unitId, year, Options).ShouldNotBeNull();

    private IReadOnlyList<SharedWeakness> Shared(int year) => Weaknesses.Province(fixture.Data, year, "thanh-hoa", "district", Options);

    private MeetingPackOptions PackOptions(int year) => new() { Previous = Ranking(year - 1) is { Units.Count: > 0 } p ? p : null, Published = fixture.Data.Published, Places = fixture.Data.Places };

    private PackContent Build(int year, params string[] units) =>
        MeetingPackBuilder.Build(Ranking(year), [.. units.Select(u => Report(u, year))], Shared(year), _ => null, PackOptions(year));

    [Fact]
    public void Build_2023Province_SlidesInOrderWithoutSampleMarksInTitlesOrBullets()
    {
        var content = Build(2023);

        content.Title.ShouldBe("Chỉ số CCHC 2023 — tỉnh Thanh Hóa");
        content.Subtitle.ShouldBe("Tỉnh Thanh Hóa — các huyện, thị xã, thành phố — họp đánh giá năm 2023 — dữ liệu mẫu");
        content.Slides.Select(s => s.Title).ShouldBe(
        [
            "Năm 2023: toàn cảnh",
            "Xếp hạng năm 2023",
            "Thay đổi thứ hạng so với năm 2022",
            "Các lĩnh vực toàn tỉnh năm 2023",
            "Điểm yếu kéo dài ở nhiều đơn vị",
            MeetingPackBuilder.NotesSlideTitle,
        ]);
        content.Slides.SelectMany(s => s.Bullets.Prepend(s.Title)).ShouldAllBe(t => !t.Contains("[Dữ liệu mẫu]", StringComparison.Ordinal) && !t.Contains("(dữ liệu mẫu)", StringComparison.Ordinal));
        content.Slides.ShouldAllBe(s => s.Bullets.Count <= 5);
    }

    [Fact]
    public void Build_2023_FooterNamesTheDecisionAndSaysSampleDataOnce()
    {
        var content = Build(2023);

        content.Footer.ShouldBe("Chỉ số CCHC 2023 · Công bố: Quyết định 600/QĐ-UBND (đưa tin ngày 06/02/2024) · Tính từ bảng điểm của 27 đơn vị (điểm thẩm định) · Dữ liệu mẫu, không phải số liệu thật");
    }

    [Fact]
    public void Build_2017_MixedDataAndSelfAssessedSayItInTheFooter()
    {
        var content = Build(2017, "hoang-hoa");

        content.Title.ShouldBe("Chỉ số CCHC 2017 — huyện Hoằng Hóa");
        content.Footer.ShouldBe("Chỉ số CCHC 2017 · Tính từ bảng điểm của 27 đơn vị (điểm thẩm định, 1 đơn vị điểm tự chấm) · Có dữ liệu mẫu (26/27 đơn vị), không phải số liệu thật");
        // No 2016: no movement slide.
        content.Slides.Select(s => s.Title).ShouldNotContain(t => t.StartsWith("Thay đổi thứ hạng", StringComparison.Ordinal));
        var notes = content.Slides[^1];
        notes.Bullets.ShouldContain("1 đơn vị chỉ có điểm tự chấm (chưa thẩm định): huyện Hoằng Hóa; so sánh với điểm thẩm định của các đơn vị khác cần thận trọng.");
        notes.Bullets.ShouldContain("26/27 đơn vị là dữ liệu mẫu (không phải số liệu thật).");
    }

    [Fact]
    public void Build_2023Glance_MeanItsChangeBandsAndEnds()
    {
        var ranking = Ranking(2023);
        var previous = Ranking(2022);
        var mean = ranking.Units.Average(u => u.Index);
        var change = mean - previous.Units.Average(u => u.Index);

        var glance = Build(2023).Slides[0];

        glance.Bullets[0].ShouldBe($"27 đơn vị được xếp hạng; chỉ số bình quân {VietnameseText.Number(Math.Round(mean, 2))}% ({(change > 0 ? "+" : "−")}{VietnameseText.Number(Math.Abs(Math.Round(change, 2)))} điểm % so với năm 2022).");
        var bands = Options.Bands.Select(b => ranking.Units.Count(u => u.Band.Label == b.Label)).ToList();
        bands.Sum().ShouldBe(27);
        glance.Bullets[1].ShouldBe($"Số đơn vị theo nhóm chỉ số (%): nhóm ≥ 90: {bands[0]}; nhóm 80 – < 90: {bands[1]}; nhóm < 80: {bands[2]}.");
        glance.Bullets[2].ShouldBe("Đứng đầu: huyện Đông Sơn (92,15%); cuối bảng: huyện Mường Lát (86,09%).");
    }

    [Fact]
    public void Build_2018_HoangHoaSelfAssessedThenAppraised_KhacGiaiDoanNeverARankChange()
    {
        var ranking = Ranking(2018);
        var hoangHoa = ranking.Find("hoang-hoa")!;
        hoangHoa.StageChanged.ShouldBeTrue();

        var content = Build(2018, "hoang-hoa");

        content.Slides[0].Bullets[0].ShouldEndWith("(không so sánh với năm 2017: hai năm dùng điểm khác giai đoạn).");
        var trend = content.Slides.Single(s => s.Title == "huyện Hoằng Hóa: chỉ số qua các năm");
        trend.Bullets[0].ShouldContain($"hạng {hoangHoa.Rank}/27{(hoangHoa.Tied ? " (đồng hạng)" : "")}, khác giai đoạn với năm 2017 (không so sánh hạng).");
        content.Slides.Single(s => s.Title == "Thay đổi thứ hạng so với năm 2017").Notes!.ShouldContain("huyện Hoằng Hóa: khác giai đoạn với năm 2017 (không so sánh hạng)");
    }

    [Fact]
    public void Build_TiedUnits_AreMarkedDongHang()
    {
        var ranking = Ranking(2023);
        var units = ranking.Units.ToList();
        units[1] = units[1] with { Tied = true };
        units[2] = units[2] with { Rank = 2, Tied = true };

        var content = MeetingPackBuilder.Build(ranking with { Units = units }, [], [], _ => null);

        content.Slides[1].Table!.Rows.Take(3).Select(r => r[0]).ShouldBe(["1", "2 (đồng hạng)", "2 (đồng hạng)"]);
        using var pack = new OpenedPresentation(MeetingPackTests.Write(content));
        var table = OpenedPresentation.Table(pack.Slides[2])!;
        table.Skip(1).Take(3).Select(r => (r[0], r[1])).ShouldBe([("1", "huyện Đông Sơn"), ("2 (đồng hạng)", "huyện Hoằng Hóa"), ("2 (đồng hạng)", "thành phố Thanh Hóa")]);
    }

    /// <summary>A unit's pack shows the unit in the ranking even when it ranks in the middle (fresh-eyes run: the unit's
    /// own pack hid it among "17 đơn vị").</summary>
    [Fact]
    public void Build_2023UnitRankedInTheMiddle_ItsRowBetweenTheElidedOnes()
    {
        var ranking = Ranking(2023);
        var middle = ranking.Units[10];

        var rows = Build(2023, middle.Result.Unit.Id).Slides[1].Table!.Rows;

        // The slide keeps its 11 rows: top 4, "…", the unit, "…", bottom 4.
        rows.Count.ShouldBe(11);
        rows[3][0].ShouldBe("4");
        rows[4].Take(2).ShouldBe(["…", "6 đơn vị (xem ghi chú)"]);
        rows[5].Take(2).ShouldBe([middle.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) + (middle.Tied ? " (đồng hạng)" : ""), middle.Result.Unit.FullName]);
        rows[6].Take(2).ShouldBe(["…", "12 đơn vị (xem ghi chú)"]);
        rows[7][0].ShouldBe("24");
        rows[^1][1].ShouldBe("huyện Mường Lát");
    }

    [Fact]
    public void Build_2023Province_ClosingSlideSaysHowToGetAUnitsPackInWords()
    {
        var closing = Build(2023).Slides[^1];

        closing.Bullets.ShouldContain("Bộ slide của một đơn vị: mở trang của đơn vị trên bảng điều khiển và bấm “bộ slide họp của đơn vị”.");
        closing.Bullets.ShouldNotContain(b => b.Contains("dv=", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_2023Ranking_TopAndBottomFiveWithTheRestInTheNotes()
    {
        var ranking = Ranking(2023);

        var slide = Build(2023).Slides[1];

        slide.Table!.Header.ShouldBe(["Hạng", "Đơn vị", "Chỉ số (%)", "So với năm trước"]);
        slide.Table.Rows.Count.ShouldBe(11);
        slide.Table.Rows[0].Take(3).ShouldBe(["1", "huyện Đông Sơn", "92,15"]);
        slide.Table.Rows[5].Take(2).ShouldBe(["…", "17 đơn vị (xem ghi chú)"]);
        slide.Table.Rows[^1].Take(3).ShouldBe(["27", "huyện Mường Lát", "86,09"]);
        var change = ranking.Units[0].RankChange!.Value;
        slide.Table.Rows[0][3].ShouldBe(change > 0 ? $"+{change}" : change < 0 ? $"−{-change}" : "=");
        slide.Notes!.Split('\n').Length.ShouldBe(27);
    }

    [Fact]
    public void Build_2023Areas_WeakestAreaHighlighted()
    {
        var slide = Build(2023).Slides.Single(s => s.Title == "Các lĩnh vực toàn tỉnh năm 2023");

        var means = slide.Table!.Rows.Select(r => decimal.Parse(r[3], VietnameseText.Culture)).ToList();
        slide.Table.Highlight.ShouldBe([means.IndexOf(means.Min())]);
        var weakest = slide.Table.Rows[means.IndexOf(means.Min())];
        slide.Bullets[0].ShouldStartWith($"Yếu nhất (tô đậm): lĩnh vực {weakest[0]}, bình quân {weakest[3]}% điểm chuẩn");
        weakest[1].ShouldBe("Xây dựng và phát triển chính quyền điện tử, chính quyền số");
    }

    [Fact]
    public void Build_2019_SharedWeaknessesTableCountsUnits()
    {
        var shared = Shared(2019);

        var slide = Build(2019).Slides.Single(s => s.Title == "Điểm yếu kéo dài ở nhiều đơn vị");

        var online = shared.Single(s => s.ConceptId == "online-services-level-3");
        slide.Table!.Header.ShouldBe(["Mã", "Tiêu chí", "Số đơn vị"]);
        slide.Table.Rows.ShouldContain(r => r[0] == "7.1.4" && r[2] == online.UnitIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        slide.Table.Rows.Select(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInOrder(SortDirection.Descending);
        slide.Table.Rows.Count.ShouldBeLessThanOrEqualTo(6);
        slide.Bullets[0].ShouldStartWith("Tiêu chí dưới 50% điểm chuẩn ít nhất 3/3 năm gần nhất, ở từ 2 đơn vị trở lên.");
    }

    [Fact]
    public void Build_2023HoangHoa_FourSlidesWithTheFindingsInFullInTheNotes()
    {
        var report = Report("hoang-hoa", 2023);

        var content = Build(2023, "hoang-hoa");

        var section = content.Slides.Where(s => s.Title.StartsWith("huyện Hoằng Hóa: ", StringComparison.Ordinal)).ToList();
        section.Select(s => s.Title).ShouldBe(
        [
            "huyện Hoằng Hóa: chỉ số qua các năm",
            "huyện Hoằng Hóa: các lĩnh vực so với toàn tỉnh",
            "huyện Hoằng Hóa: tiêu chí mất nhiều điểm nhất",
            "huyện Hoằng Hóa: cần gì để lên hạng",
        ]);
        section[0].Bullets[0].ShouldStartWith("Năm 2023: chỉ số 91,92%, hạng 2/27");
        report.Findings.Count.ShouldBeGreaterThan(5);
        foreach (var finding in report.Findings)
        {
            section[0].Notes!.ShouldContain(finding.Text.Replace("[Dữ liệu mẫu] ", "", StringComparison.Ordinal));
        }

        section[0].Notes!.ShouldNotContain("[Dữ liệu mẫu]");
        section[2].Table!.Rows.Count.ShouldBe(Math.Min(5, report.Weakest.Count));
        section[2].Table!.Rows[0].ShouldBe([report.Weakest[0].Code, report.Weakest[0].Name, VietnameseText.Number(report.Weakest[0].Points!.Value), VietnameseText.Number(report.Weakest[0].MaxPoints), VietnameseText.Number(report.Weakest[0].Lost!.Value)]);
        section[3].Bullets[0].ShouldBe("Cần thêm 0,23 điểm để lên hạng 1, lấy lại ở:");
        section.ShouldAllBe(s => s.Bullets.Count <= 5);
    }

    [Fact]
    public void Build_ChartProvider_AskedByDocumentedKeysAndPicturesPlaced()
    {
        var asked = new List<string>();
        var trend = TestPng.Bars([90, 91, 92], 1850, 630);
        byte[]? Charts(string key)
        {
            asked.Add(key);
            return key == "unit-trend:hoang-hoa" ? trend : null;
        }

        var content = MeetingPackBuilder.Build(Ranking(2023), [Report("hoang-hoa", 2023), Report("dong-son", 2023)], Shared(2023), Charts, PackOptions(2023));

        asked.ShouldBe(["rank-movement", "unit-trend:hoang-hoa", "unit-areas:hoang-hoa", "unit-trend:dong-son", "unit-areas:dong-son"]);
        content.Slides.Single(s => s.Title == "huyện Hoằng Hóa: chỉ số qua các năm").Image!.Png.ToArray().ShouldBe(trend);
        content.Slides.Single(s => s.Title == "huyện Đông Sơn: chỉ số qua các năm").Image.ShouldBeNull();
        // Without its chart the movement slide lists the largest moves instead.
        content.Slides.Single(s => s.Title == "Thay đổi thứ hạng so với năm 2022").Bullets.Count.ShouldBe(5);
    }

    [Theory]
    [InlineData(new string[0], "chi-so-cchc-2023-thanh-hoa.pptx")]
    [InlineData(new[] { "hoang-hoa" }, "chi-so-cchc-2023-hoang-hoa.pptx")]
    [InlineData(new[] { "hoang-hoa", "muong-lat" }, "chi-so-cchc-2023-hoang-hoa-muong-lat.pptx")]
    [InlineData(new[] { "a", "b", "c", "d" }, "chi-so-cchc-2023-4-don-vi.pptx")]
    public void FileName_SaysYearAndWho(string[] units, string expected) =>
        MeetingPackBuilder.FileName(2023, "thanh-hoa", units).ShouldBe(expected);

    [Fact]
    public void Write_YearPack2023HoangHoa_ValidAndEverySlideKeepsTheRoomRules()
    {
        using var output = new MemoryStream();

        var name = YearPack.Write(fixture.Data, 2023, ["hoang-hoa"], output, Options);

        name.ShouldBe("chi-so-cchc-2023-hoang-hoa.pptx");
        var bytes = output.ToArray();
        Artifacts.Save(name, bytes);
        using var pack = new OpenedPresentation(bytes);
        new OpenXmlValidator().Validate(pack.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(pack.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        var content = Build(2023, "hoang-hoa");
        PackLayout.Violations(pack, content.Footer).ShouldBeEmpty();
        pack.Document.PackageProperties.Title.ShouldBe("Chỉ số CCHC 2023 — huyện Hoằng Hóa");
        var titles = pack.Slides.Select(OpenedPresentation.Title).ToList();
        titles.Where(t => !t!.EndsWith(" (tiếp)", StringComparison.Ordinal)).ShouldBe([content.Title, .. content.Slides.Select(s => s.Title)]);
        // The eight areas stay on one slide: the bullet above gives way to the table.
        titles.ShouldNotContain("Các lĩnh vực toàn tỉnh năm 2023 (tiếp)");
        // The movement, the trend and the areas carry charts drawn for the slide: full width, 150 pixels per inch.
        var pictures = pack.Slides.Where(s => s.Slide.Descendants<P.Picture>().Any()).Select(OpenedPresentation.Title).ToList();
        pictures.ShouldBe(["Thay đổi thứ hạng so với năm 2022", "huyện Hoằng Hóa: chỉ số qua các năm", "huyện Hoằng Hóa: các lĩnh vực so với toàn tỉnh"]);
        foreach (var slide in pack.Slides.Where(s => s.Slide.Descendants<P.Picture>().Any()))
        {
            var picture = slide.Slide.Descendants<P.Picture>().Single();
            picture.ShapeProperties!.Transform2D!.Extents!.Cx!.Value.ShouldBeInRange(PackLayout.ContentWidth - 2, PackLayout.ContentWidth, OpenedPresentation.Title(slide));
            PackLayout.PngSize(slide, picture).Width.ShouldBe(1850);
        }
    }

    [Theory]
    [InlineData("xyz", "Không có đơn vị 'xyz'. Hãy dùng mã đơn vị (ví dụ hoang-hoa) hoặc tên tiếng Việt (ví dụ Hoằng Hóa).")]
    [InlineData("dong-son", "huyện Đông Sơn không có kết quả năm 2024.")]
    public void Write_UnitUnknownOrWithoutAResult_VietnameseReasonNothingWritten(string unit, string message)
    {
        using var output = new MemoryStream();

        var error = Should.Throw<ArgumentException>(() => YearPack.Write(fixture.Data, 2024, [unit], output, Options));

        error.Message.ShouldStartWith(message);
        output.Length.ShouldBe(0);
    }
}
