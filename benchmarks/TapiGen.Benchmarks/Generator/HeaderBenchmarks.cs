using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using BenchmarkDotNet.Attributes;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;
using TapiGen.Generator.Parsing.Headers;

namespace TapiGen.Benchmarks
{
    /// <summary>
    /// What listing a C header costs: reading winnt.h (about 1 MB, the largest header the sample pages name) and
    /// evaluating one of its enums, against the baseline of parsing one manifest page (the TAPI 3 CALL_STATE page).
    /// </summary>
    [MemoryDiagnoser]
    public class HeaderBenchmarks
    {
        private HeaderFile _winnt = null!;
        private ManifestFile _page = null!;
        private HeaderIndex _index = null!;

        [GlobalSetup]
        public void Setup()
        {
            string root = typeof(HeaderBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
            string path = Path.Combine(root, "microsoft.windows.sdk.cpp", "10.0.26100.9169", "c", "Include", "10.0.26100.0", "um", "winnt.h");
            string text = File.ReadAllText(path);
            _winnt = new HeaderFile(path, text, text.Length);
            (string pagePath, string pageText) = GeneratorInputs.CorpusPages().First(p => p.Path.EndsWith("ne-tapi3if-call_state.md", StringComparison.Ordinal));
            _page = new ManifestFile(pagePath, pageText, GeneratorOptions.Default("Bench", "benchmark"), EquatableArray<DiagnosticInfo>.Empty) { TextLength = pageText.Length };
            _index = new HeaderIndex(new[] { HeaderReader.Read(_winnt, CancellationToken.None) }.ToEquatableArray());
            if (_index.Find("USER_ACTIVITY_PRESENCE", CancellationToken.None).Enum is null)
            {
                throw new InvalidOperationException("winnt.h no longer evaluates USER_ACTIVITY_PRESENCE");
            }
        }

        [Benchmark(Baseline = true)]
        public int ParseManifestPage() => PageReader.Read(_page, CancellationToken.None).Members.Count;

        /// <summary>Once per content of the header: the incremental pipeline caches it.</summary>
        [Benchmark]
        public int ReadWinntH() => HeaderReader.Read(_winnt, CancellationToken.None).Enums.Count;

        /// <summary>Per manifest whose enum it declares: the index and the one enum (with what it refers to).</summary>
        [Benchmark]
        public int FindOneEnumInWinntH()
            => new HeaderIndex(_index.Files).Find("USER_ACTIVITY_PRESENCE", CancellationToken.None).Enum!.Members.Count;
    }
}
