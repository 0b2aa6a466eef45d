using System.Text;
using DocumentFormat.OpenXml.Validation;
using D = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace CchcAnalytics.Exports.Tests;

/// <summary>The generic writer on hand-made content: structure, text, tables, pictures, notes, continuation slides.</summary>
public sealed class MeetingPackTests
{
    private static readonly byte[] Chart = TestPng.Bars([92.15, 91.92, 91.46, 89.2, 88.7, 86.09], 800, 400);

    private static PackContent Sample() => new(
        "Kết quả Chỉ số CCHC năm 2023",
        "Tỉnh Thanh Hóa — năm 2023 — dữ liệu mẫu",
        [
            new PackSlide("Xếp hạng năm 2023")
            {
                Table = new PackTable(
                    ["Hạng", "Đơn vị", "Chỉ số (%)"],
                    [
                        ["1", "huyện Đông Sơn", "92,15"],
                        ["2 (đồng hạng)", "huyện Hoằng Hóa", "91,92"],
                        ["2 (đồng hạng)", "thành phố Thanh Hóa", "91,92"],
                    ]),
                Notes = "Xếp hạng theo chỉ số.\nĐồng hạng khi bằng chỉ số.",
            },
            new PackSlide("Phân bố theo lĩnh vực")
            {
                Image = new PackImage(Chart, "Biểu đồ cột: chỉ số của sáu đơn vị, từ 86,09 đến 92,15"),
            },
            new PackSlide("Nhận xét: huyện Hoằng Hóa")
            {
                Bullets = ["Năm 2023, huyện Hoằng Hóa đạt 91,92/100 điểm, xếp thứ 2/27.", "Mất nhiều điểm ở 7.2.2 “Dịch vụ công trực tuyến toàn trình”."],
                Image = new PackImage(TestPng.Plain(300, 600, (0xC5, 0x5A, 0x11)), "Ảnh dọc để thử giữ tỉ lệ"),
            },
            new PackSlide("Ghi chú về số liệu") { Bullets = ["Toàn bộ số liệu năm này là dữ liệu mẫu (không phải số liệu thật)."] },
        ]);

    [Fact]
    public void Write_Sample_IsValidSixteenByNineWithTheTitlesInOrder()
    {
        var bytes = Write(Sample());
        Artifacts.Save("meeting-pack-sample.pptx", bytes);

        using var pack = new OpenedPresentation(bytes);

        new OpenXmlValidator().Validate(pack.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        var size = pack.Part.Presentation.SlideSize!;
        (size.Cx!.Value, size.Cy!.Value).ShouldBe((12192000, 6858000));
        pack.Slides.Select(OpenedPresentation.Title).ShouldBe(
            ["Kết quả Chỉ số CCHC năm 2023", "Xếp hạng năm 2023", "Phân bố theo lĩnh vực", "Nhận xét: huyện Hoằng Hóa", "Ghi chú về số liệu"]);
        var cover = pack.Slides[0].Slide.CommonSlideData!.ShapeTree!.Elements<P.Shape>()
            .Single(s => s.NonVisualShapeProperties!.ApplicationNonVisualDrawingProperties!.PlaceholderShape!.Type?.Value == P.PlaceholderValues.SubTitle);
        OpenedPresentation.Text(cover.TextBody!).ShouldBe("Tỉnh Thanh Hóa — năm 2023 — dữ liệu mẫu");
        pack.Slides.ShouldAllBe(s => !s.ImageParts.Any() || s.Slide.Descendants<P.Picture>().Any());
    }

    [Fact]
    public void Write_TableSlide_IsARealTableWithTheVietnameseTexts()
    {
        using var pack = new OpenedPresentation(Write(Sample()));

        var slide = pack.Slides[1];
        slide.Slide.Descendants<D.Table>().Count().ShouldBe(1);
        OpenedPresentation.Table(slide).ShouldBe(
        [
            ["Hạng", "Đơn vị", "Chỉ số (%)"],
            ["1", "huyện Đông Sơn", "92,15"],
            ["2 (đồng hạng)", "huyện Hoằng Hóa", "91,92"],
            ["2 (đồng hạng)", "thành phố Thanh Hóa", "91,92"],
        ]);
        var frame = slide.Slide.Descendants<P.GraphicFrame>().Single();
        frame.Graphic!.GraphicData!.Uri!.Value.ShouldBe("http://schemas.openxmlformats.org/drawingml/2006/table");
        var grid = slide.Slide.Descendants<D.GridColumn>().Sum(c => c.Width!.Value);
        grid.ShouldBe(frame.Transform!.Extents!.Cx!.Value);
        var numbers = slide.Slide.Descendants<D.TableRow>().Skip(1).Select(r => r.Elements<D.TableCell>().Last().Descendants<D.ParagraphProperties>().Single().Alignment!.Value);
        numbers.ShouldAllBe(a => a == D.TextAlignmentTypeValues.Right);
        OpenedPresentation.Notes(slide).ShouldBe("Xếp hạng theo chỉ số.\nĐồng hạng khi bằng chỉ số.");
    }

    [Fact]
    public void Write_ImageSlide_HasThePngAndItsAltTextScaledInsideTheSlide()
    {
        using var pack = new OpenedPresentation(Write(Sample()));

        var slide = pack.Slides[2];
        var picture = slide.Slide.Descendants<P.Picture>().Single();
        picture.NonVisualPictureProperties!.NonVisualDrawingProperties!.Description!.Value.ShouldBe("Biểu đồ cột: chỉ số của sáu đơn vị, từ 86,09 đến 92,15");
        var part = (DocumentFormat.OpenXml.Packaging.ImagePart)slide.GetPartById(picture.BlipFill!.Blip!.Embed!.Value!);
        part.ContentType.ShouldBe("image/png");
        using (var stream = part.GetStream())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            copy.ToArray().ShouldBe(Chart);
        }

        var box = picture.ShapeProperties!.Transform2D!;
        ((double)box.Extents!.Cx!.Value / box.Extents.Cy!.Value).ShouldBe(2.0, 0.01); // 800 × 400
        InsideSlide(box.Offset!.X!.Value, box.Offset.Y!.Value, box.Extents.Cx.Value, box.Extents.Cy.Value).ShouldBeTrue();
    }

    [Fact]
    public void Write_BulletsWithImage_TextAbovePictureKeepingTallAspect()
    {
        using var pack = new OpenedPresentation(Write(Sample()));

        var slide = pack.Slides[3];
        OpenedPresentation.Bullets(slide).ShouldBe(["Năm 2023, huyện Hoằng Hóa đạt 91,92/100 điểm, xếp thứ 2/27.", "Mất nhiều điểm ở 7.2.2 “Dịch vụ công trực tuyến toàn trình”."]);
        var picture = slide.Slide.Descendants<P.Picture>().Single().ShapeProperties!.Transform2D!;
        ((double)picture.Extents!.Cx!.Value / picture.Extents.Cy!.Value).ShouldBe(0.5, 0.01);
        var text = slide.Slide.CommonSlideData!.ShapeTree!.Elements<P.Shape>().Single(s => s.NonVisualShapeProperties!.ApplicationNonVisualDrawingProperties!.PlaceholderShape?.Index?.Value == 1U);
        var textBox = text.ShapeProperties!.Transform2D!;
        (textBox.Offset!.Y!.Value + textBox.Extents!.Cy!.Value).ShouldBeLessThanOrEqualTo(picture.Offset!.Y!.Value);
        (picture.Offset.Y.Value + picture.Extents.Cy.Value).ShouldBeLessThanOrEqualTo(PackLayout.FooterTop);
    }

    [Fact]
    public void Write_WideChartUnderOneBullet_SpansTheContentWidth()
    {
        var chart = TestPng.Bars([92.15, 91.92, 86.09], 1850, 630);
        var content = new PackContent("x", null, [new PackSlide("Chỉ số qua các năm") { Bullets = ["Năm 2023: 91,92%, hạng 2/27."], Image = new PackImage(chart, "Biểu đồ") }]);

        using var pack = new OpenedPresentation(Write(content));

        var picture = pack.Slides[1].Slide.Descendants<P.Picture>().Single().ShapeProperties!.Transform2D!;
        picture.Extents!.Cx!.Value.ShouldBeInRange(PackLayout.ContentWidth - 2, PackLayout.ContentWidth);
        PackLayout.Violations(pack, null).ShouldBeEmpty();
    }

    [Fact]
    public void Write_SixShortBullets_FiveOnTheSlideAndOneContinued()
    {
        var bullets = Enumerable.Range(1, 6).Select(i => $"Ý {i}.").ToList();

        using var pack = new OpenedPresentation(Write(new PackContent("x", null, [new PackSlide("Sáu ý") { Bullets = bullets }])));

        pack.Slides.Count.ShouldBe(3);
        OpenedPresentation.Bullets(pack.Slides[1]).ShouldBe(bullets.Take(5));
        OpenedPresentation.Title(pack.Slides[2]).ShouldBe("Sáu ý (tiếp)");
        OpenedPresentation.Bullets(pack.Slides[2]).ShouldBe(["Ý 6."]);
        // Short bullets are set at the largest size.
        PackLayout.Sizes(pack.Slides[1].Slide).Where(s => s != 32 && s != 12 && s != 14).Distinct().ShouldBe([24.0]);
    }

    [Fact]
    public void Write_Footer_OnEverySlideWithASlideNumberFieldAfterTheCover()
    {
        const string footer = "Chỉ số CCHC 2023 · Công bố: Quyết định 600/QĐ-UBND · Dữ liệu mẫu, không phải số liệu thật";

        using var pack = new OpenedPresentation(Write(Sample() with { Footer = footer }));

        PackLayout.Violations(pack, footer).Where(v => !v.Contains("picture", StringComparison.Ordinal)).ShouldBeEmpty();
        pack.Slides[0].Slide.Descendants<D.Field>().ShouldBeEmpty();
        pack.Slides.Skip(1).Select(s => s.Slide.Descendants<D.Field>().Single(f => f.Type == "slidenum").Text!.Text)
            .ShouldBe(["2", "3", "4", "5"]);
    }

    [Fact]
    public void Write_HighlightedRow_BoldOnALightFill()
    {
        var content = new PackContent("x", null,
        [
            new PackSlide("Lĩnh vực")
            {
                Table = new PackTable(["Mã", "Lĩnh vực", "Bình quân (%)"], [["1", "Công tác chỉ đạo", "95,1"], ["7", "Hiện đại hóa hành chính", "62,3"]]) { Highlight = [1] },
            },
        ]);

        using var pack = new OpenedPresentation(Write(content));

        var rows = pack.Slides[1].Slide.Descendants<D.TableRow>().ToList();
        rows[1].Descendants<D.RunProperties>().ShouldAllBe(r => r.Bold == null || !r.Bold.Value);
        rows[2].Descendants<D.RunProperties>().ShouldAllBe(r => r.Bold != null && r.Bold.Value);
        rows[2].Elements<D.TableCell>().First().TableCellProperties!.GetFirstChild<D.SolidFill>()!.RgbColorModelHex!.Val!.Value.ShouldBe("FBE5D6");
    }

    [Fact]
    public void Write_EveryRun_NamesArialAndVietnamese()
    {
        using var pack = new OpenedPresentation(Write(Sample()));

        var runs = pack.Slides.SelectMany(s => s.Slide.Descendants<D.RunProperties>()).ToList();
        runs.Count.ShouldBeGreaterThan(10);
        runs.ShouldAllBe(r => r.GetFirstChild<D.LatinFont>()!.Typeface == "Arial" && r.Language == "vi-VN");
    }

    [Fact]
    public void Write_DecomposedVietnamese_IsStoredAsNfcAndNfcRoundTripsExactly()
    {
        const string title = "Đánh giá kết quả cải cách hành chính của huyện Hoằng Hóa, thị xã Nghi Sơn";
        var content = new PackContent(title.Normalize(NormalizationForm.FormD), null,
            [new PackSlide("Thủy, Quảng Xương, Thọ Xuân".Normalize(NormalizationForm.FormD)) { Bullets = ["Tĩnh Gia → Nghi Sơn (2020); Đông Sơn nhập vào thành phố Thanh Hóa (2024)."] }]);

        using var pack = new OpenedPresentation(Write(content));

        OpenedPresentation.Title(pack.Slides[0]).ShouldBe(title);
        OpenedPresentation.Title(pack.Slides[1]).ShouldBe("Thủy, Quảng Xương, Thọ Xuân");
        OpenedPresentation.Title(pack.Slides[1])!.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
        OpenedPresentation.Bullets(pack.Slides[1]).ShouldBe(["Tĩnh Gia → Nghi Sơn (2020); Đông Sơn nhập vào thành phố Thanh Hóa (2024)."]);
    }

    [Fact]
    public void Write_TableTooLongForOneSlide_ContinuesWithTheHeaderRepeated()
    {
        var rows = Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Đơn vị thứ {i}", "85,5"]).ToList();
        var content = new PackContent("Bảng dài", null,
            [new PackSlide("Xếp hạng đầy đủ") { Table = new PackTable(["Hạng", "Đơn vị", "Chỉ số"], rows), Notes = "Chỉ ở trang đầu." }]);

        var bytes = Write(content);
        Artifacts.Save("meeting-pack-long-table.pptx", bytes);
        using var pack = new OpenedPresentation(bytes);

        new OpenXmlValidator().Validate(pack.Document).ShouldBeEmpty();
        var slides = pack.Slides.Skip(1).ToList();
        slides.Count.ShouldBeGreaterThan(1);
        OpenedPresentation.Title(slides[0]).ShouldBe("Xếp hạng đầy đủ");
        slides.Skip(1).ShouldAllBe(s => OpenedPresentation.Title(s) == "Xếp hạng đầy đủ (tiếp)");
        var tables = slides.Select(s => OpenedPresentation.Table(s)!).ToList();
        tables.ShouldAllBe(t => string.Join("|", t[0]) == "Hạng|Đơn vị|Chỉ số");
        tables.SelectMany(t => t.Skip(1)).Select(r => r[1]).ShouldBe(rows.Select(r => r[1]));
        OpenedPresentation.Notes(slides[0]).ShouldBe("Chỉ ở trang đầu.");
        slides.Skip(1).ShouldAllBe(s => s.NotesSlidePart == null);
        foreach (var frame in slides.Select(s => s.Slide.Descendants<P.GraphicFrame>().Single().Transform!))
        {
            InsideSlide(frame.Offset!.X!.Value, frame.Offset.Y!.Value, frame.Extents!.Cx!.Value, frame.Extents.Cy!.Value).ShouldBeTrue();
        }
    }

    [Fact]
    public void Write_ManyLongBullets_ContinueOnAnotherSlide()
    {
        var bullets = Enumerable.Range(1, 30).Select(i => $"Nhận xét số {i}: đơn vị mất điểm ở tiêu chí cung cấp dịch vụ công trực tuyến toàn trình và một phần, cần cải thiện trong năm tới.").ToList();

        using var pack = new OpenedPresentation(Write(new PackContent("Nhiều nhận xét", null, [new PackSlide("Nhận xét") { Bullets = bullets }])));

        pack.Slides.Count.ShouldBeGreaterThan(6);
        pack.Slides.Skip(1).SelectMany(OpenedPresentation.Bullets).ShouldBe(bullets);
        pack.Slides.Skip(2).ShouldAllBe(s => OpenedPresentation.Title(s) == "Nhận xét (tiếp)");
        PackLayout.Violations(pack, null).ShouldBeEmpty();
    }

    [Fact]
    public void Write_TitleOnlyAndEmptyTable_StillValid()
    {
        var content = new PackContent("Chỉ tiêu đề", null,
        [
            new PackSlide("Không có nội dung"),
            new PackSlide("Bảng trống") { Table = new PackTable(["Mã", "Tiêu chí", "Số đơn vị"], []) },
            new PackSlide("Ký tự lạ\u0001 và xuống dòng\r\nmới") { Bullets = ["=1+1 vẫn là chữ", "  "] },
        ]);

        using var pack = new OpenedPresentation(Write(content));

        new OpenXmlValidator().Validate(pack.Document).ShouldBeEmpty();
        pack.Slides.Count.ShouldBe(4);
        OpenedPresentation.Table(pack.Slides[2]).ShouldBe([["Mã", "Tiêu chí", "Số đơn vị"]]);
        OpenedPresentation.Title(pack.Slides[3]).ShouldBe("Ký tự lạ và xuống dòng\nmới");
        // Text pasted from a slide into a spreadsheet must not run: the formula guard applies to bullets too.
        OpenedPresentation.Bullets(pack.Slides[3]).ShouldBe(["'=1+1 vẫn là chữ"]);
    }

    [Fact]
    public void Write_HostileTableCellsBulletsAndNotes_NoParagraphLineStartsAFormula()
    {
        var hostile = CchcAnalytics.Tests.HostileText.Evidence;
        var content = new PackContent("Điểm yếu chung", null,
        [
            new PackSlide("Tiêu chí nhiều đơn vị mất điểm")
            {
                Table = new PackTable(["Mã", "Tiêu chí", "Thay đổi hạng"], hostile.Select(e => (IReadOnlyList<string>)[e.Code, e.Evidence, "-2"]).ToList()),
                Bullets = hostile.Select(e => e.Evidence).ToList(),
                Notes = string.Join("\n", hostile.Select(e => e.Evidence)),
            },
        ]);

        using var pack = new OpenedPresentation(Write(content));

        new OpenXmlValidator().Validate(pack.Document).ShouldBeEmpty();
        var paragraphs = pack.Slides.Concat(pack.Slides.Select(s => s.NotesSlidePart).OfType<DocumentFormat.OpenXml.Packaging.OpenXmlPart>())
            .SelectMany(part => part.RootElement!.Descendants<D.Paragraph>()).Select(OpenedPresentation.ParagraphText).ToList();
        paragraphs.ShouldContain(p => p.Contains("HYPERLINK", StringComparison.Ordinal));
        paragraphs.SelectMany(CchcAnalytics.Tests.HostileText.FormulaLines).ShouldBeEmpty();
        // A signed number stays a number: a spreadsheet reads "-2" as minus two, not as a formula.
        var tableRows = pack.Slides.Select(OpenedPresentation.Table).OfType<List<List<string>>>().SelectMany(t => t.Skip(1)).ToList();
        tableRows.Count.ShouldBe(hostile.Count);
        tableRows.ShouldAllBe(r => r[2] == "-2");
    }

    [Fact]
    public void Write_NotAPng_Throws()
    {
        var content = new PackContent("x", null, [new PackSlide("Ảnh") { Image = new PackImage(Encoding.ASCII.GetBytes("GIF89a not a png at all"), "ảnh") }]);

        Should.Throw<ArgumentException>(() => Write(content)).Message.ShouldContain("not a PNG");
    }

    [Fact]
    public void Write_ImageWithoutAltText_Throws()
    {
        var content = new PackContent("x", null, [new PackSlide("Ảnh") { Image = new PackImage(Chart, " ") }]);

        Should.Throw<ArgumentException>(() => Write(content)).Message.ShouldContain("alternative text");
    }

    [Fact]
    public void Write_RowWithTooFewCells_Throws()
    {
        var content = new PackContent("x", null, [new PackSlide("Bảng") { Table = new PackTable(["A", "B"], [["1"]]) }]);

        Should.Throw<ArgumentException>(() => Write(content)).Message.ShouldContain("row 1 has 1 cells, the header 2");
    }

    [Fact]
    public void Write_EmptyTitle_Throws()
    {
        Should.Throw<ArgumentException>(() => Write(new PackContent(" ", null, [])));
        Should.Throw<ArgumentException>(() => Write(new PackContent("x", null, [new PackSlide("")])));
    }

    internal static byte[] Write(PackContent content)
    {
        using var output = new MemoryStream();
        MeetingPack.Write(output, content);
        return output.ToArray();
    }

    internal static bool InsideSlide(long x, long y, long width, long height) =>
        x >= 0 && y >= 0 && x + width <= 12192000 && y + height <= 6858000;
}
