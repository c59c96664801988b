namespace Teilhabe.Bench.Data;

/// <summary>
/// Deterministic randomness: every entity draws from its own stream (seed, stream, index), so a table can be
/// generated again in a later pass and gives the same rows, and the output only depends on --seed and --today.
/// </summary>
public sealed class Rng
{
    private ulong _state;

    public Rng(int seed, int stream, long index)
    {
        // SplitMix64 over a 64-bit state mixed from (seed, stream, index): no two entities share a stream.
        _state = ((ulong)(uint)seed << 32) ^ (uint)stream;
        _state = Mix(_state) ^ (ulong)index;
        _state = Mix(_state);
    }

    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index in [0, n) with Zipf-like falling frequency (exponent ~0.8).</summary>
    public int Zipf(int n)
    {
        // Inverse of the continuous approximation of sum 1/k^0.8.
        var u = NextDouble();
        var max = Math.Pow(n + 1, 0.2) - 1;
        var k = Math.Pow((u * max) + 1, 5) - 1;
        return Math.Clamp((int)k, 0, n - 1);
    }

    /// <summary>Picks by weights.</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, w) in items)
        {
            total += w;
        }

        var x = NextDouble() * total;
        foreach (var (item, w) in items)
        {
            x -= w;
            if (x < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    /// <summary>A version 7 Guid for the given creation time, its random part drawn from this stream (as the app's Guid.CreateVersion7).</summary>
    public Guid Guid7(DateTimeOffset at)
    {
        Span<byte> b = stackalloc byte[16];
        NextBytes(b);
        var ms = at.ToUnixTimeMilliseconds();
        b[0] = (byte)(ms >> 40);
        b[1] = (byte)(ms >> 32);
        b[2] = (byte)(ms >> 24);
        b[3] = (byte)(ms >> 16);
        b[4] = (byte)(ms >> 8);
        b[5] = (byte)ms;
        b[6] = (byte)((b[6] & 0x0F) | 0x70);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        return new Guid(b, bigEndian: true);
    }

    public string Hex(int bytes)
    {
        Span<byte> b = stackalloc byte[bytes];
        NextBytes(b);
        return Convert.ToHexStringLower(b);
    }

    private void NextBytes(Span<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i += 8)
        {
            var r = NextUInt64();
            for (var k = 0; k < 8 && i + k < bytes.Length; k++)
            {
                bytes[i + k] = (byte)(r >> (8 * k));
            }
        }
    }

    private ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
