using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Sdk;

namespace TapiGen.Tests.Infrastructure;

/// <summary>
/// Tests in this collection change process-wide environment variables
/// (<see cref="Snapshots.AcceptVariable"/>, <see cref="Snapshots.CiVariable"/>), so they must not run in
/// parallel with each other or with any other test (xunit runs such collections on their own).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SnapshotEnvironmentCollection
{
    public const string Name = "Snapshot environment variables";
}

[Collection(SnapshotEnvironmentCollection.Name)]
public sealed class SnapshotsTests : IDisposable
{
    private const string Cls = "Sample";
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _dir;
    private readonly EnvironmentScope _environment;

    public SnapshotsTests()
    {
        _dir = Path.Combine(Path.GetTempPath(), "TapiGen.SnapshotsTests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);

        // Every test starts from "not accepting", whatever the developer's shell or CI has set.
        _environment = new EnvironmentScope();
        _environment.Set(Snapshots.AcceptVariable, null);
    }

    public void Dispose()
    {
        _environment.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static IReadOnlyList<(string HintName, string Text)> Files(params (string HintName, string Text)[] files) => files;

    private string PathOf(string fileName) => Path.Combine(_dir, fileName);

    private void Write(string fileName, string text) => File.WriteAllText(PathOf(fileName), text, Utf8NoBom);

    private string[] FileNames() =>
        Directory.EnumerateFiles(_dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    private void VerifyFiles(string method, IReadOnlyList<(string HintName, string Text)> files, string diagnostics, string? variant = null) =>
        Snapshots.VerifyFiles(_dir, Cls, method, files, diagnostics, variant);

    [Fact]
    public void Match_passes_and_deletes_stale_received_files()
    {
        Write("Sample.M#Contoso.Foo.g.verified.cs", "namespace Contoso;\n\npartial class Foo { }\n");
        Write("Sample.M.verified.txt", Snapshots.NoDiagnosticsText);
        Write("Sample.M#Contoso.Foo.g.received.cs", "old received");
        Write("Sample.M#Gone.g.received.cs", "received of an output that no longer exists");
        Write("Sample.M.received.txt", "old received");

        VerifyFiles("M", Files(("Contoso.Foo.g.cs", "namespace Contoso;\n\npartial class Foo { }\n")), Snapshots.NoDiagnosticsText);

        Assert.Equal(new[] { "Sample.M#Contoso.Foo.g.verified.cs", "Sample.M.verified.txt" }, FileNames());
    }

    [Fact]
    public void Line_endings_are_normalized_when_comparing_and_writing()
    {
        Write("Sample.M#A.verified.cs", "a\r\nb\r\n");
        Write("Sample.M.verified.txt", "No diagnostics.\r\n");

        VerifyFiles("M", Files(("A.cs", "a\nb\n")), "No diagnostics.\n");
        Assert.Throws<XunitException>(() => VerifyFiles("M2", Files(("A.cs", "x\r\ny\r")), "d\r\n"));

        var bytes = File.ReadAllBytes(PathOf("Sample.M2#A.received.cs"));
        Assert.Equal("x\ny\n", Encoding.UTF8.GetString(bytes));
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "received file must not have a BOM");
        Assert.Equal("d\n", File.ReadAllText(PathOf("Sample.M2.received.txt")));
    }

    [Fact]
    public void Mismatch_throws_with_diff_and_writes_received_file()
    {
        const string verified = "line1\nline2\nline3\nline4\nline5\nline6\nline7\nline8\nline9\n";
        const string received = "line1\nline2\nline3\nline4\nCHANGED\nline6\nline7\nline8\nline9\n";
        Write("Sample.M#Contoso.Foo.g.verified.cs", verified);
        Write("Sample.M.verified.txt", Snapshots.NoDiagnosticsText);

        var ex = Assert.Throws<XunitException>(() =>
            VerifyFiles("M", Files(("Contoso.Foo.g.cs", received)), Snapshots.NoDiagnosticsText));

        Assert.Equal(received, File.ReadAllText(PathOf("Sample.M#Contoso.Foo.g.received.cs")));
        Assert.Equal(verified, File.ReadAllText(PathOf("Sample.M#Contoso.Foo.g.verified.cs")));
        Assert.False(File.Exists(PathOf("Sample.M.received.txt")), "matching diagnostics must not get a received file");

        var message = ex.Message.Replace("\r\n", "\n");
        Assert.Contains("Mismatch: Sample.M#Contoso.Foo.g.verified.cs", message);
        Assert.Contains("Received: Sample.M#Contoso.Foo.g.received.cs", message);
        Assert.Contains(
            "@@ -2,7 +2,7 @@\n" +
            "      2     2 | line2\n" +
            "      3     3 | line3\n" +
            "      4     4 | line4\n" +
            "-     5       | line5\n" +
            "+           5 | CHANGED\n" +
            "      6     6 | line6\n" +
            "      7     7 | line7\n" +
            "      8     8 | line8\n",
            message);
        Assert.DoesNotContain("| line1", message);
        Assert.DoesNotContain("| line9", message);
        Assert.Contains("set TAPIGEN_ACCEPT_SNAPSHOTS=1 and rerun", message);
        Assert.Contains("(1 problem)", message);
    }

    [Fact]
    public void All_problems_of_one_call_are_reported_together()
    {
        Write("Sample.M#A.verified.cs", "a\n");
        Write("Sample.M#B.verified.cs", "b\n");
        Write("Sample.M.verified.txt", "old diagnostics\n");

        var ex = Assert.Throws<XunitException>(() =>
            VerifyFiles("M", Files(("A.cs", "a2\n"), ("B.cs", "b2\n")), "new diagnostics\n"));

        Assert.Contains("(3 problems)", ex.Message);
        Assert.Contains("Mismatch: Sample.M#A.verified.cs", ex.Message);
        Assert.Contains("Mismatch: Sample.M#B.verified.cs", ex.Message);
        Assert.Contains("Mismatch: Sample.M.verified.txt", ex.Message);
        Assert.Contains("+           1 | new diagnostics", ex.Message);
        Assert.Contains("-     1       | old diagnostics", ex.Message);
        Assert.True(File.Exists(PathOf("Sample.M#A.received.cs")));
        Assert.True(File.Exists(PathOf("Sample.M#B.received.cs")));
        Assert.True(File.Exists(PathOf("Sample.M.received.txt")));
    }

    [Fact]
    public void Missing_verified_files_throw_and_write_received_files()
    {
        var ex = Assert.Throws<XunitException>(() =>
            VerifyFiles("M", Files(("Contoso.Foo.g.cs", "class Foo { }\n")), Snapshots.NoDiagnosticsText));

        Assert.Contains("Missing verified file: Sample.M#Contoso.Foo.g.verified.cs", ex.Message);
        Assert.Contains("Missing verified file: Sample.M.verified.txt", ex.Message);
        Assert.Contains("+           1 | class Foo { }", ex.Message);
        Assert.Contains("+           1 | No diagnostics.", ex.Message);
        Assert.Equal(new[] { "Sample.M#Contoso.Foo.g.received.cs", "Sample.M.received.txt" }, FileNames());
    }

    [Fact]
    public void Missing_diagnostics_snapshot_fails_even_when_there_are_no_sources()
    {
        var ex = Assert.Throws<XunitException>(() => VerifyFiles("M", Files(), Snapshots.NoDiagnosticsText));
        Assert.Contains("Missing verified file: Sample.M.verified.txt", ex.Message);
    }

    [Fact]
    public void Stale_verified_file_throws_and_is_kept()
    {
        Write("Sample.M#A.verified.cs", "a\n");
        Write("Sample.M#Removed.g.verified.cs", "removed output\n");
        Write("Sample.M.verified.txt", Snapshots.NoDiagnosticsText);
        // Snapshots of other tests / variants sharing the name prefix are not stale for Sample.M.
        Write("Sample.M_v1#Other.verified.cs", "x\n");
        Write("Sample.M2#Other.verified.cs", "x\n");
        Write("Sample.Mx.verified.txt", "x\n");

        var ex = Assert.Throws<XunitException>(() => VerifyFiles("M", Files(("A.cs", "a\n")), Snapshots.NoDiagnosticsText));

        Assert.Contains("Stale snapshot: Sample.M#Removed.g.verified.cs", ex.Message);
        Assert.Contains("delete it", ex.Message);
        Assert.Contains("(1 problem)", ex.Message);
        Assert.DoesNotContain("Sample.M_v1#Other", ex.Message);
        Assert.DoesNotContain("Sample.M2#Other", ex.Message);
        Assert.DoesNotContain("Sample.Mx", ex.Message);
        Assert.True(File.Exists(PathOf("Sample.M#Removed.g.verified.cs")));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("TRUE")]
    public void Accept_mode_writes_verified_files_and_deletes_stale_and_received_files(string acceptValue)
    {
        _environment.Set(Snapshots.AcceptVariable, acceptValue);
        _environment.Set(Snapshots.CiVariable, null);
        Write("Sample.M#A.verified.cs", "old a\n");
        Write("Sample.M#Removed.verified.cs", "removed\n");
        Write("Sample.M#A.received.cs", "old received\n");

        VerifyFiles("M", Files(("A.cs", "new a\r\n"), ("Contoso.B.g.cs", "b\n")), "diag\n");

        Assert.Equal(
            new[] { "Sample.M#A.verified.cs", "Sample.M#Contoso.B.g.verified.cs", "Sample.M.verified.txt" },
            FileNames());
        Assert.Equal("new a\n", File.ReadAllText(PathOf("Sample.M#A.verified.cs")));
        Assert.Equal("b\n", File.ReadAllText(PathOf("Sample.M#Contoso.B.g.verified.cs")));
        Assert.Equal("diag\n", File.ReadAllText(PathOf("Sample.M.verified.txt")));
    }

    [Fact]
    public void Accepted_snapshots_then_verify_without_accept_mode()
    {
        var nested = Path.Combine(_dir, "does", "not", "exist", "yet");
        _environment.Set(Snapshots.CiVariable, null);
        _environment.Set(Snapshots.AcceptVariable, "1");
        Snapshots.VerifyFiles(nested, Cls, "First", Files(("A.cs", "a\n")), "d\n");

        // Re-verify the same content under a second name (a prefix may only be verified once per run).
        foreach (var name in Directory.GetFiles(nested))
        {
            File.Copy(name, name.Replace("Sample.First", "Sample.Second", StringComparison.Ordinal));
        }

        _environment.Set(Snapshots.AcceptVariable, null);
        Snapshots.VerifyFiles(nested, Cls, "Second", Files(("A.cs", "a\n")), "d\n");
    }

    [Fact]
    public void CI_true_blocks_accept_mode()
    {
        _environment.Set(Snapshots.AcceptVariable, "1");
        _environment.Set(Snapshots.CiVariable, "true");
        Write("Sample.M#A.verified.cs", "old\n");
        Write("Sample.M#Removed.verified.cs", "removed\n");

        var ex = Assert.Throws<XunitException>(() => VerifyFiles("M", Files(("A.cs", "new\n")), "d\n"));

        Assert.Equal("old\n", File.ReadAllText(PathOf("Sample.M#A.verified.cs")));
        Assert.True(File.Exists(PathOf("Sample.M#Removed.verified.cs")));
        Assert.False(File.Exists(PathOf("Sample.M.verified.txt")));
        Assert.Equal("new\n", File.ReadAllText(PathOf("Sample.M#A.received.cs")));
        Assert.Contains("ignored because CI=true", ex.Message);
        Assert.Equal((false, true), Snapshots.GetAcceptMode());
    }

    [Fact]
    public void Accept_mode_is_off_by_default_and_for_other_values()
    {
        _environment.Set(Snapshots.CiVariable, null);
        Assert.Equal((false, false), Snapshots.GetAcceptMode());
        _environment.Set(Snapshots.AcceptVariable, "0");
        Assert.Equal((false, false), Snapshots.GetAcceptMode());
        _environment.Set(Snapshots.AcceptVariable, "yes please");
        Assert.Equal((false, false), Snapshots.GetAcceptMode());
        _environment.Set(Snapshots.AcceptVariable, "1");
        Assert.Equal((true, false), Snapshots.GetAcceptMode());
        _environment.Set(Snapshots.CiVariable, "false");
        Assert.Equal((true, false), Snapshots.GetAcceptMode());
    }

    [Fact]
    public void Variant_is_appended_to_the_method_name()
    {
        _environment.Set(Snapshots.CiVariable, null);
        _environment.Set(Snapshots.AcceptVariable, "1");

        VerifyFiles("Theory", Files(("Contoso.Foo.g.cs", "a\n")), "d\n", variant: "case1");
        VerifyFiles("Theory", Files(("Contoso.Foo.g.cs", "b\n")), "d\n", variant: "case2");

        Assert.Equal(
            new[]
            {
                "Sample.Theory_case1#Contoso.Foo.g.verified.cs",
                "Sample.Theory_case1.verified.txt",
                "Sample.Theory_case2#Contoso.Foo.g.verified.cs",
                "Sample.Theory_case2.verified.txt",
            },
            FileNames());
    }

    [Fact]
    public void Verifying_the_same_snapshot_name_twice_in_one_run_throws()
    {
        Write("Sample.Twice.verified.txt", "d\n");
        VerifyFiles("Twice", Files(), "d\n");

        var ex = Assert.Throws<XunitException>(() => VerifyFiles("Twice", Files(), "d\n"));
        Assert.Contains("already verified", ex.Message);
        Assert.Contains("variant", ex.Message);
    }

    [Theory]
    [InlineData("Contoso.Foo.g.cs", "Contoso.Foo.g")]
    [InlineData("Foo.CS", "Foo")]
    [InlineData("Foo", "Foo")]
    [InlineData("Sub/Dir\\Foo.g.cs", "Sub_Dir_Foo.g")]
    public void Hint_names_map_to_file_stems_like_Verify(string hintName, string expected)
    {
        Assert.Equal(expected, Snapshots.HintNameToFileStem(hintName));
    }

    [Fact]
    public void Hint_names_mapping_to_the_same_file_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => VerifyFiles("M", Files(("A.cs", "1"), ("a", "2")), "d\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a#b")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    public void Invalid_variants_are_rejected(string variant)
    {
        Assert.Throws<ArgumentException>(() => VerifyFiles("M", Files(), "d\n", variant));
    }

    [Fact]
    public void Diff_is_capped()
    {
        var verified = string.Concat(Enumerable.Range(0, 500).Select(i => $"old {i}\n"));
        var received = string.Concat(Enumerable.Range(0, 500).Select(i => $"new {i}\n"));
        Write("Sample.M#A.verified.cs", verified);
        Write("Sample.M.verified.txt", "d\n");

        var ex = Assert.Throws<XunitException>(() => VerifyFiles("M", Files(("A.cs", received)), "d\n"));

        Assert.Contains("diff truncated", ex.Message);
        Assert.InRange(ex.Message.Split('\n').Length, 200, 230);
        Assert.Equal(received, File.ReadAllText(PathOf("Sample.M#A.received.cs")));
    }

    [Fact]
    public void Diff_explains_a_difference_only_in_the_final_newline()
    {
        var diff = Snapshots.BuildDiff("a\nb\n", "a\nb");
        Assert.Contains("differ only in the newline at the end of the file", diff);
        Assert.Contains("received has no newline at end of file", diff);
    }

    [Fact]
    public void Diff_shows_old_and_new_line_numbers_for_insertions_and_deletions()
    {
        var diff = Snapshots.BuildDiff("a\nb\nc\n", "a\nc\nd\n");
        Assert.Equal(
            "--- verified\n" +
            "+++ received\n" +
            "@@ -1,3 +1,3 @@\n" +
            "      1     1 | a\n" +
            "-     2       | b\n" +
            "      3     2 | c\n" +
            "+           3 | d\n",
            diff);
    }

    [Fact]
    public void FormatDiagnostics_is_stable_and_uses_file_names_only()
    {
        var descriptorA = new DiagnosticDescriptor("TG0002", "A", "Second id at '{0}'", "Test", DiagnosticSeverity.Error, true);
        var descriptorB = new DiagnosticDescriptor("TG0001", "B", "First id\r\nsecond line", "Test", DiagnosticSeverity.Warning, true);
        var descriptorC = new DiagnosticDescriptor("TG0003", "C", "No location", "Test", DiagnosticSeverity.Info, true);
        var treeA = CSharpSyntaxTree.ParseText("class A\n{\n}\n", path: Path.Combine("some", "dir", "A.cs"));
        var treeB = CSharpSyntaxTree.ParseText("class B { }", path: "C:\\other\\B.cs");

        var diagnostics = new[]
        {
            Diagnostic.Create(descriptorB, Location.Create(treeB, new TextSpan(6, 1))),
            Diagnostic.Create(descriptorA, Location.Create(treeA, new TextSpan(10, 1)), "brace"),
            Diagnostic.Create(descriptorB, Location.Create(treeA, new TextSpan(10, 1))),
            Diagnostic.Create(descriptorA, Location.Create(treeA, new TextSpan(0, 7)), "class"),
            Diagnostic.Create(descriptorC, Location.None),
        };

        var text = Snapshots.FormatDiagnostics(diagnostics);

        // Order: by path ("" < "C:\other\B.cs" < "some/dir/A.cs" ordinal), then line, column, id.
        Assert.Equal(
            "TG0003 Info (no location): No location\n" +
            "TG0001 Warning B.cs(1,7)-(1,8): First id\n" +
            "    second line\n" +
            "TG0002 Error A.cs(1,1)-(1,8): Second id at 'class'\n" +
            "TG0001 Warning A.cs(3,1)-(3,2): First id\n" +
            "    second line\n" +
            "TG0002 Error A.cs(3,1)-(3,2): Second id at 'brace'\n",
            text);
        Assert.Equal(text, Snapshots.FormatDiagnostics(diagnostics.Reverse()));
        Assert.Equal("No diagnostics.\n", Snapshots.FormatDiagnostics(Array.Empty<Diagnostic>()));
    }

    [Fact]
    public void Verify_run_result_checks_all_generated_sources_and_diagnostics()
    {
        Write("Sample.Run#Contoso.Attribute.g.verified.cs", "namespace Contoso;\n\ninternal sealed class MarkerAttribute : System.Attribute { }\n");
        Write("Sample.Run#Contoso.Foo.g.verified.cs", "namespace Contoso;\n\npartial class Foo { }\n");
        Write("Sample.Run.verified.txt", "TG9999 Warning Input.cs(1,7)-(1,8): Found type 'C'\n");

        Snapshots.Verify(_dir, Cls, "Run", RunSampleGenerator());

        // Removing one expected output makes the remaining verified file stale.
        File.Copy(PathOf("Sample.Run.verified.txt"), PathOf("Sample.Run2.verified.txt"));
        File.Copy(PathOf("Sample.Run#Contoso.Foo.g.verified.cs"), PathOf("Sample.Run2#Contoso.Foo.g.verified.cs"));
        File.Copy(PathOf("Sample.Run#Contoso.Attribute.g.verified.cs"), PathOf("Sample.Run2#Contoso.Attribute.g.verified.cs"));
        Write("Sample.Run2#Contoso.Extra.g.verified.cs", "extra\n");
        var ex = Assert.Throws<XunitException>(() => Snapshots.Verify(_dir, Cls, "Run2", RunSampleGenerator()));
        Assert.Contains("Stale snapshot: Sample.Run2#Contoso.Extra.g.verified.cs", ex.Message);
    }

    [Fact]
    public void Public_entry_points_resolve_the_folder_from_the_caller_file()
    {
        // A caller path whose directory does not exist (e.g. a path-mapped CI build) is a clear error,
        // not a silently created folder somewhere else.
        var missing = Path.Combine(_dir, "missing", "SomeTests.cs");
        Assert.Throws<InvalidOperationException>(() => Snapshots.VerifyFiles(Files(), "d\n", sourceFile: missing, method: "M"));
        Assert.Throws<ArgumentException>(() => Snapshots.VerifyFiles(Files(), "d\n", sourceFile: "relative/SomeTests.cs", method: "M"));
        Assert.False(Directory.Exists(Path.Combine(_dir, "missing")));

        // An existing caller directory: files go to "<dir>/Snapshots/SomeTests.M...".
        var source = Path.Combine(_dir, "SomeTests.cs");
        Assert.Throws<XunitException>(() => Snapshots.VerifyFiles(Files(("X.g.cs", "x\n")), "d\n", sourceFile: source, method: "M"));
        Assert.Equal(
            new[] { "SomeTests.M#X.g.received.cs", "SomeTests.M.received.txt" },
            Directory.EnumerateFiles(Path.Combine(_dir, "Snapshots")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    private static GeneratorDriverRunResult RunSampleGenerator()
    {
        var compilation = CSharpCompilation.Create(
            "SnapshotSample",
            new[] { CSharpSyntaxTree.ParseText("class C { }", path: Path.Combine("src", "Input.cs")) });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new SampleGenerator().AsSourceGenerator());
        return driver.RunGenerators(compilation).GetRunResult();
    }

    private sealed class SampleGenerator : IIncrementalGenerator
    {
#pragma warning disable RS2008 // Test-only descriptor: no analyzer release tracking.
        private static readonly DiagnosticDescriptor Descriptor =
            new("TG9999", "Sample", "Found type '{0}'", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            context.RegisterPostInitializationOutput(c => c.AddSource(
                "Contoso.Attribute.g.cs",
                "namespace Contoso;\r\n\r\ninternal sealed class MarkerAttribute : System.Attribute { }\r\n"));

            context.RegisterSourceOutput(context.CompilationProvider, (spc, compilation) =>
            {
                var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Input.cs", StringComparison.Ordinal));
                spc.AddSource("Contoso.Foo.g.cs", "namespace Contoso;\n\npartial class Foo { }\n");
                spc.ReportDiagnostic(Diagnostic.Create(Descriptor, Location.Create(tree, new TextSpan(6, 1)), "C"));
            });
        }
    }

    /// <summary>Sets environment variables for one test and restores the original values on dispose.</summary>
    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _original = new(StringComparer.Ordinal);

        public void Set(string name, string? value)
        {
            if (!_original.ContainsKey(name))
            {
                _original[name] = Environment.GetEnvironmentVariable(name);
            }

            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose()
        {
            foreach (var (name, value) in _original)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
