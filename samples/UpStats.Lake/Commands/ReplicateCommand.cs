using System.CommandLine;
using System.Globalization;
using UpStats.Lake.Engines;
using UpStats.Lake.Replication;

namespace UpStats.Lake.Commands;

/// <summary><c>replicate --from FILE --to FILE [--chunk N]</c>: copies new raw rows and migrates only those.</summary>
internal static class ReplicateCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "the source lake: a SQLite file, or a PostgreSQL connection string (Host=…)", Required = true };
        var to = new Option<string>("--to") { Description = "the target lake: a SQLite file, or a PostgreSQL connection string (Host=…)", Required = true };
        var chunk = MigrateCommand.ChunkOption();
        var commit = MigrateCommand.CommitOption();
        var command = new Command("replicate", "Copy the raw rows above the target's high-water mark, then migrate only those in the target.");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(chunk);
        command.Options.Add(commit);
        command.SetAction(result =>
        {
            var chunkSize = MigrateCommand.ReadChunk(result, chunk);
            using var source = LakeDatabase.Open(StoreLocation.Parse(result.GetValue(from)!).MustExist("--from"));
            using var target = LakeDatabase.Open(StoreLocation.Parse(result.GetValue(to)!));
            var (copied, before, after) = Replicator.CopyNewRows(source, target, chunkSize ?? target.Engine.DefaultChunkSize);
            Console.WriteLine(copied == 0
                ? string.Create(CultureInfo.InvariantCulture, $"nothing new above raw id {before} in {source.Location}")
                : string.Create(CultureInfo.InvariantCulture, $"copied {copied} raw rows (ids {before + 1}-{after}) from {source.Location} to {target.Location}"));
            return MigrateCommand.Migrate(target, chunkSize, MigrateCommand.ReadCommit(result, commit));
        });
        return command;
    }
}
