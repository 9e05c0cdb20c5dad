using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TapiGen.Benchmarks.Enums;
using static TapiGen.Benchmarks.Runtime.RuntimeInputs;

namespace TapiGen.Benchmarks.Runtime
{
    /// <summary>
    /// ToStringFast of flag combinations that are never seen twice: TapiGen keeps the texts of the first combinations
    /// it writes (a few per enum), so <see cref="FormattingBenchmarks"/>, which repeats four combinations, measures
    /// those kept texts. Here setup first formats two thousand other combinations, so every kept place is taken, and
    /// checks that each measured combination is written anew on every call (two calls give two strings): these rows
    /// are what a combination costs when nothing is kept for it.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class NewFlagCombinationBenchmarks
    {
        private TAPI_EVENT[] _flags = null!;
        private int[] _flagsTextLengths = null!;
        private PROPDESC_TYPE_FLAGS[] _composite = null!;
        private int[] _compositeTextLengths = null!;

        [GlobalSetup]
        public void Setup()
        {
            ulong[] tapiBits = SingleBits(Enum.GetValues<TAPI_EVENT>().Select(v => (ulong)(uint)v));
            ulong[] propBits = SingleBits(Enum.GetValues<PROPDESC_TYPE_FLAGS>().Select(v => (ulong)(uint)v));

            foreach (ulong bits in Combinations(tapiBits, 4, 2000)) { Same(((TAPI_EVENT)(uint)bits).ToString(), ((TAPI_EVENT)(uint)bits).ToStringFast(), "ToString"); }
            foreach (ulong bits in Combinations(propBits, 4, 2000)) { Same(((PROPDESC_TYPE_FLAGS)(uint)bits).ToString(), ((PROPDESC_TYPE_FLAGS)(uint)bits).ToStringFast(), "ToString"); }

            _flags = Array.ConvertAll(Combinations(tapiBits, 3, Count).ToArray(), b => (TAPI_EVENT)(uint)b);
            _composite = Array.ConvertAll(Combinations(propBits, 3, Count).ToArray(), b => (PROPDESC_TYPE_FLAGS)(uint)b);
            _flagsTextLengths = Array.ConvertAll(_flags, v => v.ToString().Length);
            _compositeTextLengths = Array.ConvertAll(_composite, v => v.ToString().Length);
            foreach (var v in _flags) { SameAndNew(v.ToString(), v.ToStringFast(), v.ToStringFast()); }
            foreach (var v in _composite) { SameAndNew(v.ToString(), v.ToStringFast(), v.ToStringFast()); }
        }

        private static void SameAndNew(string expected, string first, string second)
        {
            Same(expected, first, "ToString");
            if (ReferenceEquals(first, second))
            {
                throw new InvalidOperationException($"'{first}' was kept: the row would not measure a new combination.");
            }
        }

        /// <summary>The single-bit member values, ascending (the composite member and zero left out).</summary>
        private static ulong[] SingleBits(IEnumerable<ulong> values)
        {
            var bits = new List<ulong>();
            foreach (ulong v in values)
            {
                if (v != 0 && (v & (v - 1)) == 0) { bits.Add(v); }
            }

            return bits.ToArray();
        }

        /// <summary>The first <paramref name="limit"/> combinations of <paramref name="k"/> of the bits, in lexicographic order.</summary>
        private static List<ulong> Combinations(ulong[] bits, int k, int limit)
        {
            var result = new List<ulong>();
            var index = new int[k];
            for (int i = 0; i < k; i++) { index[i] = i; }
            while (result.Count < limit)
            {
                ulong value = 0;
                foreach (int i in index) { value |= bits[i]; }
                result.Add(value);
                int j = k - 1;
                while (j >= 0 && index[j] == bits.Length - k + j) { j--; }
                if (j < 0) { break; }
                index[j]++;
                for (int m = j + 1; m < k; m++) { index[m] = index[m - 1] + 1; }
            }

            if (result.Count < limit && limit == Count)
            {
                throw new InvalidOperationException("Not enough combinations for the row.");
            }

            return result;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("ToString new flags combination")]
        public int EnumToString_NewFlags()
        {
            int sum = 0;
            foreach (var v in _flags) { sum += v.ToString().Length; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString new flags combination")]
        public int ToStringFast_NewFlags()
        {
            int sum = 0;
            foreach (var v in _flags) { sum += v.ToStringFast().Length; }
            return sum;
        }

        /// <summary>The floor: allocating and filling strings of the results' lengths.</summary>
        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString new flags combination")]
        public int AllocateOnly_NewFlags()
        {
            int sum = 0;
            foreach (int length in _flagsTextLengths) { sum += new string(',', length).Length; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("ToString new composite flags combination")]
        public int EnumToString_NewCompositeFlags()
        {
            int sum = 0;
            foreach (var v in _composite) { sum += v.ToString().Length; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString new composite flags combination")]
        public int ToStringFast_NewCompositeFlags()
        {
            int sum = 0;
            foreach (var v in _composite) { sum += v.ToStringFast().Length; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("ToString new composite flags combination")]
        public int AllocateOnly_NewCompositeFlags()
        {
            int sum = 0;
            foreach (int length in _compositeTextLengths) { sum += new string(',', length).Length; }
            return sum;
        }
    }
}
