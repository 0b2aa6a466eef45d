using System.Globalization;
using System.Text;

namespace CchcAnalytics.Tests;

/// <summary>Paths to the repository's data, and edits of the real report that make one thing wrong at a time.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The real Hoằng Hóa 2017 report (293/BC-UBND), exactly as received.</summary>
    public static string RealReport => Path.Combine(RepositoryRoot, "data", "raw", "2017", "hoang-hoa-2017-bc293.txt");

    public static string RealReportText => File.ReadAllText(RealReport, Encoding.UTF8);

    /// <summary>The real report as a corrected version would read: 7.1.4 gets 1 point, and every total above it follows
    /// (7.1: 5.5, area 7: 7.5, total 93).</summary>
    public static string CorrectedReportText
    {
        get
        {
            var text = WithRow(RealReportText, "7.1.4", c => { c[3] = "1"; return c; });
            text = WithRow(text, "7.1.", c => { c[3] = "5.5"; return c; });
            text = WithRow(text, "7.", c => { c[3] = "7,5"; return c; });
            text = Replace(text, "**92** (điểm)", "**93** (điểm)");
            return Replace(text, "Kết quả đạt được\t100\t92", "Kết quả đạt được\t100\t93");
        }
    }

    /// <summary>The real report made into year <paramref name="year"/>'s: every place it states its own year (its
    /// sentences "Chỉ số cải cách hành chính năm 2017", the table title, the date line) says so. The citation on line 18,
    /// "Công văn số 1586/SNV- CCHC … về việc xác định chỉ số cải cách hành chính năm 2017 …", stays as it is.</summary>
    public static string WithYear(string text, int year)
    {
        var value = year.ToString(CultureInfo.InvariantCulture);
        text = Replace(text, "Chỉ số cải cách hành chính năm 2017", "Chỉ số cải cách hành chính năm " + value);
        text = Replace(text, "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017", "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM " + value);
        return Replace(text, "ngày 20 tháng 11 năm 2017", "ngày 20 tháng 11 năm " + value);
    }

    /// <summary>The real report made into district <paramref name="name"/>'s ("Hậu Lộc"): every place it names its own
    /// unit (the letterhead, "UBND huyện Hoàng Hoá" in the letter, the place before the date) says so.</summary>
    public static string WithUnit(string text, string name)
    {
        text = Replace(text, "HUYỆN HOÀNG HÓA**", $"HUYỆN {name.ToUpperInvariant()}**");
        text = Replace(text, "UBND huyện Hoàng Hoá", "UBND huyện " + name);
        return Replace(text, "Hoàng Hoá, ngày", name + ", ngày");
    }

    /// <summary>The real report as the report of <paramref name="year"/> (and of <paramref name="unitName"/> when given):
    /// every statement of the year and the unit before the table (letterhead, date line, letter, total sentence, table
    /// title) is changed, so that the letter agrees with itself; the table and its evidence stay as printed.
    /// <paramref name="unitName"/> is written where the report writes "Hoàng Hoá" (e.g. "Thiệu Hóa"), and in capitals
    /// in the letterhead. <paramref name="text"/> is an edited report to start from (the real one by default).</summary>
    public static string ReportOf(int year, string? unitName = null, string? text = null)
    {
        var lines = (text ?? RealReportText).Split('\n');
        var table = Array.FindIndex(lines, l => l.StartsWith("STT\t", StringComparison.Ordinal));
        for (var i = 0; i < table; i++)
        {
            lines[i] = lines[i].Replace("2017", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if (unitName is not null)
            {
                lines[i] = lines[i]
                    .Replace("HOÀNG HÓA", unitName.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), StringComparison.Ordinal)
                    .Replace("Hoàng Hoá", unitName, StringComparison.Ordinal);
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>The real report with one table row's cells changed: <paramref name="code"/> as printed in the STT column.</summary>
    public static string WithRow(string text, string code, Func<string[], string[]> change)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(code + "\t", StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ArgumentException($"Row {code} not found", nameof(code));
        }

        lines[index] = string.Join('\t', change(lines[index].Split('\t')));
        return string.Join('\n', lines);
    }

    /// <summary>Replaces text that must occur in the report (fails loudly when the fixture changed).</summary>
    public static string Replace(string text, string from, string to)
    {
        if (!text.Contains(from, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{from}' not found in the report", nameof(from));
        }

        return text.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>A temporary folder deleted on dispose.</summary>
    public static TempFolder NewTempFolder() => new();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CchcAnalytics.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CchcAnalytics.sln not found above " + AppContext.BaseDirectory);
    }
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text) => Write(name, new UTF8Encoding(false).GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS cleans temp.
        }
    }
}
