using System.Runtime.CompilerServices;

namespace UpStats.Time.Benchmarks.Parsing;

/// <summary>
/// The baseline the issue sets the speed goal against: what one writes without validation. Walks every byte,
/// digits accumulate into the current field and any other byte closes it; then the fields become epoch seconds
/// by the same days-from-civil formula. It accepts nonsense (months 99, missing separators) silently.
/// </summary>
internal static class NaiveDigitLoop
{
    [InlineArray(8)]
    private struct Fields
    {
        private int _element;
    }

    /// <summary>Epoch seconds of <c>YYYY-MM-DDThh:mm:ss±hhmm</c>, <c>±hh:mm</c> or <c>Z</c>, unvalidated.</summary>
    public static long EpochSeconds(ReadOnlySpan<byte> s)
    {
        Fields f = default;
        int count = 0, current = 0, sign = 1;
        bool inField = false;
        foreach (byte b in s)
        {
            uint d = (uint)(b - '0');
            if (d <= 9)
            {
                current = current * 10 + (int)d;
                inField = true;
            }
            else
            {
                if (inField && count < 8)
                {
                    f[count++] = current;
                }
                if (b == '-' && count >= 6)
                {
                    sign = -1;
                }
                current = 0;
                inField = false;
            }
        }
        if (inField && count < 8)
        {
            f[count++] = current;
        }
        int offsetSeconds = count switch
        {
            7 => f[6] / 100 * 3600 + f[6] % 100 * 60, // ±hhmm
            8 => f[6] * 3600 + f[7] * 60,             // ±hh:mm
            _ => 0,                                    // Z
        };
        return DaysFromCivil(f[0], f[1], f[2]) * 86_400 + f[3] * 3600 + f[4] * 60 + f[5] - sign * offsetSeconds;
    }

    private static long DaysFromCivil(int year, int month, int day)
    {
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yoe = y - era * 400;
        int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return (long)era * 146_097 + doe - 719_468;
    }
}
