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
        "\r",
        "\t",
        " =1",
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
        "Kế hoạch\nsố 85 - 2016\r\nngày 21/12",
        "a\rb",
        "a\n\nb",
        "dòng cuối\n",
        "\n",
    ];

    /// <summary>Texts with a line, after a CR, an LF or a CR LF, that a spreadsheet could take for a formula, and what
    /// they become: every such line gets its own apostrophe, and so does the text when it starts dangerously.</summary>
    public static TheoryData<string, string> MultiLine => new()
    {
        { "Kế hoạch số 85\r=HYPERLINK(\"http://example.com\")", "Kế hoạch số 85\r'=HYPERLINK(\"http://example.com\")" },
        { "a\n+1", "a\n'+1" },
        { "a\r\n-2", "a\r\n'-2" },
        { "a\r@SUM(A1)", "a\r'@SUM(A1)" },
        { "a\n  =1", "a\n'  =1" },
        { "a\n\t", "a\n'\t" },
        { "a\n'b", "a\n''b" },
        { "\r=1", "'\r'=1" },
        { "\n+cmd|' /C calc'!A0", "'\n'+cmd|' /C calc'!A0" },
        { "=1\r=2\n=3\r\n=4", "'=1\r'=2\n'=3\r\n'=4" },
        { "- Kế hoạch số 85/KH-UBND\n- Quyết định số 12", "'- Kế hoạch số 85/KH-UBND\n'- Quyết định số 12" },
        { "a\r\r=1", "a\r\r'=1" },
    };

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

    [Theory]
    [MemberData(nameof(MultiLine))]
    public void Neutralize_LineAFormulaCouldStartWith_GetsItsOwnApostropheAndRestores(string text, string expected)
    {
        var safe = CsvSafe.Neutralize(text);

        safe.ShouldBe(expected);
        safe.Split('\r', '\n').ShouldAllBe(line => !StartsAFormula(line));
        CsvSafe.Restore(safe).ShouldBe(text);
    }

    [Fact]
    public void Neutralize_EveryShortText_NoLineStartsAFormulaAndRestoreGivesItBack()
    {
        // Every text of up to 6 characters over the characters that matter: 137,256 texts.
        const string alphabet = "a='\r\n \t";
        var texts = new List<string> { "" };
        var checkedTexts = 0;
        for (var length = 1; length <= 6; length++)
        {
            texts = texts.SelectMany(t => alphabet.Select(c => t + c)).ToList();
            foreach (var text in texts)
            {
                var safe = CsvSafe.Neutralize(text);
                if (safe.Split('\r', '\n').Any(StartsAFormula) || CsvSafe.Restore(safe) != text)
                {
                    Assert.Fail($"Neutralize({Escape(text)}) = {Escape(safe)}, restored {Escape(CsvSafe.Restore(safe))}");
                }

                checkedTexts++;
            }
        }

        checkedTexts.ShouldBe(137_256);
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

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    /// <summary>What a spreadsheet could run: a line whose first character after white space is = + - or @.</summary>
    internal static bool StartsAFormula(string line) => line.TrimStart().Length > 0 && line.TrimStart()[0] is '=' or '+' or '-' or '@';
}
