using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Threading.Channels;
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
        var compression = new Option<string>("--compression")
        {
            Description = "zlib level of data: fastest (level 1, the default) or optimal (level 6: a store about 30% smaller, three times the CPU; what stores made before 2026-12 used)",
            DefaultValueFactory = _ => "fastest",
        };
        compression.AcceptOnlyFromAmong("fastest", "optimal");
        var command = new Command("generate", "Fill odesk_debug_req with realistic job-search responses (zlib JSON, SHA-1, duplicates as empty data).");
        store.AddTo(command);
        command.Options.Add(rows);
        command.Options.Add(seed);
        command.Options.Add(compression);
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
            var level = result.GetValue(compression) == "optimal" ? CompressionLevel.Optimal : CompressionLevel.Fastest;
            var generated = Generate(database, target, result.GetValue(seed), level);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"generated {generated.Payloads + generated.Duplicates} raw rows ({generated.Duplicates} duplicates) in {stopwatch.Elapsed.TotalSeconds:0.0} s ({(generated.Payloads + generated.Duplicates) / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-9):0} rows/s); {location} holds {database.RawRowCount()} raw rows"));
            return 0;
        });
        return command;
    }

    /// <summary>Responses per unit of work handed to a preparing thread.</summary>
    /// <remarks>
    /// Small batches, few in flight: whatever is in flight outlives the garbage collector's youngest
    /// generation and is copied into the older ones, which cost more than the batches' hand-offs
    /// (100k rows: 4 × 50 in flight, 52,000 rows/s; 4 × 500, 37,000; 16 × 100, 46,000).
    /// </remarks>
    private const int BatchSize = 50;

    /// <summary>
    /// Appends the generator's responses until the store has <paramref name="rows"/> raw rows. The sequence
    /// depends only on the seed and the store's ids are 1, 2, …, so a store with M rows already holds the
    /// first M responses: those are skipped, which makes the command resumable and repeatable.
    /// </summary>
    /// <remarks>
    /// The rows are the same for the same seed whatever the compression level: same ids, times, queries and
    /// SHA-1s, and <c>data</c> inflates to the same JSON (only the zlib bytes differ between levels).
    /// Three stages, like the migration: this thread's generator draws the responses in order (it is one
    /// random sequence), batches of them are rendered (already in canonical form), hashed and compressed on
    /// the thread pool (the costly part, on every core), and the writer stores the prepared batches in order. At most
    /// <see cref="BatchesInFlight"/> batches exist at once, so memory does not grow with the rows.
    /// </remarks>
    public static (long Payloads, long Duplicates) Generate(LakeDatabase database, long rows, int seed, CompressionLevel compression = CompressionLevel.Fastest)
    {
        var existing = database.HighWaterMark();
        var generator = new ResponseGenerator(seed);
        for (var i = 0L; i < existing; i++)
        {
            generator.Next();
        }
        var prepared = Channel.CreateBounded<Task<(GeneratedResponse Response, PreparedPayload Payload)[]>>(BatchesInFlight);
        using var stop = new CancellationTokenSource();
        // The generator gets a thread of its own: it blocks when the batches in flight are full, and on the
        // thread pool it would hold one of the pool's few threads (one per core), leaving the batches one fewer.
        var producer = Task.Factory.StartNew(() =>
        {
            Exception? failure = null;
            try
            {
                for (var next = existing + 1; next <= rows; next += BatchSize)
                {
                    var batch = new GeneratedResponse[(int)Math.Min(BatchSize, rows - next + 1)];
                    for (var i = 0; i < batch.Length; i++)
                    {
                        batch[i] = generator.Next();
                    }
                    var work = Task.Run(() => Array.ConvertAll(batch, r => (r, PreparedPayload.FromCanonical(r.Body.RenderInPlace(), compression))), CancellationToken.None);
                    prepared.Writer.WriteAsync(work, stop.Token).AsTask().GetAwaiter().GetResult();
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                prepared.Writer.TryComplete(failure);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            using var writer = new RawStoreWriter(database);
            while (prepared.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                prepared.Reader.TryRead(out var work);
                foreach (var (response, payload) in work!.GetAwaiter().GetResult())
                {
                    writer.Store(payload, response.Query, response.AddedTime);
                }
            }
            writer.Flush();
            return (writer.PayloadRows, writer.DuplicateRows);
        }
        finally
        {
            stop.Cancel();
            producer.GetAwaiter().GetResult();
        }
    }

    /// <summary>Batches being prepared or waiting for the writer.</summary>
    private const int BatchesInFlight = 4;
}
