using System.CommandLine;
using UpStats.Lake.Commands;

// The UpStats data lake on top of UpStats.Time: generate a raw store, migrate it, replicate it, read it.
var root = new RootCommand("UpStats.Lake: the UpWork job-search data lake — raw responses (zlib JSON, SHA-1 dedup), streaming re-derivation of date_created, incremental replication, display in the reader's zone.");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(ReplicateCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(NewerCommand.Create());

var parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    Console.Error.WriteLine(parseResult.Errors[0].Message);
    return 2;
}
try
{
    return parseResult.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UpStats.Lake.Migration.ConcurrentMigrationException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
catch (LakeUsageException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or ArgumentException)
{
    // The database or the file system said no (bad path, server down, bad connection string): one line, no stack trace.
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
