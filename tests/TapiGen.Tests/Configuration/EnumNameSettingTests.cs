using System.Linq;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>EnumName item metadata: the enum's name instead of the one the manifest gives.</summary>
    public class EnumNameSettingTests
    {
        private static readonly TestManifest s_callState = TestManifests.Page("ne-tapi3if-call_state.md");

        [Fact]
        public void EnumName_renames_the_enum_and_keeps_its_members()
        {
            var run = OptionRun.Of(s_callState.WithMetadata("EnumName", "CallStatus"));
            Assert.Equal(8, OptionRun.Members(run.Enum("Tapi.Tests.CallStatus")).Count);
            Assert.DoesNotContain(run.HintNames, h => h.Contains("CALL_STATE"));
        }

        [Fact]
        public void One_manifest_can_generate_two_enums_under_different_names()
        {
            var run = OptionRun.Of(new[] { s_callState, s_callState.WithMetadata("EnumName", "CallStateCopy") with { Path = "/other/ne-tapi3if-call_state.md" } });
            Assert.Equal(
                OptionRun.Members(run.Enum("Tapi.Tests.CALL_STATE")),
                OptionRun.Members(run.Enum("Tapi.Tests.CallStateCopy")));
        }

        [Fact]
        public void A_keyword_is_a_valid_name_and_is_escaped()
            => Assert.Equal("event", OptionRun.Of(s_callState.WithMetadata("EnumName", "event")).Enum("Tapi.Tests.event").Name);

        [Theory]
        [InlineData("Call-State")]
        [InlineData("1State")]
        [InlineData("Call State")]
        public void A_name_that_is_not_an_identifier_is_TG0018_and_nothing_is_generated(string value)
        {
            var run = OptionRun.Of(s_callState.WithMetadata("EnumName", value));
            Diagnostic d = run.Single("TG0018");
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Contains("the EnumName metadata of the TapiEnum item is '" + value + "'", d.GetMessage());
            Assert.Contains("(use a C# identifier)", d.GetMessage());
            Assert.Empty(run.HintNames);
        }
    }
}
