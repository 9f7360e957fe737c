namespace TrackingMore.Emulator;

/// <summary>
/// SplitMix64. Tiny and fast, and unlike System.Random its sequence is ours to keep stable, which makes
/// <c>--random-seed</c> mean the same data on every run and every .NET version.
/// </summary>
internal struct Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong NextU64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Next(int maxExclusive) => (int)((NextU64() >> 1) % (ulong)maxExclusive);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextU64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public char Digit() => (char)('0' + Next(10));

    public char Letter() => (char)('A' + Next(26));
}

/// <summary>Stable hashes (string.GetHashCode is randomised per process, so it cannot drive deterministic data).</summary>
internal static class StableHash
{
    public static ulong Of(string s, ulong salt = 0)
    {
        var h = 14695981039346656037UL ^ salt;
        foreach (var c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return Mix(h, salt);
    }

    public static ulong Mix(ulong a, ulong b) => new Rng(a ^ (b * 0x9E3779B97F4A7C15UL)).NextU64();

    /// <summary>A uniform number in [0,1) from a hash: used for rate-based and ratio decisions.</summary>
    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));
}
