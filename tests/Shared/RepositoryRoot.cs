namespace UpStats.Time.TestSupport;

/// <summary>The checkout's root folder (the one holding UpStats.Time.sln), for tests that read README.md and docs/.</summary>
/// <remarks>Compiled into each test project that needs it (a linked file), so no test project depends on another.</remarks>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "UpStats.Time.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("UpStats.Time.sln not found above the test's folder");
    }
}
