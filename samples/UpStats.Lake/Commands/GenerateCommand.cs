using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using UpStats.Lake.Engines;
using UpStats.Lake.Generation;
using UpStats.Lake.Store;

namespace UpStats.Lake.Commands;

/// <summary><c>generate --db FILE --rows N [--seed S]</c>: fills the raw store with generated responses.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var store = new LakeOptions();
        var rows = new Option<int>("--rows") { Description = "raw rows the store holds afterwards (it is filled up to N)", Required = true };
        var seed = new Option<int>("--seed") { Description = "the generator's seed (default 1)", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Fill odesk_debug_req with realistic job-search responses (zlib JSON, SHA-1, duplicates as empty data).");
        store.AddTo(command);
        command.Options.Add(rows);
        command.Options.Add(seed);
        command.SetAction(result =>
        {
            var target = result.GetValue(rows);
            if (target < 0)
            {
                throw new LakeUsageException("--rows: must be 0 or more.");
            }
            var location = store.Read(result);
            using var database = LakeDatabase.Open(location);
            var stopwatch = Stopwatch.StartNew();
            var generated = Generate(database, target, result.GetValue(seed));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"generated {generated.Payloads + generated.Duplicates} raw rows ({generated.Duplicates} duplicates) in {stopwatch.Elapsed.TotalSeconds:0.0} s; {location} holds {database.RawRowCount()} raw rows"));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Appends the generator's responses until the store has <paramref name="rows"/> raw rows. The sequence
    /// depends only on the seed and the store's ids are 1, 2, …, so a store with M rows already holds the
    /// first M responses: those are skipped, which makes the command resumable and repeatable.
    /// </summary>
    public static (long Payloads, long Duplicates) Generate(LakeDatabase database, long rows, int seed)
    {
        var existing = database.HighWaterMark();
        var generator = new ResponseGenerator(seed);
        for (var i = 0L; i < existing; i++)
        {
            generator.Next();
        }
        using var writer = new RawStoreWriter(database);
        for (var id = existing + 1; id <= rows; id++)
        {
            var response = generator.Next();
            writer.Store(response.Json, response.Query, response.AddedTime);
        }
        writer.Flush();
        return (writer.PayloadRows, writer.DuplicateRows);
    }
}
