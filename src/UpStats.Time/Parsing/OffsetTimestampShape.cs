using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace UpStats.Time.Parsing;

/// <summary>
/// The constants with which the 256-bit fast path checks and converts one fixed-width form, built once from the
/// form's picture instead of being written out by hand lane by lane.
/// </summary>
/// <remarks>
/// Two lane layouts: <em>line</em>, the 32 bytes from the start of a value inside a larger buffer (lane = position;
/// what follows the value is not checked), and <em>head/tail</em>, for a value that may end its buffer: lanes 0–15
/// hold positions 0–15 and lanes 16–31 the last 16 positions.
/// <code>
/// check   lane = (text | Or) - Template, then &amp; And; it must be ≤ Limit (digits ≤ 9, one literal = 0)
///         'T' is t|0x20 = 't' (or a space, checked apart); 'Z' is z|0x20 = 'z'; the sign is (c - '+') &amp; 0xFD = 0
/// digits  Shuffle:        Y Y Y Y M M _ _ D D _ _ h h m m | s s _ _ ± _ _ _ H H N N _ _ _ _   (H N = offset)
///         × Weights:      YY YY MM 0 DD 0 hh mm | ss 0 sign 0 HH NN 0 0   → checked against Lower..Lower+Width
///         × Multipliers:  year month day hh·3600+mm·60 | ss sign offset·seconds 0
/// </code>
/// </remarks>
internal sealed class OffsetTimestampShape
{
    private const byte Unchecked = 0xFF;
    private const byte Zero = 0x80; // a shuffle index that yields 0

    /// <summary>The forms the fast path reads; ± is the sign, HH and NN the offset's hours and minutes.</summary>
    private static readonly string[] Forms = ["YYYY-MM-DDThh:mm:ssZ", "YYYY-MM-DDThh:mm:ss±HHNN", "YYYY-MM-DDThh:mm:ss±HH:NN"];

    private OffsetTimestampShape(string form, bool headTail)
    {
        Length = form.Length;
        int highBase = headTail ? form.Length - 16 : 16; // the position held by lane 16
        Span<byte> or = stackalloc byte[32], template = stackalloc byte[32], and = stackalloc byte[32], limit = stackalloc byte[32];
        or.Clear();
        template.Clear();
        and.Fill(0xFF);
        limit.Fill(Unchecked);
        for (int position = 0; position < form.Length; position++)
        {
            (byte o, byte t, byte a, byte l) = form[position] switch
            {
                'Y' or 'M' or 'D' or 'h' or 'm' or 's' or 'H' or 'N' => ((byte)0, (byte)'0', (byte)0xFF, (byte)9),
                'T' => ((byte)0x20, (byte)'t', (byte)0xFF, (byte)0),
                'Z' => ((byte)0x20, (byte)'z', (byte)0xFF, (byte)0),
                '±' => ((byte)0, (byte)'+', (byte)0xFD, (byte)0),
                char literal => ((byte)0, (byte)literal, (byte)0xFF, (byte)0),
            };
            foreach (int lane in (ReadOnlySpan<int>)[position < 16 ? position : -1, position >= highBase && position < highBase + 16 ? 16 + position - highBase : -1])
            {
                if (lane >= 0)
                {
                    (or[lane], template[lane], and[lane], limit[lane]) = (o, t, a, l);
                }
            }
        }
        Or = Vector256.Create((ReadOnlySpan<byte>)or);
        Template = Vector256.Create((ReadOnlySpan<byte>)template);
        And = Vector256.Create((ReadOnlySpan<byte>)and);
        Limit = Vector256.Create((ReadOnlySpan<byte>)limit);

        // pshufb works within each 16-byte half: low half from positions 0–15, high half from the tail.
        Span<byte> shuffle = stackalloc byte[32];
        shuffle.Fill(Zero);
        int[] low = [.. Digits(form, 'Y'), .. Digits(form, 'M'), -1, -1, .. Digits(form, 'D'), -1, -1, .. Digits(form, 'h'), .. Digits(form, 'm')];
        int sign = form.IndexOf('±', StringComparison.Ordinal);
        int[] high = [.. Digits(form, 's'), -1, -1, sign, -1, -1, -1, .. Digits(form, 'H'), .. Digits(form, 'N')];
        for (int i = 0; i < low.Length; i++)
        {
            shuffle[i] = low[i] < 0 ? Zero : (byte)low[i];
        }
        for (int i = 0; i < high.Length; i++)
        {
            shuffle[16 + i] = high[i] < 0 ? Zero : (byte)(high[i] - highBase);
        }
        Shuffle = Vector256.Create((ReadOnlySpan<byte>)shuffle);
    }

    /// <summary>The value's length in characters.</summary>
    internal int Length { get; }

    internal Vector256<byte> Or { get; }

    internal Vector256<byte> Template { get; }

    internal Vector256<byte> And { get; }

    internal Vector256<byte> Limit { get; }

    internal Vector256<byte> Shuffle { get; }

    // The rest is the same for every shape: constants the JIT embeds in the code (inlined: a call would cost
    // more than the vector work, and spill every register) rather than fields of the shape.

    /// <summary>Multipliers of the digit pairs (pmaddubsw); the sign pair (sign code, 0) counts once.</summary>
    internal static Vector256<sbyte> Weights
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create((sbyte)10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 0, 0, 1, 0, 0, 0, 10, 1, 10, 1, 0, 0, 0, 0);
    }

    /// <summary>All ones at lane 10, where a space may stand for 'T'.</summary>
    internal static Vector256<byte> SpaceLane
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>The least value of each field pair.</summary>
    internal static Vector256<ushort> Lower
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create((ushort)0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>How far above <see cref="Lower"/> each field pair may go.</summary>
    internal static Vector256<ushort> Width
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create((ushort)99, 99, 11, 0, 30, 0, 23, 59, 59, 0, 2, 0, 18, 59, 0, 0);
    }

    /// <summary>Field pairs into <c>year month day hh·3600+mm·60 | ss sign offset·seconds 0</c>.</summary>
    internal static Vector256<short> Multipliers
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create((short)100, 1, 1, 0, 1, 0, 3600, 60, 1, 0, 1, 0, 3600, 60, 0, 0);
    }

    /// <summary>
    /// The form into which the path for mixed forms rewrites every value (line layout): <c>YYYY-MM-DDThh:mm:ss±hh:mm</c>,
    /// then a Z or z (form Z's own letter, else one put there), checked here with the other characters.
    /// </summary>
    internal static readonly OffsetTimestampShape Canonical = new("YYYY-MM-DDThh:mm:ss±HH:NNZ", headTail: false);

    /// <summary>Line layout per value length (0–31); null where no fixed form has that length.</summary>
    internal static readonly OffsetTimestampShape?[] LineByLength = ByLength(headTail: false);

    /// <summary>Head/tail layout per value length (0–31); null where no fixed form has that length.</summary>
    internal static readonly OffsetTimestampShape?[] HeadTailByLength = ByLength(headTail: true);

    private static OffsetTimestampShape?[] ByLength(bool headTail)
    {
        var byLength = new OffsetTimestampShape?[32];
        foreach (string form in Forms)
        {
            byLength[form.Length] = new OffsetTimestampShape(form, headTail);
        }
        return byLength;
    }

    private static int[] Digits(string form, char field)
    {
        int first = form.IndexOf(field, StringComparison.Ordinal);
        if (first < 0)
        {
            return [-1, -1];
        }
        int count = form.LastIndexOf(field) - first + 1;
        return Enumerable.Range(first, count).ToArray();
    }
}
