namespace OrderValueWindows;

/// <summary>
/// Generated orders, sorted by time, as parallel arrays (time in ticks, country index, value in cents): the
/// layout a columnar engine would scan. Cents keep every sum exact, so the incremental and the rescanned
/// averages can be compared with <c>==</c>.
/// </summary>
public sealed class Orders
{
    /// <summary>Country codes; earlier ones get more orders.</summary>
    public static readonly string[] Countries =
        ["US", "DE", "GB", "FR", "IN", "BR", "JP", "CA", "AU", "ES", "IT", "NL", "MX", "PL", "SE", "KR", "TR", "ZA", "AR", "NZ"];

    private Orders(long[] ticks, int[] country, long[] cents)
    {
        Ticks = ticks;
        Country = country;
        Cents = cents;
    }

    /// <summary>Order times (Unix ticks), ascending.</summary>
    public long[] Ticks { get; }

    /// <summary>Index into <see cref="Countries"/> of each order.</summary>
    public int[] Country { get; }

    /// <summary>Order values in cents.</summary>
    public long[] Cents { get; }

    /// <summary>The number of orders.</summary>
    public int Count => Ticks.Length;

    /// <summary><paramref name="count"/> orders spread uniformly over <c>[from, to)</c>, reproducible from <paramref name="seed"/>.</summary>
    public static Orders Generate(int count, int seed, Instant from, Instant to)
    {
        var random = new Random(seed);
        long start = from.ToUnixTimeTicks();
        long span = to.ToUnixTimeTicks() - start;
        var ticks = new long[count];
        for (int i = 0; i < count; i++)
        {
            ticks[i] = start + random.NextInt64(span);
        }
        Array.Sort(ticks);
        var country = new int[count];
        var cents = new long[count];
        for (int i = 0; i < count; i++)
        {
            // A skewed country mix (min of two draws) and values from 5.00 to ~500.00 with a long tail.
            int c = Math.Min(random.Next(Countries.Length), random.Next(Countries.Length));
            country[i] = c;
            double u = random.NextDouble();
            cents[i] = 500 + (long)(u * u * u * 49_500) + c * 37;
        }
        return new Orders(ticks, country, cents);
    }

    /// <summary>The index of the first order at or after <paramref name="ticks"/>.</summary>
    public int LowerBound(long ticks)
    {
        int lo = 0, hi = Ticks.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Ticks[mid] < ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
