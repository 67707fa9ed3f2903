using UpStats.Time.Cli;

// The tool only parses arguments and prints; all time logic is in the UpStats.Time library.
return CliApp.Run(args);
