using System.Text;
using System.Text.RegularExpressions;
using CchcAnalytics.Core;

namespace CchcAnalytics.Ingest.Text;

/// <summary>Turns the bytes of a text document into NFC text, detecting UTF-8 (with or without BOM), UTF-16
/// (LE/BE, with or without BOM) and legacy Windows-1258. Refuses binary input and text that is visibly
/// mis-decoded (mojibake), because stored text must be what the document says.</summary>
public static partial class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; on failure returns null and adds an error to <paramref name="problems"/>.</summary>
    public static DecodedText? Decode(byte[] bytes, string file, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(problems);
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            problems.Add(Problem.Error(ProblemCodes.Empty, file, null, "Tệp rỗng: không có báo cáo nào để đọc."));
            return null;
        }

        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            problems.Add(Problem.Error(ProblemCodes.Binary, file, null,
                "Tệp là gói ZIP/Office, không phải văn bản thuần. Hãy lưu báo cáo Word với đuôi .docx và bảng Excel với đuôi .xlsx để tệp được đọc đúng cách."));
            return null;
        }

        string text;
        string name;
        var legacy = false;
        if (StartsWith(bytes, 0xEF, 0xBB, 0xBF))
        {
            if (!TryStrictUtf8(bytes.AsSpan(3), out text))
            {
                problems.Add(Problem.Error(ProblemCodes.Encoding, file, null, "Tệp bắt đầu bằng dấu BOM của UTF-8 nhưng nội dung không phải UTF-8 hợp lệ."));
                return null;
            }

            name = "UTF-8 (BOM)";
        }
        else if (StartsWith(bytes, 0xFF, 0xFE) || StartsWith(bytes, 0xFE, 0xFF))
        {
            var bigEndian = bytes[0] == 0xFE;
            if (!TryStrictUtf16(bytes.AsSpan(2), bigEndian, out text))
            {
                problems.Add(Problem.Error(ProblemCodes.Encoding, file, null, "Tệp bắt đầu bằng dấu BOM của UTF-16 nhưng nội dung không phải UTF-16 hợp lệ."));
                return null;
            }

            name = bigEndian ? "UTF-16 BE (BOM)" : "UTF-16 LE (BOM)";
        }
        else if (LooksLikeUtf16(bytes, out var bigEndianGuess) && TryStrictUtf16(bytes, bigEndianGuess, out text))
        {
            name = bigEndianGuess ? "UTF-16 BE" : "UTF-16 LE";
        }
        else if (bytes.Contains((byte)0))
        {
            problems.Add(Problem.Error(ProblemCodes.Binary, file, null, "Tệp chứa dữ liệu nhị phân (byte NUL); đây không phải báo cáo dạng văn bản."));
            return null;
        }
        else if (TryStrictUtf8(bytes, out text))
        {
            name = "UTF-8";
        }
        else
        {
            text = Encoding.GetEncoding(1258).GetString(bytes);
            name = "Windows-1258";
            legacy = true;
        }

        text = VietnameseText.Nfc(text);
        var mojibake = DoubleEncodedUtf8().Match(text);
        if (mojibake.Success)
        {
            var line = text[..mojibake.Index].Count(c => c == '\n') + 1;
            problems.Add(Problem.Error(ProblemCodes.Mojibake, file, line,
                $"Văn bản bị lỗi phông ('{mojibake.Value}…'): văn bản UTF-8 đã từng bị đọc nhầm theo bảng mã phương Tây. Hãy lưu lại báo cáo từ bản gốc dưới dạng UTF-8."));
            return null;
        }

        if (CountControl(text) * 100 > text.Length)
        {
            problems.Add(Problem.Error(ProblemCodes.Binary, file, null, "Tệp chủ yếu là ký tự điều khiển; đây không phải báo cáo dạng văn bản."));
            return null;
        }

        return new DecodedText(text, name, legacy);
    }

    /// <summary>Share of characters that legacy Vietnamese font encodings (TCVN3/ABC, VNI) turn into when read as
    /// Windows code pages. Real Vietnamese in Unicode has almost none of them.</summary>
    public static bool LooksLikeLegacyFontEncoding(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = 0;
        var suspicious = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }

            if (c is >= '\u00A1' and <= '\u00BF' or '\u00D1' or '\u00F8' or '\u00F5' or '\u00E4' or '\u00E5' or '\u00EB' or '\u00EF' or '\u00F6')
            {
                suspicious++;
            }
        }

        return letters > 0 && suspicious * 50 > letters;
    }

    private static bool StartsWith(byte[] bytes, params byte[] prefix) =>
        bytes.Length >= prefix.Length && bytes.AsSpan(0, prefix.Length).SequenceEqual(prefix);

    private static bool TryStrictUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static bool TryStrictUtf16(ReadOnlySpan<byte> bytes, bool bigEndian, out string text)
    {
        try
        {
            text = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static bool LooksLikeUtf16(byte[] bytes, out bool bigEndian)
    {
        var sample = Math.Min(bytes.Length - (bytes.Length % 2), 4096);
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample; i += 2)
        {
            if (bytes[i] == 0)
            {
                evenZeros++;
            }

            if (bytes[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        var pairs = sample / 2;
        bigEndian = evenZeros > oddZeros;
        return pairs > 0 && Math.Max(evenZeros, oddZeros) * 10 > pairs * 3 && Math.Min(evenZeros, oddZeros) * 20 < pairs;
    }

    private static int CountControl(string text)
    {
        // A plain loop: this runs over every character of every file (a canonical CSV has tens of millions).
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\t' and not '\r' and not '\n' and not '\f')
            {
                count++;
            }
        }

        return count;
    }

    // UTF-8 Vietnamese read as Windows-1252/1258 leaves tell-tale pairs: "Ã¡", "á»", "áº", "Æ°", "Ä‘", "Ä".
    [GeneratedRegex("Ã[\u0080-\u00BF\u00A0-\u00BF]|á[»º]|Æ[°¡]|Ä[‘‘\u0091\u0090]|Ä\u2018")]
    private static partial Regex DoubleEncodedUtf8();
}
