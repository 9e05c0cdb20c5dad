using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TapiGen.CodeFixes;
using TapiGen.Generator.Usage;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Consumers
{
    /// <summary>
    /// The usage analyzers find the helpers whether they are plain static methods (C# 13 and before) or extension
    /// members of the enum (C# 14): the suggestions are the same, and from C# 14 the code fix calls a static helper on
    /// the enum type (<c>CALL_STATE.Parse</c>) where that call reaches it.
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

        /// <summary>
        /// What README says of C# 14: on the enum type, TryParse(string, out E) and IsDefined(E) bind to System.Enum's
        /// generic methods (inherited members win over extension members) and the analyzer reports them; the members
        /// System.Enum has no fitting one of reach the helpers.
        /// </summary>
        [Fact]
        public async Task Under_CSharp_14_calls_on_the_enum_type_reach_the_helpers_only_where_System_Enum_has_no_fit()
        {
            const string source = @"using Tapi.Tests;
public static class Use
{
    public static int Run(string text)
    {
        int n = CALL_STATE.TryParse(text, out CALL_STATE a) ? 1 : 0;
        n += CALL_STATE.IsDefined(a) ? 1 : 0;
        n += (int)CALL_STATE.Parse(text);
        n += CALL_STATE.GetValues().Length + CALL_STATE.GetNames().Length + CALL_STATE.Length;
        n += CALL_STATE.IsDefined(text) ? 1 : 0;
        return n;
    }
}";
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp14);
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(parseOptions, source, TargetRefs.Net80);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { TestManifests.Page("ne-tapi3if-call_state.md") }, new GeneratorHarness.RunOptions(LanguageVersion.CSharp14), parseOptions);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            SyntaxTree tree = output.SyntaxTrees.Single(t => t.FilePath == "Consumer.cs");
            SemanticModel model = output.GetSemanticModel(tree);
            string[] owners = tree.GetRoot().DescendantNodes()
                .Where(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                    || (n is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax m && m.Name.Identifier.Text == "Length" && m.Expression.ToString() == "CALL_STATE"))
                .Select(n => model.GetSymbolInfo(n).Symbol!)
                .Select(symbol => symbol.Name + ":" + (symbol.ContainingType.ToDisplayString() == "System.Enum" ? "System.Enum" : "TapiGen"))
                .ToArray();
            Assert.Equal(
                new[] { "TryParse:System.Enum", "IsDefined:System.Enum", "Parse:TapiGen", "GetValues:TapiGen", "GetNames:TapiGen", "Length:TapiGen", "IsDefined:TapiGen" },
                owners);

            ImmutableArray<Diagnostic> diagnostics = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer())).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(new[] { "TG1003", "TG1005" }, diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        }

        /// <summary>
        /// A C# 13 consumer of a library built with C# 14: the compiler may bind the library's extension members only to
        /// report an error, so the suggestion names the helpers class.
        /// </summary>
        [Fact]
        public async Task A_CSharp_13_consumer_of_a_CSharp_14_library_is_told_the_helpers_class()
        {
            var libraryOptions = new CSharpParseOptions(LanguageVersion.CSharp14);
            CSharpCompilation library = GeneratorHarness.CreateCompilation(libraryOptions, null, TargetRefs.Net80).WithAssemblyName("TapiLibrary");
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { TestManifests.Page("ne-tapi3if-call_state.md") }, new GeneratorHarness.RunOptions(LanguageVersion.CSharp14), libraryOptions);
            driver.RunGeneratorsAndUpdateCompilation(library, out Compilation built, out _);
            using var image = new System.IO.MemoryStream();
            Assert.True(built.Emit(image).Success);

            const string source = @"using System;
using Tapi.Tests;
public static class Use
{
    public static int Run(string text) => (int)Enum.Parse<CALL_STATE>(text);
}";
            var consumerOptions = new CSharpParseOptions(LanguageVersion.CSharp13);
            CSharpCompilation consumer = GeneratorHarness.CreateCompilation(consumerOptions, source, TargetRefs.Net80)
                .AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
            Diagnostic diagnostic = Assert.Single(await consumer.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer())).GetAnalyzerDiagnosticsAsync());
            Assert.Equal("TG1004", diagnostic.Id);
            Assert.False(diagnostic.Properties.ContainsKey(UsageContract.ReceiverProperty));
            Assert.Contains("CALL_STATEExtensions.Parse", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// From C# 14 the fix calls a static helper on the enum type where that call reaches the helper. Not for
        /// TryParse(string, bool, out E): on the enum type that binds to System.Enum's own TryParse&lt;TEnum&gt; (a type's
        /// real members, inherited ones included, win over extension members), so the fix keeps the helpers class.
        /// </summary>
        [Theory]
        [InlineData(LanguageVersion.CSharp13, "TG1004", "Enum.Parse<CALL_STATE>(text)", "Use CALL_STATEExtensions.Parse", "CALL_STATEExtensions.Parse(text)")]
        [InlineData(LanguageVersion.CSharp14, "TG1004", "Enum.Parse<CALL_STATE>(text)", "Use CALL_STATE.Parse", "CALL_STATE.Parse(text)")]
        [InlineData(LanguageVersion.Preview, "TG1004", "(CALL_STATE)Enum.Parse(typeof(CALL_STATE), text)", "Use CALL_STATE.Parse", "CALL_STATE.Parse(text)")]
        [InlineData(LanguageVersion.CSharp13, "TG1003", "Enum.TryParse<CALL_STATE>(text, true, out CALL_STATE parsed)", "Use CALL_STATEExtensions.TryParse", "CALL_STATEExtensions.TryParse(text, true, out CALL_STATE parsed)")]
        [InlineData(LanguageVersion.CSharp14, "TG1003", "Enum.TryParse<CALL_STATE>(text, true, out CALL_STATE parsed)", "Use CALL_STATEExtensions.TryParse", "CALL_STATEExtensions.TryParse(text, true, out CALL_STATE parsed)")]
        public async Task The_fix_calls_a_static_helper_on_the_enum_type_where_CSharp_14_binds_it_there(LanguageVersion version, string id, string call, string title, string fixedCall)
        {
            string source = @"using System;
using Tapi.Tests;
public static class Use
{
    public static bool Run(string text) => (" + call + @").GetHashCode() != 1;
}";
            var parseOptions = new CSharpParseOptions(version);
            CSharpCompilation consumer = GeneratorHarness.CreateCompilation(parseOptions, null, TargetRefs.Net80);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { TestManifests.Page("ne-tapi3if-call_state.md") }, new GeneratorHarness.RunOptions(version), parseOptions);
            GeneratorDriverRunResult generated = driver.RunGenerators(consumer).GetRunResult();

            using var workspace = new AdhocWorkspace();
            Project project = workspace.AddProject("Use", LanguageNames.CSharp)
                .WithParseOptions(parseOptions)
                .WithCompilationOptions(consumer.Options)
                .WithMetadataReferences(consumer.References);
            foreach (SyntaxTree tree in generated.GeneratedTrees)
            {
                project = project.AddDocument(System.IO.Path.GetFileName(tree.FilePath), await tree.GetTextAsync()).Project;
            }

            Document document = project.AddDocument("Use.cs", source);
            Compilation compilation = (await document.Project.GetCompilationAsync())!;
            Diagnostic diagnostic = (await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer())).GetAnalyzerDiagnosticsAsync())
                .Single(d => d.Id == id);
            Assert.Contains(title.Substring("Use ".Length), diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await new UsageCodeFixProvider().RegisterCodeFixesAsync(context);
            CodeAction fix = Assert.Single(actions);
            Assert.Equal(title, fix.Title);

            ApplyChangesOperation change = (await fix.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            Document fixedDocument = change.ChangedSolution.GetDocument(document.Id)!;
            string text = (await fixedDocument.GetTextAsync()).ToString();
            Assert.Contains("=> (" + fixedCall + ").GetHashCode()", text);

            // The fixed code compiles, and calls the generated helper.
            Compilation fixedCompilation = (await fixedDocument.Project.GetCompilationAsync())!;
            Assert.Empty(fixedCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }
    }
}
