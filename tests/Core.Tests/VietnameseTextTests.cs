using System.Text;
using CchcAnalytics.Core;

namespace CchcAnalytics.Core.Tests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("HOÀNG HOÁ", "Hoàng Hóa")]      // case and old/new tone placement (the real report's spelling)
    [InlineData("Hoàng Hoá", "hoàng hóa")]
    [InlineData("Cẩm Thuỷ", "Cẩm Thủy")]
    [InlineData("UỶ BAN", "Ủy ban")]
    [InlineData("Thanh  Hóa.", "thanh hóa")]     // spacing and punctuation
    public void MatchKey_SpellingVariants_AreEqual(string a, string b) =>
        VietnameseText.MatchKey(a).ShouldBe(VietnameseText.MatchKey(b));

    [Fact]
    public void MatchKey_NfdAndNfc_AreEqual()
    {
        var nfc = "Hoằng Hóa";
        var nfd = nfc.Normalize(NormalizationForm.FormD);
        nfd.ShouldNotBe(nfc);
        VietnameseText.MatchKey(nfd).ShouldBe(VietnameseText.MatchKey(nfc));
    }

    [Fact]
    public void MatchKey_DifferentVowels_StayDifferent() =>
        // Hoằng (ă) and Hoàng (a) are different words; only an alias may join them.
        VietnameseText.MatchKey("Hoằng Hóa").ShouldNotBe(VietnameseText.MatchKey("Hoàng Hóa"));

    [Theory]
    [InlineData("Hoằng Hóa", "hoang-hoa")]
    [InlineData("Đông Sơn", "dong-son")]
    [InlineData("Mường Lát", "muong-lat")]
    [InlineData("Quảng Xương", "quang-xuong")]
    public void Slug_IsAsciiWithHyphens(string name, string slug) => VietnameseText.Slug(name).ShouldBe(slug);

    [Theory]
    [InlineData("92.5", "92,5")]
    [InlineData("0.25", "0,25")]
    [InlineData("100", "100")]
    [InlineData("91.651", "91,651")]
    [InlineData("1234.5", "1.234,5")]
    public void Number_WritesVietnameseDecimalComma(string value, string expected) =>
        VietnameseText.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    /// <summary>The one rounding rule for an index or a %: two decimals, always written, half away from zero
    /// (92,15 is QĐ 600's published index of Đông Sơn 2023; 91,3 is how the pack wrote Thiệu Hóa's 91,30).</summary>
    [Theory]
    [InlineData("92.15", "92,15")]
    [InlineData("91.3", "91,30")]
    [InlineData("100", "100,00")]
    [InlineData("89.995", "90,00")]
    [InlineData("-0.005", "-0,01")]
    [InlineData("1234.5", "1.234,50")]
    public void Percent_TwoDecimalsAlwaysHalfAwayFromZero(string value, string expected) =>
        VietnameseText.Percent(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData("huyện Mường Lát", "Huyện Mường Lát")]
    [InlineData("đông Sơn", "Đông Sơn")]
    [InlineData("", "")]
    public void Capitalised_FirstLetterOnly(string text, string expected) => VietnameseText.Capitalised(text).ShouldBe(expected);

    [Theory]
    [InlineData("CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "Cải cách chế độ công vụ")]
    [InlineData("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "Công tác chỉ đạo, điều hành CCHC")]
    [InlineData("Cải cách thể chế", "Cải cách thể chế")]
    public void SentenceCase_AllCapsName_LowerWordsKeepAcronymsOtherNamesAsTheyAre(string name, string expected) =>
        VietnameseText.SentenceCase(name).ShouldBe(expected);
}
