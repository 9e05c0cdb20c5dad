using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TapiGen.Generator;
using TapiGen.Tests.Infrastructure;

namespace TapiGen.Tests.Corpus
{
    /// <summary>An additional file with any item metadata (the build_metadata.AdditionalFiles.* keys MSBuild would write).</summary>
    public sealed record ItemFile(string Path, string Text, IReadOnlyDictionary<string, string> Metadata)
    {
        /// <summary>A TapiEnum item: the manifest, marked, with the given metadata (ValuesFromDescriptions, EnumName, ...).</summary>
        public static ItemFile Manifest(TestManifest manifest, params (string Name, string Value)[] metadata)
        {
            var all = new Dictionary<string, string>(StringComparer.Ordinal) { ["TapiGenManifest"] = "true" };
            if (manifest.Namespace is not null)
            {
                all["Namespace"] = manifest.Namespace;
            }

            foreach (var (name, value) in metadata)
            {
                all[name] = value;
            }

            return new ItemFile(manifest.Path, manifest.Text, all);
        }

        /// <summary>An overrides file for <paramref name="manifest"/>, as TapiGen.targets adds it: <c>&lt;manifest&gt;.tapigen</c>.</summary>
        public static ItemFile OverridesFor(TestManifest manifest, string text, string? path = null)
            => new ItemFile(path ?? manifest.Path + ".tapigen", text, new Dictionary<string, string>(StringComparer.Ordinal) { ["TapiGenOverridesFor"] = manifest.Path });
    }

    /// <summary>
    /// Runs the generator over <see cref="ItemFile"/>s: the shared harness sets only the manifest mark and Namespace,
    /// these tests need the other metadata (overrides files, per-item options) too.
    /// </summary>
    public static class ItemHarness
    {
        public static GeneratorHarness.RunOutput Run(params ItemFile[] files) => Run(files, null);

        public static GeneratorHarness.RunOutput Run(IEnumerable<ItemFile> files, IReadOnlyDictionary<string, string>? globalOptions, CancellationToken cancellationToken = default)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            Compilation compilation = GeneratorHarness.CreateCompilation(parseOptions, null, TargetRefs.Net80);
            GeneratorDriver driver = CreateDriver(files, globalOptions, parseOptions, trackSteps: false, out _);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _, cancellationToken);
            return new GeneratorHarness.RunOutput(driver, driver.GetRunResult(), output);
        }

        public static GeneratorDriver CreateDriver(IEnumerable<ItemFile> files, IReadOnlyDictionary<string, string>? globalOptions, CSharpParseOptions parseOptions, bool trackSteps, out IReadOnlyList<AdditionalText> texts)
        {
            var global = new Dictionary<string, string>(StringComparer.Ordinal) { ["build_property.RootNamespace"] = GeneratorHarness.DefaultNamespace };
            foreach (var kv in globalOptions ?? new Dictionary<string, string>())
            {
                global[kv.Key] = kv.Value;
            }

            var list = files.ToList();
            texts = list.Select(f => (AdditionalText)new GeneratorHarness.TestAdditionalText(f.Path, f.Text)).ToList();
            var perFile = list.ToDictionary(
                f => f.Path,
                f => (IReadOnlyDictionary<string, string>)f.Metadata.ToDictionary(kv => "build_metadata.AdditionalFiles." + kv.Key, kv => kv.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
            return CSharpGeneratorDriver.Create(
                new[] { new TapiGenGenerator().AsSourceGenerator() },
                texts,
                parseOptions,
                new OptionsProvider(global, perFile),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private static readonly IReadOnlyDictionary<string, string> s_none = new Dictionary<string, string>();
            private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _perFile;

            public OptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile)
            {
                GlobalOptions = new Options(global);
                _perFile = perFile;
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(s_none);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
                => new Options(_perFile.TryGetValue(textFile.Path, out var options) ? options : s_none);
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _values;

            public Options(IReadOnlyDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value)
            {
                bool found = _values.TryGetValue(key, out string? v);
                value = v ?? string.Empty;
                return found;
            }
        }
    }
}
