using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Generator.Parsing;
using TapiGen.Tasks;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Consumers
{
    /// <summary>
    /// The MSBuild task of build-task mode, run in process as MSBuild runs it (items, metadata, properties and the
    /// compiler's reference paths): its files are byte for byte the generator's for every corpus page, its
    /// diagnostics the generator's at the same file, line and column, and a second run rewrites nothing.
    /// </summary>
    public sealed class BuildTaskTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "tapigen-task-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }

        [Fact]
        public void The_task_writes_the_generators_files_for_every_corpus_page()
        {
            Assert.True(RepoPaths.CorpusAvailable, "../shared/corpus is missing");
            List<TestManifest> manifests = Directory.EnumerateFiles(RepoPaths.CorpusRoot, "ne-*.md", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new TestManifest(p, File.ReadAllText(p), "Corpus." + Path.GetFileName(Path.GetDirectoryName(p))!.Replace("-", "_") + "." + Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p)))!.Replace("-", "_")))
                .ToList();
            Assert.True(manifests.Count > 50, manifests.Count + " corpus pages");

            (List<(string HintName, string Text)> expected, _) = Generate(manifests);
            (GenerateTapiEnums task, RecordingEngine engine) = Run(manifests);

            Assert.True(expected.Count > 2 * manifests.Count, expected.Count + " files");
            Assert.Equal(expected.Select(f => f.HintName), task.GeneratedFiles.Select(f => Path.GetFileName(f.ItemSpec)));
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
            foreach ((string hintName, string text) in expected)
            {
                byte[] written = File.ReadAllBytes(Path.Combine(Output, hintName));
                // What the compiler would write for the generator's file (EmitCompilerGeneratedFiles): UTF-8 with a BOM.
                Assert.True(utf8.GetPreamble().Concat(utf8.GetBytes(text)).SequenceEqual(written), hintName + " differs from the generator's");
            }

            Assert.Equal(engine.Errors.Count == 0, engine.Succeeded);
        }

        [Fact]
        public void The_task_reports_the_generators_diagnostics_at_the_same_places_and_still_writes_the_good_manifests()
        {
            List<TestManifest> manifests = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Manifests"), "ne-*.md")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new TestManifest(p, File.ReadAllText(p)))
                .ToList();

            (List<(string HintName, string Text)> expectedFiles, List<Diagnostic> expected) = Generate(manifests);
            (GenerateTapiEnums task, RecordingEngine engine) = Run(manifests);

            Assert.Contains(expected, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Contains(expected, d => d.Severity == DiagnosticSeverity.Warning);
            Assert.Equal(
                expected.Where(d => d.Severity != DiagnosticSeverity.Hidden).Select(Describe).OrderBy(d => d, StringComparer.Ordinal),
                engine.All.OrderBy(d => d, StringComparer.Ordinal));
            Assert.False(engine.Succeeded, "Execute must fail when it logged an error");
            Assert.Equal(expectedFiles.Select(f => f.HintName), task.GeneratedFiles.Select(f => Path.GetFileName(f.ItemSpec)));
        }

        [Fact]
        public void A_second_run_rewrites_nothing_and_a_manifest_left_out_loses_its_files()
        {
            List<TestManifest> manifests = new[] { "ne-tapi3-agent_session_event.md", "ne-tapi3if-tapi_event.md" }
                .Select(name => Path.Combine(AppContext.BaseDirectory, "Manifests", name))
                .Select(p => new TestManifest(p, File.ReadAllText(p)))
                .ToList();

            Run(manifests);
            var times = Directory.GetFiles(Output).ToDictionary(f => f, File.GetLastWriteTimeUtc);
            foreach (string file in times.Keys)
            {
                File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            }

            Run(manifests);
            Assert.All(Directory.GetFiles(Output), f => Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(f)));

            (GenerateTapiEnums task, _) = Run(manifests.Take(1).ToList());
            string[] left = Directory.GetFiles(Output).Select(f => Path.GetFileName(f)!).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.Equal(task.GeneratedFiles.Select(f => Path.GetFileName(f.ItemSpec)), left);
            Assert.DoesNotContain(left, f => f.Contains("TAPI_EVENT", StringComparison.Ordinal));
            Assert.Contains(left, f => f.Contains("AGENT_SESSION_EVENT", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("overrides")]
        [InlineData("header")]
        public void A_file_over_the_size_limit_gets_the_generators_diagnostic(string which)
        {
            Directory.CreateDirectory(_directory);
            string big = new string(' ', Limits.MaxFileChars) + "x";
            TestManifest page = TestManifests.Inline("E", "A:1", "B:2") with { Path = Path.Combine(_directory, "e.md") };
            TestManifest file = which == "overrides"
                ? new TestManifest(page.Path + ".tapigen", big, IsManifest: false, Metadata: new Dictionary<string, string> { ["TapiGenOverridesFor"] = page.Path })
                : new TestManifest(Path.Combine(_directory, "test.h"), big, IsManifest: false, Metadata: new Dictionary<string, string> { ["TapiGenHeader"] = "true" });
            File.WriteAllText(page.Path, page.Text);
            File.WriteAllText(file.Path, file.Text);

            (_, List<Diagnostic> expected) = Generate(new List<TestManifest> { page, file });
            ITaskItem[] items = { Item(file.Path, file.Metadata!.Keys.Single(), file.Metadata.Values.Single()) };
            (_, RecordingEngine engine) = which == "overrides" ? Run(new List<TestManifest> { page }, overrides: items) : Run(new List<TestManifest> { page }, headers: items);

            // The file is reported, not read, in the same words and at the same place as by the generator: for the
            // overrides file the manifest is not generated (TG0023), for the header the enum is unverified (TG0033).
            Diagnostic reported = Assert.Single(expected, d => d.Severity != DiagnosticSeverity.Hidden && d.GetMessage(CultureInfo.InvariantCulture).Contains(Path.GetFileName(file.Path), StringComparison.Ordinal));
            Assert.Equal(which == "overrides" ? "TG0023" : "TG0033", reported.Id);
            Assert.Contains("8,388,609 characters, over TapiGen's limit of 8,388,608", reported.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(
                expected.Where(d => d.Severity != DiagnosticSeverity.Hidden).Select(Describe).OrderBy(d => d, StringComparer.Ordinal),
                engine.All.OrderBy(d => d, StringComparer.Ordinal));
        }

        private static ITaskItem Item(string path, string metadata, string value)
        {
            var item = new TaskItem(path);
            item.SetMetadata(metadata, value);
            return item;
        }

        [Theory]
        [InlineData("7.3", "", 703)]
        [InlineData("12", "", 1200)]
        [InlineData("latest", "10.0.100", 1400)]
        [InlineData("", "9.0.300", 1300)]
        [InlineData("preview", "8.0.400", 1200)]
        [InlineData("latestMajor", "10.0.100", 1400)]
        [InlineData("default", "10.0.100", 1400)]
        public void LangVersion_means_what_the_compiler_takes_it_to_mean(string langVersion, string sdk, int expected)
            => Assert.Equal(expected, LanguageVersions.Number(langVersion, sdk));

        private string Output => Path.Combine(_directory, "TapiGen");

        private static (List<(string HintName, string Text)> Files, List<Diagnostic> Diagnostics) Generate(List<TestManifest> manifests)
        {
            var global = new Dictionary<string, string>(StringComparer.Ordinal) { ["build_property.RootNamespace"] = GeneratorHarness.DefaultNamespace };
            GeneratorHarness.RunOutput generated = GeneratorHarness.Run(manifests, new GeneratorHarness.RunOptions(GlobalOptions: global));
            GeneratorRunResult result = generated.Result.Results.Single();
            return (
                result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(f => f.HintName, StringComparer.Ordinal).ToList(),
                generated.Result.Diagnostics.ToList());
        }

        /// <summary>Runs the task as TapiGen.targets calls it, for a net8.0 project with the latest C#, as the harness compiles.</summary>
        private (GenerateTapiEnums Task, RecordingEngine Engine) Run(List<TestManifest> manifests, ITaskItem[]? overrides = null, ITaskItem[]? headers = null)
        {
            var engine = new RecordingEngine();
            var task = new GenerateTapiEnums
            {
                BuildEngine = engine,
                Manifests = manifests.Select(m =>
                {
                    var item = new TaskItem(m.Path);
                    if (m.Namespace is not null)
                    {
                        item.SetMetadata("Namespace", m.Namespace);
                    }

                    return (ITaskItem)item;
                }).ToArray(),
                Properties = new ITaskItem[] { Property("RootNamespace", GeneratorHarness.DefaultNamespace), Property("TapiGenNamespace", string.Empty) },
                References = ReferencePaths(),
                LangVersion = "latest",
                SdkVersion = "10.0.100",
                TargetFrameworkIdentifier = ".NETCoreApp",
                TargetFrameworkVersion = "v8.0",
                OutputDirectory = Output,
                OverridesFiles = overrides ?? Array.Empty<ITaskItem>(),
                Headers = headers ?? Array.Empty<ITaskItem>(),
            };
            engine.Succeeded = task.Execute();
            return (task, engine);
        }

        private static ITaskItem Property(string name, string value)
        {
            var item = new TaskItem(name);
            item.SetMetadata("Value", value);
            return item;
        }

        private static ITaskItem[]? s_references;

        /// <summary>The harness's net8.0 reference assemblies, written to disk as @(ReferencePath) would name them.</summary>
        private static ITaskItem[] ReferencePaths()
        {
            if (s_references is null)
            {
                string folder = Path.Combine(Path.GetTempPath(), "tapigen-net80-refs");
                Directory.CreateDirectory(folder);
                var items = new List<ITaskItem>();
                foreach (var info in Net80.ReferenceInfos.All)
                {
                    string path = Path.Combine(folder, info.FileName);
                    if (!File.Exists(path) || new FileInfo(path).Length != info.ImageBytes.Length)
                    {
                        File.WriteAllBytes(path, info.ImageBytes);
                    }

                    items.Add(new TaskItem(path));
                }

                s_references = items.ToArray();
            }

            return s_references;
        }

        /// <summary>How a diagnostic reads in the build log: id, file, 1-based line and column range, message.</summary>
        private static string Describe(Diagnostic d)
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            bool located = d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile;
            return string.Join(
                " | ",
                d.Severity == DiagnosticSeverity.Error ? "error" : d.Severity == DiagnosticSeverity.Warning ? "warning" : "message",
                d.Id,
                located ? span.Path : string.Empty,
                located ? (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "-" + (span.EndLinePosition.Line + 1) + "," + (span.EndLinePosition.Character + 1) : "0,0-0,0",
                d.GetMessage(CultureInfo.InvariantCulture));
        }

        /// <summary>Records what the task logs, as the build log would show it.</summary>
        private sealed class RecordingEngine : IBuildEngine
        {
            public List<string> Errors { get; } = new List<string>();

            public bool Succeeded { get; set; }

            public List<string> All { get; } = new List<string>();

            public bool ContinueOnError => false;

            public int LineNumberOfTaskNode => 0;

            public int ColumnNumberOfTaskNode => 0;

            public string ProjectFileOfTaskNode => "test.csproj";

            public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

            public void LogCustomEvent(CustomBuildEventArgs e)
            {
            }

            public void LogErrorEvent(BuildErrorEventArgs e)
            {
                string line = Format("error", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, e.Message);
                Errors.Add(line);
                All.Add(line);
            }

            public void LogWarningEvent(BuildWarningEventArgs e)
                => All.Add(Format("warning", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, e.Message));

            public void LogMessageEvent(BuildMessageEventArgs e)
            {
                if (!string.IsNullOrEmpty(e.Code))
                {
                    All.Add(Format("message", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, e.Message));
                }
            }

            private static string Format(string severity, string? code, string? file, int line, int column, int endLine, int endColumn, string? message)
                => string.Join(" | ", severity, code, file ?? string.Empty, line + "," + column + "-" + endLine + "," + endColumn, message);
        }
    }
}
