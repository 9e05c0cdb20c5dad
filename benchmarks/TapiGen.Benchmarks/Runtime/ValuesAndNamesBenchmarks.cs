using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TapiGen.Benchmarks.Enums;

namespace TapiGen.Benchmarks.Runtime
{
    /// <summary>
    /// GetValues()/GetNames() against Enum.GetValues&lt;T&gt;()/Enum.GetNames&lt;T&gt;(). Each call's result is walked
    /// (values summed, name lengths summed), as a caller would, so neither side is reduced to returning a reference.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class ValuesAndNamesBenchmarks
    {
        [GlobalSetup]
        public void Setup()
        {
            RuntimeInputs.Same(EnumGetValues_Small(), GetValues_Small(), "values, small");
            RuntimeInputs.Same(EnumGetValues_Large(), GetValues_Large(), "values, large");
            RuntimeInputs.Same(EnumGetNames_Small(), GetNames_Small(), "names, small");
            RuntimeInputs.Same(EnumGetNames_Large(), GetNames_Large(), "names, large");
        }

        [Benchmark(Baseline = true), BenchmarkCategory("GetValues small")]
        public long EnumGetValues_Small()
        {
            long sum = 0;
            foreach (var v in Enum.GetValues<AGENT_SESSION_EVENT>()) { sum += (long)v; }
            return sum;
        }

        [Benchmark, BenchmarkCategory("GetValues small")]
        public long GetValues_Small()
        {
            long sum = 0;
            foreach (var v in AGENT_SESSION_EVENTExtensions.GetValues()) { sum += (long)v; }
            return sum;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("GetValues large")]
        public long EnumGetValues_Large()
        {
            long sum = 0;
            foreach (var v in Enum.GetValues<InputScope>()) { sum += (long)v; }
            return sum;
        }

        [Benchmark, BenchmarkCategory("GetValues large")]
        public long GetValues_Large()
        {
            long sum = 0;
            foreach (var v in InputScopeExtensions.GetValues()) { sum += (long)v; }
            return sum;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("GetNames small")]
        public long EnumGetNames_Small()
        {
            long sum = 0;
            foreach (string n in Enum.GetNames<AGENT_SESSION_EVENT>()) { sum += n.Length; }
            return sum;
        }

        [Benchmark, BenchmarkCategory("GetNames small")]
        public long GetNames_Small()
        {
            long sum = 0;
            foreach (string n in AGENT_SESSION_EVENTExtensions.GetNames()) { sum += n.Length; }
            return sum;
        }

        [Benchmark(Baseline = true), BenchmarkCategory("GetNames large")]
        public long EnumGetNames_Large()
        {
            long sum = 0;
            foreach (string n in Enum.GetNames<InputScope>()) { sum += n.Length; }
            return sum;
        }

        [Benchmark, BenchmarkCategory("GetNames large")]
        public long GetNames_Large()
        {
            long sum = 0;
            foreach (string n in InputScopeExtensions.GetNames()) { sum += n.Length; }
            return sum;
        }
    }
}
