using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace UpStats.Time.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/*.md is a complete program that compiles against the library and
/// runs, and prints what its comments say: a comment after <c>Console.WriteLine(…);</c> is the line it prints, and
/// <c>// prints: …</c> with indented <c>//</c> lines below it are the lines a loop above prints. A printed line matches
/// its comment when they are equal or the comment goes on with a note in parentheses.
/// </summary>
/// <remarks>
/// Blocks run with the en-US culture, so a culture-dependent <c>ToString()</c> that the docs show in ISO form fails
/// here the way it would on a reader's machine.
/// </remarks>
[Collection(nameof(ConsoleCapture))]
public partial class DocCodeBlocksTest
{
    internal static string RepositoryRoot { get; } = UpStats.Time.TestSupport.RepositoryRoot.Path;

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in MarkdownFiles())
        {
            int count = CSharpBlock().Matches(File.ReadAllText(Path.Combine(RepositoryRoot, file))).Count;
            for (int i = 0; i < count; i++)
            {
                data.Add(file, i);
            }
        }
        return data;
    }

    [Fact]
    public void Docs_HaveCSharpBlocksToCheck() => Assert.True(Blocks().Count >= 8);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_CompilesRunsAndPrintsWhatItsCommentsSay(string file, int index)
    {
        string code = CSharpBlock().Matches(File.ReadAllText(Path.Combine(RepositoryRoot, file)))[index].Groups[1].Value;
        var assembly = Compile(code, $"{file} block {index + 1}");
        string printed = Run(assembly);
        var expected = ExpectedLines(code);
        if (expected.Count == 0)
        {
            return; // the block runs; it promises no output
        }
        var lines = printed.Split('\n', StringSplitOptions.None)[..^1];
        Assert.True(lines.Length == expected.Count,
            $"{file} block {index + 1} printed {lines.Length} lines, its comments show {expected.Count}:\n{printed}");
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.True(Matches(lines[i], expected[i]), $"{file} block {index + 1}, line {i + 1}: printed '{lines[i]}', the comment says '{expected[i]}'");
        }
    }

    [Fact]
    public void Docs_AndSources_NeverPointAtTheInternalSpecification()
    {
        var offenders = MarkdownFiles()
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(RepositoryRoot, f)))
            .Where(f => File.ReadAllText(Path.Combine(RepositoryRoot, f)).Contains("SPEC.md", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }

    private static bool Matches(string printed, string expected) =>
        printed == expected || (printed.Length > 0 && expected.StartsWith(printed + " (", StringComparison.Ordinal));

    internal static List<string> ExpectedLines(string code)
    {
        var expected = new List<string>();
        bool inPrints = false;
        foreach (var raw in code.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("// prints: ", StringComparison.Ordinal))
            {
                expected.Add(trimmed["// prints: ".Length..].Trim());
                inPrints = true;
                continue;
            }
            if (inPrints && trimmed.StartsWith("//", StringComparison.Ordinal) && trimmed.Length > 2 && trimmed[2] == ' ')
            {
                expected.Add(trimmed[2..].Trim());
                continue;
            }
            inPrints = false;
            if (PrintWithComment().Match(line) is { Success: true } match)
            {
                expected.Add(match.Groups[1].Value.Trim());
            }
        }
        return expected;
    }

    private static IEnumerable<string> MarkdownFiles() =>
        new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "docs"), "*.md")
            .Select(f => Path.GetRelativePath(RepositoryRoot, f)).Order(StringComparer.Ordinal));

    private static Assembly Compile(string code, string name)
    {
        // A new console app's implicit usings, as a reader pasting the block into `dotnet new console` has them.
        const string ImplicitUsings = "global using System; global using System.IO; global using System.Linq; "
            + "global using System.Collections.Generic; global using System.Threading.Tasks;";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "DocBlock" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(ImplicitUsings), CSharpSyntaxTree.ParseText(code, path: name)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(emitted.Success, $"{name} does not compile:\n{string.Join("\n", errors)}");
        image.Position = 0;
        return new AssemblyLoadContext(name, isCollectible: true).LoadFromStream(image);
    }

    private static string Run(Assembly assembly)
    {
        var entry = assembly.EntryPoint!;
        var output = new StringWriter { NewLine = "\n" };
        var (console, culture) = (Console.Out, CultureInfo.CurrentCulture);
        try
        {
            Console.SetOut(output);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            object? result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            (result as Task)?.GetAwaiter().GetResult();
        }
        finally
        {
            Console.SetOut(console);
            CultureInfo.CurrentCulture = culture;
        }
        return output.ToString();
    }

    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"Console\.WriteLine\(.*\);\s*//\s?(.*)$")]
    private static partial Regex PrintWithComment();
}

/// <summary>Tests that redirect <see cref="Console.Out"/> run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;
