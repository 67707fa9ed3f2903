using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using UpStats.Time.Parsing;

namespace UpStats.Time.Tests.Parsing;

/// <summary>
/// The column parser against the scalar one, row by row, on deterministic columns: every form of the grammar,
/// values cut, mutated and out of range at every position, lines shifted across the 16- and 32-byte vector edges,
/// LF and CRLF, with and without a final newline, in the middle of a larger buffer whose bytes after the end look
/// like digits, in one call and in resumed calls with small destination and error spans. The oracle is
/// <see cref="OffsetTimestampScanner.TryParseGeneral{TChar}"/>, the rule-by-rule walker that produces the errors.
/// </summary>
/// <remarks>
/// Deterministic (a seeded <see cref="Random"/>) so that the same check can run in a child process with the
/// runtime's intrinsics switched off (<see cref="Program"/>), where FsCheck's random seeds would make a failure
/// hard to reproduce.
/// </remarks>
internal static class ColumnDifferential
{
    /// <summary>The argument with which <see cref="Program"/> runs <see cref="Run"/> and prints its summary.</summary>
    public const string ChildArgument = "column-differential";

    // Characters that replace or join a valid value: the grammar's own, line ends, and chars whose low byte is a
    // digit or separator (so that a UTF-16 path that drops the high byte would accept them).
    private const string Alphabet = "0123456789-:Tt Zz+-.,x\r\u00e9\u0660\u0130\u012b\u0154\u015a\u8032\uff10";

    /// <summary>A value with valid fields in any form, biased to the edges of each field (on 0001-01-01 its instant may fall before the first one).</summary>
    public static string Valid(Random random)
    {
        int year = random.Next(4) == 0 ? Pick(random, 1, 2, 1600, 1900, 1969, 1970, 2000, 2100, 9998, 9999) : random.Next(1, 10000);
        int month = random.Next(1, 13);
        int days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        int day = random.Next(3) == 0 ? days : random.Next(1, days + 1);
        if (random.Next(16) == 0)
        {
            // The first day, where a positive offset reaches back before the first instant (a row the oracle rejects).
            (year, month, day) = (1, 1, 1);
        }
        int fractionDigits = random.Next(2) == 0 ? 0 : random.Next(1, 10);
        int fraction = random.Next(0, (int)Math.Pow(10, fractionDigits));
        string form = Generators.OffsetForms[random.Next(Generators.OffsetForms.Length)];
        int offsetMinutes = random.Next(4) == 0 ? Pick(random, -18 * 60, 18 * 60, 0, 14 * 60, -14 * 60) : random.Next(-18 * 60, 18 * 60 + 1);
        var local = new LocalDateTime(year, month, day, Pick(random, 0, 23, random.Next(24)), Pick(random, 0, 59, random.Next(60)), Pick(random, 0, 59, random.Next(60)));
        return TimestampText.Create(local, fractionDigits, fraction, form, offsetMinutes, "Tt "[random.Next(3)], ".,"[random.Next(2)]).Text;
    }

    /// <summary>A value that is usually invalid: a valid one changed at one position, cut short, or grown.</summary>
    public static string Mutated(Random random)
    {
        string valid = Valid(random);
        int at = random.Next(valid.Length);
        char c = random.Next(3) == 0 ? (char)('0' + random.Next(10)) : Alphabet[random.Next(Alphabet.Length)];
        return random.Next(5) switch
        {
            0 => valid[..at] + c + valid[(at + 1)..],
            1 => valid[..at] + c + valid[at..],
            2 => valid.Remove(at, 1),
            3 => valid[..at],
            _ => valid + (random.Next(2) == 0 ? c.ToString() : ""),
        };
    }

    /// <summary>A column: mostly one fixed form (as real columns are), with other forms and bad values mixed in.</summary>
    public static string[] Column(Random random, int rows)
    {
        string main = Valid(random);
        var column = new string[rows];
        for (int i = 0; i < rows; i++)
        {
            column[i] = random.Next(10) switch
            {
                < 6 => Reshaped(random, main),
                < 8 => Valid(random),
                < 9 => Mutated(random),
                _ => random.Next(2) == 0 ? "" : new string('9', random.Next(1, 70)),
            };
        }
        return column;
    }

    /// <summary>
    /// A long column of one fixed form with a few other rows at random places: runs of the form longer than the
    /// parser's index of line ends (512 rows), broken by a wrong value, another form or another length.
    /// </summary>
    public static string[] LongRunColumn(Random random, int rows)
    {
        string main = FixedForms[random.Next(FixedForms.Length)];
        var column = new string[rows];
        for (int i = 0; i < rows; i++)
        {
            column[i] = random.Next(60) switch
            {
                0 => Valid(random),
                1 => Mutated(random),
                2 => main + "0",
                _ => Reshaped(random, main),
            };
        }
        return column;
    }

    /// <summary>
    /// A long column of valid values in every form, a few wrong ones among them: runs of mixed forms across the
    /// parser's index of line ends, as in a column of mixed forms.
    /// </summary>
    public static string[] LongMixedColumn(Random random, int rows)
    {
        var column = new string[rows];
        for (int i = 0; i < rows; i++)
        {
            column[i] = random.Next(200) == 0 ? Mutated(random) : Valid(random);
        }
        return column;
    }

    private static readonly string[] FixedForms = ["2015-10-11T00:26:51+0100", "2016-02-29t23:59:59-18:00", "2015-10-10 23:26:51Z", "1969-12-31T23:59:59-0000"];

    // Another value of the same form as `template`: same length and separators, other digits where still valid.
    private static string Reshaped(Random random, string template)
    {
        string other = Valid(random);
        return other.Length == template.Length && other[10] == template[10] ? other : template;
    }

    /// <summary>Every mismatch between the column parser and the oracle over <paramref name="columns"/> seeded columns.</summary>
    public static (int Rows, List<string> Mismatches) Run(int seed, int columns)
    {
        var random = new Random(seed);
        var mismatches = new List<string>();
        int rows = 0;
        for (int c = 0; c < columns && mismatches.Count < 20; c++)
        {
            string[] column = Column(random, random.Next(0, 60));
            rows += column.Length;
            Check(column, random.Next(0, 40), random.Next(2) == 0, random.Next(2) == 0, random, mismatches);
        }
        for (int c = 0; c < 6 && mismatches.Count < 20; c++)
        {
            string[] column = LongRunColumn(random, random.Next(250, 1500));
            rows += column.Length;
            Check(column, random.Next(0, 40), random.Next(2) == 0, random.Next(2) == 0, random, mismatches);
        }
        for (int c = 0; c < 3 && mismatches.Count < 20; c++)
        {
            string[] column = LongMixedColumn(random, random.Next(600, 2000));
            rows += column.Length;
            Check(column, random.Next(0, 40), random.Next(2) == 0, random.Next(2) == 0, random, mismatches);
        }
        foreach (string[] column in EveryPositionColumns())
        {
            rows += column.Length;
            Check(column, 0, false, false, random, mismatches);
            Check(column, 7, true, true, random, mismatches);
        }
        return (rows, mismatches);
    }

    /// <summary>The argument with which <see cref="Program"/> runs <see cref="RunGuarded"/>.</summary>
    public const string GuardedChildArgument = "column-guarded";

    /// <summary>
    /// The columns of <see cref="Run"/>, each parsed from native memory placed against an inaccessible page, after
    /// its end and then before its start (<see cref="GuardedMemory"/>): as lines (seconds and milliseconds) and in
    /// Arrow's layout. A vector load outside the input crashes the process; the results are compared as well, the
    /// lines with the oracle and the Arrow layout with the strings overload.
    /// </summary>
    public static (int Rows, List<string> Mismatches) RunGuarded(int seed, int columns)
    {
        var random = new Random(seed);
        var mismatches = new List<string>();
        int rows = 0;
        using var memory = new GuardedMemory(1 << 20);
        var all = Enumerable.Range(0, columns).Select(_ => Column(random, random.Next(0, 60)))
            .Concat(Enumerable.Range(0, 3).Select(_ => LongMixedColumn(random, random.Next(600, 2000))))
            .Concat(Enumerable.Range(0, 3).Select(_ => LongRunColumn(random, random.Next(250, 1500))))
            .Concat(FixedForms.Select(form => Enumerable.Repeat(form, 64).ToArray())) // a run of one form up to the last byte
            .Concat(EveryPositionColumns());
        foreach (string[] column in all)
        {
            if (mismatches.Count >= 20)
            {
                break;
            }
            rows += column.Length;
            var (lineRows, text) = Lines(column, random.Next(2) == 0, random.Next(2) == 0);
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            var expected = lineRows.Select(Expect).ToArray();
            foreach (bool atEnd in (ReadOnlySpan<bool>)[true, false])
            {
                string where = atEnd ? "against the end" : "against the start";
                ReadOnlySpan<byte> lines = atEnd ? memory.AgainstEnd(utf8) : memory.AgainstStart(utf8);
                var seconds = new long[lineRows.Length];
                var milliseconds = new long[lineRows.Length];
                var errors = new RowError[lineRows.Length];
                var msErrors = new RowError[lineRows.Length];
                Compare($"lines {where}", expected, OffsetTimestampColumn.ParseEpochSeconds(lines, seconds, errors), seconds, errors, utf8.Length, ms: false, mismatches, text);
                Compare($"lines ms {where}", expected, OffsetTimestampColumn.ParseEpochMilliseconds(lines, milliseconds, msErrors), milliseconds, msErrors, utf8.Length, ms: true, mismatches, text);

                // Arrow's layout, its values against the same page; the strings overload on the same values decides.
                var (values, offsets, validity) = ArrowLayout.Of(column, skipped: 0, trailing: false);
                if (!ArrowLayout.MatchesStrings(column, atEnd ? memory.AgainstEnd(values) : memory.AgainstStart(values), offsets, validity, milliseconds: false))
                {
                    mismatches.Add($"Arrow {where}: differs from the strings overload in {Show(string.Join(" | ", column))}");
                }
            }
        }
        return (rows, mismatches);
    }

    /// <summary>
    /// For one value of each fixed form and a few irregular ones: the value with every position replaced by every
    /// character of the alphabet, and cut at every length, each between two valid values.
    /// </summary>
    public static IEnumerable<string[]> EveryPositionColumns()
    {
        string[] seeds =
        [
            "2015-10-11T00:26:51+0100", "2016-02-29t23:59:59-18:00", "2015-10-10 23:26:51Z", "9999-12-31T23:59:59+18:00",
            "0001-01-01T00:00:00.5z", "2015-10-11T00:26:51,123456789+01", "2024-11-03T01:30:00-07",
            // Around the first instant: one second before it and the first instant itself (each mutated below).
            "0001-01-01T17:59:59+18:00", "0001-01-01T18:00:00+1800", "0001-01-01t00:00:59Z",
        ];
        foreach (string seed in seeds)
        {
            var column = new List<string>();
            for (int at = 0; at < seed.Length; at++)
            {
                foreach (char c in Alphabet)
                {
                    column.Add(seed);
                    column.Add(seed[..at] + c + seed[(at + 1)..]);
                }
                column.Add(seed[..at]);
            }
            yield return column.ToArray();
        }
    }

    /// <summary>Checks one column as UTF-8 lines (laid out as asked) and as strings; adds what differs to <paramref name="mismatches"/>.</summary>
    public static void Check(string[] column, int shift, bool crlf, bool finalNewline, Random random, List<string> mismatches)
    {
        var (rows, text) = Lines(column, crlf, finalNewline);
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        // The lines sit in a larger buffer: bytes before, and digits after the end that a read past it would see.
        byte[] buffer = new byte[shift + utf8.Length + 64];
        buffer.AsSpan().Fill((byte)'7');
        utf8.CopyTo(buffer, shift);
        ReadOnlySpan<byte> lines = buffer.AsSpan(shift, utf8.Length);

        // With CRLF the reader drops the '\r' of the line end, so every line reads as its row.
        var expected = rows.Select(Expect).ToArray();
        int[] lineEnds = LineEnds(utf8);

        // One call with room for everything.
        var seconds = new long[rows.Length];
        var milliseconds = new long[rows.Length];
        var errors = new RowError[rows.Length];
        var msErrors = new RowError[rows.Length];
        var result = OffsetTimestampColumn.ParseEpochSeconds(lines, seconds, errors);
        var msResult = OffsetTimestampColumn.ParseEpochMilliseconds(lines, milliseconds, msErrors);
        Compare("lines", expected, result, seconds, errors, utf8.Length, ms: false, mismatches, text);
        Compare("lines ms", expected, msResult, milliseconds, msErrors, utf8.Length, ms: true, mismatches, text);

        // Resumed calls with small spans, as a streaming caller makes them.
        int row = 0, at = 0;
        while (at < utf8.Length && mismatches.Count < 20)
        {
            int room = random.Next(1, 6), errorRoom = random.Next(0, 3);
            var part = new long[room];
            var partErrors = new RowError[errorRoom];
            var r = OffsetTimestampColumn.ParseEpochSeconds(lines[at..], part, partErrors);
            // What the rules say: up to `room` rows, stopping before a failing row that finds no error slot.
            int take = 0, failed = 0;
            while (row + take < expected.Length && take < room)
            {
                if (!expected[row + take].Ok)
                {
                    if (failed == errorRoom) { break; }
                    failed++;
                }
                take++;
            }
            int consumed = take == 0 ? 0 : (row + take == expected.Length ? utf8.Length : lineEnds[row + take - 1] + 1) - at;
            bool same = r == new ColumnParseResult(take, failed, consumed);
            for (int i = 0, e = 0; same && i < take; i++)
            {
                var x = expected[row + i];
                same = x.Ok ? part[i] == x.Seconds : part[i] == 0 && partErrors[e++] == new RowError(i, x.Error);
            }
            if (!same)
            {
                mismatches.Add($"resumed at row {row} (room {room}, error room {errorRoom}): {r}, expected {new ColumnParseResult(take, failed, consumed)} in {Show(text)}");
                break;
            }
            if (take == 0)
            {
                // No error slot for the failing row: the caller would give one. Skip the row as a caller would.
                at = row + 1 == expected.Length ? utf8.Length : lineEnds[row] + 1;
                row++;
                continue;
            }
            row += take;
            at += consumed;
        }

        // Strings: the original values (with '\n' and '\r' intact) against the UTF-16 oracle.
        var stringExpected = column.Select(Expect).ToArray();
        var fromStrings = new long[column.Length];
        var stringErrors = new RowError[column.Length];
        var stringResult = OffsetTimestampColumn.ParseEpochSeconds(column, fromStrings, stringErrors);
        Compare("strings", stringExpected, stringResult, fromStrings, stringErrors, column.Length, ms: false, mismatches, string.Join(" | ", column));
    }

    // The column as lines (LF or CRLF, with or without a final line end), and the rows those lines hold.
    private static (string[] Rows, string Text) Lines(string[] column, bool crlf, bool finalNewline)
    {
        // Lines cannot hold '\n', and the line reader drops one '\r' before it: compare on what a line can say.
        string[] rows = column.Select(r => r.Replace("\n", "", StringComparison.Ordinal)).Select(r => r.EndsWith('\r') && !crlf ? r.TrimEnd('\r') : r).ToArray();
        // Without a final newline, an empty last row is no row at all, and a last row's own final '\r' (kept with CRLF)
        // would be dropped as the line end's.
        bool needsFinal = rows.Length > 0 && (rows[^1].Length == 0 || rows[^1].EndsWith('\r'));
        string text = string.Join(crlf ? "\r\n" : "\n", rows) + (rows.Length > 0 && (finalNewline || needsFinal) ? (crlf ? "\r\n" : "\n") : "");
        return (rows, text);
    }

    private static void Compare(string what, Expected[] expected, ColumnParseResult result, long[] values, RowError[] errors, int consumed, bool ms, List<string> mismatches, string text)
    {
        int failed = expected.Count(e => !e.Ok);
        if (result != new ColumnParseResult(expected.Length, failed, consumed))
        {
            // Name the first row whose outcome differs, too: the counts alone do not say which.
            var failedRows = errors.Take(result.Failed).Select(e => e.Row).ToHashSet();
            int first = Enumerable.Range(0, Math.Min(expected.Length, result.Rows)).FirstOrDefault(r => expected[r].Ok == failedRows.Contains(r), -1);
            string which = first < 0 ? "" : $" (first differing row {first}: '{Show(expected[first].Text)}')";
            mismatches.Add($"{what}: {result}, expected {new ColumnParseResult(expected.Length, failed, consumed)}{which} in {Show(text)}");
            return;
        }
        for (int row = 0, e = 0; row < expected.Length; row++)
        {
            var x = expected[row];
            long value = ms ? x.Milliseconds : x.Seconds;
            if (values[row] != value || (!x.Ok && errors[e++] != new RowError(row, x.Error)))
            {
                mismatches.Add($"{what} row {row} '{Show(x.Text)}': {values[row]} / {(x.Ok ? "-" : errors[e - 1].ToString())}, expected {value} / {(x.Ok ? "ok" : x.Error.ToString())}");
                return;
            }
        }
    }

    private readonly record struct Expected(string Text, bool Ok, long Seconds, long Milliseconds, ParseError Error);

    private static Expected Expect(string text)
    {
        bool ok = OffsetTimestampScanner.TryParseGeneral<char>(text, offsetRequired: true, out var fields, out var error);
        // The UTF-8 oracle must agree with the UTF-16 one on ASCII-prefixed errors; check it here once.
        bool ok8 = OffsetTimestampScanner.TryParseGeneral<byte>(Encoding.UTF8.GetBytes(text), offsetRequired: true, out var fields8, out var error8);
        if (ok != ok8 || (ok && fields8.EpochSeconds != fields.EpochSeconds) || (!ok && error8 != error))
        {
            throw new InvalidOperationException($"UTF-8 and UTF-16 oracles disagree on '{Show(text)}'");
        }
        return ok
            ? new Expected(text, true, fields.EpochSeconds, fields.EpochSeconds * 1000 + fields.Nanosecond / 1_000_000, default)
            : new Expected(text, false, 0, 0, error);
    }

    private static int[] LineEnds(byte[] utf8) => utf8.Select((b, i) => (b, i)).Where(x => x.b == (byte)'\n').Select(x => x.i).ToArray();

    private static int Pick(Random random, params int[] values) => values[random.Next(values.Length)];

    private static string Show(string text)
    {
        string shown = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return shown.Length <= 300 ? shown : shown[..300] + "…";
    }

    /// <summary>What the process runs on: the paths the column parser can take here.</summary>
    public static string Hardware =>
        string.Create(CultureInfo.InvariantCulture, $"avx512bw={Avx512BW.IsSupported} avx2={Avx2.IsSupported} ssse3={Ssse3.IsSupported} vector128={Vector128.IsHardwareAccelerated}");
}
