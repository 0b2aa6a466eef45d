using System.Text;

namespace CchcAnalytics.Sample;

/// <summary>Random numbers that depend only on the seed and a key ("muong-lat", 2021, "cuts"), never on the order in
/// which things are generated: adding a unit or a year does not change anyone else's numbers.</summary>
internal sealed class SeededRandom
{
    private readonly Random random;

    public SeededRandom(int seed, params object[] key)
    {
        // FNV-1a over the seed and the key's invariant text: stable across runs, platforms and .NET versions.
        var hash = 2166136261u ^ (uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(string.Join('\u001f', key.Select(k => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture)))))
        {
            hash = (hash ^ b) * 16777619u;
        }

        random = new Random((int)(hash & 0x7fffffff));
    }

    public double Uniform(double low, double high) => low + (random.NextDouble() * (high - low));

    public bool Chance(double probability) => random.NextDouble() < probability;

    public int Next(int exclusiveMax) => random.Next(exclusiveMax);

    /// <summary>Normal(0, sd) by Box–Muller.</summary>
    public double Normal(double sd)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
