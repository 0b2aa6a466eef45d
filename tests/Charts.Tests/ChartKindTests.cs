using System.Xml.Linq;
using CchcAnalytics.Analytics;
using SkiaSharp;

namespace CchcAnalytics.Charts.Tests;

/// <summary>Every chart kind on the whole data folder: PNG bytes of the requested size, SVG that parses and carries the
/// Vietnamese title, whole years on year axes, and the "dữ liệu mẫu" status wherever sample data are shown.</summary>
[Collection(ChartsData.Name)]
public sealed class ChartKindTests(ChartsFixture fixture)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>One request per kind, with text its title must contain.</summary>
    public static TheoryData<ChartKind, ChartRequest, string> Requests => new()
    {
        { ChartKind.Ranking, new ChartRequest(ChartKind.Ranking, Year: 2023), "Xếp hạng Chỉ số CCHC năm 2023" },
        { ChartKind.AreaDistribution, new ChartRequest(ChartKind.AreaDistribution, Year: 2023), "Phân bố điểm theo lĩnh vực năm 2023" },
        { ChartKind.UnitTrend, new ChartRequest(ChartKind.UnitTrend, UnitIds: ["hoang-hoa"]), "huyện Hoằng Hóa" },
        { ChartKind.UnitAreas, new ChartRequest(ChartKind.UnitAreas, Year: 2023, UnitIds: ["hoang-hoa"]), "Điểm từng lĩnh vực — huyện Hoằng Hóa, năm 2023" },
        { ChartKind.CompareAreas, new ChartRequest(ChartKind.CompareAreas, Year: 2023, UnitIds: ["hoang-hoa", "dong-son"]), "So sánh điểm từng lĩnh vực năm 2023" },
        { ChartKind.CompareTrends, new ChartRequest(ChartKind.CompareTrends, UnitIds: ["hoang-hoa", "dong-son"]), "So sánh Chỉ số CCHC qua các năm" },
        { ChartKind.Heatmap, new ChartRequest(ChartKind.Heatmap, Year: 2023), "Điểm các lĩnh vực của từng đơn vị năm 2023" },
        { ChartKind.ConceptHistory, new ChartRequest(ChartKind.ConceptHistory, Code: "online-services-level-3"), "Mức độ cung cấp dịch vụ công trực tuyến mức độ 3" },
        { ChartKind.SelfVsAppraised, new ChartRequest(ChartKind.SelfVsAppraised, Year: 2022, UnitIds: ["hoang-hoa"]), "Điểm tự chấm và điểm thẩm định — huyện Hoằng Hóa, năm 2022" },
        { ChartKind.RankMovement, new ChartRequest(ChartKind.RankMovement, Year: 2023), "Thay đổi thứ hạng Chỉ số CCHC năm 2022 → 2023" },
        { ChartKind.RankBump, new ChartRequest(ChartKind.RankBump), "Thứ hạng Chỉ số CCHC qua các năm" },
        { ChartKind.AreaMeans, new ChartRequest(ChartKind.AreaMeans), "Trung bình toàn tỉnh theo lĩnh vực qua các năm" },
        { ChartKind.TrendPanel, new ChartRequest(ChartKind.TrendPanel, UnitIds: ["hoang-hoa"]), "huyện Hoằng Hóa" },
    };

    [Fact]
    public void Requests_CoverEveryKind() =>
        // The map needs the data folder's boundary files: tests/Charts.Tests/Maps/MapFromDataTests covers it.
        Requests.Select(r => (ChartKind)r[0]).ShouldBe(Enum.GetValues<ChartKind>().Where(k => k != ChartKind.Map), ignoreOrder: true);

    [Theory]
    [MemberData(nameof(Requests))]
    public void Png_EveryKind_IsAPngOfTheRequestedSize(ChartKind kind, ChartRequest request, string title)
    {
        _ = title;
        var spec = Build(request with { Width = 820, Height = 540 });

        var png = ChartRenderer.Png(spec);

        spec.Kind.ShouldBe(kind);
        png.Take(8).ShouldBe(PngSignature);
        using var bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).ShouldBe((820, 540));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Png_EveryKind_DefaultsToTheKindsSize(ChartKind kind, ChartRequest request, string title)
    {
        _ = title;
        var spec = Build(request);

        using var bitmap = SKBitmap.Decode(ChartRenderer.Png(spec));

        (bitmap.Width, bitmap.Height).ShouldBe((spec.Width, spec.Height));
        if (kind == ChartKind.TrendPanel)
        {
            // A small multiple: many side by side on a page.
            (spec.Width, spec.Height).ShouldBe((400, 300));
            return;
        }

        spec.Width.ShouldBe(1000);
        spec.Height.ShouldBeInRange(600, 800);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Svg_EveryKind_ParsesAndShowsTheVietnameseTitleAndSampleStatus(ChartKind kind, ChartRequest request, string title)
    {
        _ = kind;
        var spec = Build(request);

        var document = XDocument.Parse(ChartRenderer.SvgXml(spec));
        var text = SvgText(document);

        spec.Title.ShouldContain(title);
        text.ShouldContain(title);
        // Every chart here shows sample data: the status must be in the title itself, not only in a note.
        spec.Status.AnySynthetic.ShouldBeTrue();
        spec.Subtitle.ShouldContain("dữ liệu mẫu");
        text.ShouldContain("dữ liệu mẫu");
        spec.Table.Rows.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(ChartKind.UnitTrend)]
    [InlineData(ChartKind.CompareTrends)]
    [InlineData(ChartKind.RankBump)]
    [InlineData(ChartKind.AreaMeans)]
    public void Svg_YearAxis_PrintsWholeYears(ChartKind kind)
    {
        var request = Requests.Select(r => (ChartRequest)r[1]).Single(r => r.Kind == kind);

        var text = SvgText(XDocument.Parse(ChartRenderer.SvgXml(Build(request))));

        foreach (var year in Enumerable.Range(2017, 8))
        {
            text.ShouldContain($"{year}");
            text.ShouldNotContain($"{year / 1000},{year % 1000:000}");
            text.ShouldNotContain($"{year / 1000}.{year % 1000:000}");
        }

        text.ShouldNotContain("2017,5");
    }

    [Fact]
    public void Svg_ConceptHistory_YearColumnsAreWholeYearsWithTheirCodes()
    {
        var text = SvgText(XDocument.Parse(ChartRenderer.SvgXml(Build(new ChartRequest(ChartKind.ConceptHistory, Code: "7.1.4")))));

        text.ShouldContain("2017");
        text.ShouldNotContain("2,017");
        text.ShouldContain("7.1.4");
        text.ShouldContain("7.2.1");
    }

    [Fact]
    public void Svg_Numbers_AreWrittenTheVietnameseWay()
    {
        // Đông Sơn's published 2023 index, 92,15 (Quyết định 600/QĐ-UBND), as a bar label with a decimal comma.
        var text = SvgText(XDocument.Parse(ChartRenderer.SvgXml(Build(new ChartRequest(ChartKind.Ranking, Year: 2023)))));

        text.ShouldContain("92,15");
        text.ShouldNotContain("92.15");
    }

    [Fact]
    public void Render_OneSpecFromManyThreads_GivesTheSameBytes()
    {
        // A spec draws a fresh plot per render, so the dashboard can cache one and serve concurrent requests.
        var spec = Build(new ChartRequest(ChartKind.UnitTrend, UnitIds: ["nghi-son"], Width: 600, Height: 400));

        var pngs = new byte[6][];
        Parallel.For(0, pngs.Length, i => pngs[i] = ChartRenderer.Png(spec));

        foreach (var png in pngs)
        {
            png.ShouldBe(pngs[0]);
        }
    }

    private ChartSpec Build(ChartRequest request) => ChartFactory.Build(fixture.Data, request, AnalyticsOptions.Default);

    private static string SvgText(XDocument document) =>
        string.Join("\n", document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
}
