using System.Globalization;
using CchcAnalytics.Core;

namespace CchcAnalytics.Analytics.Peers;

/// <summary>Number and name formatting shared by the peer-group sentences.</summary>
internal static class PeerText
{
    /// <summary>Vietnamese number with <paramref name="decimals"/> decimals at most ("92,5").</summary>
    public static string Vi(decimal value, int decimals = 1) => VietnameseText.Number(Math.Round(value, decimals, MidpointRounding.AwayFromZero));

    /// <summary>Vietnamese number with an explicit sign ("+4,3", "−1,2").</summary>
    public static string ViSigned(decimal value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded switch
        {
            > 0 => "+" + VietnameseText.Number(rounded),
            < 0 => "−" + VietnameseText.Number(-rounded),
            _ => "0",
        };
    }

    /// <summary>English number with <paramref name="decimals"/> decimals at most ("92.5").</summary>
    public static string En(decimal value, int decimals = 1) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,0.###", CultureInfo.InvariantCulture);

    /// <summary>English number with an explicit sign.</summary>
    public static string EnSigned(decimal value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded > 0 ? "+" + En(rounded, decimals) : En(rounded, decimals);
    }
}
