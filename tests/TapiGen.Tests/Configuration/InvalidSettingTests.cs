using System.Linq;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>
    /// A value a setting does not allow is error TG0018 on the manifest, naming the setting, the value and the allowed
    /// values; that manifest generates nothing (no enum is generated with a setting the user did not ask for).
    /// </summary>
    public class InvalidSettingTests
    {
        private const string Bools = "true, false";

        public static TheoryData<string, string> Settings => new TheoryData<string, string>
        {
            { "Accessibility", "Public, Internal" },
            { "MemberNames", "Manifest, DotNet" },
            { "TextNames", "Manifest, Member" },
            { "GenerateHelpers", Bools },
            { "GenerateSystemTextJson", Bools },
            { "GenerateNewtonsoftJson", Bools },
            { "NewtonsoftAttribute", Bools },
            { "JsonNaming", "AsIs, CamelCase, PascalCase, SnakeCaseLower, SnakeCaseUpper, KebabCaseLower, KebabCaseUpper" },
            { "JsonAllowNumbers", Bools },
            { "JsonIgnoreCase", Bools },
            { "JsonUndefined", "Number, Error" },
        };

        private static readonly TestManifest s_manifest = TestManifests.Inline("COLOR", "RED", "GREEN");

        [Theory]
        [MemberData(nameof(Settings))]
        public void A_bad_property_value_is_TG0018_naming_the_property_and_the_allowed_values(string setting, string allowed)
        {
            var run = OptionRun.Of(s_manifest, ("TapiGen" + setting, "bogus"));
            AssertReported(
                run,
                "The TapiGen" + setting + " property is 'bogus', which is not allowed (use one of: " + allowed + "), so every manifest without its own " + setting + " metadata generates nothing",
                inFile: false);
        }

        [Theory]
        [MemberData(nameof(Settings))]
        public void A_bad_metadata_value_is_TG0018_naming_the_metadata_and_the_allowed_values(string setting, string allowed)
        {
            var run = OptionRun.Of(s_manifest.WithMetadata(setting, "bogus"));
            AssertReported(
                run,
                "Manifest 'color.md': the " + setting + " metadata of the TapiEnum item is 'bogus', which is not allowed (use one of: " + allowed + "), so the manifest generates nothing",
                inFile: true);
        }

        [Fact]
        public void Numbers_are_not_accepted_for_named_choices()
        {
            // Enum.TryParse would take "1" as Internal; a setting must be spelled out.
            var run = OptionRun.Of(s_manifest, ("TapiGenAccessibility", "1"));
            Assert.StartsWith("The TapiGenAccessibility property is '1', which is not allowed (use one of: Public, Internal)", run.Single("TG0018").GetMessage());
        }

        [Fact]
        public void A_bad_property_is_reported_once_for_the_project_and_every_manifest_it_applies_to_generates_nothing()
        {
            var manifests = new[] { s_manifest, TestManifests.Inline("SHAPE", "SQUARE"), TestManifests.Inline("SIZE", "BIG").WithMetadata("Accessibility", "Internal") };
            var run = OptionRun.Of(manifests, ("TapiGenAccessibility", "private"));
            Diagnostic d = run.Single("TG0018");
            Assert.Equal(Location.None, d.Location);
            Assert.Equal(new[] { "Tapi.Tests.SIZE.g.cs" }, run.HintNames.Where(h => !h.Contains(".Extensions.", System.StringComparison.Ordinal) && !h.Contains("Json", System.StringComparison.Ordinal) && h != "TapiGen.Support.g.cs"));
        }

        [Fact]
        public void A_bad_metadata_value_on_one_item_leaves_the_other_items_alone()
        {
            var run = OptionRun.Of(new[] { s_manifest.WithMetadata("JsonUndefined", "Ignore"), TestManifests.Inline("SHAPE", "SQUARE") });
            Assert.Equal("TG0018", Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Id);
            Assert.Contains("Tapi.Tests.SHAPE.g.cs", run.HintNames);
            Assert.DoesNotContain(run.HintNames, h => h.StartsWith("Tapi.Tests.COLOR", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Every_bad_setting_is_reported_not_just_the_first()
        {
            var run = OptionRun.Of(s_manifest.WithMetadata("Flags", "maybe"), ("TapiGenAccessibility", "private"), ("TapiGenJsonIgnoreCase", "yes"));
            Assert.Equal(3, run.Diagnostics.Count(d => d.Id == "TG0018"));
        }

        /// <summary>An item's bad value is at its manifest; a property's is about no file (reported once for the project).</summary>
        private static void AssertReported(OptionRun run, string message, bool inFile)
        {
            Diagnostic d = run.Single("TG0018");
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            if (inFile)
            {
                Assert.Equal(s_manifest.Path, d.Location.GetLineSpan().Path);
            }
            else
            {
                Assert.Equal(Location.None, d.Location);
            }

            Assert.Equal(message, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Empty(run.HintNames);
        }
    }
}
