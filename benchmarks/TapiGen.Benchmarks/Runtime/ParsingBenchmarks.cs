using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TapiGen.Benchmarks.Enums;
using static TapiGen.Benchmarks.Runtime.RuntimeInputs;

namespace TapiGen.Benchmarks.Runtime
{
    /// <summary>
    /// TryParse (string, span, UTF-8; ordinal and ignoreCase) against Enum.TryParse&lt;T&gt;. The UTF-8 baseline is what a
    /// caller without TapiGen writes: transcode into a stack buffer, then Enum.TryParse on the chars (no allocation).
    /// Names: every member of the small enum; the large enum's shortest ("IS_URL") and longest
    /// ("IS_TELEPHONE_FULLTELEPHONENUMBER") names; ignoreCase inputs are lower case.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class ParsingBenchmarks
    {
        private string[] _small = null!;
        private string[] _largeShort = null!;
        private string[] _largeLong = null!;
        private string[] _smallLower = null!;
        private string[] _largeLongLower = null!;
        private byte[][] _smallUtf8 = null!;
        private byte[][] _largeLongUtf8 = null!;
        private byte[][] _largeLongLowerUtf8 = null!;

        [GlobalSetup]
        public void Setup()
        {
            _small = Strings(SmallDefined());
            _largeShort = Strings("IS_URL");
            _largeLong = Strings("IS_TELEPHONE_FULLTELEPHONENUMBER");
            _smallLower = Array.ConvertAll(_small, s => s.ToLowerInvariant());
            _largeLongLower = Array.ConvertAll(_largeLong, s => s.ToLowerInvariant());
            _smallUtf8 = Utf8(_small);
            _largeLongUtf8 = Utf8(_largeLong);
            _largeLongLowerUtf8 = Utf8(_largeLongLower);

            // Every input parses, and to the same value as System.Enum's.
            foreach (long parsed in new[] { EnumString_Small(), EnumString_LargeShort(), EnumString_LargeLong(), EnumStringIgnoreCase_Small(), EnumStringIgnoreCase_LargeLong() })
            {
                if (parsed < 0) { throw new InvalidOperationException("An input does not parse."); }
            }

            Same(EnumString_Small(), String_Small(), "string, small");
            Same(EnumString_LargeShort(), String_LargeShort(), "string, large short");
            Same(EnumString_LargeLong(), String_LargeLong(), "string, large long");
            Same(EnumSpan_Small(), Span_Small(), "span, small");
            Same(EnumSpan_LargeLong(), Span_LargeLong(), "span, large long");
            Same(EnumStringIgnoreCase_Small(), StringIgnoreCase_Small(), "ignoreCase, small");
            Same(EnumStringIgnoreCase_LargeLong(), StringIgnoreCase_LargeLong(), "ignoreCase, large long");
            Same(EnumSpanIgnoreCase_LargeLong(), SpanIgnoreCase_LargeLong(), "ignoreCase span, large long");
            Same(TranscodeEnum_Small(), Utf8_Small(), "UTF-8, small");
            Same(TranscodeEnum_LargeLong(), Utf8_LargeLong(), "UTF-8, large long");
            Same(TranscodeEnumIgnoreCase_LargeLong(), Utf8IgnoreCase_LargeLong(), "UTF-8 ignoreCase, large long");
            Same(Count * (long)InputScope.IS_TELEPHONE_FULLTELEPHONENUMBER, String_LargeLong(), "value");
        }

        // Each method returns the sum of the parsed values (failures count -1000000), so setup can compare them.

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse string, small")]
        public long EnumString_Small()
        {
            long sum = 0;
            foreach (string s in _small) { sum += Enum.TryParse(s, out AGENT_SESSION_EVENT v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse string, small")]
        public long String_Small()
        {
            long sum = 0;
            foreach (string s in _small) { sum += AGENT_SESSION_EVENTExtensions.TryParse(s, out AGENT_SESSION_EVENT v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse string, large short name")]
        public long EnumString_LargeShort()
        {
            long sum = 0;
            foreach (string s in _largeShort) { sum += Enum.TryParse(s, out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse string, large short name")]
        public long String_LargeShort()
        {
            long sum = 0;
            foreach (string s in _largeShort) { sum += InputScopeExtensions.TryParse(s, out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse string, large long name")]
        public long EnumString_LargeLong()
        {
            long sum = 0;
            foreach (string s in _largeLong) { sum += Enum.TryParse(s, out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse string, large long name")]
        public long String_LargeLong()
        {
            long sum = 0;
            foreach (string s in _largeLong) { sum += InputScopeExtensions.TryParse(s, out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse span, small")]
        public long EnumSpan_Small()
        {
            long sum = 0;
            foreach (string s in _small) { sum += Enum.TryParse(s.AsSpan(), out AGENT_SESSION_EVENT v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse span, small")]
        public long Span_Small()
        {
            long sum = 0;
            foreach (string s in _small) { sum += AGENT_SESSION_EVENTExtensions.TryParse(s.AsSpan(), out AGENT_SESSION_EVENT v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse span, large long name")]
        public long EnumSpan_LargeLong()
        {
            long sum = 0;
            foreach (string s in _largeLong) { sum += Enum.TryParse(s.AsSpan(), out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse span, large long name")]
        public long Span_LargeLong()
        {
            long sum = 0;
            foreach (string s in _largeLong) { sum += InputScopeExtensions.TryParse(s.AsSpan(), out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse ignoreCase string, small")]
        public long EnumStringIgnoreCase_Small()
        {
            long sum = 0;
            foreach (string s in _smallLower) { sum += Enum.TryParse(s, true, out AGENT_SESSION_EVENT v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse ignoreCase string, small")]
        public long StringIgnoreCase_Small()
        {
            long sum = 0;
            foreach (string s in _smallLower) { sum += AGENT_SESSION_EVENTExtensions.TryParse(s, true, out AGENT_SESSION_EVENT v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse ignoreCase string, large long name")]
        public long EnumStringIgnoreCase_LargeLong()
        {
            long sum = 0;
            foreach (string s in _largeLongLower) { sum += Enum.TryParse(s, true, out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse ignoreCase string, large long name")]
        public long StringIgnoreCase_LargeLong()
        {
            long sum = 0;
            foreach (string s in _largeLongLower) { sum += InputScopeExtensions.TryParse(s, true, out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse ignoreCase span, large long name")]
        public long EnumSpanIgnoreCase_LargeLong()
        {
            long sum = 0;
            foreach (string s in _largeLongLower) { sum += Enum.TryParse(s.AsSpan(), true, out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse ignoreCase span, large long name")]
        public long SpanIgnoreCase_LargeLong()
        {
            long sum = 0;
            foreach (string s in _largeLongLower) { sum += InputScopeExtensions.TryParse(s.AsSpan(), true, out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse UTF-8, small")]
        public long TranscodeEnum_Small()
        {
            long sum = 0;
            Span<char> chars = stackalloc char[64];
            foreach (byte[] b in _smallUtf8)
            {
                int n = Encoding.UTF8.GetChars(b, chars);
                sum += Enum.TryParse(chars.Slice(0, n), out AGENT_SESSION_EVENT v) ? (long)v : -1000000;
            }

            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse UTF-8, small")]
        public long Utf8_Small()
        {
            long sum = 0;
            foreach (byte[] b in _smallUtf8) { sum += AGENT_SESSION_EVENTExtensions.TryParse(b.AsSpan(), out AGENT_SESSION_EVENT v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse UTF-8, large long name")]
        public long TranscodeEnum_LargeLong()
        {
            long sum = 0;
            Span<char> chars = stackalloc char[64];
            foreach (byte[] b in _largeLongUtf8)
            {
                int n = Encoding.UTF8.GetChars(b, chars);
                sum += Enum.TryParse(chars.Slice(0, n), out InputScope v) ? (long)v : -1000000;
            }

            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse UTF-8, large long name")]
        public long Utf8_LargeLong()
        {
            long sum = 0;
            foreach (byte[] b in _largeLongUtf8) { sum += InputScopeExtensions.TryParse(b.AsSpan(), out InputScope v) ? (long)v : -1000000; }
            return sum;
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Count), BenchmarkCategory("TryParse UTF-8 ignoreCase, large long name")]
        public long TranscodeEnumIgnoreCase_LargeLong()
        {
            long sum = 0;
            Span<char> chars = stackalloc char[64];
            foreach (byte[] b in _largeLongLowerUtf8)
            {
                int n = Encoding.UTF8.GetChars(b, chars);
                sum += Enum.TryParse(chars.Slice(0, n), true, out InputScope v) ? (long)v : -1000000;
            }

            return sum;
        }

        [Benchmark(OperationsPerInvoke = Count), BenchmarkCategory("TryParse UTF-8 ignoreCase, large long name")]
        public long Utf8IgnoreCase_LargeLong()
        {
            long sum = 0;
            foreach (byte[] b in _largeLongLowerUtf8) { sum += InputScopeExtensions.TryParse(b.AsSpan(), true, out InputScope v) ? (long)v : -1000000; }
            return sum;
        }
    }
}
