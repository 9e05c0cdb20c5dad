using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TapiGen.Benchmarks.Enums;
using static TapiGen.Benchmarks.Runtime.RuntimeInputs;

namespace TapiGen.Benchmarks.Runtime
{
    /// <summary>ToStringFast against Enum.ToString(); IsDefined(value) against Enum.IsDefined&lt;T&gt;.</summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class FormattingBenchmarks
    {
        private AGENT_SESSION_EVENT[] _small = null!;
        private InputScope[] _large = null!;
        private AGENT_SESSION_EVENT[] _smallUndefined = null!;
        private InputScope[] _largeUndefined = null!;
        private TAPI_EVENT[] _flags = null!;
        private int[] _flagsTextLengths = null!;
        private PROPDESC_TYPE_FLAGS[] _compositeFlags = null!;
        private int[] _compositeTextLengths = null!;

        [GlobalSetup]
        public void Setup()
        {
            _small = SmallDefined();
            _large = LargeDefined();
            _smallUndefined = SmallUndefined();
            _largeUndefined = LargeUndefined();
            _flags = FlagCombinations();
            _flagsTextLengths = System.Array.ConvertAll(_flags, v => v.ToString().Length);
            foreach (var v in _small) { Same(v.ToString(), v.ToStringFast(), "ToString"); }
            foreach (var v in _large) { Same(v.ToString(), v.ToStringFast(), "ToString"); Same(System.Enum.IsDefined(v), InputScopeExtensions.IsDefined(v), "IsDefined"); }
            foreach (var v in _smallUndefined) { Same(v.ToString(), v.ToStringFast(), "ToString"); }
            foreach (var v in _largeUndefined) { Same(System.Enum.IsDefined(v), InputScopeExtensions.IsDefined(v), "IsDefined"); }
            foreach (var v in _flags) { Same(v.ToString(), v.ToStringFast(), "ToString"); }
            _compositeFlags = CompositeFlagCombinations();
            _compositeTextLengths = System.Array.ConvertAll(_compositeFlags, v => v.ToString().Length);
            foreach (var v in _compositeFlags) { Same(v.ToString(), v.ToStringFast(), "ToString"); }
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("ToString small defined")]
        public int EnumToString_SmallDefined()
        {
            int sum = 0;
            foreach (var v in _small) { sum += v.ToString().Length; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString small defined")]
        public int ToStringFast_SmallDefined()
        {
            int sum = 0;
            foreach (var v in _small) { sum += v.ToStringFast().Length; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("ToString large defined")]
        public int EnumToString_LargeDefined()
        {
            int sum = 0;
            foreach (var v in _large) { sum += v.ToString().Length; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString large defined")]
        public int ToStringFast_LargeDefined()
        {
            int sum = 0;
            foreach (var v in _large) { sum += v.ToStringFast().Length; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("ToString undefined")]
        public int EnumToString_Undefined()
        {
            int sum = 0;
            foreach (var v in _smallUndefined) { sum += v.ToString().Length; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString undefined")]
        public int ToStringFast_Undefined()
        {
            int sum = 0;
            foreach (var v in _smallUndefined) { sum += v.ToStringFast().Length; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("ToString flags combination")]
        public int EnumToString_Flags()
        {
            int sum = 0;
            foreach (var v in _flags) { sum += v.ToString().Length; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString flags combination")]
        public int ToStringFast_Flags()
        {
            int sum = 0;
            foreach (var v in _flags) { sum += v.ToStringFast().Length; }
            return sum;
        }

        /// <summary>The floor for formatting undefined values: formatting the number alone.</summary>
        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString undefined")]
        public int NumberOnly_Undefined()
        {
            int sum = 0;
            foreach (var v in _smallUndefined) { sum += ((int)v).ToString(System.Globalization.CultureInfo.InvariantCulture).Length; }
            return sum;
        }

        /// <summary>The floor for formatting combinations: allocating and filling strings of the results' lengths.</summary>
        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString flags combination")]
        public int AllocateOnly_Flags()
        {
            int sum = 0;
            foreach (int length in _flagsTextLengths) { sum += new string(',', length).Length; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("ToString composite flags combination")]
        public int EnumToString_CompositeFlags()
        {
            int sum = 0;
            foreach (var v in _compositeFlags) { sum += v.ToString().Length; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString composite flags combination")]
        public int ToStringFast_CompositeFlags()
        {
            int sum = 0;
            foreach (var v in _compositeFlags) { sum += v.ToStringFast().Length; }
            return sum;
        }

        /// <summary>The floor: allocating strings of the results' lengths, and nothing else.</summary>
        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString composite flags combination")]
        public int AllocateOnly_CompositeFlags()
        {
            int sum = 0;
            foreach (int length in _compositeTextLengths) { sum += new string(',', length).Length; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("IsDefined small defined")]
        public int EnumIsDefined_SmallDefined()
        {
            int count = 0;
            foreach (var v in _small) { if (System.Enum.IsDefined(v)) { count++; } }
            return count;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("IsDefined small defined")]
        public int IsDefined_SmallDefined()
        {
            int count = 0;
            foreach (var v in _small) { if (AGENT_SESSION_EVENTExtensions.IsDefined(v)) { count++; } }
            return count;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("IsDefined large defined")]
        public int EnumIsDefined_LargeDefined()
        {
            int count = 0;
            foreach (var v in _large) { if (System.Enum.IsDefined(v)) { count++; } }
            return count;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("IsDefined large defined")]
        public int IsDefined_LargeDefined()
        {
            int count = 0;
            foreach (var v in _large) { if (InputScopeExtensions.IsDefined(v)) { count++; } }
            return count;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("IsDefined large undefined")]
        public int EnumIsDefined_LargeUndefined()
        {
            int count = 0;
            foreach (var v in _largeUndefined) { if (System.Enum.IsDefined(v)) { count++; } }
            return count;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("IsDefined large undefined")]
        public int IsDefined_LargeUndefined()
        {
            int count = 0;
            foreach (var v in _largeUndefined) { if (InputScopeExtensions.IsDefined(v)) { count++; } }
            return count;
        }
    }
}
