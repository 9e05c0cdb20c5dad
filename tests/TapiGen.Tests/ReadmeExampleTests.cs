using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>README's parsing example compiles (C# 14, warnings as errors) against the generated enums, runs, and returns what its comment says.</summary>
    public class ReadmeExampleTests
    {
        private const string Marker = "<!-- parsing-example";

        [Fact]
        public void The_README_parsing_example_compiles_and_returns_what_it_shows()
        {
            string code = ReadmeBlocks.After(Marker);
            string expected = code.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("// CS_", StringComparison.Ordinal));
            expected = expected.Substring(expected.IndexOf("// ", StringComparison.Ordinal) + 3);

            var options = new GeneratorHarness.RunOptions(
                LanguageVersion.CSharp14,
                new System.Collections.Generic.Dictionary<string, string> { ["build_property.TapiGenNamespace"] = "Contoso.Telephony.Tapi3" });
            GeneratorHarness.RunOutput output = GeneratorHarness.Run(new[] { TestManifests.Page("ne-tapi3if-call_state.md") }, options, code);
            CSharpCompilation compilation = GeneratorHarness.AssertCompilesCleanly(output.Result, LanguageVersion.CSharp14, TargetRefs.Net80, code);
            Assembly assembly = GeneratorHarness.Load(compilation);
            Assert.Equal(expected, (string)assembly.GetType("ParsingExample")!.GetMethod("Run")!.Invoke(null, null)!);

            // Every call it shows is TapiGen's: none binds to System.Enum (as CALL_STATE.TryParse(text, out x) would).
            SyntaxTree example = compilation.SyntaxTrees.Single(t => t.GetText().ToString() == code);
            SemanticModel model = compilation.GetSemanticModel(example);
            var calls = example.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>()
                .Select(call => model.GetSymbolInfo(call).Symbol as IMethodSymbol)
                .Where(method => method is not null && method.ContainingNamespace.ToDisplayString() != "System.Text")
                .ToList();
            Assert.True(calls.Count >= 4, calls.Count + " calls");
            Assert.All(calls, method => Assert.StartsWith("Contoso.Telephony.Tapi3.CALL_STATEExtensions", method!.ContainingType.ToDisplayString(), StringComparison.Ordinal));
        }
    }
}
