using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Parsing;

namespace UpStats.Time.Tests.Parsing;

/// <summary>The SSSE3 fixed-width path answers exactly as the scalar one, for valid and mutated text of every shape.</summary>
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
            bool vector = OffsetTimestampVectorScanner.TryParseFixed(utf8, out long actual);
            return (scalar == vector && expected == actual).Label($"'{text}': scalar {scalar} {expected}, vector {vector} {actual}");
        });

    [Theory]
    [InlineData("2015-10-11T00:26:51+0100", 1444519611L)]
    [InlineData("2015-10-11t00:26:51-01:30", 1444528611L)]
    [InlineData("2015-10-10 23:26:51z", 1444519611L)]
    public void TryParseFixed_UpStatsShapes_GivesEpochSeconds(string text, long expected)
    {
        Assert.True(OffsetTimestampVectorScanner.TryParseFixed(Encoding.ASCII.GetBytes(text), out long seconds));
        Assert.Equal(expected, seconds);
    }
}
