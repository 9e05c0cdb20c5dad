using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>Every non-default setting at once still gives code that compiles cleanly, down to C# 7.3.</summary>
    public class CombinedSettingTests
    {
        private static readonly (string, string)[] s_everythingChanged =
        {
            ("TapiGenNamespace", "Contoso.Interop.event"),
            ("TapiGenAccessibility", "internal"),
            ("TapiGenMemberNames", "DotNet"),
            ("TapiGenTextNames", "Member"),
            ("TapiGenJsonNaming", "SnakeCaseLower"),
            ("TapiGenNewtonsoftAttribute", "true"),
            ("TapiGenJsonAllowNumbers", "false"),
            ("TapiGenJsonIgnoreCase", "true"),
            ("TapiGenJsonUndefined", "Error"),
        };

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3, TargetRefs.Net472)]
        [InlineData(LanguageVersion.CSharp7_3, TargetRefs.NetStandard20)]
        [InlineData(LanguageVersion.Latest, TargetRefs.Net80)]
        public void Every_test_page_compiles_with_every_setting_changed(LanguageVersion version, TargetRefs refs)
        {
            // Pages whose own warnings are expected (TG0010, TG0011) are fine here; errors are not.
            TestManifest[] pages = Directory.GetFiles(Path.Combine(System.AppContext.BaseDirectory, "Manifests"), "ne-*.md")
                .Select(p => TestManifests.Page(Path.GetFileName(p)))
                .Where(p => !p.Path.EndsWith("job_object_net_rate_control_flags.md", System.StringComparison.Ordinal)) // TG0006 by design
                .ToArray();
            var global = s_everythingChanged.ToDictionary(p => "build_property." + p.Item1, p => p.Item2);
            var output = GeneratorHarness.Run(pages, new GeneratorHarness.RunOptions(version, global, Refs: refs));
            Assert.DoesNotContain(output.Result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(pages.Length, output.Result.EnumTrees().Length);
            GeneratorHarness.AssertCompilesCleanly(output.Result, version, refs);
        }
    }
}
