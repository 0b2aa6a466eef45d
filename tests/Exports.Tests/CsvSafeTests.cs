using CchcAnalytics.Core;

namespace CchcAnalytics.Exports.Tests;

public sealed class CsvSafeTests
{
    public static TheoryData<string> Dangerous =>
    [
        "=HYPERLINK(\"http://example.com\",\"Bấm vào đây\")",
        "=1+1",
        "+1",
        "-2",
        "@x",
        "@SUM(A1:A2)",
        "\t=1",
        "\r=1",
        "\t",
        " =1",
        "\n+cmd|' /C calc'!A0",
        "- Kế hoạch số 85/KH-UBND ngày 21/12/2016",
        "'đã có dấu nháy",
        "'",
    ];

    public static TheoryData<string> Ordinary =>
    [
        "",
        "Hoằng Hóa",
        "7.1.4",
        "92,5",
        "a=b",
        "x-1",
        "1+1",
        "Kế hoạch CCHC năm",
        " Hoằng Hóa ",
        "“=” trong ngoặc kép",
    ];

    [Theory]
    [MemberData(nameof(Dangerous))]
    public void Neutralize_TextAFormulaCouldStartWith_GetsOneLeadingApostrophe(string text)
    {
        var safe = CsvSafe.Neutralize(text);

        CsvSafe.NeedsPrefix(text).ShouldBeTrue();
        safe.ShouldBe("'" + text);
    }

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Neutralize_OrdinaryText_IsUnchanged(string text)
    {
        CsvSafe.NeedsPrefix(text).ShouldBeFalse();
        CsvSafe.Neutralize(text).ShouldBeSameAs(text);
    }

    [Theory]
    [MemberData(nameof(Dangerous))]
    [MemberData(nameof(Ordinary))]
    public void Restore_AfterNeutralize_GivesTheOriginalBack(string text)
    {
        CsvSafe.Restore(CsvSafe.Neutralize(text)).ShouldBe(text);
    }

    [Fact]
    public void Neutralize_Null_StaysNull()
    {
        CsvSafe.Neutralize(null).ShouldBeNull();
        CsvSafe.Restore(null).ShouldBeNull();
        CsvSafe.NeedsPrefix(null).ShouldBeFalse();
    }

    [Fact]
    public void Neutralize_Twice_StaysReversibleStepByStep()
    {
        var once = CsvSafe.Neutralize("=1");
        var twice = CsvSafe.Neutralize(once);

        twice.ShouldBe("''=1");
        CsvSafe.Restore(twice).ShouldBe(once);
    }
}
