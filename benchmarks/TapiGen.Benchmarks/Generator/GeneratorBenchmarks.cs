using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Generator;

namespace TapiGen.Benchmarks
{
    /// <summary>
    /// The generator's cost at 10, 100 and 1,000 manifests: a full run, an unchanged rerun and a rerun after one
    /// manifest changed, against the baseline of Roslyn parsing the code the generator emits.
    /// </summary>
    [MemoryDiagnoser]
    public class GeneratorBenchmarks
    {
        private CSharpParseOptions _parseOptions = null!;
        private CSharpCompilation _compilation = null!;
        private ImmutableArray<AdditionalText> _texts;
        private GeneratorDriver _warmDriver = null!;
        private AdditionalText _edited = null!;
        private string[] _emitted = null!;
        private bool _flip;

        [Params(10, 100, 1000)]
        public int Manifests { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            _compilation = CSharpCompilation.Create(
                "Bench",
                new[] { CSharpSyntaxTree.ParseText("namespace App { public class C { } }", _parseOptions) },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            _texts = GeneratorInputs.Replicate(GeneratorInputs.CorpusPages(), Manifests);
            _warmDriver = NewDriver().RunGenerators(_compilation);
            _emitted = _warmDriver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToArray();
            AdditionalText first = _texts[0];
            _edited = new GeneratorInputs.MemoryText(first.Path, first.GetText()!.ToString().Replace("## -description\n", "## -description\n\nEdited. "));
        }

        private GeneratorDriver NewDriver()
            => CSharpGeneratorDriver.Create(
                new[] { new TapiGenGenerator().AsSourceGenerator() },
                _texts,
                _parseOptions,
                GeneratorInputs.Options(_texts));

        /// <summary>What compiling our output costs at the least: parsing it.</summary>
        [Benchmark(Baseline = true)]
        public int ParseEmittedCode()
        {
            int nodes = 0;
            foreach (string source in _emitted)
            {
                nodes += CSharpSyntaxTree.ParseText(source, _parseOptions).GetRoot().FullSpan.Length;
            }

            return nodes;
        }

        [Benchmark]
        public int FullRun() => NewDriver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

        [Benchmark]
        public int RerunUnchanged() => _warmDriver.RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

        /// <summary>Alternates between the edited and the original text, so every call sees one changed manifest.</summary>
        [Benchmark]
        public int RerunOneEdited()
        {
            _flip = !_flip;
            GeneratorDriver driver = _flip
                ? _warmDriver.ReplaceAdditionalText(_texts[0], _edited)
                : _warmDriver.ReplaceAdditionalText(_edited, _texts[0]);
            _warmDriver = driver.RunGenerators(_compilation);
            return _warmDriver.GetRunResult().GeneratedTrees.Length;
        }
    }
}
