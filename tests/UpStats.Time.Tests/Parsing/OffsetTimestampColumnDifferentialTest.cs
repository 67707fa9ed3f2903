using System.Diagnostics;
using System.Runtime.Intrinsics.X86;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace UpStats.Time.Tests.Parsing;

/// <summary>
/// The column parser equals the scalar parser for every row, with the hardware paths this machine has and, in a
/// child process, with AVX-512, AVX2 and then all hardware intrinsics switched off by the runtime's own settings
/// (<c>DOTNET_EnableAVX512=0</c> in .NET 10, <c>DOTNET_EnableAVX2=0</c>, <c>DOTNET_EnableHWIntrinsic=0</c>). See <see cref="ColumnDifferential"/>.
/// </summary>
public class OffsetTimestampColumnDifferentialTest
{
    private const int Seed = 20261205;
    private const int Columns = 300;

    [Fact]
    public void Parse_SeededColumns_EqualTheScalarParserRowByRow()
    {
        var (rows, mismatches) = ColumnDifferential.Run(Seed, Columns);
        Assert.True(rows > 10_000, $"only {rows} rows checked");
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("DOTNET_EnableAVX512", "avx512bw=False")]
    [InlineData("DOTNET_EnableAVX2", "avx2=False")]
    [InlineData("DOTNET_EnableHWIntrinsic", "ssse3=False")]
    public void Parse_SeededColumnsWithIntrinsicsOff_EqualTheScalarParserRowByRow(string setting, string expectedHardware)
    {
        // The setting must have taken effect, or this test would check the same path as the one above.
        var (exitCode, output, error) = RunChild(ColumnDifferential.ChildArgument, Columns, setting);
        Assert.True(output.Contains(expectedHardware, StringComparison.Ordinal), $"{setting}=0 did not take effect: {output} {error}");
        Assert.True(exitCode == 0 && output.Contains("mismatches=0", StringComparison.Ordinal), $"exit {exitCode}: {output} {error}");
    }

    // The vector paths load 16–64 bytes at a time near the ends of the input; this puts every column against an
    // inaccessible page on either side (in a child process: a read outside the input crashes it), with the hardware
    // paths this machine has and with AVX-512 off (the two ways the mixed-form loop can go here).
    [Theory]
    [InlineData("", "avx512bw=")]
    [InlineData("DOTNET_EnableAVX512", "avx512bw=False")]
    public void Parse_ColumnsAgainstInaccessiblePages_ReadNothingOutsideTheInput(string setting, string expectedHardware)
    {
        var (exitCode, output, error) = RunChild(ColumnDifferential.GuardedChildArgument, 100, setting);
        Assert.True(output.Contains(expectedHardware, StringComparison.Ordinal), $"{setting}=0 did not take effect: {output} {error}");
        Assert.True(exitCode == 0 && output.Contains("mismatches=0", StringComparison.Ordinal), $"exit {exitCode}: {output} {error}");
        Assert.True(!OperatingSystem.IsLinux() || output.Contains("guards=True", StringComparison.Ordinal), output);
    }

    // Runs one of the test assembly's own checks (see Program) in a child process, with a runtime setting at 0.
    private static (int ExitCode, string Output, string Error) RunChild(string check, int columns, string setting)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["exec", typeof(ColumnDifferential).Assembly.Location, check, $"{Seed}", $"{columns}"])
        {
            start.ArgumentList.Add(argument);
        }
        if (setting.Length > 0)
        {
            start.Environment[setting] = "0";
        }
        using var child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd();
        string error = child.StandardError.ReadToEnd();
        child.WaitForExit();
        return (child.ExitCode, output, error);
    }

    [Fact]
    public void Hardware_OnThisMachine_TheWidePathIsTheOneTested()
    {
        // Where the CPU has AVX2 the in-process test runs the 256-bit path; say so if a machine lacks it.
        Assert.Equal(Avx2.IsSupported, UpStats.Time.Parsing.OffsetTimestampVectorScanner.IsWideSupported);
    }

    private static Gen<string[]> Column =>
        from shape in Generators.ValidTimestamp
        from rows in Gen.ArrayOf(Gen.Frequency(
            (4, Generators.ValidTimestamp.Select(t => t.Text)),
            (4, Generators.ValidTimestamp.Where(t => t.Form == shape.Form && t.FractionDigits == 0).Select(t => t.Text[..10] + shape.Text[10] + t.Text[11..])),
            (2, Generators.MutatedTimestamp)))
        select rows;

    [Property(MaxTest = 300)]
    public Property Parse_DrawnColumnsAnyLayout_EqualTheScalarParserRowByRow() =>
        Prop.ForAll(
            Arb.From(from rows in Column
                     from shift in Gen.Choose(0, 40)
                     from crlf in Gen.Elements(true, false)
                     from finalNewline in Gen.Elements(true, false)
                     from seed in Gen.Choose(0, int.MaxValue)
                     select (rows, shift, crlf, finalNewline, seed)),
            c =>
            {
                var mismatches = new List<string>();
                ColumnDifferential.Check(c.rows, c.shift, c.crlf, c.finalNewline, new Random(c.seed), mismatches);
                return (mismatches.Count == 0).Label(string.Join("\n", mismatches));
            });
}
