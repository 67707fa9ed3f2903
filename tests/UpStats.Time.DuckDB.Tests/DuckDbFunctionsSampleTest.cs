using DuckDbFunctions;

namespace UpStats.Time.DuckDB.Tests;

/// <summary>The DuckDbFunctions sample end to end: files generated, queried with the functions, checked against the library.</summary>
public sealed class DuckDbFunctionsSampleTest : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "duckdb-functions-test-" + Guid.NewGuid().ToString("N"));

    public DuckDbFunctionsSampleTest() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(29)]
    public void Run_GeneratedEventFiles_SqlAndLibraryAgree(int seed)
    {
        var log = new StringWriter();
        bool agree = FunctionsCheck.Run(_directory, files: 3, rowsPerFile: 3_000, seed, log);
        Assert.True(agree, log.ToString());
        string text = log.ToString();
        Assert.Equal(4, text.Split('\n').Count(l => l.StartsWith("[ok] ", StringComparison.Ordinal)));
        Assert.DoesNotContain("[FAIL]", text, StringComparison.Ordinal);
        Assert.Contains("malformed rows listed with position and reason", text, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(_directory, "*.jsonl").Length);
    }
}
