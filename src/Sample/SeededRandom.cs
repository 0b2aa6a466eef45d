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

    /// <summary>Approximately Normal(0, sd): the sum of twelve uniforms minus six (Irwin–Hall). Plain arithmetic, so the
    /// result does not depend on the platform's log/cos implementation and the committed sample stays byte-identical.</summary>
    public double Normal(double sd)
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += random.NextDouble();
        }

        return sd * (sum - 6.0);
    }
}
