using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>The namespace: Namespace item metadata, else TapiGenNamespace, else RootNamespace, else the global namespace.</summary>
    public class NamespaceSettingTests
    {
        private static TestManifest Manifest(string? itemNamespace = null)
            => TestManifests.Inline("COLOR", "RED", "GREEN") with { Namespace = itemNamespace };

        [Fact]
        public void RootNamespace_is_the_default()
            => Assert.Equal("Contoso.App", OptionRun.Of(Manifest(), ("RootNamespace", "Contoso.App")).Enum("Contoso.App.COLOR").Namespace);

        [Fact]
        public void TapiGenNamespace_wins_over_RootNamespace()
        {
            var run = OptionRun.Of(Manifest(), ("RootNamespace", "Contoso.App"), ("TapiGenNamespace", "Contoso.Interop"));
            Assert.Equal("Contoso.Interop", run.Enum("Contoso.Interop.COLOR").Namespace);
        }

        [Fact]
        public void Namespace_metadata_wins_over_both_and_applies_to_its_item_only()
        {
            var run = OptionRun.Of(
                new[] { Manifest("Contoso.Legacy"), TestManifests.Inline("SHAPE", "SQUARE") },
                ("RootNamespace", "Contoso.App"),
                ("TapiGenNamespace", "Contoso.Interop"));
            Assert.Equal("Contoso.Legacy", run.Enum("Contoso.Legacy.COLOR").Namespace);
            Assert.Equal("Contoso.Interop", run.Enum("Contoso.Interop.SHAPE").Namespace);
        }

        [Fact]
        public void Empty_or_blank_settings_count_as_unset()
        {
            // MSBuild passes metadata an item does not have as an empty value.
            var run = OptionRun.Of(Manifest("  "), ("RootNamespace", "Contoso.App"), ("TapiGenNamespace", ""));
            Assert.Equal("Contoso.App", run.Enum("Contoso.App.COLOR").Namespace);
        }

        [Fact]
        public void Without_any_namespace_setting_the_enum_is_in_the_global_namespace()
        {
            var run = OptionRun.Of(Manifest(), ("RootNamespace", ""));
            Assert.Null(run.Enum("COLOR").Namespace);
        }

        [Fact]
        public void A_namespace_part_that_is_a_keyword_is_escaped()
            => Assert.Equal("Contoso.event", OptionRun.Of(Manifest("Contoso.event")).Enum("Contoso.event.COLOR").Namespace);

        [Theory]
        [InlineData("Namespace", "Contoso..Tapi", "Manifest 'color.md': the Namespace metadata of the TapiEnum item")]
        [InlineData("TapiGenNamespace", "Contoso.1Tapi", "The TapiGenNamespace property")]
        [InlineData("RootNamespace", "Contoso-App", "The RootNamespace property")]
        public void An_invalid_namespace_is_TG0014_naming_where_it_came_from(string setting, string value, string source)
        {
            var run = setting == "Namespace"
                ? OptionRun.Of(Manifest(value))
                : OptionRun.Of(Manifest(), (setting, value));
            Diagnostic d = run.Single("TG0014");
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.StartsWith(source + " is '" + value + "', which is not a valid C# namespace name, so ", d.GetMessage());
            Assert.Equal(setting == "Namespace" ? "/manifests/color.md" : string.Empty, d.Location.GetLineSpan().Path ?? string.Empty);
            Assert.Empty(run.HintNames);
        }

        [Fact]
        public void An_invalid_RootNamespace_is_reported_once_and_says_to_set_TapiGenNamespace()
        {
            // A project named My-App gets RootNamespace My-App: every manifest would fail the same way.
            var run = OptionRun.Of(new[] { Manifest(), TestManifests.Inline("SHAPE", "SQUARE"), TestManifests.Inline("SIZE", "BIG") with { Namespace = "Contoso.Sizes" } }, ("RootNamespace", "My-App"));
            Diagnostic d = run.Single("TG0014");
            Assert.Equal(Location.None, d.Location);
            Assert.EndsWith("every manifest without its own Namespace metadata generates nothing; set TapiGenNamespace to the namespace the enums should have", d.GetMessage());
            Assert.Contains("Contoso.Sizes.SIZE.g.cs", run.HintNames);
            Assert.DoesNotContain(run.HintNames, h => h.Contains("COLOR", System.StringComparison.Ordinal) || h.Contains("SHAPE", System.StringComparison.Ordinal));
        }
    }
}
