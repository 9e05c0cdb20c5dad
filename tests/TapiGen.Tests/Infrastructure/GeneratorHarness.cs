using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TapiGen.Generator;
using Xunit;

namespace TapiGen.Tests.Infrastructure
{
    /// <summary>A manifest for a test run: a path (only its name shows in output) and its text.</summary>
    /// <remarks>
    /// With <paramref name="IsManifest"/> false it is an ordinary additional file (not a TapiEnum item).
    /// <paramref name="Metadata"/> is further TapiEnum item metadata by name (EnumName, Flags, ...), as MSBuild passes it.
    /// </remarks>
    public sealed record TestManifest(string Path, string Text, string? Namespace = null, bool IsManifest = true, IReadOnlyDictionary<string, string>? Metadata = null)
    {
        /// <summary>This manifest with one more item metadata value.</summary>
        public TestManifest WithMetadata(string name, string value)
        {
            var metadata = new Dictionary<string, string>(Metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [name] = value };
            return this with { Metadata = metadata };
        }
    }

    /// <summary>Which reference assemblies a compilation is checked against.</summary>
    public enum TargetRefs
    {
        Net80,
        NetStandard20,
        Net472,
    }

    /// <summary>Runs the generator the way the compiler does, and compiles what it produced.</summary>
    public static class GeneratorHarness
    {
        public const string DefaultNamespace = "Tapi.Tests";

        public static GeneratorDriverRunResult Run(params TestManifest[] manifests)
            => Run(manifests, new RunOptions()).Result;

        public sealed record RunOptions(
            LanguageVersion LanguageVersion = LanguageVersion.Latest,
            IReadOnlyDictionary<string, string>? GlobalOptions = null,
            bool TrackSteps = false,
            TargetRefs Refs = TargetRefs.Net80);

        public sealed record RunOutput(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation OutputCompilation);

        public static RunOutput Run(IEnumerable<TestManifest> manifests, RunOptions options, string? extraSource = null)
        {
            CSharpParseOptions parseOptions = new CSharpParseOptions(options.LanguageVersion);
            Compilation compilation = CreateCompilation(parseOptions, extraSource, options.Refs);
            GeneratorDriver driver = CreateDriver(manifests, options, parseOptions);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            return new RunOutput(driver, driver.GetRunResult(), output);
        }

        public static GeneratorDriver CreateDriver(IEnumerable<TestManifest> manifests, RunOptions options, CSharpParseOptions parseOptions)
            => CreateDriver(manifests, options, parseOptions, out _);

        /// <summary>Creates a driver and hands back the additional texts, so a test can replace one of them.</summary>
        public static GeneratorDriver CreateDriver(IEnumerable<TestManifest> manifests, RunOptions options, CSharpParseOptions parseOptions, out IReadOnlyList<AdditionalText> additionalTexts)
        {
            var global = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["build_property.RootNamespace"] = DefaultNamespace,
            };
            foreach (KeyValuePair<string, string> kv in options.GlobalOptions ?? new Dictionary<string, string>())
            {
                global[kv.Key] = kv.Value;
            }

            var texts = new List<AdditionalText>();
            var perFile = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (TestManifest manifest in manifests)
            {
                texts.Add(new TestAdditionalText(manifest.Path, manifest.Text));
                var fileOptions = new Dictionary<string, string>(StringComparer.Ordinal);
                if (manifest.IsManifest)
                {
                    fileOptions["build_metadata.AdditionalFiles.TapiGenManifest"] = "true";
                }
                if (manifest.Namespace is not null)
                {
                    fileOptions["build_metadata.AdditionalFiles.Namespace"] = manifest.Namespace;
                }

                foreach (KeyValuePair<string, string> item in manifest.Metadata ?? new Dictionary<string, string>())
                {
                    fileOptions["build_metadata.AdditionalFiles." + item.Key] = item.Value;
                }

                perFile[manifest.Path] = fileOptions;
            }

            additionalTexts = texts;
            return CSharpGeneratorDriver.Create(
                new[] { new TapiGenGenerator().AsSourceGenerator() },
                texts,
                parseOptions,
                new TestOptionsProvider(global, perFile),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: options.TrackSteps));
        }

        public static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, string? source, TargetRefs refs)
        {
            var trees = source is null
                ? Array.Empty<SyntaxTree>()
                : new[] { CSharpSyntaxTree.ParseText(source, parseOptions, path: "Consumer.cs") };
            return CSharpCompilation.Create(
                "TapiGenConsumer",
                trees,
                References(refs),
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: parseOptions.LanguageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                    warningLevel: 9999,
                    deterministic: true));
        }

        public static IEnumerable<MetadataReference> References(TargetRefs refs)
            => refs switch
            {
                TargetRefs.NetStandard20 => ReferenceAssemblies.NetStandard20,
                TargetRefs.Net472 => ReferenceAssemblies.Net472,
                _ => ReferenceAssemblies.Net80,
            };

        /// <summary>
        /// Recompiles the generated sources alone against <paramref name="refs"/> with every warning as an error and
        /// documentation diagnostics on, and asserts there are none.
        /// </summary>
        public static CSharpCompilation AssertCompilesCleanly(GeneratorDriverRunResult result, LanguageVersion languageVersion = LanguageVersion.Latest, TargetRefs refs = TargetRefs.Net80, string? consumer = null)
        {
            var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
            CSharpCompilation compilation = CreateCompilation(parseOptions, consumer, refs)
                .AddSyntaxTrees(result.GeneratedTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), parseOptions, t.FilePath)));
            var problems = compilation.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
                .ToList();
            Assert.True(problems.Count == 0, "Generated code does not compile cleanly (" + languageVersion + ", " + refs + "):\n" + string.Join("\n", problems.Select(p => p.ToString())));
            return compilation;
        }

        /// <summary>Emits and loads the compilation in a collectible context, so enum values can be read back.</summary>
        public static Assembly Load(CSharpCompilation compilation)
        {
            using var stream = new MemoryStream();
            var emit = compilation.Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
            stream.Position = 0;
            var context = new AssemblyLoadContext("tapigen-test-" + Guid.NewGuid().ToString("N"), isCollectible: true);
            return context.LoadFromStream(stream);
        }

        public static string Corpus(params string[] parts)
            => Path.Combine(new[] { RepoPaths.CorpusRoot }.Concat(parts).ToArray());

        public sealed class TestAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public TestAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Dictionary<string, Dictionary<string, string>> _perFile;

            public TestOptionsProvider(Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>> perFile)
            {
                GlobalOptions = new DictionaryOptions(global);
                _perFile = perFile;
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
                => new DictionaryOptions(_perFile.TryGetValue(textFile.Path, out var options) ? options : new Dictionary<string, string>());
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public DictionaryOptions(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value)
            {
                bool found = _values.TryGetValue(key, out string? v);
                value = v ?? string.Empty;
                return found;
            }
        }
    }
}
