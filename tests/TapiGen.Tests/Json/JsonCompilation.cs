using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Json
{
    /// <summary>Which System.Text.Json a compilation sees: the framework's (net8.0) or an older package (netstandard2.0, net472).</summary>
    public enum StjPackage
    {
        /// <summary>net8.0 reference assemblies, System.Text.Json included.</summary>
        Framework,

        /// <summary>STJ 4.7.2: no ReadAsPropertyName, no ValueIsEscaped.</summary>
        V4_7_2,

        /// <summary>STJ 6.0.11: property-name APIs, but no ValueIsEscaped/CopyString.</summary>
        V6_0_11,

        /// <summary>STJ 8.0.5 for netstandard2.0: every API the converter uses.</summary>
        V8_0_5,
    }

    /// <summary>
    /// Runs the generator with JSON options and compiles what it made (warnings as errors, doc diagnostics on), for
    /// tests that run the converters. The generator sees the same references as the compilation, so its facts match.
    /// </summary>
    public static class JsonCompilation
    {
        public sealed record Output(GeneratorDriverRunResult Result, CSharpCompilation Compilation);

        /// <summary>MSBuild properties for the run: ("JsonIgnoreCase", "true") becomes build_property.TapiGenJsonIgnoreCase.</summary>
        public static IReadOnlyDictionary<string, string> Properties(params (string Name, string Value)[] properties)
            => properties.ToDictionary(p => "build_property.TapiGen" + p.Name, p => p.Value);

        public static Output Compile(
            IEnumerable<TestManifest> manifests,
            IReadOnlyDictionary<string, string>? properties = null,
            string? consumer = null,
            LanguageVersion languageVersion = LanguageVersion.Latest,
            TargetRefs refs = TargetRefs.Net80,
            StjPackage stj = StjPackage.Framework,
            bool checkWarnings = true,
            string? newtonsoft = null)
        {
            var parseOptions = new CSharpParseOptions(languageVersion, checkWarnings ? DocumentationMode.Diagnose : DocumentationMode.None);
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(parseOptions, consumer, refs).AddReferences(PackageReferences(stj));
            if (newtonsoft is not null)
            {
                compilation = compilation.AddReferences(Package("newtonsoft.json", newtonsoft, "Newtonsoft.Json.dll"));
            }

            // The converters stand alone: these runs leave the helpers out (unless a test asks for them), so what they
            // count and snapshot is the enum and its converters only.
            var withDefaults = new Dictionary<string, string>(properties ?? new Dictionary<string, string>());
            if (!withDefaults.ContainsKey("build_property.TapiGenGenerateHelpers"))
            {
                withDefaults["build_property.TapiGenGenerateHelpers"] = "false";
            }

            GeneratorDriver driver = GeneratorHarness.CreateDriver(manifests, new GeneratorHarness.RunOptions(languageVersion, withDefaults), parseOptions);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            GeneratorDriverRunResult result = driver.GetRunResult();
            Assert.All(result.Results, r => Assert.Null(r.Exception));
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            if (!checkWarnings)
            {
                return new Output(result, (CSharpCompilation)output);
            }

            var problems = output.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
                .Where(d => d.Id != "CS1701" && d.Id != "CS1702") // package version unification; the SDK's default NoWarn
                .ToList();
            Assert.True(problems.Count == 0, $"Generated code does not compile cleanly ({languageVersion}, {refs}, {stj}):\n" + string.Join("\n", problems.Take(20)));
            return new Output(result, (CSharpCompilation)output);
        }

        /// <summary>
        /// Compiles and loads; the assembly binds to this process's System.Text.Json whatever it was compiled against.
        /// <paramref name="checkWarnings"/> false skips the (slow) full diagnostics pass when other tests already check that code.
        /// </summary>
        public static Assembly Load(IEnumerable<TestManifest> manifests, IReadOnlyDictionary<string, string>? properties = null, string? consumer = null, bool checkWarnings = true)
            => GeneratorHarness.Load(Compile(manifests, properties, consumer, checkWarnings: checkWarnings).Compilation);

        public static Type EnumType(Assembly assembly, string name)
            => assembly.GetType(GeneratorHarness.DefaultNamespace + "." + name) ?? throw new InvalidOperationException("no enum " + name);

        private static IEnumerable<MetadataReference> PackageReferences(StjPackage stj)
        {
            if (stj == StjPackage.Framework)
            {
                return Array.Empty<MetadataReference>();
            }

            (string Json, string Web, string Async) versions = stj switch
            {
                StjPackage.V4_7_2 => ("4.7.2", "4.7.2", "1.1.1"),
                StjPackage.V6_0_11 => ("6.0.11", "6.0.1", "6.0.0"),
                _ => ("8.0.5", "8.0.0", "8.0.0"),
            };
            return new[]
            {
                Package("system.text.json", versions.Json, "System.Text.Json.dll"),
                Package("system.text.encodings.web", versions.Web, "System.Text.Encodings.Web.dll"),
                Package("microsoft.bcl.asyncinterfaces", versions.Async, "Microsoft.Bcl.AsyncInterfaces.dll"),
                Package("system.memory", "4.5.5", "System.Memory.dll"),
                Package("system.buffers", "4.5.1", "System.Buffers.dll"),
                Package("system.runtime.compilerservices.unsafe", "6.0.0", "System.Runtime.CompilerServices.Unsafe.dll"),
                Package("system.threading.tasks.extensions", "4.5.4", "System.Threading.Tasks.Extensions.dll"),
                Package("system.numerics.vectors", "4.5.0", "System.Numerics.Vectors.dll"),
            };
        }

        private static MetadataReference Package(string id, string version, string file)
        {
            string root = typeof(JsonCompilation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value!;
            string path = Path.Combine(root, id, version, "lib", "netstandard2.0", file);
            Assert.True(File.Exists(path), "Restore downloads " + path + " (PackageDownload in TapiGen.Tests.csproj)");
            return MetadataReference.CreateFromFile(path);
        }
    }
}
