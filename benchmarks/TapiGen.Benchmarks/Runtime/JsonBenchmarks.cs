using System;
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

        [GlobalSetup]
        public void Setup()
        {
            _small = Fill(Enum.GetValues<AGENT_SESSION_EVENT>());
            _large = Fill(Enum.GetValues<InputScope>());
            _smallJson = JsonSerializer.SerializeToUtf8Bytes(_small, _system);
            _largeJson = JsonSerializer.SerializeToUtf8Bytes(_large, _system);

            Check(_system.GetConverter(typeof(InputScope)) is not InputScopeJsonConverter, "the baseline options use JsonStringEnumConverter");
            Check(_tapiGen.GetConverter(typeof(InputScope)) is InputScopeJsonConverter, "the TapiGen options use the generated converter");
            Check(_smallJson.AsSpan().SequenceEqual(WriteSmall_TapiGen()), "same JSON written, small");
            Check(_largeJson.AsSpan().SequenceEqual(WriteLarge_TapiGen()), "same JSON written, large");
            Check(_small.AsSpan().SequenceEqual(ReadSmall_TapiGen()) && _small.AsSpan().SequenceEqual(ReadSmall_System()), "same values read, small");
            Check(_large.AsSpan().SequenceEqual(ReadLarge_TapiGen()) && _large.AsSpan().SequenceEqual(ReadLarge_System()), "same values read, large");
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
