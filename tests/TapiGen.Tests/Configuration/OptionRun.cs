using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TapiGen.Generator;
using TapiGen.Generator.Model;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>
    /// One generator run with MSBuild properties (as build_property.X global options) and item metadata (on the
    /// manifests), and what came of it: diagnostics, the models, the generated enums compiled and loaded.
    /// </summary>
    internal sealed class OptionRun
    {
        private Assembly? _assembly;

        private OptionRun(GeneratorDriverRunResult result) => Result = result;

        public GeneratorDriverRunResult Result { get; }

        public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

        /// <summary>The models the pipeline built, read from its tracked Models step.</summary>
        public IReadOnlyList<EnumModel> Models
            => Result.Results.Single().TrackedSteps.TryGetValue(TrackingNames.Models, out var steps)
                ? steps.SelectMany(s => s.Outputs).Select(o => (EnumModel)o.Value).ToList()
                : new List<EnumModel>();

        public EnumModel Model => Assert.Single(Models);

        public IReadOnlyList<string> HintNames => Result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();

        /// <param name="properties">MSBuild property name (TapiGenNamespace, RootNamespace, ...) to value.</param>
        public static OptionRun Of(TestManifest manifest, params (string Property, string Value)[] properties)
            => Of(new[] { manifest }, properties);

        public static OptionRun Of(IEnumerable<TestManifest> manifests, params (string Property, string Value)[] properties)
        {
            var global = properties.ToDictionary(p => "build_property." + p.Property, p => p.Value, StringComparer.Ordinal);
            var output = GeneratorHarness.Run(manifests, new GeneratorHarness.RunOptions(GlobalOptions: global, TrackSteps: true));
            return new OptionRun(output.Result);
        }

        /// <summary>
        /// Asserts the run reported no errors and no warnings, but for TG0019: the inline test manifests give no
        /// values on purpose, and TG0019 says exactly that.
        /// </summary>
        public OptionRun Clean()
        {
            var unexpected = Diagnostics.Where(d => d.Id != "TG0019").ToList();
            Assert.True(unexpected.Count == 0, "unexpected diagnostics: " + string.Join("; ", unexpected));
            return this;
        }

        /// <summary>The generated enum, compiled with every warning an error and loaded.</summary>
        public Type Enum(string fullName)
        {
            Clean();
            _assembly ??= GeneratorHarness.Load(GeneratorHarness.AssertCompilesCleanly(Result));
            Type? type = _assembly.GetType(fullName);
            Assert.True(type is not null, fullName + " was not generated; got: " + string.Join(", ", _assembly.GetTypes().Select(t => t.FullName)));
            Assert.True(type!.IsEnum);
            return type;
        }

        /// <summary>The single diagnostic with this id.</summary>
        public Diagnostic Single(string id)
        {
            var matching = Diagnostics.Where(d => d.Id == id).ToList();
            Assert.True(matching.Count == 1, "expected one " + id + ", got: " + string.Join("; ", Diagnostics));
            return matching[0];
        }

        /// <summary>Names and values of an enum's members in declaration order, values as long.</summary>
        public static IReadOnlyList<(string Name, long Value)> Members(Type enumType)
            => enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
                .OrderBy(f => f.MetadataToken)
                .Select(f => (f.Name, Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();

        public static bool IsFlags(Type enumType) => enumType.IsDefined(typeof(FlagsAttribute), inherit: false);
    }
}
