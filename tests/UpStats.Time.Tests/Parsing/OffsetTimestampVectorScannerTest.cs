using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Parsing;

namespace UpStats.Time.Tests.Parsing;

/// <summary>The SSSE3 fixed-width path answers exactly as the scalar one, for UTF-8 and UTF-16, valid and mutated text of every shape.</summary>
public class OffsetTimestampVectorScannerTest
{
    [Property(MaxTest = 5000)]
    public Property TryParseFixed_AnyText_AgreesWithTheScalarPath() =>
        Prop.ForAll(Arb.From(Gen.OneOf(
            Generators.ValidTimestamp.Where(t => t.FractionDigits == 0).Select(t => t.Text),
            Generators.MutatedTimestamp)), text =>
        {
            if (!OffsetTimestampVectorScanner.IsSupported)
            {
                return true.Label("no SSSE3 on this machine");
            }
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            bool scalar = OffsetTimestampScanner.TryParseFixed<byte>(utf8, out long expected);
            bool vector = OffsetTimestampVectorScanner.TryParseFixed<byte>(utf8, out long actual);
            bool scalar16 = OffsetTimestampScanner.TryParseFixed<char>(text, out long expected16);
            bool vector16 = OffsetTimestampVectorScanner.TryParseFixed<char>(text, out long actual16);
            return (scalar == vector && expected == actual && scalar16 == vector16 && expected16 == actual16 && scalar16 == scalar)
                .Label($"'{text}': scalar {scalar} {expected}, vector {vector} {actual}, UTF-16 scalar {scalar16} {expected16}, vector {vector16} {actual16}");
        });

    // The rewrite of mixed forms is a fast path: a wrong "no" costs only speed, so the column differential would not
    // see it. This pins that it says yes, with the right value, to every valid value of every form.
    [Property(MaxTest = 3000)]
    public Property TryConvertMixedWide_EveryValidValue_IsTakenWithItsValue() =>
        Prop.ForAll(Arb.From(Gen.OneOf(Generators.ValidTimestamp, Generators.RangeEndTimestamp.Where(t => t.ExpectedEpochSeconds >= Generators.FirstEpochSeconds))), t =>
        {
            if (!OffsetTimestampVectorScanner.IsWideSupported)
            {
                return true.Label("no AVX2 on this machine");
            }
            // The line layout: the value, its line's '\n', and bytes after it as the next line would have them.
            byte[] line = new byte[64];
            line.AsSpan().Fill((byte)'7');
            Encoding.ASCII.GetBytes(t.Text + "\n").CopyTo(line, 0);
            bool taken = OffsetTimestampVectorScanner.TryConvertMixedWide(
                System.Runtime.Intrinsics.Vector256.Create<byte>(line), ref line[0], t.Text.Length, out long seconds, out int milliseconds);
            int expectedMilliseconds = t.Local.NanosecondOfSecond / 1_000_000;
            return (taken && seconds == t.ExpectedEpochSeconds && milliseconds == expectedMilliseconds)
                .Label($"'{t.Text}': taken {taken}, {seconds} s + {milliseconds} ms, expected {t.ExpectedEpochSeconds} s + {expectedMilliseconds} ms");
        });

    [Theory]
    [InlineData("2015-10-11T00:26:51+0100", 1444519611L)]
    [InlineData("2015-10-11t00:26:51-01:30", 1444528611L)]
    [InlineData("2015-10-10 23:26:51z", 1444519611L)]
    public void TryParseFixed_UpStatsShapes_GivesEpochSeconds(string text, long expected)
    {
        Assert.True(OffsetTimestampVectorScanner.TryParseFixed<byte>(Encoding.ASCII.GetBytes(text), out long seconds));
        Assert.True(OffsetTimestampVectorScanner.TryParseFixed<char>(text, out long fromText));
        Assert.Equal(expected, seconds);
        Assert.Equal(expected, fromText);
    }

    [Theory]
    [InlineData("2015-10-11T00:26:51+01\u0130\u0130")] // low byte '0'
    [InlineData("2015-10-11T00:26:51\u012B0100")]       // low byte '+'
    [InlineData("2015-10-11\u015400:26:51+0100")]       // low byte 'T'
    [InlineData("2015-10-10T23:26:51\u015A")]           // low byte 'Z'
    [InlineData("\u8032015-10-11T00:26:51+0100")]       // negative as a short
    public void TryParseFixed_CharsWhoseLowByteLooksValid_AreRejected(string text)
    {
        Assert.False(OffsetTimestampVectorScanner.TryParseFixed<char>(text, out _));
        Assert.False(OffsetTimestampScanner.TryParseFixed<char>(text, out _));
    }
}
