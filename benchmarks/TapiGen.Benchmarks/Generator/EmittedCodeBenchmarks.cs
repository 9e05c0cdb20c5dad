using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Generator;

namespace TapiGen.Benchmarks
{
    /// <summary>
    /// What our output costs the compiler: Roslyn parsing everything the generator emits for N manifests, for today's
    /// generator and, when TAPIGEN_BASELINE_GENERATOR names another build of it (benchmarks/baseline-generator.sh
    /// builds one from a commit), for that one too, in the same run. The setup prints how many bytes each emits.
    /// </summary>
    [MemoryDiagnoser]
    public class EmittedCodeBenchmarks
    {
        public const string BaselineVariable = "TAPIGEN_BASELINE_GENERATOR";

        private CSharpParseOptions _parseOptions = null!;
        private string[] _emitted = null!;

        [Params(1000)]
        public int Manifests { get; set; }

        [ParamsSource(nameof(Generators))]
        public string Generator { get; set; } = "current";

        public static IEnumerable<string> Generators()
        {
            yield return "current";
            if (Environment.GetEnvironmentVariable(BaselineVariable) is { Length: > 0 })
            {
                yield return "baseline";
            }
        }

        [GlobalSetup]
        public void Setup()
        {
            _parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var compilation = CSharpCompilation.Create(
                "Bench",
                new[] { CSharpSyntaxTree.ParseText("namespace App { public class C { } }", _parseOptions) },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            ImmutableArray<AdditionalText> texts = GeneratorInputs.Replicate(GeneratorInputs.CorpusPages(), Manifests);
            IIncrementalGenerator generator = Generator == "current" ? new TapiGenGenerator() : LoadBaseline();
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, texts, _parseOptions, GeneratorInputs.Options(texts))
                .RunGenerators(compilation);
            _emitted = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToArray();
            Console.WriteLine($"// {Generator} generator, {Manifests} manifests: {_emitted.Length} files, {_emitted.Sum(s => (long)s.Length):N0} characters");
        }

        [Benchmark]
        public int ParseEmittedCode()
        {
            int length = 0;
            foreach (string source in _emitted)
            {
                length += CSharpSyntaxTree.ParseText(source, _parseOptions).GetRoot().FullSpan.Length;
            }

            return length;
        }

        /// <summary>The other build, in its own load context (same assembly name); Roslyn comes from this process.</summary>
        private static IIncrementalGenerator LoadBaseline()
        {
            string path = Path.GetFullPath(Environment.GetEnvironmentVariable(BaselineVariable)!);
            var context = new BaselineContext(path);
            Assembly assembly = context.LoadFromAssemblyPath(path);
            Type type = assembly.GetType("TapiGen.Generator.TapiGenGenerator", throwOnError: true)!;
            return (IIncrementalGenerator)Activator.CreateInstance(type)!;
        }

        private sealed class BaselineContext : AssemblyLoadContext
        {
            private readonly AssemblyDependencyResolver _resolver;

            public BaselineContext(string path)
                : base("tapigen-baseline")
            {
                _resolver = new AssemblyDependencyResolver(path);
            }

            protected override Assembly? Load(AssemblyName name)
            {
                // Roslyn and the framework are shared with this process, so the generator's interfaces are ours.
                if (name.Name is { } n && (n.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || n.StartsWith("System.", StringComparison.Ordinal)))
                {
                    return null;
                }

                string? file = _resolver.ResolveAssemblyToPath(name);
                return file is null ? null : LoadFromAssemblyPath(file);
            }
        }
    }
}
