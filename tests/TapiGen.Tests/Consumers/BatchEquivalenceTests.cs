using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Generator.Generation;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;
using TapiGen.Generator.Roslyn;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Consumers
{
    /// <summary>
    /// The build task's path (settings read by the core, <see cref="Batch.Run"/>) makes the same files, byte for byte,
    /// and the same diagnostics as the incremental generator, for every real page and every test page.
    /// </summary>
    public class BatchEquivalenceTests
    {
        public static TheoryData<string> Sets => new TheoryData<string> { "corpus", "test pages", "settings changed", "bad setting" };

        [Theory]
        [MemberData(nameof(Sets))]
        public void The_batch_run_equals_the_generator(string set)
        {
            List<TestManifest> manifests = Manifests(set);
            var global = new Dictionary<string, string>(StringComparer.Ordinal) { ["build_property.RootNamespace"] = GeneratorHarness.DefaultNamespace };
            if (set == "settings changed")
            {
                global["build_property.TapiGenMemberNames"] = "DotNet";
                global["build_property.TapiGenJsonNaming"] = "CamelCase";
                global["build_property.TapiGenAccessibility"] = "internal";
                global["build_property.TapiGenJsonUndefined"] = "Error";
            }

            if (set == "bad setting")
            {
                global["build_property.TapiGenTextNames"] = "nonsense"; // TG0018 once; the manifests generate nothing
            }

            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            GeneratorHarness.RunOutput generated = GeneratorHarness.Run(manifests, new GeneratorHarness.RunOptions(GlobalOptions: global));
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(parseOptions, null, TargetRefs.Net80);
            CompilationFacts facts = CompilationFactsReader.Read(compilation, parseOptions);

            var files = manifests.Select(m => SettingsReader.Manifest(m.Path, m.Text, new Settings(global, m))).ToList();
            BatchResult batch = Batch.Run(files, Array.Empty<OverridesFile>(), Array.Empty<HeaderFile>(), facts, referencedIndirectly: false, CancellationToken.None);

            var expectedFiles = generated.Result.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(f => f.HintName, StringComparer.Ordinal).ToList();
            Assert.True(expectedFiles.Count > 0 == (set != "bad setting"));
            Assert.Equal(expectedFiles.Select(f => f.HintName), batch.Files.Select(f => f.HintName));
            for (int i = 0; i < expectedFiles.Count; i++)
            {
                Assert.True(expectedFiles[i].Item2 == batch.Files[i].Text, expectedFiles[i].HintName + " differs");
            }

            Assert.Equal(
                generated.Result.Diagnostics.Select(Describe).OrderBy(d => d, StringComparer.Ordinal),
                batch.Diagnostics.Select(d => Describe(RoslynDiagnostics.Create(d))).OrderBy(d => d, StringComparer.Ordinal));
        }

        private static string Describe(Diagnostic d)
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            return d.Id + " " + span.Path + " " + span.StartLinePosition + "-" + span.EndLinePosition + " " + d.Location.SourceSpan + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static List<TestManifest> Manifests(string set)
        {
            if (set == "corpus" || set == "settings changed")
            {
                Assert.True(RepoPaths.CorpusAvailable, "../shared/corpus is missing");
                return Directory.EnumerateFiles(RepoPaths.CorpusRoot, "*.md", SearchOption.AllDirectories)
                    .Where(p => Path.GetFileName(p).StartsWith("ne-", StringComparison.Ordinal))
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .Select(p => new TestManifest(p, File.ReadAllText(p), "Corpus." + Path.GetFileName(Path.GetDirectoryName(p))!.Replace("-", "_") + "." + Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p)))!.Replace("-", "_")))
                    .ToList();
            }

            return Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Manifests"), "ne-*.md")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new TestManifest("/pages/" + Path.GetFileName(p), File.ReadAllText(p)))
                .ToList();
        }

        /// <summary>The same settings the harness hands the generator, as MSBuild names.</summary>
        private sealed class Settings : IBuildSettings
        {
            private readonly Dictionary<string, string> _global;
            private readonly TestManifest _manifest;

            public Settings(Dictionary<string, string> global, TestManifest manifest)
            {
                _global = global;
                _manifest = manifest;
            }

            public bool TryGetMetadata(string name, out string? value)
            {
                value = name == "Namespace" ? _manifest.Namespace : _manifest.Metadata is { } m && m.TryGetValue(name, out string? v) ? v : null;
                return value is not null;
            }

            public bool TryGetProperty(string name, out string? value)
            {
                bool found = _global.TryGetValue("build_property." + name, out string? v);
                value = v;
                return found;
            }
        }
    }
}
