using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TapiGen.Benchmarks.Enums;

namespace TapiGen.Benchmarks.Runtime
{
    /// <summary>
    /// Reading and writing a JSON array of 1,000 enum names with the generated converters against
    /// JsonStringEnumConverter&lt;T&gt;, each registered in its own JsonSerializerOptions (options' converters win over
    /// the [JsonConverter] TapiGen puts on the enum; setup checks which converter each options instance uses).
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class JsonBenchmarks
    {
        private const int Length = 1000;

        private readonly JsonSerializerOptions _system = new JsonSerializerOptions
        {
            Converters = { new JsonStringEnumConverter<AGENT_SESSION_EVENT>(), new JsonStringEnumConverter<InputScope>() },
        };

        private readonly JsonSerializerOptions _tapiGen = new JsonSerializerOptions
        {
            Converters = { new AGENT_SESSION_EVENTJsonConverter(), new InputScopeJsonConverter() },
        };

        private AGENT_SESSION_EVENT[] _small = null!;
        private InputScope[] _large = null!;
        private byte[] _smallJson = null!;
        private byte[] _largeJson = null!;

        // Each benchmark runs in its own process, and setup runs there too. Setup serializes only with the options the
        // process measures: running the other converter through the same array converter first would train the JIT's
        // profile-guided devirtualization on it, and the measured converter would pay for the wrong guess (it made
        // the generated converter look 1.5x slower than JsonStringEnumConverter at writing the small enum). Both are
        // checked against the same hand-built JSON, so they still agree with each other.
        [GlobalSetup(Targets = new[] { nameof(ReadSmall_System), nameof(ReadLarge_System), nameof(WriteSmall_System), nameof(WriteLarge_System) })]
        public void SetupSystem()
        {
            Setup();
            Check(_system.GetConverter(typeof(InputScope)) is not InputScopeJsonConverter, "the baseline options use JsonStringEnumConverter");
            CheckOptions(_system);
        }

        [GlobalSetup(Targets = new[] { nameof(ReadSmall_TapiGen), nameof(ReadLarge_TapiGen), nameof(WriteSmall_TapiGen), nameof(WriteLarge_TapiGen) })]
        public void SetupTapiGen()
        {
            Setup();
            Check(_tapiGen.GetConverter(typeof(InputScope)) is InputScopeJsonConverter, "the TapiGen options use the generated converter");
            CheckOptions(_tapiGen);
        }

        private void Setup()
        {
            _small = Fill(Enum.GetValues<AGENT_SESSION_EVENT>());
            _large = Fill(Enum.GetValues<InputScope>());
            _smallJson = Names(_small);
            _largeJson = Names(_large);
        }

        private void CheckOptions(JsonSerializerOptions options)
        {
            Check(_smallJson.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(_small, options)), "the names written, small");
            Check(_largeJson.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(_large, options)), "the names written, large");
            Check(_small.AsSpan().SequenceEqual(JsonSerializer.Deserialize<AGENT_SESSION_EVENT[]>(_smallJson, options)), "the values read, small");
            Check(_large.AsSpan().SequenceEqual(JsonSerializer.Deserialize<InputScope[]>(_largeJson, options)), "the values read, large");
        }

        /// <summary>The JSON both converters must write: each value's Enum.ToString name, quoted (the names need no escaping).</summary>
        private static byte[] Names<T>(T[] values) where T : struct, Enum
        {
            string json = "[" + string.Join(",", Array.ConvertAll(values, v => "\"" + v.ToString() + "\"")) + "]";
            Check(json.All(c => c == '_' || c == ',' || c == '"' || c == '[' || c == ']' || char.IsAsciiLetterOrDigit(c)), "the names need no escaping");
            return Encoding.UTF8.GetBytes(json);
        }

        private static T[] Fill<T>(T[] values)
        {
            var result = new T[Length];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = values[(i * 7) % values.Length];
            }

            return result;
        }

        private static void Check(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException("Setup check failed: " + what + ".");
            }
        }

        [Benchmark(Baseline = true), BenchmarkCategory("JSON read 1,000, small")]
        public AGENT_SESSION_EVENT[] ReadSmall_System() => JsonSerializer.Deserialize<AGENT_SESSION_EVENT[]>(_smallJson, _system)!;

        [Benchmark, BenchmarkCategory("JSON read 1,000, small")]
        public AGENT_SESSION_EVENT[] ReadSmall_TapiGen() => JsonSerializer.Deserialize<AGENT_SESSION_EVENT[]>(_smallJson, _tapiGen)!;

        [Benchmark(Baseline = true), BenchmarkCategory("JSON read 1,000, large")]
        public InputScope[] ReadLarge_System() => JsonSerializer.Deserialize<InputScope[]>(_largeJson, _system)!;

        [Benchmark, BenchmarkCategory("JSON read 1,000, large")]
        public InputScope[] ReadLarge_TapiGen() => JsonSerializer.Deserialize<InputScope[]>(_largeJson, _tapiGen)!;

        [Benchmark(Baseline = true), BenchmarkCategory("JSON write 1,000, small")]
        public byte[] WriteSmall_System() => JsonSerializer.SerializeToUtf8Bytes(_small, _system);

        [Benchmark, BenchmarkCategory("JSON write 1,000, small")]
        public byte[] WriteSmall_TapiGen() => JsonSerializer.SerializeToUtf8Bytes(_small, _tapiGen);

        [Benchmark(Baseline = true), BenchmarkCategory("JSON write 1,000, large")]
        public byte[] WriteLarge_System() => JsonSerializer.SerializeToUtf8Bytes(_large, _system);

        [Benchmark, BenchmarkCategory("JSON write 1,000, large")]
        public byte[] WriteLarge_TapiGen() => JsonSerializer.SerializeToUtf8Bytes(_large, _tapiGen);
    }
}
