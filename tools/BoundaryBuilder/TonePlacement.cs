using System.Text;

namespace CchcAnalytics.BoundaryBuilder;

/// <summary>Writes names with the tone placement the rest of data/units.csv uses ("Hóa", "Thủy", "Hòa"): in an open
/// syllable ending in oa, oe or uy (not after q) the tone mark sits on the first vowel. The dataset moved to the other
/// convention ("Hoá", "Thuỷ") in 2025; its July 2025 release (v3.0.2) still printed "Hoằng Hóa".</summary>
internal static class TonePlacement
{
    private static readonly char[] Tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

    public static string ToProjectStyle(string name) =>
        string.Join(' ', name.Split(' ').Select(Syllable));

    private static string Syllable(string syllable)
    {
        var d = syllable.Normalize(NormalizationForm.FormD);
        var tone = d.FirstOrDefault(c => Tones.Contains(c));
        if (tone == default)
        {
            return syllable;
        }

        var bare = new string(d.Where(c => !Tones.Contains(c)).ToArray()).Normalize(NormalizationForm.FormC);
        var lower = bare.ToLowerInvariant();
        foreach (var pair in new[] { "oa", "oe", "uy" })
        {
            if (lower.EndsWith(pair, StringComparison.Ordinal) && !(pair == "uy" && lower.EndsWith("quy", StringComparison.Ordinal)))
            {
                var at = bare.Length - 2;
                return (bare[..(at + 1)] + tone + bare[(at + 1)..]).Normalize(NormalizationForm.FormC);
            }
        }

        return syllable;
    }
}
