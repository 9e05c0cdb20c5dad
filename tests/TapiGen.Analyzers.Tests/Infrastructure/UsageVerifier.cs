using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TapiGen.CodeFixes;
using TapiGen.Generator.Usage;

namespace TapiGen.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs the usage analyzer and its code fix over one consumer file, next to the files TapiGen generated. The
    /// consumer is written with markup: <c>{|TG1001:value.ToString()|}</c> is where a diagnostic must be, by id and span.
    /// </summary>
    public static class UsageVerifier
    {
        /// <summary>
        /// Asserts exactly the marked diagnostics and, when <paramref name="fixedSource"/> is given, that fixing them
        /// all (one by one and with Fix All) gives that code, which must compile. Null: the diagnostics have no fix.
        /// </summary>
        /// <param name="fixAllInDocumentOnly">
        /// Check Fix All on the document only, not again on the project and the solution (the same single file here):
        /// for sources with many diagnostics, where each check is a full run per id.
        /// </param>
        public static Task VerifyAsync(string source, string? fixedSource, TapiGenOutput? generated = null, bool fixAllInDocumentOnly = false)
        {
            var test = new CSharpCodeFixTest<UsageAnalyzer, UsageCodeFixProvider, DefaultVerifier>
            {
                TestCode = source,
                FixedCode = fixedSource ?? source,

                // Fix All fixes one id at a time (the fix's equivalence key is the id): one pass per id marked.
                NumberOfFixAllIterations = Regex.Matches(source, @"\{\|(TG\d{4}):").Select(m => m.Groups[1].Value).Distinct().Count(),
                CodeFixTestBehaviors = fixAllInDocumentOnly
                    ? CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck
                    : CodeFixTestBehaviors.None,
            };
            AddGenerated(test, generated ?? TapiGenOutput.Default);
            foreach ((string hintName, string text) in (generated ?? TapiGenOutput.Default).Sources)
            {
                test.FixedState.Sources.Add((hintName, text));
            }

            return test.RunAsync();
        }

        /// <summary>Puts the generated files beside the test's code, with the references the generator ran against.</summary>
        public static void AddGenerated(AnalyzerTest<DefaultVerifier> test, TapiGenOutput generated)
        {
            // References come from Basic.Reference.Assemblies, the ones the generator ran against: nothing is downloaded.
            test.ReferenceAssemblies = new ReferenceAssemblies(generated.Target == Target.Net80 ? "net8.0" : "netstandard2.0");
            foreach (var reference in TapiGenOutput.References(generated.Target))
            {
                test.TestState.AdditionalReferences.Add(reference);
            }

            foreach ((string hintName, string text) in generated.Sources)
            {
                test.TestState.Sources.Add((hintName, text));
            }
        }
    }
}
