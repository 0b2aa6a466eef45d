using CchcAnalytics.Analytics;
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

    [Fact]
    public void Build_2023_SlidesInOrderWithDataStatusInTheTitles()
    {
        var content = MeetingPackBuilder.Build(Ranking(2023), [Report("hoang-hoa", 2023), Report("muong-lat", 2023)], Shared(2023), _ => null);

        content.Title.ShouldBe("Chỉ số cải cách hành chính cấp huyện năm 2023");
        content.Subtitle.ShouldBe("Tỉnh Thanh Hóa — năm 2023 — dữ liệu mẫu");
        content.Slides.Select(s => s.Title).ShouldBe(
        [
            "Xếp hạng Chỉ số CCHC năm 2023 (dữ liệu mẫu)",
            "Kết quả theo lĩnh vực năm 2023 (dữ liệu mẫu)",
            "Điểm yếu kéo dài chung của nhiều đơn vị (dữ liệu mẫu)",
            "huyện Hoằng Hóa: nhận xét năm 2023 (dữ liệu mẫu)",
            "huyện Mường Lát: nhận xét năm 2023 (dữ liệu mẫu)",
            MeetingPackBuilder.NotesSlideTitle,
        ]);
        content.Slides.ShouldAllBe(s => s.Image == null);
    }

    [Fact]
    public void Build_2023_RankingTableTopAndBottomWithPublishedPlaces()
    {
        var ranking = Ranking(2023);

        var table = MeetingPackBuilder.Build(ranking, [], [], _ => null).Slides[0].Table.ShouldNotBeNull();

        table.Header.ShouldBe(["Hạng", "Đơn vị", "Điểm", "Chỉ số (%)", "Thay đổi hạng"]);
        table.Rows.Count.ShouldBe(11);
        table.Rows[0].Take(4).ShouldBe(["1", "huyện Đông Sơn", "92,15", "92,15"]);
        table.Rows[1].Take(3).ShouldBe(["2", "huyện Hoằng Hóa", "91,92"]);
        table.Rows[2].Take(2).ShouldBe(["3", "thành phố Thanh Hóa"]);
        table.Rows[5].Take(2).ShouldBe(["…", "…"]);
        table.Rows[^1].Take(3).ShouldBe(["27", "huyện Mường Lát", "86,09"]);
        foreach (var (row, unit) in table.Rows.Take(5).Concat(table.Rows.TakeLast(5)).Zip(ranking.Units.Take(5).Concat(ranking.Units.TakeLast(5))))
        {
            row[0].ShouldBe(unit.Tied ? $"{unit.Rank} (đồng hạng)" : $"{unit.Rank}");
        }
    }

    [Fact]
    public void Build_TiedUnits_AreMarkedDongHang()
    {
        var ranking = Ranking(2023);
        var units = ranking.Units.ToList();
        units[1] = units[1] with { Tied = true };
        units[2] = units[2] with { Rank = 2, Tied = true };

        var content = MeetingPackBuilder.Build(ranking with { Units = units }, [], [], _ => null);

        content.Slides[0].Table!.Rows.Take(3).Select(r => r[0]).ShouldBe(["1", "2 (đồng hạng)", "2 (đồng hạng)"]);
        using var pack = new OpenedPresentation(MeetingPackTests.Write(content));
        var table = OpenedPresentation.Table(pack.Slides[1])!;
        table.Skip(1).Take(3).Select(r => (r[0], r[1])).ShouldBe([("1", "huyện Đông Sơn"), ("2 (đồng hạng)", "huyện Hoằng Hóa"), ("2 (đồng hạng)", "thành phố Thanh Hóa")]);
    }

    [Fact]
    public void Build_2017_MixedDataSaysSoAndClosesWithTheRankingNotes()
    {
        var ranking = Ranking(2017);

        var content = MeetingPackBuilder.Build(ranking, [Report("hoang-hoa", 2017)], Shared(2017), _ => null);

        content.Subtitle.ShouldBe("Tỉnh Thanh Hóa — năm 2017 — có dữ liệu mẫu");
        content.Slides[0].Title.ShouldBe("Xếp hạng Chỉ số CCHC năm 2017 (có dữ liệu mẫu)");
        content.Slides[3].Title.ShouldBe("huyện Hoằng Hóa: nhận xét năm 2017");
        content.Slides[3].Bullets[0].ShouldBe("Năm 2017, huyện Hoằng Hóa đạt 92/100 điểm (điểm tự chấm, chưa thẩm định), chỉ số 92%, xếp thứ " + ranking.Find("hoang-hoa")!.Rank + "/27.");
        var notes = content.Slides[^1];
        notes.Title.ShouldBe("Ghi chú về số liệu");
        notes.Bullets.ShouldContain("1 đơn vị chỉ có điểm tự chấm (chưa thẩm định): huyện Hoằng Hóa; so sánh với điểm thẩm định của các đơn vị khác cần thận trọng.");
        notes.Bullets.ShouldContain("26/27 đơn vị là dữ liệu mẫu (không phải số liệu thật).");
    }

    [Fact]
    public void Build_2019_SharedWeaknessesTableCountsUnits()
    {
        var shared = Shared(2019);

        var slide = MeetingPackBuilder.Build(Ranking(2019), [], shared, _ => null).Slides[2];

        var online = shared.Single(s => s.ConceptId == "online-services-level-3");
        slide.Table!.Header.ShouldBe(["Mã", "Tiêu chí", "Số đơn vị"]);
        slide.Table.Rows.ShouldContain(r => r[0] == "7.1.4" && r[2] == online.UnitIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        slide.Table.Rows.Select(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInOrder(SortDirection.Descending);
        slide.Table.Rows.ShouldAllBe(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture) >= 2);
        slide.Bullets[0].ShouldBe("Tiêu chí dưới 50% điểm chuẩn ít nhất 3/3 năm gần nhất (yếu kéo dài), ở từ 2 đơn vị trở lên.");
    }

    [Fact]
    public void Build_ChartProvider_AskedByDocumentedKeysAndPicturesPlaced()
    {
        var ranking = Ranking(2023);
        var asked = new List<string>();
        var trend = TestPng.Bars([.. Report("hoang-hoa", 2023).Trend.Points.Select(p => (double)(p.Index ?? 0))], 640, 360);
        byte[]? Charts(string key)
        {
            asked.Add(key);
            return key switch
            {
                ChartKeys.Ranking => TestPng.Bars([.. ranking.Units.Select(u => (double)u.Index)]),
                "unit-trend:hoang-hoa" => trend,
                _ => null,
            };
        }

        var content = MeetingPackBuilder.Build(ranking, [Report("hoang-hoa", 2023), Report("dong-son", 2023)], Shared(2023), Charts);

        asked.ShouldBe(["ranking", "area-distribution", "shared-weaknesses", "unit-trend:hoang-hoa", "unit-trend:dong-son"]);
        content.Slides[0].Image!.AltText.ShouldBe("Biểu đồ xếp hạng Chỉ số CCHC năm 2023 của 27 đơn vị");
        content.Slides[1].Image.ShouldBeNull();
        content.Slides[3].Image!.Png.ToArray().ShouldBe(trend);
        content.Slides[4].Image.ShouldBeNull();
    }

    [Fact]
    public void Write_Built2023Pack_IsValidAndReadsBackWithTitlesTablesAndPictures()
    {
        var ranking = Ranking(2023);
        List<UnitReport> reports = [Report("hoang-hoa", 2023), Report("dong-son", 2023), Report("muong-lat", 2023)];
        var shared = Shared(2023);
        var charts = Charts(ranking, reports, shared);
        var content = MeetingPackBuilder.Build(ranking, reports, shared, key => charts.GetValueOrDefault(key));

        var bytes = MeetingPackTests.Write(content);
        Artifacts.Save("meeting-pack-2023.pptx", bytes);
        using var pack = new OpenedPresentation(bytes);

        new OpenXmlValidator().Validate(pack.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(pack.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        var titles = pack.Slides.Select(OpenedPresentation.Title).ToList();
        titles.ShouldAllBe(t => !string.IsNullOrEmpty(t));
        titles.Where(t => !t!.EndsWith(" (tiếp)", StringComparison.Ordinal)).ShouldBe([content.Title, .. content.Slides.Select(s => s.Title)]);
        for (var i = 1; i < titles.Count; i++)
        {
            if (titles[i]!.EndsWith(" (tiếp)", StringComparison.Ordinal))
            {
                titles[i].ShouldBe(titles[i - 1]!.Replace(" (tiếp)", "", StringComparison.Ordinal) + " (tiếp)");
            }
        }

        var rankingSlide = pack.Slides[1];
        var table = OpenedPresentation.Table(rankingSlide)!;
        table[1][1].ShouldBe("huyện Đông Sơn");
        table.Select(r => r[1]).ShouldContain("huyện Mường Lát");
        var picture = rankingSlide.Slide.Descendants<P.Picture>().Single();
        picture.NonVisualPictureProperties!.NonVisualDrawingProperties!.Description!.Value.ShouldBe("Biểu đồ xếp hạng Chỉ số CCHC năm 2023 của 27 đơn vị");
        OpenedPresentation.Notes(rankingSlide)!.Split('\n').Length.ShouldBe(27);
        pack.Slides.Count(s => s.Slide.Descendants<P.Picture>().Any()).ShouldBe(charts.Count);
        var hoangHoa = pack.Slides.Single(s => OpenedPresentation.Title(s) == "huyện Hoằng Hóa: nhận xét năm 2023 (dữ liệu mẫu)");
        var bullets = pack.Slides.SkipWhile(s => s != hoangHoa).TakeWhile(s => s == hoangHoa || OpenedPresentation.Title(s)!.EndsWith(" (tiếp)", StringComparison.Ordinal))
            .SelectMany(OpenedPresentation.Bullets).ToList();
        bullets.ShouldBe(reports[0].Findings.Select(f => f.Text));
        OpenedPresentation.Bullets(pack.Slides[^1]).ShouldBe(content.Slides[^1].Bullets);
    }

    /// <summary>Bar charts standing in for the dashboard's: the ranking, the area means, the weaknesses and each trend.</summary>
    private static Dictionary<string, byte[]> Charts(Ranking ranking, List<UnitReport> reports, IReadOnlyList<SharedWeakness> shared)
    {
        var charts = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ChartKeys.Ranking] = TestPng.Bars([.. ranking.Units.Select(u => (double)u.Index)]),
            [ChartKeys.AreaDistribution] = TestPng.Bars([.. reports[0].Areas.Select(a => (double)a.MeanPercent)], colour: (0x54, 0x82, 0x35)),
        };
        if (shared.Count > 0)
        {
            charts[ChartKeys.SharedWeaknesses] = TestPng.Bars([.. shared.Take(10).Select(s => (double)s.UnitIds.Count)], colour: (0xC5, 0x5A, 0x11));
        }

        foreach (var report in reports)
        {
            charts[ChartKeys.UnitTrend(report.Result.Unit.Id)] = TestPng.Bars([.. report.Trend.Points.Select(p => (double)(p.Index ?? 0))], 800, 600);
        }

        return charts;
    }
}
