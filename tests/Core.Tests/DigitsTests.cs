using CchcAnalytics.Core;

namespace CchcAnalytics.Core.Tests;

public sealed class DigitsTests
{
    [Theory]
    [InlineData("２０１７", "2017")]          // fullwidth, as a Vietnamese IME types in full-width mode
    [InlineData("٢٠١٧", "2017")]              // Arabic-Indic
    [InlineData("۱۵,۵", "15,5")]              // Extended Arabic-Indic; the comma stays
    [InlineData("१२.५", "12.5")]              // Devanagari
    [InlineData("năm ２０１７ (điểm)", "năm 2017 (điểm)")]
    public void Fold_DigitsOfOtherScripts_AsciiDigits(string text, string expected) =>
        Digits.Fold(text).ShouldBe(expected);

    [Fact]
    public void Fold_AsciiOnly_SameInstance()
    {
        const string text = "Kết quả đạt được 100 92";

        Digits.Fold(text).ShouldBeSameAs(text);
        Digits.HasOtherDigits(text).ShouldBeFalse();
    }

    [Theory]
    [InlineData("١٫٥", "1٫5")]  // the Arabic decimal separator is not a decimal comma
    [InlineData("１，５", "1，5")] // nor is the fullwidth comma
    public void Fold_SeparatorsOfOtherScripts_LeftAsTheyAre(string text, string expected) =>
        Digits.Fold(text).ShouldBe(expected);

    [Theory]
    [InlineData("１.１.１", "1.1.1")]
    [InlineData("٧.", "7")]
    public void Normalize_CodeInOtherDigits_CanonicalCode(string printed, string code) =>
        CriterionCode.Normalize(printed).ShouldBe(code);
}
