using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using TapiGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests.Json
{
    /// <summary>Every enum of ../shared/corpus/sdk-api, compiled once with its converter.</summary>
    public sealed class CorpusJsonFixture
    {
        /// <summary>Pages that generate nothing as published (see CorpusTests).</summary>
        private static readonly string[] s_noEnum = { "ne-winnt-job_object_net_rate_control_flags.md" };

        public CorpusJsonFixture()
        {
            if (!RepoPaths.CorpusAvailable)
            {
                Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "The corpus must be present in CI: " + RepoPaths.CorpusRoot);
                return;
            }

            var manifests = Directory.EnumerateFiles(Path.Combine(RepoPaths.CorpusRoot, "sdk-api"), "*.md", SearchOption.AllDirectories)
                .Where(p => !s_noEnum.Contains(Path.GetFileName(p)))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new TestManifest(p, File.ReadAllText(p)))
                .ToList();
            // CorpusTests already compiles this code with every warning on; here it only has to run.
            Assembly = JsonCompilation.Load(manifests, consumer: JsonTestEnums.Consumer, checkWarnings: false);
            Enums = Assembly.GetTypes().Where(t => t.IsEnum).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            Assert.Equal(manifests.Count, Enums.Count);
        }

        public Assembly? Assembly { get; }

        public IReadOnlyList<Type> Enums { get; } = Array.Empty<Type>();
    }

    /// <summary>Round trips for every real enum: values, flags combinations, undefined values, dictionary keys; E?, arrays and records for a sample.</summary>
    public class CorpusJsonTests : IClassFixture<CorpusJsonFixture>
    {
        private readonly CorpusJsonFixture _corpus;
        private readonly ITestOutputHelper _output;

        public CorpusJsonTests(CorpusJsonFixture corpus, ITestOutputHelper output)
        {
            _corpus = corpus;
            _output = output;
        }

        [Fact]
        public void Every_value_round_trips_with_the_bytes_JsonStringEnumConverter_writes()
        {
            int values = 0;
            foreach (Type type in Enums())
            {
                foreach (ulong bits in JsonDriver.WriteCases(type))
                {
                    object value = JsonDriver.Value(type, bits);
                    string json = JsonDriver.Write(value, type);
                    Assert.Equal(JsonDriver.Write(value, type, JsonDriver.Oracle), json);
                    Assert.Equal(value, JsonDriver.Read(json, type));
                    Assert.Equal(value, JsonDriver.ReadSegmented(json, type));
                    values++;
                }
            }

            _output.WriteLine($"{values} values in {_corpus.Enums.Count} enums");
        }

        [Fact]
        public void Every_member_name_reads_as_its_value_aliases_included()
        {
            foreach (Type type in Enums())
            {
                foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    Assert.Equal(field.GetValue(null), JsonDriver.Read("\"" + field.Name + "\"", type));
                }
            }
        }

        /// <summary>Dictionary keys go through the converter's own property-name methods, so every enum gets them.</summary>
        [Fact]
        public void Dictionary_keys_round_trip()
        {
            foreach (Type type in Enums())
            {
                var keys = (IDictionary)Activator.CreateInstance(JsonDriver.Dictionary(type))!;
                int i = 0;
                foreach (ulong bits in JsonDriver.WriteCases(type).Take(40))
                {
                    keys[JsonDriver.Value(type, bits)] = i++;
                }

                AssertRoundTrip(keys, keys.GetType());
            }
        }

        /// <summary>
        /// E?, arrays and records go through System.Text.Json's own converters, each compiled anew for every enum type
        /// (about 0.1 s each), so a fixed sample of about a dozen: every flags enum of another underlying type than int,
        /// and every sixth enum by name.
        /// </summary>
        [Fact]
        public void Nullable_array_and_record_uses_round_trip()
        {
            IReadOnlyList<Type> enums = Enums();
            var sample = enums.Where((t, i) => i % 6 == 0 || (JsonDriver.IsFlags(t) && Enum.GetUnderlyingType(t) != typeof(int))).ToList();
            foreach (Type type in sample)
            {
                List<object> values = JsonDriver.WriteCases(type).Take(12).Select(b => JsonDriver.Value(type, b)).ToList();
                Array many = Array.CreateInstance(type, values.Count);
                var keys = (IDictionary)Activator.CreateInstance(JsonDriver.Dictionary(type))!;
                for (int i = 0; i < values.Count; i++)
                {
                    many.SetValue(values[i], i);
                    keys[values[i]] = i;
                }

                Type holder = JsonTestEnums.Holder(_corpus.Assembly!, type);
                foreach (object? maybe in new[] { null, values[0] })
                {
                    AssertRoundTrip(Activator.CreateInstance(holder, values[values.Count - 1], maybe, many, keys), holder);
                    AssertRoundTrip(maybe, JsonDriver.Nullable(type));
                }

                AssertRoundTrip(many, many.GetType());
                Assert.Equal(JsonDriver.Write(keys, keys.GetType(), JsonDriver.Oracle), JsonDriver.Write(keys, keys.GetType()));
            }

            _output.WriteLine($"records for {sample.Count} of {enums.Count} enums");
        }

        private static void AssertRoundTrip(object? value, Type type)
        {
            string json = JsonDriver.Write(value, type);
            Assert.Equal(json, JsonDriver.Write(JsonDriver.Read(json, type), type));
            Assert.Equal(json, JsonDriver.Write(JsonDriver.ReadSegmented(json, type), type));
        }

        private IReadOnlyList<Type> Enums()
        {
            if (_corpus.Assembly is null)
            {
                _output.WriteLine("SKIPPED: corpus not found at " + RepoPaths.CorpusRoot);
            }

            return _corpus.Enums;
        }
    }
}
