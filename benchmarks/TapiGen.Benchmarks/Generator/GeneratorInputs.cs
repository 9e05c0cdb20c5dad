using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TapiGen.Benchmarks
{
    /// <summary>Manifests for generator benchmarks: the corpus pages, replicated into distinct namespaces up to a count.</summary>
    internal static class GeneratorInputs
    {
        public static IReadOnlyList<(string Path, string Text)> CorpusPages()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "TapiGen.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            if (dir is null)
            {
                throw new InvalidOperationException("Run the benchmarks from inside the repository.");
            }

            string corpus = Path.Combine(dir, "..", "shared", "corpus", "sdk-api");
            string source = Directory.Exists(corpus) ? corpus : Path.Combine(dir, "tests", "TapiGen.Tests", "Manifests");
            return Directory.EnumerateFiles(source, "ne-*.md", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (p, File.ReadAllText(p)))
                .ToList();
        }

        /// <summary>N additional texts: copy k of page j lives in namespace Copy{k}, so every one is a distinct enum.</summary>
        public static ImmutableArray<AdditionalText> Replicate(IReadOnlyList<(string Path, string Text)> pages, int count)
        {
            var texts = ImmutableArray.CreateBuilder<AdditionalText>(count);
            for (int i = 0; i < count; i++)
            {
                var (path, text) = pages[i % pages.Count];
                texts.Add(new MemoryText("/bench/copy" + (i / pages.Count) + "/" + Path.GetFileName(path), text));
            }

            return texts.MoveToImmutable();
        }

        public static AnalyzerConfigOptionsProvider Options(IEnumerable<AdditionalText> texts)
            => new OptionsProvider(texts.ToDictionary(t => t.Path, t => "Bench." + Path.GetFileName(Path.GetDirectoryName(t.Path))));

        internal sealed class MemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public MemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Dictionary<string, string> _namespaces;

            public OptionsProvider(Dictionary<string, string> namespaces) => _namespaces = namespaces;

            public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
                => new DictionaryOptions(new Dictionary<string, string>
                {
                    ["build_metadata.AdditionalFiles.TapiGenManifest"] = "true",
                    ["build_metadata.AdditionalFiles.Namespace"] = _namespaces.TryGetValue(textFile.Path, out var ns) ? ns : "Bench",
                });
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
