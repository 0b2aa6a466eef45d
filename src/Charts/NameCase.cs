namespace CchcAnalytics.Charts;

/// <summary>Names as the charts print them, for other outputs that show the same names (the meeting pack's tables).</summary>
public static class NameCase
{
    /// <summary>An all-caps name as the decisions print area names ("HIỆN ĐẠI HÓA HÀNH CHÍNH") in sentence case, keeping
    /// acronyms (CCHC, TTHC); any other name unchanged.</summary>
    public static string Sentence(string name) => ChartText.SentenceCase(name);
}
