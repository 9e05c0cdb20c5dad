using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TapiGen.Generator.Usage;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Consumers
{
    /// <summary>
    /// The usage analyzers find the helpers whether they are plain static methods (C# 13 and before) or extension
    /// members of the enum (C# 14): the suggestions are the same.
    /// </summary>
    public class UsageUnderCSharp14Tests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp13)]
        [InlineData(LanguageVersion.CSharp14)]
        public async System.Threading.Tasks.Task System_Enum_calls_get_the_same_suggestions(LanguageVersion version)
        {
            const string source = @"using System;
using Tapi.Tests;
public static class Use
{
    public static bool Run(string text, CALL_STATE state)
        => Enum.TryParse<CALL_STATE>(text, out CALL_STATE parsed) && Enum.IsDefined(parsed) && state.ToString().Length > 0 && Enum.GetValues<CALL_STATE>().Length > 0;
}";
            var parseOptions = new CSharpParseOptions(version);
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(parseOptions, source, TargetRefs.Net80);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { TestManifests.Page("ne-tapi3if-call_state.md") }, new GeneratorHarness.RunOptions(version), parseOptions);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            ImmutableArray<Diagnostic> diagnostics = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer())).GetAnalyzerDiagnosticsAsync();
            // ToString, TryParse and IsDefined; GetValues<T>() returns an array, the helper a span, so it is not offered here.
            Assert.Equal(new[] { "TG1001", "TG1003", "TG1005" }, diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        }
    }
}
