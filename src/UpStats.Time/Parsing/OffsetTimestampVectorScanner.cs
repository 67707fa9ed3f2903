using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace UpStats.Time.Parsing;

/// <summary>
/// The fixed-width fast path with SSSE3: the same shapes and answers as
/// <see cref="OffsetTimestampScanner.TryParseFixed{TChar}"/>, but the digits and separators are checked and
/// the two-digit fields combined sixteen at a time. UTF-16 is first packed to bytes with unsigned saturation:
/// any char above 0xFF becomes 0x00 or 0xFF, which fails every digit and separator lane, and the lanes that
/// admit several characters are checked on the original chars.
/// </summary>
/// <remarks>
/// Two overlapping loads cover the value: <c>head</c> = bytes 0–15, <c>tail</c> = the last 16 bytes.
/// <code>
///           1         2
/// 0123456789012345678901234
/// YYYY-MM-DDThh:mm                head (every shape)
///         DDThh:mm:ss+hhmm        tail, length 24
///          DThh:mm:ss+hh:mm       tail, length 25
///     -MM-DDThh:mm:ssZ            tail, length 20
/// </code>
/// Subtracting a template ('0' for digits, the separator itself elsewhere) leaves every lane ≤ 9 at a digit and
/// 0 at a separator when the shape holds; the lanes that admit several characters ('T'/'t'/' ', the sign,
/// 'Z'/'z') get a limit of 255 and are checked one by one. A shuffle then gathers the 16 digits of year, month,
/// day, hours, minutes, seconds and offset hours, and one <c>pmaddubsw</c> turns each pair into its value.
/// </remarks>
internal static class OffsetTimestampVectorScanner
{
    private const byte Any = 0xFF; // a limit that lets every byte through (checked separately)
    private const byte Skip = 0x80; // a shuffle index that yields 0

    internal static bool IsSupported => Ssse3.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseFixed<TChar>(ReadOnlySpan<TChar> s, out long epochSeconds)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        epochSeconds = 0;
        int length = s.Length;
        Vector128<byte> tailTemplate, tailLimit, tailShuffle;
        if (length == 24)
        {
            tailTemplate = Vector128.Create("00T00:00:00+0000"u8);
            tailLimit = Vector128.Create((byte)9, 9, Any, 9, 9, 0, 9, 9, 0, 9, 9, Any, 9, 9, 9, 9);
            tailShuffle = Vector128.Create(Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, 9, 10, 12, 13);
        }
        else if (length == 25)
        {
            tailTemplate = Vector128.Create("0T00:00:00+00:00"u8);
            tailLimit = Vector128.Create((byte)9, Any, 9, 9, 0, 9, 9, 0, 9, 9, Any, 9, 9, 0, 9, 9);
            tailShuffle = Vector128.Create(Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, 8, 9, 11, 12);
        }
        else if (length == 20)
        {
            tailTemplate = Vector128.Create("-00-00T00:00:00Z"u8);
            tailLimit = Vector128.Create((byte)0, 9, 9, 0, 9, 9, Any, 9, 9, 0, 9, 9, 0, 9, 9, Any);
            tailShuffle = Vector128.Create(Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, Skip, 13, 14, Skip, Skip);
        }
        else
        {
            return false;
        }
        ref TChar r = ref MemoryMarshal.GetReference(s);
        Vector128<byte> head, tail;
        if (typeof(TChar) == typeof(byte))
        {
            ref byte b = ref Unsafe.As<TChar, byte>(ref r);
            head = Vector128.LoadUnsafe(ref b);
            tail = Vector128.LoadUnsafe(ref b, (nuint)(length - 16));
        }
        else
        {
            ref short c = ref Unsafe.As<TChar, short>(ref r);
            head = Sse2.PackUnsignedSaturate(Vector128.LoadUnsafe(ref c), Vector128.LoadUnsafe(ref c, 8));
            tail = Sse2.PackUnsignedSaturate(Vector128.LoadUnsafe(ref c, (nuint)(length - 16)), Vector128.LoadUnsafe(ref c, (nuint)(length - 8)));
        }
        head -= Vector128.Create("0000-00-00T00:00"u8);
        tail -= tailTemplate;
        Vector128<byte> headLimit = Vector128.Create((byte)9, 9, 9, 9, 0, 9, 9, 0, 9, 9, Any, 9, 9, 0, 9, 9);
        uint t = At(ref r, 10);
        if (!Vector128.LessThanOrEqualAll(head, headLimit) | !Vector128.LessThanOrEqualAll(tail, tailLimit)
            | (((t | 0x20) != 't') & (t != ' ')))
        {
            return false;
        }
        Vector128<byte> digits = Ssse3.Shuffle(head, Vector128.Create((byte)0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, Skip, Skip, Skip, Skip))
            | Ssse3.Shuffle(tail, tailShuffle);
        // Pairs of digits → 16-bit values: [YY, YY, MM, DD, hh, mm, ss, offset hh].
        Vector128<ulong> pairs = Ssse3.MultiplyAddAdjacent(digits, Vector128.Create((sbyte)10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1)).AsUInt64();
        ulong low = pairs.ToScalar(), high = pairs.GetElement(1);
        uint year = (uint)(low & 0xFFFF) * 100 + (uint)((low >> 16) & 0xFFFF);
        uint month = (uint)((low >> 32) & 0xFFFF), day = (uint)(low >> 48);
        uint hour = (uint)(high & 0xFFFF), minute = (uint)((high >> 16) & 0xFFFF), second = (uint)((high >> 32) & 0xFFFF);
        if (!OffsetTimestampScanner.InRange(year, month, day, hour, minute, second))
        {
            return false;
        }
        int offsetSeconds = 0;
        if (length != 20)
        {
            uint offsetMinutes = (At(ref r, length - 2) - '0') * 10 + (At(ref r, length - 1) - '0');
            if (!OffsetTimestampScanner.TryOffsetSeconds(At(ref r, 19), (uint)(high >> 48), offsetMinutes, out offsetSeconds))
            {
                return false;
            }
        }
        else if ((At(ref r, 19) | 0x20) != 'z')
        {
            return false;
        }
        return OffsetTimestampScanner.TryEpochSeconds(year, month, day, hour, minute, second, offsetSeconds, out epochSeconds);
    }

    /// <summary>True when the 256-bit path (AVX2) runs: the JIT turns this into a constant.</summary>
    internal static bool IsWideSupported => Avx2.IsSupported;

    /// <summary>
    /// The 256-bit fixed-width path for a value that is the whole of <paramref name="s"/> (a string, an Arrow
    /// slot, the last line of a buffer): the same shapes and answers as <see cref="TryParseFixed{TChar}"/>, read
    /// from a head/tail load (<see cref="OffsetTimestampShape"/>). Only when <see cref="IsWideSupported"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseFixedWide<TChar>(ReadOnlySpan<TChar> s, out long epochSeconds)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int length = s.Length;
        if ((uint)length >= 32 || OffsetTimestampShape.HeadTailByLength[length] is not { } shape)
        {
            epochSeconds = 0;
            return false;
        }
        ref TChar r = ref MemoryMarshal.GetReference(s);
        Vector256<byte> text;
        if (typeof(TChar) == typeof(byte))
        {
            ref byte b = ref Unsafe.As<TChar, byte>(ref r);
            text = Vector256.Create(Vector128.LoadUnsafe(ref b), Vector128.LoadUnsafe(ref b, (nuint)(length - 16)));
        }
        else
        {
            text = HeadTail(ref Unsafe.As<TChar, char>(ref r), length);
        }
        if (TryConvertWide(text, shape, out epochSeconds))
        {
            return true;
        }
        epochSeconds = 0;
        return false;
    }

    /// <summary>
    /// The head/tail layout (<see cref="OffsetTimestampShape.HeadTailByLength"/>) of the 16–32 chars from
    /// <paramref name="value"/>, packed to bytes: the first 16 chars, then the last 16 of <paramref name="length"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<byte> HeadTail(ref char value, int length)
    {
        // Chars above 0xFF saturate to 0x00 or 0xFF, which no lane accepts. The pack works per 128-bit half,
        // so the quarters come out as head 0-7, tail 0-7, head 8-15, tail 8-15 and are put back in order.
        ref short c = ref Unsafe.As<char, short>(ref value);
        Vector256<byte> packed = Avx2.PackUnsignedSaturate(Vector256.LoadUnsafe(ref c), Vector256.LoadUnsafe(ref c, (nuint)(length - 16)));
        return Avx2.Permute4x64(packed.AsUInt64(), 0b11_01_10_00).AsByte();
    }

    /// <summary>
    /// Checks and converts one value of <paramref name="shape"/>'s form held in <paramref name="text"/> (in the
    /// shape's lane layout). On false <paramref name="epochSeconds"/> is meaningless.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryConvertWide(Vector256<byte> text, OffsetTimestampShape shape, out long epochSeconds)
    {
        Vector256<int> fields = Fields(text, shape, out uint shapeOk);
        epochSeconds = Finish(fields, fields, fields, fields, out uint valid).ToScalar();
        return (shapeOk == uint.MaxValue) & ((valid & 1) != 0);
    }

    /// <summary>
    /// The per-value half of the 256-bit path: checks the characters of <paramref name="shape"/>'s form and the
    /// field ranges (<paramref name="shapeOk"/> is all ones when both hold) and returns the fields as
    /// <c>[year, month, day, hh·3600+mm·60 | ss, sign code, offset seconds, 0]</c>, the sign code being 0 for
    /// '+' (and for Z) and 2 for '-'.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<int> Fields(Vector256<byte> text, OffsetTimestampShape shape, out uint shapeOk) =>
        Fields(text, shape.Or, shape.Template, shape.And, shape.Limit, shape.Shuffle, out shapeOk);

    /// <summary>
    /// <see cref="Fields(Vector256{byte}, OffsetTimestampShape, out uint)"/> with the shape's constants passed in,
    /// for a loop over rows of one shape that keeps them in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<int> Fields(Vector256<byte> text, Vector256<byte> or, Vector256<byte> template, Vector256<byte> and, Vector256<byte> limit, Vector256<byte> shuffle, out uint shapeOk)
    {
        Vector256<byte> shifted = Avx2.Subtract(Avx2.Or(text, or), template);
        Vector256<byte> lanes = Avx2.And(shifted, and);
        Vector256<byte> within = Avx2.CompareEqual(Avx2.Min(lanes, limit), lanes)
            | (Avx2.CompareEqual(text, Vector256.Create((byte)' ')) & OffsetTimestampShape.SpaceLane);
        // The sign lane is shuffled before the mask that hides which sign it was: '+' gives 0, '-' gives 2.
        Vector256<short> pairs = Avx2.MultiplyAddAdjacent(Avx2.Shuffle(shifted, shuffle), OffsetTimestampShape.Weights);
        Vector256<ushort> aboveLower = Avx2.Subtract(pairs.AsUInt16(), OffsetTimestampShape.Lower);
        Vector256<byte> inRange = Avx2.CompareEqual(Avx2.Min(aboveLower, OffsetTimestampShape.Width), aboveLower).AsByte();
        shapeOk = (uint)Avx2.MoveMask(within & inRange);
        return Avx2.MultiplyAddAdjacent(pairs, OffsetTimestampShape.Multipliers);
    }

    /// <summary>
    /// True when <see cref="Fields(Vector512{byte}, in PairConstants, out ulong)"/>
    /// runs in 512-bit registers (AVX-512BW): the JIT turns this into a constant.
    /// </summary>
    internal static bool IsPairSupported => Avx512BW.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>
    /// <see cref="Fields(Vector256{byte}, Vector256{byte}, Vector256{byte}, Vector256{byte}, Vector256{byte}, Vector256{byte}, out uint)"/>
    /// for two values of one shape at once, one in each 256-bit half: half the instructions per value where the
    /// rows' other work leaves few to spare. Only when <see cref="IsPairSupported"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<int> Fields(Vector512<byte> text, in PairConstants shape, out ulong shapeOk)
    {
        Vector512<byte> shifted = Avx512BW.Subtract(text | shape.Or, shape.Template);
        Vector512<byte> lanes = shifted & shape.And;
        Vector512<byte> within = Avx512BW.CompareEqual(Avx512BW.Min(lanes, shape.Limit), lanes)
            | (Avx512BW.CompareEqual(text, Vector512.Create((byte)' ')) & shape.SpaceLane);
        Vector512<short> pairs = Avx512BW.MultiplyAddAdjacent(Avx512BW.Shuffle(shifted, shape.Shuffle), shape.Weights);
        Vector512<ushort> aboveLower = Avx512BW.Subtract(pairs.AsUInt16(), shape.Lower);
        Vector512<byte> inRange = Avx512BW.CompareEqual(Avx512BW.Min(aboveLower, shape.Width), aboveLower).AsByte();
        shapeOk = (within & inRange).ExtractMostSignificantBits();
        return Avx512BW.MultiplyAddAdjacent(pairs, shape.Multipliers);
    }

    /// <summary>A shape's constants twice over, built once per loop, for the pair form of <c>Fields</c>.</summary>
    internal readonly struct PairConstants(OffsetTimestampShape shape)
    {
        public readonly Vector512<byte> Or = Vector512.Create(shape.Or, shape.Or);
        public readonly Vector512<byte> Template = Vector512.Create(shape.Template, shape.Template);
        public readonly Vector512<byte> And = Vector512.Create(shape.And, shape.And);
        public readonly Vector512<byte> Limit = Vector512.Create(shape.Limit, shape.Limit);
        public readonly Vector512<byte> Shuffle = Vector512.Create(shape.Shuffle, shape.Shuffle);
        public readonly Vector512<byte> SpaceLane = Vector512.Create(OffsetTimestampShape.SpaceLane, OffsetTimestampShape.SpaceLane);
        public readonly Vector512<sbyte> Weights = Vector512.Create(OffsetTimestampShape.Weights, OffsetTimestampShape.Weights);
        public readonly Vector512<ushort> Lower = Vector512.Create(OffsetTimestampShape.Lower, OffsetTimestampShape.Lower);
        public readonly Vector512<ushort> Width = Vector512.Create(OffsetTimestampShape.Width, OffsetTimestampShape.Width);
        public readonly Vector512<short> Multipliers = Vector512.Create(OffsetTimestampShape.Multipliers, OffsetTimestampShape.Multipliers);
    }

    /// <summary>
    /// The calendar half of the 256-bit path, for four values at once: the fields of four values (see
    /// <see cref="Fields(Vector256{byte}, OffsetTimestampShape, out uint)"/>) are transposed so that each 128-bit register holds one field of all four, then the
    /// days from 1970 (<see cref="CivilCalendar.DaysFromCivil"/>'s formula), the day-of-month limit, the year 0000,
    /// the offset limit and the first instant (0001-01-01T00:00:00Z) are computed lane by lane without a branch. Bit i of <paramref name="valid"/> is set
    /// when value i passed those checks; the result holds the four epoch seconds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<long> Finish(Vector256<int> f0, Vector256<int> f1, Vector256<int> f2, Vector256<int> f3, out uint valid)
    {
        // A 4×4 transpose in each 128-bit half: [year month day clock | ss sign offset 0] × 4 values.
        Vector256<long> a = Avx2.UnpackLow(f0, f1).AsInt64(), b = Avx2.UnpackLow(f2, f3).AsInt64();
        Vector256<long> c = Avx2.UnpackHigh(f0, f1).AsInt64(), d = Avx2.UnpackHigh(f2, f3).AsInt64();
        Vector256<int> yearSecond = Avx2.UnpackLow(a, b).AsInt32(), monthSign = Avx2.UnpackHigh(a, b).AsInt32();
        Vector256<int> dayOffset = Avx2.UnpackLow(c, d).AsInt32(), clock = Avx2.UnpackHigh(c, d).AsInt32();
        Vector128<int> year = yearSecond.GetLower(), second = yearSecond.GetUpper();
        Vector128<int> month = monthSign.GetLower(), sign = monthSign.GetUpper();
        Vector128<int> day = dayOffset.GetLower(), offset = dayOffset.GetUpper();

        // Days from 1970-01-01, years counted from March; y / 100 = y · 5243 >> 19 for y < 43,699.
        Vector128<int> january = Vector128.LessThan(month, Vector128.Create(3)); // -1 for January and February
        Vector128<int> y = year + january;
        Vector128<int> m = month + (january & Vector128.Create(12));
        Vector128<int> century = Vector128.ShiftRightLogical(y * 5243, 19);
        Vector128<int> days = Vector128.ShiftRightLogical(y * 1461, 2) - century + Vector128.ShiftRightLogical(century, 2)
            + Vector128.ShiftRightLogical(m * 979 - Vector128.Create(2919), 5) + day - Vector128.Create(719_469);

        // The month's last day: 30 or 31 by the month's bits, February 28 or 29 (leap: divisible by 4, and by 16
        // when divisible by 25, the last tested with the multiplicative inverse of 25).
        Vector128<uint> times25Inverse = (year * unchecked((int)0xC28F_5C29)).AsUInt32();
        Vector128<int> by25 = Vector128.Equals(Vector128.Min(times25Inverse, Vector128.Create(uint.MaxValue / 25)), times25Inverse).AsInt32();
        Vector128<int> leap = Vector128.Equals(year & (Vector128.Create(3) | (by25 & Vector128.Create(12))), Vector128<int>.Zero);
        Vector128<int> lastDay = Vector128.ConditionalSelect(Vector128.Equals(month, Vector128.Create(2)),
            Vector128.Create(28) - leap,
            Vector128.Create(30) + ((month ^ Vector128.ShiftRightLogical(month, 3)) & Vector128<int>.One));
        // UTC = local - offset for '+' (sign code 0) and local + offset for '-' (2).
        Vector128<int> secondOfDay = clock.GetLower() + second + (sign - Vector128<int>.One) * offset;
        // 0001-01-01 with a positive offset falls before the first instant (the general parser says why): on the day
        // number and the second of the day, which never reaches back a whole day: four 128-bit operations folded into
        // the mask above, rather than a 64-bit compare of the result with a mask of its own.
        Vector128<int> invalid = Vector128.GreaterThan(day, lastDay) | Vector128.Equals(year, Vector128<int>.Zero)
            | Vector128.GreaterThan(offset, Vector128.Create(18 * 3600))
            | (Vector128.Equals(days, Vector128.Create(CivilCalendar.MinEpochDays)) & Vector128.LessThan(secondOfDay, Vector128<int>.Zero));
        valid = ~invalid.ExtractMostSignificantBits() & 0xF;
        Vector256<long> epochSeconds = Avx2.Multiply(Avx2.ConvertToVector256Int64(days).AsInt32(), Vector256.Create(CivilCalendar.SecondsPerDay).AsInt32())
            + Avx2.ConvertToVector256Int64(secondOfDay);
        return epochSeconds;
    }

    /// <summary>
    /// The 256-bit path for the other forms of the grammar: a fraction of 1–9 digits after '.' or ',' and an offset
    /// of Z, z, ±hh, ±hhmm or ±hh:mm, on the date-time of any fixed form (the fixed forms included). See
    /// <see cref="Canonical"/>; false for anything else, including a wrong value: the general parser then says
    /// where and why. <paramref name="milliseconds"/> is the fraction's whole milliseconds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryConvertMixedWide(Vector256<byte> text, ref byte value, int length, out long epochSeconds, out int milliseconds)
    {
        Vector256<byte> canonical = Canonical(text, ref value, length, out bool formOk, out int fractionRun);
        milliseconds = Milliseconds(ref value, fractionRun);
        return TryConvertWide(canonical, OffsetTimestampShape.Canonical, out epochSeconds) & formOk;
    }

    /// <summary>
    /// Rewrites a value of any form into <see cref="OffsetTimestampShape.Canonical"/>'s: the date-time stays in lanes 0–18 and the
    /// offset is written as ±hh:mm in lanes 19–24 (Z is +00:00, ±hh is ±hh:00); the fraction is only checked
    /// (1–9 digits; <see cref="Milliseconds"/> reads it from <paramref name="fractionRun"/>). The form costs
    /// arithmetic, not branches: a column of mixed forms would mispredict a branch on the form at almost every row
    /// (the JIT turns a <c>?:</c> or a <c>Math.Min</c> into one, so there are none here).
    /// <paramref name="text"/> holds the 32 bytes from the value's start (line layout, so <paramref name="value"/>
    /// has 32 readable bytes, and <paramref name="length"/> when that is more); the value is its first
    /// <paramref name="length"/> bytes (20–35). <paramref name="formOk"/> says whether the fraction and the offset
    /// have one of the grammar's forms; the lanes' characters and ranges are left to the shape's check.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<byte> Canonical(Vector256<byte> text, ref byte value, int length, out bool formOk, out int fractionRun)
    {
        // Lane 19 holds the fraction's separator ('.' and ',' are the bytes with c | 2 = '.'), the lanes after it its
        // digits; the run of both from lane 19 is 0 without a fraction, else 1 + its digits (13 stands for "too
        // many"). Bytes after the value (the next line or slot) need no mask: a run that reaches the value's end
        // leaves no room for an offset, so the form below is 0 or less and fails, as the value itself would.
        Vector256<byte> shifted = text - Vector256.Create((byte)'0');
        Vector256<byte> isDigit = Vector256.Equals(Vector256.Min(shifted, Vector256.Create((byte)9)), shifted);
        Vector256<byte> isSeparator = Vector256.Equals(text | Vector256.Create((byte)2), Vector256.Create((byte)'.'));
        uint marks = Vector256.ConditionalSelect(FractionSeparatorLane, isSeparator, isDigit).ExtractMostSignificantBits();
        int run = BitOperations.TrailingZeroCount((~marks >> 19) | (1u << 13));
        int form = length - 19 - run; // 1: Z, 3: ±hh, 5: ±hhmm, 6: ±hh:mm; other values fail formOk below

        // Lanes 16–31: ":ss" kept from the load (lanes 16–18), the offset's characters moved into lanes 19–24 by
        // one shuffle of the 16 bytes that end the value (so the control depends on the form alone), and the
        // characters a short form leaves out ORed in (Z is +00:00, ±hh is ±hh:00, ±hhmm gets its ':'). A form that
        // is none of the four picks some row of the tables, harmlessly: formOk is false for it.
        int code = (form >> 1) & 3; // 1 → 0, 3 → 1, 5 → 2, 6 → 3
        Vector128<byte> end = Vector128.LoadUnsafe(ref value, (nuint)(length - 16));
        ref byte controlAndFill = ref Unsafe.Add(ref MemoryMarshal.GetReference(OffsetControlsAndFills), code * 32); // code ≤ 3: no bounds check needed
        Vector128<byte> upper = Ssse3.Shuffle(end, Vector128.LoadUnsafe(ref controlAndFill))
            | (text.GetUpper() & Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
            | Vector128.LoadUnsafe(ref controlAndFill, 16);

        // Bit tests instead of a chain of compares: forms 1, 3, 5 and 6 (bits of 0x6A; C# takes a shift count
        // mod 32, and a negative or larger form lands on a clear bit), and no fraction or 1–9 digits (runs 0 and
        // 2–10: bits of 0x7FD). Form 1's letter is checked in lane 25 with the other characters.
        formOk = ((0x6Au >> form) & (0x7FDu >> run) & 1) != 0;
        fractionRun = run;
        return Vector256.Create(text.GetLower(), upper);
    }

    /// <summary>
    /// The whole milliseconds of the fraction of a value that <see cref="Canonical"/> rewrote, from the run it
    /// returned: the first three fraction digits, missing ones as 0. Apart so that a column in seconds skips it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Milliseconds(ref byte value, int fractionRun)
    {
        // Subtracting '0' from all four bytes at once can borrow only into the bytes after a non-digit, which the
        // mask clears.
        int digits = Unsafe.Add(ref MemoryMarshal.GetReference(MillisecondDigits), fractionRun); // the run is at most 13
        uint fractionBytes = (Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref value, 20)) - 0x3030_3030u) & ((1u << (8 * digits)) - 1);
        return (int)((fractionBytes & 0xFF) * 100 + ((fractionBytes >> 8) & 0xFF) * 10 + ((fractionBytes >> 16) & 0xFF));
    }

    // For each offset form (Z, ±hh, ±hhmm, ±hh:mm): the shuffle that moves its characters from the 16 bytes that
    // end the value into the canonical lanes 19–24 (lanes 3–8 of the upper half), and for Z the letter into lane 25,
    // 0x80 where the form has no character and for lanes 16–18 and 26–31; then what the form leaves out, in the
    // same lanes (a 'z' in lane 25 for the forms that have no letter).
    private static ReadOnlySpan<byte> OffsetControlsAndFills =>
    [
        0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // Z
        0, 0, 0, (byte)'+', (byte)'0', (byte)'0', (byte)':', (byte)'0', (byte)'0', 0, 0, 0, 0, 0, 0, 0,
        0x80, 0x80, 0x80, 13, 14, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // ±hh
        0, 0, 0, 0, 0, 0, (byte)':', (byte)'0', (byte)'0', (byte)'z', 0, 0, 0, 0, 0, 0,
        0x80, 0x80, 0x80, 11, 12, 13, 0x80, 14, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // ±hhmm
        0, 0, 0, 0, 0, 0, (byte)':', 0, 0, (byte)'z', 0, 0, 0, 0, 0, 0,
        0x80, 0x80, 0x80, 10, 11, 12, 13, 14, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, // ±hh:mm
        0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'z', 0, 0, 0, 0, 0, 0,
    ];

    // The run from lane 19 (0–13: no fraction, or its separator and digits) → how many of the first three fraction
    // digits there are. Bytes, not the masks themselves: a table of uint masks allocated at every use in a Debug
    // build (the allocation test caught it), one of bytes is always data in the assembly.
    private static ReadOnlySpan<byte> MillisecondDigits => [0, 0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];

    // All ones in lane 19, where a fraction's separator stands.
    private static Vector256<byte> FractionSeparatorLane
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint At<TChar>(ref TChar start, int index) where TChar : unmanaged, IBinaryInteger<TChar> =>
        uint.CreateTruncating(Unsafe.Add(ref start, index));
}
