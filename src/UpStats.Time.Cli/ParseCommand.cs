using System.Buffers.Text;
using System.CommandLine;
using System.Globalization;
using System.Text;
using NodaTime;
using UpStats.Time.Parsing;

namespace UpStats.Time.Cli;

/// <summary>
/// <c>upstats-time parse [--json] [--to epoch|iso] [FILE|-]</c>: one timestamp per line in, one record per line
/// out. Every line is processed; a trailing '\r' (and a UTF-8 byte-order mark before the first line) is dropped;
/// exit code 1 when any line failed. Output streams: each block of lines read is printed before the next read, so
/// <c>tail -f log | upstats-time parse --json</c> answers as lines arrive.
/// </summary>
internal static class ParseCommand
{
    private const int ColumnRows = 16 * 1024;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "JSON Lines: {\"input\",\"utc\",\"epochSeconds\"} or {\"input\",\"error\":{\"position\",\"message\",\"code\"}} per line." };
        var to = new Option<string?>("--to") { Description = "Convert each line to just one value: 'epoch' (Unix seconds, floored) or 'iso' (UTC); a failed line prints an empty line and its line number, position and reason go to stderr.", HelpName = "epoch|iso" };
        var file = new Argument<string>("FILE")
        {
            Description = "A file with one timestamp per line, or '-' (the default) for standard input.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "-",
        };
        var command = new Command("parse", "Parse offset timestamps such as 2015-10-11T00:26:51+0100 into UTC instants and epoch seconds.")
        {
            json, to, file,
        };
        CliHelp.AddExamples(command,
            "echo 2015-10-11T00:26:51+0100 | upstats-time parse --json",
            "upstats-time parse --to epoch timestamps.txt > seconds.txt",
            "tail -f events.log | upstats-time parse --json");
        command.SetAction(result =>
        {
            bool asJson = result.GetValue(json);
            string? target = result.GetValue(to);
            if (target is not null and not "epoch" and not "iso")
            {
                // Checked here rather than with AcceptOnlyFromAmong, whose message spans several lines.
                throw new CliUsageException($"parse: --to must be 'epoch' or 'iso', not '{target}'.");
            }
            if (asJson && target is not null)
            {
                throw new CliUsageException("parse: --json and --to cannot be combined (choose one output form).");
            }
            using var input = OpenInput(result.GetValue(file) ?? "-");
            using var stdout = StandardOutput.Open();
            using var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false), 1 << 14);
            bool allValid = target switch
            {
                "epoch" => WriteEpochSeconds(input, stdout, stderr),
                "iso" => WriteEachLine(input, stdout, (number, line, text, writer) => WriteIso(number, line, writer, stderr)),
                _ when asJson => WriteJson(input, stdout),
                _ => WriteTable(input, stdout),
            };
            return allValid ? ExitCodes.Success : ExitCodes.SomeRecordsFailed;
        });
        return command;
    }

    private static Stream OpenInput(string path)
    {
        if (path == "-")
        {
            return Console.OpenStandardInput();
        }
        if (path.StartsWith("--", StringComparison.Ordinal) && !File.Exists(path))
        {
            // System.CommandLine hands an unknown option to the FILE argument: name it as what it is.
            throw new CliUsageException($"parse: unknown option {path} (options: --json, --to epoch|iso; the input is FILE or -).");
        }
        if (Directory.Exists(path))
        {
            throw new CliIoException($"parse: {path} is a directory, not a file of timestamps.");
        }
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliIoException($"parse: file not found: {path}");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new CliIoException($"parse: cannot read {path}: {ex.Message}");
        }
    }

    /// <summary>
    /// <c>--to epoch</c>, the measured path: blocks of lines go through <see cref="OffsetTimestampColumn"/> into a
    /// <c>long[]</c> and are formatted with <see cref="Utf8Formatter"/> into one output buffer; no string per line.
    /// </summary>
    private static bool WriteEpochSeconds(Stream input, Stream output, TextWriter stderr)
    {
        var lines = new Utf8LineBlocks(input);
        var values = new long[ColumnRows];
        var errors = new RowError[ColumnRows];
        var buffer = new byte[ColumnRows * 21]; // 20 characters of a long and '\n'
        long lineNumber = 1;
        bool allValid = true;
        for (var block = lines.Next(); !block.IsEmpty; block = lines.Next())
        {
            while (!block.IsEmpty)
            {
                var result = OffsetTimestampColumn.ParseEpochSeconds(block, values, errors);
                int written = 0, nextError = 0;
                for (int row = 0; row < result.Rows; row++)
                {
                    if (nextError < result.Failed && errors[nextError].Row == row)
                    {
                        var error = errors[nextError++].Error;
                        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber + row}: position {error.Position}: {error.Reason}"));
                    }
                    else
                    {
                        Utf8Formatter.TryFormat(values[row], buffer.AsSpan(written), out int length);
                        written += length;
                    }
                    buffer[written++] = (byte)'\n';
                }
                output.Write(buffer, 0, written);
                stderr.Flush();
                allValid &= result.Failed == 0;
                lineNumber += result.Rows;
                block = block[result.Consumed..];
            }
        }
        output.Flush();
        return allValid;
    }

    private delegate bool LineWriter(long lineNumber, ReadOnlySpan<byte> line, string text, TextWriter output);

    // Runs write for every line (without its '\n' and a trailing '\r'); true when every call returned true.
    private static bool WriteEachLine(Stream input, Stream output, LineWriter write)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        var lines = new Utf8LineBlocks(input);
        bool allValid = true;
        long lineNumber = 0;
        for (var block = lines.Next(); !block.IsEmpty; block = lines.Next())
        {
            while (!block.IsEmpty)
            {
                int newline = block.IndexOf((byte)'\n');
                var line = newline < 0 ? block : block[..newline];
                block = newline < 0 ? [] : block[(newline + 1)..];
                if (line.Length > 0 && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }
                allValid &= write(++lineNumber, line, Encoding.UTF8.GetString(line), writer);
            }
            // Print what this read brought before waiting for more input (streaming, as --to epoch does).
            writer.Flush();
        }
        writer.Flush();
        return allValid;
    }

    private static bool WriteIso(long lineNumber, ReadOnlySpan<byte> line, TextWriter output, TextWriter stderr)
    {
        if (OffsetTimestamp.TryParse(line, out Instant instant, out var error))
        {
            output.WriteLine(CliText.FormatInstant(instant));
            return true;
        }
        output.WriteLine();
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: position {error.Position}: {error.Reason}"));
        return false;
    }

    private static bool WriteJson(Stream input, Stream output)
    {
        JsonLines? json = null; // one writer (and its buffer) for the whole run
        return WriteEachLine(input, output, (_, line, text, writer) =>
        {
            json ??= new JsonLines(writer);
            bool ok = OffsetTimestamp.TryParse(line, out Instant instant, out var error);
            json.Write(w =>
            {
                w.WriteString("input", text);
                if (ok)
                {
                    w.WriteString("utc", CliText.FormatInstant(instant));
                    w.WriteNumber("epochSeconds", CliText.EpochSeconds(instant));
                }
                else
                {
                    w.WriteStartObject("error");
                    w.WriteNumber("position", error.Position);
                    w.WriteString("message", error.Reason);
                    w.WriteString("code", error.Code.ToString());
                    w.WriteEndObject();
                }
            });
            return ok;
        });
    }

    private static bool WriteTable(Stream input, Stream output)
    {
        bool header = false;
        return WriteEachLine(input, output, (_, line, text, writer) =>
        {
            if (!header)
            {
                writer.WriteLine($"{"INPUT",-32} {"UTC",-32} EPOCH SECONDS");
                header = true;
            }
            if (OffsetTimestamp.TryParse(line, out Instant instant, out var error))
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{CliText.Printable(text),-32} {CliText.FormatInstant(instant),-32} {CliText.EpochSeconds(instant)}"));
                return true;
            }
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{CliText.Printable(text),-32} error at position {error.Position}: {error.Reason}"));
            return false;
        });
    }
}
