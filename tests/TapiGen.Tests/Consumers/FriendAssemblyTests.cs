using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Roslyn;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Consumers
{
    /// <summary>
    /// Two projects that both use TapiGen, the first with InternalsVisibleTo the second: each has its own internal
    /// support types (TapiGen.Generated), so the second sees two of each. C# takes its own (CS0436, a warning); the
    /// generator's suppressor silences exactly those, so the second builds warning-free with warnings as errors.
    /// </summary>
    public class FriendAssemblyTests
    {
        [Fact]
        public void A_friend_assembly_that_also_uses_TapiGen_builds_without_CS0436()
        {
            MetadataReference first = Build("First", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Second\")]", "FIRST_STATE", null, out _);
            Build("Second", "public static class Use { public static string Both() => FirstNs.FIRST_STATEExtensions.ToStringFast(FirstNs.FIRST_STATE.F_A) + SecondNs.SECOND_STATEExtensions.ToStringFast(SecondNs.SECOND_STATE.S_A); }", "SECOND_STATE", first, out ImmutableArray<Diagnostic> diagnostics);

            Assert.Contains(diagnostics, d => d.Id == "CS0436" && d.IsSuppressed);
            Assert.Empty(diagnostics.Where(d => !d.IsSuppressed && d.Severity >= DiagnosticSeverity.Warning));
        }

        [Fact]
        public void The_suppressor_leaves_other_CS0436_alone()
        {
            MetadataReference first = Build("First", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Second\")] namespace Shared { internal sealed class Clash { } }", "FIRST_STATE", null, out _);
            Build("Second", "namespace Shared { internal sealed class Clash { } } public static class Use { public static object Make() => new Shared.Clash(); }", "SECOND_STATE", first, out ImmutableArray<Diagnostic> diagnostics);

            Assert.Contains(diagnostics, d => d.Id == "CS0436" && !d.IsSuppressed && d.GetMessage().Contains("'Clash'", System.StringComparison.Ordinal));
            Assert.DoesNotContain(diagnostics, d => d.Id == "CS0436" && !d.IsSuppressed && !d.GetMessage().Contains("'Clash'", System.StringComparison.Ordinal));
        }

        private static MetadataReference Build(string name, string source, string enumName, MetadataReference? reference, out ImmutableArray<Diagnostic> diagnostics)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var options = new GeneratorHarness.RunOptions(GlobalOptions: new System.Collections.Generic.Dictionary<string, string>
            {
                ["build_property.TapiGenNamespace"] = name + "Ns",
            });
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(parseOptions, source, TargetRefs.Net80).WithAssemblyName(name);
            if (reference is not null)
            {
                compilation = compilation.AddReferences(reference);
            }

            string prefix = enumName.Substring(0, 1) + "_";
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { TestManifests.Inline(enumName, prefix + "A", prefix + "B") }, options, parseOptions);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            var withAnalyzers = output.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new SupportConflictSuppressor()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
            diagnostics = withAnalyzers.GetAllDiagnosticsAsync().Result;

            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(stream);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
