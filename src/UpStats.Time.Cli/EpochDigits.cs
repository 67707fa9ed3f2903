using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace UpStats.Time.Cli;

/// <summary>
/// Writes epoch seconds as ASCII digits for <c>parse --to epoch</c>. The seconds of 2001-09-09 to 2286-11-20 all have
/// ten digits: those are written as five pairs from a table, without the length search and sign handling of a
/// general formatter; any other value goes through <see cref="Utf8Formatter"/>.
/// </summary>
internal static class EpochDigits
{
    // "00" "01" … "99": the two ASCII digits of each pair.
    private static readonly byte[] Pairs = [.. Enumerable.Range(0, 100).SelectMany(i => new[] { (byte)('0' + (i / 10)), (byte)('0' + (i % 10)) })];

    /// <summary>Writes <paramref name="value"/> to <paramref name="destination"/> (at least 20 bytes) and returns how many bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(long value, Span<byte> destination)
    {
        if ((ulong)(value - 1_000_000_000) < 9_000_000_000 && destination.Length >= 10)
        {
            ulong high = (ulong)value / 100_000, low = (ulong)value % 100_000; // five digits each
            WritePair(destination, 0, (uint)(high / 1000));
            WritePair(destination, 2, (uint)(high / 10 % 100));
            WritePair(destination, 4, (uint)(high % 10 * 10 + low / 10_000));
            WritePair(destination, 6, (uint)(low / 100 % 100));
            WritePair(destination, 8, (uint)(low % 100));
            return 10;
        }
        Utf8Formatter.TryFormat(value, destination, out int length);
        return length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePair(Span<byte> destination, int at, uint pair)
    {
        destination[at] = Pairs[2 * (int)pair];
        destination[at + 1] = Pairs[(2 * (int)pair) + 1];
    }
}
