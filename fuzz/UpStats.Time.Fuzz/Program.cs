using SharpFuzz;
using UpStats.Time.Fuzz;

// UpStats.Time.Fuzz TARGET                 run under afl-fuzz (fuzz/run.sh does this)
// UpStats.Time.Fuzz TARGET --replay DIR    run every file of DIR through the target once (regressions, smoke)
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: UpStats.Time.Fuzz TARGET [--replay DIR]; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}
if (args.Length == 3 && args[1] == "--replay")
{
    int failures = 0, count = 0;
    foreach (var file in Directory.EnumerateFiles(args[2], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        count++;
        try
        {
            target(File.ReadAllBytes(file));
        }
        catch (Exception ex)
        {
            failures++;
            Console.Error.WriteLine($"{file}: {ex.GetType().Name}: {ex.Message}");
        }
    }
    Console.WriteLine($"{args[0]}: replayed {count} inputs, {failures} findings");
    return failures == 0 ? 0 : 1;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
