using System.Buffers.Binary;

namespace PtClinic.Infrastructure.Seeding.Synthetic;

/// <summary>
/// The generator's dice, all from one seed: ints, probabilities, skewed and bell-shaped draws, and
/// version-7 ids whose random part is drawn too, so the same seed gives the same ids.
/// </summary>
internal sealed class Chance(int seed)
{
    private readonly Random _random = new(seed);

    public int Int(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    public double Double() => _random.NextDouble();

    public bool Percent(double percent) => _random.NextDouble() * 100 < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>One of <paramref name="items"/> by weight.</summary>
    public T Pick<T>(IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, w) in items)
        {
            total += w;
        }

        var roll = _random.NextDouble() * total;
        foreach (var (item, w) in items)
        {
            roll -= w;
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    /// <summary>Standard normal (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public double Normal(double mean, double sd) => mean + sd * Normal();

    /// <summary>Right-skewed: the median is <paramref name="median"/>, the spread grows with <paramref name="sigma"/>.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary><paramref name="count"/> different items, in a drawn order.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var copy = items.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy.Take(Math.Min(count, copy.Count)).ToList();
    }

    public string Hex(int bytes)
    {
        var buffer = new byte[bytes];
        _random.NextBytes(buffer);
        return Convert.ToHexString(buffer);
    }

    /// <summary>A version-7 id for <paramref name="at"/> (time-ordered, as the app's own), its random bits drawn.</summary>
    public Guid Id(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var ms = (ulong)Math.Max(0, at.ToUnixTimeMilliseconds());
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(time, ms);
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
