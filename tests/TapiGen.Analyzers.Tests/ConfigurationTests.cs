using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TapiGen.Analyzers.Tests.Infrastructure;
using TapiGen.Generator.Usage;
using Xunit;

namespace TapiGen.Analyzers.Tests
{
    /// <summary>The descriptors, and the .editorconfig lines README's "Usage analyzers" gives.</summary>
    public class ConfigurationTests
    {
        private const string Source = """
            using System;
            using Tapi.Tests;

            class C
            {
                string M(AGENT_SESSION_EVENT e, string s) => e.ToString() + $"{e}" + Enum.TryParse<AGENT_SESSION_EVENT>(s, out _);
            }
            """;

        [Fact]
        public void Every_usage_diagnostic_is_an_info_enabled_by_default_in_its_own_category()
        {
            var descriptors = new UsageAnalyzer().SupportedDiagnostics;
            Assert.Equal(
                new[] { "TG1001", "TG1002", "TG1003", "TG1004", "TG1005", "TG1006", "TG1007", "TG1008" },
                descriptors.Select(d => d.Id).OrderBy(id => id));
            Assert.All(descriptors, d =>
            {
                Assert.Equal(DiagnosticSeverity.Info, d.DefaultSeverity);
                Assert.True(d.IsEnabledByDefault);
                Assert.Equal("TapiGen.Usage", d.Category);
                Assert.EndsWith("/docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            });
            Assert.Equal(descriptors.Select(d => d.Id).OrderBy(id => id), new TapiGen.CodeFixes.UsageCodeFixProvider().FixableDiagnosticIds.OrderBy(id => id));
        }

        [Fact]
        public void README_lists_every_usage_diagnostic_in_its_table()
        {
            string? root = AppContext.BaseDirectory;
            while (root is not null && !File.Exists(Path.Combine(root, "TapiGen.sln")))
            {
                root = Path.GetDirectoryName(root);
            }

            string readme = File.ReadAllText(Path.Combine(root!, "README.md"));
            int section = readme.IndexOf("### Usage analyzers", StringComparison.Ordinal);
            Assert.True(section >= 0, "README.md has no 'Usage analyzers' section");
            Assert.All(new UsageAnalyzer().SupportedDiagnostics, d => Assert.Contains("\n| " + d.Id + " | ", readme.Substring(section)));
        }

        [Fact]
        public Task An_editorconfig_raises_one_and_silences_another()
            => RunAsync(
                "[*.cs]\ndotnet_diagnostic.TG1001.severity = warning\ndotnet_diagnostic.TG1002.severity = none\n",
                new DiagnosticResult("TG1001", DiagnosticSeverity.Warning).WithSpan(6, 50, 6, 62).WithArguments("AGENT_SESSION_EVENT", "AGENT_SESSION_EVENTExtensions"),
                new DiagnosticResult("TG1003", DiagnosticSeverity.Info).WithSpan(6, 74, 6, 118).WithArguments("AGENT_SESSION_EVENT", "AGENT_SESSION_EVENTExtensions"));

        /// <summary>
        /// Category lines go through the compiler's own analyzer driver here: the testing framework names every id in
        /// the compilation options (to enable disabled ones), and the compiler lets such a setting win over a category.
        /// </summary>
        [Theory]
        [InlineData("warning", DiagnosticSeverity.Warning)]
        [InlineData("none", null)]
        public async Task An_editorconfig_sets_the_whole_category(string value, DiagnosticSeverity? expected)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Consumer",
                TapiGenOutput.Default.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, "/obj/" + s.HintName))
                    .Append(CSharpSyntaxTree.ParseText(Source, parseOptions, "/src/C.cs")),
                TapiGenOutput.References(Target.Net80),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new AnalyzerOptions(
                ImmutableArray<AdditionalText>.Empty,
                new TreeOptions("dotnet_analyzer_diagnostic.category-TapiGen.Usage.severity", value));
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync();

            if (expected is null)
            {
                Assert.Empty(diagnostics);
            }
            else
            {
                Assert.Equal(new[] { "TG1001", "TG1002", "TG1003" }, diagnostics.Select(d => d.Id).OrderBy(id => id));
                Assert.All(diagnostics, d => Assert.Equal(expected, d.Severity));
            }
        }

        private static Task RunAsync(string editorConfig, params DiagnosticResult[] expected)
        {
            var test = new CSharpCodeFixTest<UsageAnalyzer, EmptyCodeFixProvider, DefaultVerifier> { TestCode = Source };
            UsageVerifier.AddGenerated(test, TapiGenOutput.Default);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>One .editorconfig line, for every file.</summary>
        private sealed class TreeOptions : AnalyzerConfigOptionsProvider
        {
            private readonly AnalyzerConfigOptions _options;

            public TreeOptions(string key, string value) => _options = new Line(key, value);

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

            private sealed class Line : AnalyzerConfigOptions
            {
                private readonly string _key;
                private readonly string _value;

                public Line(string key, string value)
                {
                    _key = key;
                    _value = value;
                }

                public override bool TryGetValue(string key, out string value)
                {
                    bool found = KeyComparer.Equals(key, _key);
                    value = found ? _value : string.Empty;
                    return found;
                }
            }
        }
    }
}
